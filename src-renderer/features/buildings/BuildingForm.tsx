import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { ActionIcon, Button, Divider, Fieldset, Grid, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { BANK_PURPOSES, type BuildingDetail } from '../../../src-shared/contract/portfolio.js';
import { formatBce } from '../../../src-shared/values/bce.js';
import { formatIban } from '../../../src-shared/values/iban.js';
import { useResetOnOpen, useServerErrors } from '../../api/form-errors.js';
import { AddressFields } from '../../components/AddressFields.js';
import { useOpMutation } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

type Purpose = (typeof BANK_PURPOSES)[number];

export interface BuildingFormValues {
  name: string;
  address: { street: string; postalCode: string; city: string; country: string };
  bce: string;
  totalShares: number | '';
  bankAccounts: { iban: string; label: string; purpose: Purpose }[];
}

/** Fields the server's problems may name (paths of `buildingInput`). */
const FIELDS = /^(name|bce|totalShares|address\.(street|postalCode|city|country)|bankAccounts\.\d+\.(iban|label|purpose))$/;
const isField = (f: string) => FIELDS.test(f);

function initialValues(b: BuildingDetail | undefined): BuildingFormValues {
  if (!b) return { name: '', address: { street: '', postalCode: '', city: '', country: 'BE' }, bce: '', totalShares: 1000, bankAccounts: [{ iban: '', label: '', purpose: 'working' }] };
  return {
    name: b.name,
    address: { ...b.address },
    bce: b.bce ? formatBce(b.bce) : '',
    totalShares: b.totalShares,
    bankAccounts: b.bankAccounts.map((a) => ({ iban: formatIban(a.iban), label: a.label, purpose: a.purpose })),
  };
}

/**
 * Create or edit a building (the ACP / VME). The server checks BCE and IBAN (mod 97) and
 * its problems land on the field they name, e.g. `bankAccounts.1.iban`.
 */
export function BuildingForm({ opened, onClose, building, onSaved }: { opened: boolean; onClose: () => void; building?: BuildingDetail; onSaved?: (id: number) => void }) {
  const { t } = useTranslation();
  const form = useForm<BuildingFormValues>({ defaultValues: initialValues(building) });
  const { register, control, handleSubmit, setError, reset, formState: { errors } } = form;
  const accounts = useFieldArray({ control, name: 'bankAccounts' });
  const server = useServerErrors(setError, isField, building ? ['data'] : []);
  const create = useOpMutation('buildings.create');
  const update = useOpMutation('buildings.update');
  const pending = create.isPending || update.isPending;

  useResetOnOpen(opened, reset, server.clear, () => initialValues(building), [building]);

  const onSubmit = handleSubmit(async (v) => {
    server.clear();
    // Rows left blank are not sent; `sent[i]` is the form row of the i-th account sent.
    const sent = v.bankAccounts.flatMap((a, i) => (a.iban.trim() !== '' || a.label.trim() !== '' ? [i] : []));
    const data = {
      name: v.name,
      address: v.address,
      bce: v.bce.trim() === '' ? null : v.bce,
      totalShares: Number(v.totalShares),
      bankAccounts: sent.map((i) => v.bankAccounts[i]!),
    };
    try {
      const { id } = building ? await update.mutateAsync({ id: building.id, data }) : await create.mutateAsync(data);
      notifications.show({ color: 'teal', message: building ? t('buildingForm.saved') : t('buildingForm.created', { name: v.name }) });
      onSaved?.(id);
      onClose();
    } catch (e) {
      server.apply(e, (path) => (path[0] === 'bankAccounts' && typeof path[1] === 'number' ? ['bankAccounts', sent[path[1]] ?? path[1], ...path.slice(2)] : path));
    }
  });

  const required = { required: t('errors.required') };
  return (
    <Modal opened={opened} onClose={onClose} title={building ? t('buildingForm.titleEdit') : t('buildingForm.titleCreate')} size="lg">
      <form onSubmit={onSubmit} noValidate aria-label={building ? t('buildingForm.titleEdit') : t('buildingForm.titleCreate')}>
        <Stack gap="md">
          <TextInput label={t('buildingForm.name')} placeholder={t('buildingForm.namePlaceholder')} required data-autofocus error={errors.name?.message} {...register('name', required)} />
          <Grid gap="sm">
            <AddressFields register={register} errors={errors} />
          </Grid>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('buildingForm.bce')} description={t('buildingForm.bceHint')} placeholder="0123.456.749" error={errors.bce?.message} {...register('bce')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Controller
                control={control}
                name="totalShares"
                rules={{ required: t('errors.required'), min: { value: 1, message: t('errors.too_small') } }}
                render={({ field, fieldState }) => (
                  <NumberInput
                    label={t('buildingForm.totalShares')}
                    description={t('buildingForm.totalSharesHint')}
                    required
                    min={1}
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
            </Grid.Col>
          </Grid>
          <Fieldset legend={t('buildingForm.bankAccounts')} variant="filled">
            <Stack gap="sm">
              {accounts.fields.length === 0 ? <Text size="sm" c="dimmed">{t('buildingForm.noBankAccounts')}</Text> : null}
              {accounts.fields.map((f, i) => (
                <Group key={f.id} align="flex-start" gap="xs" wrap="nowrap">
                  <TextInput
                    label={t('buildingForm.iban')}
                    placeholder="BE68 5390 0754 7034"
                    style={{ flex: 3 }}
                    error={errors.bankAccounts?.[i]?.iban?.message}
                    {...register(`bankAccounts.${i}.iban` as const)}
                  />
                  <TextInput label={t('buildingForm.accountLabel')} style={{ flex: 2 }} error={errors.bankAccounts?.[i]?.label?.message} {...register(`bankAccounts.${i}.label` as const)} />
                  <Controller
                    control={control}
                    name={`bankAccounts.${i}.purpose` as const}
                    render={({ field, fieldState }) => (
                      <Select
                        label={t('buildingForm.purpose')}
                        style={{ flex: 2 }}
                        allowDeselect={false}
                        data={BANK_PURPOSES.map((p) => ({ value: p, label: t(`purposes.${p}`) }))}
                        value={field.value}
                        onChange={(v) => field.onChange(v ?? 'working')}
                        onBlur={field.onBlur}
                        ref={field.ref}
                        error={fieldState.error?.message}
                      />
                    )}
                  />
                  <ActionIcon variant="subtle" color="red" mt={28} size="lg" onClick={() => accounts.remove(i)} aria-label={t('buildingForm.removeAccount', { n: i + 1 })}>
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => accounts.append({ iban: '', label: '', purpose: 'reserve' })}>
                  {t('buildingForm.addAccount')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          {server.formError ? <ErrorAlert error={server.formError.error} problems={server.formError.problems} /> : null}
          <Divider />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={pending}>{building ? t('common.save') : t('buildingForm.submitCreate')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
