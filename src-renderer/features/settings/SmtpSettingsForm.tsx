import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Alert, Button, Grid, Group, NumberInput, Paper, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../src-shared/contract/index.js';
import { SMTP_SECURITY } from '../../../src-shared/contract/smtp.js';
import { useServerErrors } from '../../api/form-errors.js';
import { useOpMutation, useOpQuery } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { QueryState } from '../../components/QueryState.js';

interface SmtpValues {
  host: string;
  port: number | '';
  security: (typeof SMTP_SECURITY)[number];
  user: string;
  password: string;
  from: string;
  fromName: string;
}

const isField = (f: string) => ['host', 'port', 'security', 'user', 'password', 'from', 'fromName'].includes(f);
const DEFAULT_PORT = { starttls: 587, tls: 465, none: 25 } as const;

/**
 * The firm's outgoing mail server, for convocations by e-mail (art. 3.87 §3). The password
 * goes to the OS keychain and is never shown again; a server other than this computer must
 * use TLS or STARTTLS (the server refuses otherwise).
 */
export function SmtpSettingsForm() {
  const { t } = useTranslation();
  const query = useOpQuery('settings.smtp.get', {});
  return (
    <Paper withBorder radius="md" p="lg" id="smtp">
      <Stack gap="sm">
        <Title order={2} size="h4">{t('settings.smtp.title')}</Title>
        <Text size="sm" c="dimmed">{t('settings.smtp.description')}</Text>
        <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
          {() => <SmtpForm current={query.data!} />}
        </QueryState>
      </Stack>
    </Paper>
  );
}

function SmtpForm({ current }: { current: OpOutput<'settings.smtp.get'> }) {
  const { t } = useTranslation();
  const defaults: SmtpValues = { host: current.host, port: current.port || 587, security: current.security, user: current.user, password: '', from: current.from, fromName: current.fromName };
  const { register, control, handleSubmit, setError, reset, formState: { errors } } = useForm<SmtpValues>({ defaultValues: defaults });
  const server = useServerErrors(setError, isField);
  const save = useOpMutation('settings.smtp.save');
  useEffect(() => reset(defaults), [current]); // eslint-disable-line react-hooks/exhaustive-deps

  const onSave = handleSubmit(async (v) => {
    server.clear();
    try {
      await save.mutateAsync({ host: v.host, port: Number(v.port), security: v.security, user: v.user, from: v.from, fromName: v.fromName, ...(v.password ? { password: v.password } : {}) });
      notifications.show({ color: 'teal', message: t('settings.smtp.saved') });
    } catch (e) {
      server.apply(e);
    }
  });
  const required = { required: t('errors.required') };
  return (
    <form onSubmit={onSave} noValidate aria-label={t('settings.smtp.title')}>
      <Stack>
        {!current.secureStorage ? (
          <Alert color="orange" variant="light" icon={<IconMailOff aria-hidden />}>{t('settings.smtp.noSecureStorage')}</Alert>
        ) : null}
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('settings.smtp.host')} placeholder="smtp.example.be" required error={errors.host?.message} {...register('host', required)} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <Controller
              control={control}
              name="security"
              render={({ field }) => (
                <Select
                  label={t('settings.smtp.security')}
                  allowDeselect={false}
                  data={SMTP_SECURITY.map((s) => ({ value: s, label: t(`settings.smtp.securities.${s}`) }))}
                  value={field.value}
                  onChange={(v) => field.onChange(v ?? 'starttls')}
                  error={errors.security?.message}
                />
              )}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <Controller
              control={control}
              name="port"
              rules={required}
              render={({ field, fieldState }) => (
                <NumberInput label={t('settings.smtp.port')} required min={1} max={65535} allowDecimal={false} name={field.name} ref={field.ref} value={field.value} onBlur={field.onBlur} onChange={(v) => field.onChange(v === '' ? '' : Number(v))} error={fieldState.error?.message} placeholder={String(DEFAULT_PORT.starttls)} />
              )}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('settings.smtp.user')} autoComplete="off" error={errors.user?.message} {...register('user')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <PasswordInput label={t('settings.smtp.password')} description={current.passwordStored ? t('settings.smtp.passwordStored') : undefined} autoComplete="new-password" disabled={!current.secureStorage} error={errors.password?.message} {...register('password')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput type="email" label={t('settings.smtp.from')} placeholder="syndic@example.be" required error={errors.from?.message} {...register('from', required)} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('settings.smtp.fromName')} error={errors.fromName?.message} {...register('fromName')} />
          </Grid.Col>
        </Grid>
        {server.formError ? <ErrorAlert error={server.formError.error} problems={server.formError.problems} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
