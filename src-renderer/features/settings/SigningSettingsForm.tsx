import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert, Badge, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../src-shared/contract/index.js';
import { useServerErrors } from '../../api/form-errors.js';
import { useOpMutation, useOpQuery } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { QueryState } from '../../components/QueryState.js';

interface SigningValues {
  modulePath: string;
}

const isField = (f: string) => f === 'modulePath';

/**
 * The PKCS#11 module that signs with the eID card (docs/signing.md). Saving loads it in the
 * signing process and shows what it answered; a library that is not a module is refused on
 * the field. Empty: the eID software's usual place on this computer.
 */
export function SigningSettingsForm() {
  const { t } = useTranslation();
  const query = useOpQuery('settings.signing.get', {});
  return (
    <Paper withBorder radius="md" p="lg" id="signing">
      <Stack gap="sm">
        <Title order={2} size="h4">{t('settings.signing.title')}</Title>
        <Text size="sm" c="dimmed">{t('settings.signing.description')}</Text>
        <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
          {() => <SigningForm current={query.data!} />}
        </QueryState>
      </Stack>
    </Paper>
  );
}

type Probe = NonNullable<OpOutput<'settings.signing.save'>['probe']>;

function SigningForm({ current }: { current: OpOutput<'settings.signing.get'> }) {
  const { t } = useTranslation();
  const { register, handleSubmit, setError, reset, formState: { errors } } = useForm<SigningValues>({ defaultValues: { modulePath: current.modulePath ?? '' } });
  const server = useServerErrors(setError, isField);
  const save = useOpMutation('settings.signing.save');
  const [probe, setProbe] = useState<Probe | null>(null);
  useEffect(() => reset({ modulePath: current.modulePath ?? '' }), [current.modulePath, reset]);

  const onSave = handleSubmit(async (v) => {
    server.clear();
    setProbe(null);
    try {
      const r = await save.mutateAsync({ modulePath: v.modulePath });
      setProbe(r.probe);
      notifications.show({ color: 'teal', message: t(r.modulePath ? 'settings.signing.saved' : 'settings.signing.reset') });
    } catch (e) {
      server.apply(e);
    }
  });

  return (
    <form onSubmit={onSave} noValidate aria-label={t('settings.signing.title')}>
      <Stack>
        <TextInput
          label={t('settings.signing.modulePath')}
          description={t('settings.signing.modulePathHint', { defaults: current.defaults.join(', ') })}
          placeholder={current.defaults[0]}
          autoComplete="off"
          spellCheck={false}
          error={errors.modulePath?.message}
          {...register('modulePath')}
        />
        <Text size="sm">
          {t('settings.signing.download')}{' '}
          <Text component="span" size="sm" ff="monospace">https://eid.belgium.be</Text>
        </Text>
        <Group gap="xs">
          <Text size="sm">{t('settings.signing.inUse', { path: current.effectivePath })}</Text>
          <Badge variant="light" color="gray">{t(`settings.signing.sources.${current.source}`)}</Badge>
          <Badge variant="light" color={current.found ? 'teal' : 'orange'}>{t(current.found ? 'settings.signing.found' : 'settings.signing.notFound')}</Badge>
        </Group>
        {probe ? (
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title={t('settings.signing.probeTitle')}>
            <List size="sm">
              <List.Item>{t('settings.signing.probeManufacturer', { value: probe.manufacturer })}</List.Item>
              <List.Item>{t('settings.signing.probeDescription', { value: probe.description, version: probe.libraryVersion, cryptoki: probe.cryptokiVersion })}</List.Item>
              <List.Item>{t('settings.signing.probeSlots', { n: probe.slotsWithToken, total: probe.slots })}</List.Item>
            </List>
          </Alert>
        ) : null}
        {server.formError ? <ErrorAlert error={server.formError.error} problems={server.formError.problems} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>{t('settings.signing.testAndSave')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
