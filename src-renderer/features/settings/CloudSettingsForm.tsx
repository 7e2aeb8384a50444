import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Alert, Button, Grid, Group, NumberInput, Paper, PasswordInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconCloudOff, IconLock, IconPlugConnected } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OpInput, OpOutput } from '../../../src-shared/contract/index.js';
import { useServerErrors } from '../../api/form-errors.js';
import { useOpMutation, useOpQuery } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { QueryState } from '../../components/QueryState.js';

interface CloudValues {
  host: string;
  port: number | '';
  database: string;
  user: string;
  password: string;
  tls: boolean;
}

const isField = (f: string) => ['host', 'port', 'database', 'user', 'password', 'tls'].includes(f);

/**
 * The firm's shared PostgreSQL (cloud). The password goes to the OS keychain and is never
 * shown again; where the OS offers no keychain it cannot be saved (KOPROGO_PG at launch).
 */
export function CloudSettingsForm() {
  const { t } = useTranslation();
  const query = useOpQuery('settings.cloud.get', {});
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">{t('settings.cloud.title')}</Title>
        <Text size="sm" c="dimmed">{t('settings.cloud.description')}</Text>
        <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
          {() => <CloudForm current={query.data!} />}
        </QueryState>
      </Stack>
    </Paper>
  );
}

function CloudForm({ current }: { current: OpOutput<'settings.cloud.get'> }) {
  const { t } = useTranslation();
  const defaults: CloudValues = { host: current.host, port: current.port || 5432, database: current.database, user: current.user, password: '', tls: current.configured ? current.tls : true };
  const { register, control, handleSubmit, setError, reset, formState: { errors } } = useForm<CloudValues>({ defaultValues: defaults });
  const server = useServerErrors(setError, isField);
  const save = useOpMutation('settings.cloud.save');
  const test = useOpMutation('settings.cloud.test');
  const [testResult, setTestResult] = useState<OpOutput<'settings.cloud.test'> | null>(null);

  useEffect(() => reset(defaults), [current]); // eslint-disable-line react-hooks/exhaustive-deps

  const toInput = (v: CloudValues): OpInput<'settings.cloud.save'> => ({
    host: v.host, port: Number(v.port), database: v.database, user: v.user, tls: v.tls, ...(v.password ? { password: v.password } : {}),
  });

  const onSave = handleSubmit(async (v) => {
    server.clear();
    setTestResult(null);
    try {
      await save.mutateAsync(toInput(v));
      notifications.show({ color: 'teal', message: t('settings.cloud.saved') });
    } catch (e) {
      server.apply(e);
    }
  });
  const onTest = handleSubmit(async (v) => {
    server.clear();
    setTestResult(null);
    try {
      setTestResult(await test.mutateAsync(toInput(v)));
    } catch (e) {
      server.apply(e);
    }
  });

  const required = { required: t('errors.required') };
  return (
    <form onSubmit={onSave} noValidate aria-label={t('settings.cloud.title')}>
      <Stack>
        {!current.secureStorage ? (
          <Alert color="orange" variant="light" icon={<IconCloudOff aria-hidden />} title={t('settings.cloud.noSecureStorageTitle')}>
            {t('settings.cloud.noSecureStorage')}
          </Alert>
        ) : null}
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput label={t('settings.cloud.host')} placeholder="db.example.be" required error={errors.host?.message} {...register('host', required)} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Controller
              control={control}
              name="port"
              rules={required}
              render={({ field, fieldState }) => (
                <NumberInput label={t('settings.cloud.port')} required min={1} max={65535} allowDecimal={false} name={field.name} ref={field.ref} value={field.value} onBlur={field.onBlur} onChange={(v) => field.onChange(v === '' ? '' : Number(v))} error={fieldState.error?.message} />
              )}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('settings.cloud.database')} required error={errors.database?.message} {...register('database', required)} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('settings.cloud.user')} required autoComplete="off" error={errors.user?.message} {...register('user', required)} />
          </Grid.Col>
          <Grid.Col span={12}>
            <PasswordInput
              label={t('settings.cloud.password')}
              description={current.passwordStored ? t('settings.cloud.passwordStored') : undefined}
              autoComplete="new-password"
              disabled={!current.secureStorage}
              error={errors.password?.message}
              {...register('password')}
            />
          </Grid.Col>
        </Grid>
        <Switch label={t('settings.cloud.tls')} description={t('settings.cloud.tlsHint')} thumbIcon={<IconLock size={10} aria-hidden />} error={errors.tls?.message} {...register('tls')} />
        {server.formError ? <ErrorAlert error={server.formError.error} problems={server.formError.problems} /> : null}
        {testResult ? (
          <Alert color={testResult.reachable ? 'teal' : 'red'} variant="light" role="status" icon={testResult.reachable ? <IconCircleCheck aria-hidden /> : <IconCloudOff aria-hidden />} title={testResult.reachable ? t('settings.cloud.reachable') : t('settings.cloud.unreachable')}>
            {testResult.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" leftSection={<IconPlugConnected size={18} aria-hidden />} loading={test.isPending} onClick={() => void onTest()}>{t('settings.cloud.test')}</Button>
          <Button type="submit" loading={save.isPending}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
