import { Controller, useForm } from 'react-hook-form';
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { LOT_KINDS, type LotKind, type LotRow } from '../../../src-shared/contract/portfolio.js';
import { useResetOnOpen, useServerErrors } from '../../api/form-errors.js';
import { useOpMutation } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

interface LotFormValues {
  number: string;
  kind: LotKind;
  floor: number | '';
  shares: number | '';
}

const PREFIX = ['data'] as const;
const isField = (f: string) => ['number', 'kind', 'floor', 'shares'].includes(f);

const initialValues = (lot?: LotRow): LotFormValues =>
  lot ? { number: lot.number, kind: lot.kind, floor: lot.floor ?? '', shares: lot.shares } : { number: '', kind: 'apartment', floor: '', shares: '' };

/** Create or change a lot: its number, kind, floor and quote-parts. */
export function LotForm({ opened, onClose, buildingId, lot }: { opened: boolean; onClose: () => void; buildingId: number; lot?: LotRow }) {
  const { t } = useTranslation();
  const { register, control, handleSubmit, setError, reset, formState: { errors } } = useForm<LotFormValues>({ defaultValues: initialValues(lot) });
  const server = useServerErrors(setError, isField, PREFIX);
  const create = useOpMutation('lots.create');
  const update = useOpMutation('lots.update');

  useResetOnOpen(opened, reset, server.clear, () => initialValues(lot), [lot]);

  const onSubmit = handleSubmit(async (v) => {
    server.clear();
    const data = { number: v.number, kind: v.kind, floor: v.floor === '' ? null : v.floor, shares: Number(v.shares) };
    try {
      if (lot) await update.mutateAsync({ id: lot.id, data });
      else await create.mutateAsync({ buildingId, data });
      notifications.show({ color: 'teal', message: lot ? t('lots.saved', { number: v.number }) : t('lots.created', { number: v.number }) });
      onClose();
    } catch (e) {
      server.apply(e);
    }
  });

  const title = lot ? t('lots.editTitle', { number: lot.number }) : t('lots.new');
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput label={t('lots.form.number')} required data-autofocus maxLength={20} error={errors.number?.message} {...register('number', { required: t('errors.required') })} />
            <Controller
              control={control}
              name="kind"
              render={({ field, fieldState }) => (
                <Select
                  label={t('lots.form.kind')}
                  required
                  allowDeselect={false}
                  data={LOT_KINDS.map((k) => ({ value: k, label: t(`lotKinds.${k}`) }))}
                  value={field.value}
                  onChange={(v) => field.onChange((v ?? 'apartment') as LotKind)}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={fieldState.error?.message}
                />
              )}
            />
            <Controller
              control={control}
              name="floor"
              render={({ field, fieldState }) => (
                <NumberInput
                  label={t('lots.form.floor')}
                  description={t('lots.form.floorHint')}
                  allowDecimal={false}
                  min={-10}
                  max={200}
                  name={field.name}
                  ref={field.ref}
                  value={field.value}
                  onBlur={field.onBlur}
                  onChange={(v) => field.onChange(v === '' ? '' : Number(v))}
                  error={fieldState.error?.message}
                />
              )}
            />
            <Controller
              control={control}
              name="shares"
              rules={{ required: t('errors.required') }}
              render={({ field, fieldState }) => (
                <NumberInput
                  label={t('lots.form.shares')}
                  description={t('lots.form.sharesHint')}
                  required
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator=" "
                  name={field.name}
                  ref={field.ref}
                  value={field.value}
                  onBlur={field.onBlur}
                  onChange={(v) => field.onChange(v === '' ? '' : Number(v))}
                  error={fieldState.error?.message}
                />
              )}
            />
          </SimpleGrid>
          {server.formError ? <ErrorAlert error={server.formError.error} problems={server.formError.problems} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={create.isPending || update.isPending}>{lot ? t('common.save') : t('common.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
