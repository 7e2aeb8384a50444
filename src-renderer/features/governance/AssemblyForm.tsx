import { Controller, useForm } from 'react-hook-form';
import { Button, Group, Modal, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { AssemblyDetail } from '../../../src-shared/contract/governance.js';
import { CONVOCATION_MIN_DAYS } from '../../../src-shared/governance.js';
import { useResetOnOpen, useServerErrors } from '../../api/form-errors.js';
import { useOpMutation } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { addDays, todayIso } from '../finance/dates.js';
import { fromLocalInput, toLocalInput } from './dates.js';

interface Values {
  kind: 'ordinary' | 'extraordinary';
  place: string;
  scheduledAt: string;
  convocationDate: string;
}

const isField = (f: string) => ['kind', 'place', 'scheduledAt', 'convocationDate'].includes(f);
const PREFIX = ['data'] as const;

const initial = (a?: AssemblyDetail): Values =>
  a
    ? { kind: a.kind, place: a.place, scheduledAt: toLocalInput(a.scheduledAt), convocationDate: a.convocationDate ?? '' }
    : { kind: 'ordinary', place: '', scheduledAt: `${addDays(todayIso(), 30)}T18:00`, convocationDate: '' };

/**
 * Prepare or change a general assembly (art. 3.87): ordinary or extraordinary, where and
 * when, and the date the convocations go (at least 15 days before, §3). The server checks
 * the rest and lists what is missing in the checks.
 */
export function AssemblyForm({ opened, onClose, buildingId, assembly, onCreated }: { opened: boolean; onClose: () => void; buildingId: number; assembly?: AssemblyDetail; onCreated?: (id: number) => void }) {
  const { t } = useTranslation();
  const { register, control, handleSubmit, setError, reset, formState: { errors } } = useForm<Values>({ defaultValues: initial(assembly) });
  const server = useServerErrors(setError, isField, assembly ? PREFIX : []);
  const create = useOpMutation('ag.create');
  const update = useOpMutation('ag.update');

  useResetOnOpen(opened, reset, server.clear, () => initial(assembly), [assembly]);

  const onSubmit = handleSubmit(async (v) => {
    server.clear();
    const scheduledAt = fromLocalInput(v.scheduledAt);
    if (!scheduledAt) {
      setError('scheduledAt', { type: 'format', message: t('errors.invalid_format') });
      return;
    }
    const data = { kind: v.kind, place: v.place, scheduledAt, convocationDate: v.convocationDate || null };
    try {
      if (assembly) {
        await update.mutateAsync({ id: assembly.id, data: { ...data, session: assembly.session, firstSessionId: assembly.firstSessionId } });
        notifications.show({ color: 'teal', message: t('assemblies.form.saved') });
      } else {
        const r = await create.mutateAsync({ buildingId, ...data });
        notifications.show({ color: 'teal', message: t('assemblies.form.created') });
        onCreated?.(r.id);
      }
      onClose();
    } catch (e) {
      server.apply(e);
    }
  });

  const title = assembly ? t('assemblies.form.editTitle') : t('assemblies.new');
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack>
          <Controller
            control={control}
            name="kind"
            render={({ field }) => (
              <SegmentedControl
                fullWidth
                value={field.value}
                onChange={(v) => field.onChange(v as Values['kind'])}
                aria-label={t('assemblies.form.kind')}
                data={[{ value: 'ordinary', label: t('assemblies.kind.ordinary') }, { value: 'extraordinary', label: t('assemblies.kind.extraordinary') }]}
              />
            )}
          />
          <TextInput label={t('assemblies.form.place')} placeholder={t('assemblies.form.placePlaceholder')} required data-autofocus maxLength={200} error={errors.place?.message} {...register('place', { required: t('errors.required') })} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="datetime-local" label={t('assemblies.form.scheduledAt')} required error={errors.scheduledAt?.message} {...register('scheduledAt', { required: t('errors.required') })} />
            <TextInput type="date" label={t('assemblies.form.convocationDate')} description={t('assemblies.form.convocationHint', { days: CONVOCATION_MIN_DAYS })} error={errors.convocationDate?.message} {...register('convocationDate')} />
          </SimpleGrid>
          {assembly?.session === 'second' ? <Text size="sm" c="dimmed">{t('assemblies.form.secondSessionNote')}</Text> : null}
          {server.formError ? <ErrorAlert error={server.formError.error} problems={server.formError.problems} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={create.isPending || update.isPending}>{assembly ? t('common.save') : t('assemblies.form.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
