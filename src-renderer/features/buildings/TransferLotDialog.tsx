import { useMemo, useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { ActionIcon, Alert, Button, Fieldset, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconAlertTriangle, IconPlus, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LotRow } from '../../../src-shared/contract/portfolio.js';
import { useResetOnOpen, useServerErrors } from '../../api/form-errors.js';
import { useOpMutation, useOpQuery } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { OwnerForm } from './OwnerForm.js';

interface NewOwnerRow {
  ownerId: string | null;
  fractionNum: number | '';
  fractionDen: number | '';
}
interface TransferValues {
  date: string;
  newOwners: NewOwnerRow[];
}

const isField = (f: string) => /^(date|newOwners\.\d+\.(ownerId|fractionNum|fractionDen))$/.test(f);
const today = () => new Date().toISOString().slice(0, 10);

/** Exact sum of fractions as a reduced n/d (joint owners must hold the whole lot: 1/1). */
function sumFractions(rows: NewOwnerRow[]): { num: bigint; den: bigint } | null {
  let num = 0n, den = 1n;
  for (const r of rows) {
    if (r.fractionNum === '' || r.fractionDen === '' || r.fractionDen <= 0) return null;
    num = num * BigInt(r.fractionDen) + BigInt(r.fractionNum) * den;
    den *= BigInt(r.fractionDen);
  }
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
  const g = gcd(num, den) || 1n;
  return { num: num / g, den: den / g };
}

/**
 * A sale, gift or inheritance: the current ownerships end the day before `date` and the
 * new owners (one, or several in indivision with fractions adding up to 1) start that day.
 */
export function TransferLotDialog({ opened, onClose, lot }: { opened: boolean; onClose: () => void; lot: LotRow }) {
  const { t } = useTranslation();
  const [creatingOwnerFor, setCreatingOwnerFor] = useState<number | null>(null);
  const defaults: TransferValues = { date: today(), newOwners: [{ ownerId: null, fractionNum: 1, fractionDen: 1 }] };
  const { control, register, handleSubmit, setError, reset, setValue, formState: { errors } } = useForm<TransferValues>({ defaultValues: defaults });
  const rows = useFieldArray({ control, name: 'newOwners' });
  const watched = useWatch({ control, name: 'newOwners' });
  const server = useServerErrors(setError, isField);
  const owners = useOpQuery('owners.list', {}, { enabled: opened });
  const transfer = useOpMutation('lots.transfer');

  useResetOnOpen(opened, reset, server.clear, () => ({ date: today(), newOwners: [{ ownerId: null, fractionNum: 1, fractionDen: 1 }] }));

  const ownerOptions = useMemo(
    () => (owners.data ?? []).map((o) => ({ value: String(o.id), label: `${o.displayName} — ${o.address.postalCode} ${o.address.city}` })),
    [owners.data],
  );
  const sum = sumFractions(watched ?? []);
  const whole = sum !== null && sum.num === sum.den;

  const onSubmit = handleSubmit(async (v) => {
    server.clear();
    try {
      await transfer.mutateAsync({
        lotId: lot.id,
        date: v.date,
        newOwners: v.newOwners.map((r) => ({ ownerId: Number(r.ownerId), fractionNum: Number(r.fractionNum), fractionDen: Number(r.fractionDen) })),
      });
      notifications.show({ color: 'teal', message: t('transfer.done', { number: lot.number }) });
      onClose();
    } catch (e) {
      server.apply(e);
    }
  });

  const title = t('transfer.title', { number: lot.number });
  return (
    <>
      <Modal opened={opened} onClose={onClose} title={title} size="lg">
        <form onSubmit={onSubmit} noValidate aria-label={title}>
          <Stack>
            {lot.owners.length ? (
              <Text size="sm" c="dimmed">{t('transfer.current', { owners: lot.owners.map((o) => o.displayName).join(', ') })}</Text>
            ) : null}
            <TextInput
              type="date"
              label={t('transfer.date')}
              description={t('transfer.dateHint')}
              required
              data-autofocus
              error={errors.date?.message}
              {...register('date', { required: t('errors.required') })}
            />
            <Fieldset legend={t('transfer.newOwners')} variant="filled">
              <Stack gap="sm">
                {rows.fields.map((f, i) => (
                  <Group key={f.id} align="flex-start" gap="xs" wrap="nowrap">
                    <Controller
                      control={control}
                      name={`newOwners.${i}.ownerId` as const}
                      rules={{ required: t('errors.required') }}
                      render={({ field, fieldState }) => (
                        <Select
                          label={t('transfer.owner')}
                          placeholder={t('transfer.ownerPlaceholder')}
                          searchable
                          nothingFoundMessage={t('transfer.noOwnerFound')}
                          data={ownerOptions}
                          style={{ flex: 1 }}
                          value={field.value}
                          onChange={field.onChange}
                          onBlur={field.onBlur}
                          ref={field.ref}
                          error={fieldState.error?.message}
                          required
                        />
                      )}
                    />
                    {(['fractionNum', 'fractionDen'] as const).map((part) => (
                      <Controller
                        key={part}
                        control={control}
                        name={`newOwners.${i}.${part}` as const}
                        rules={{ required: t('errors.required'), min: { value: 1, message: t('errors.too_small') } }}
                        render={({ field, fieldState }) => (
                          <NumberInput
                            label={t(`transfer.${part}`)}
                            w={90}
                            min={1}
                            allowDecimal={false}
                            allowNegative={false}
                            name={field.name}
                            ref={field.ref}
                            value={field.value}
                            onBlur={field.onBlur}
                            onChange={(v) => field.onChange(v === '' ? '' : Number(v))}
                            error={fieldState.error?.message}
                          />
                        )}
                      />
                    ))}
                    <ActionIcon variant="subtle" color="red" mt={28} size="lg" disabled={rows.fields.length === 1} onClick={() => rows.remove(i)} aria-label={t('transfer.removeOwner', { n: i + 1 })}>
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  </Group>
                ))}
                <Group gap="xs">
                  <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => rows.append({ ownerId: null, fractionNum: 1, fractionDen: 2 })}>
                    {t('transfer.addOwner')}
                  </Button>
                  <Button variant="subtle" size="xs" leftSection={<IconUserPlus size={14} aria-hidden />} onClick={() => setCreatingOwnerFor(Math.max(0, (watched ?? []).findIndex((r) => !r.ownerId)))}>
                    {t('transfer.createOwner')}
                  </Button>
                </Group>
                {sum ? (
                  <Alert
                    variant="light"
                    color={whole ? 'teal' : 'orange'}
                    icon={whole ? <IconCircleCheck size={18} aria-hidden /> : <IconAlertTriangle size={18} aria-hidden />}
                    p="xs"
                    role="status"
                    aria-live="polite"
                  >
                    <Text size="sm">{whole ? t('transfer.sumOk') : t('transfer.sumOff', { num: String(sum.num), den: String(sum.den) })}</Text>
                  </Alert>
                ) : null}
              </Stack>
            </Fieldset>
            {server.formError ? <ErrorAlert error={server.formError.error} problems={server.formError.problems} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
              <Button type="submit" loading={transfer.isPending}>{t('transfer.submit')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <OwnerForm
        opened={creatingOwnerFor !== null}
        onClose={() => setCreatingOwnerFor(null)}
        onSaved={(id) => {
          if (creatingOwnerFor !== null) setValue(`newOwners.${creatingOwnerFor}.ownerId`, String(id), { shouldValidate: true });
        }}
      />
    </>
  );
}
