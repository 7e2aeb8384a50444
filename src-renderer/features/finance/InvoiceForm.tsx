import { useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { ActionIcon, Alert, Button, FileInput, Grid, Group, Modal, Select, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypePdf, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { InvoiceDetail } from '../../../src-shared/contract/invoices.js';
import { ApiError } from '../../api/ApiError.js';
import { useResetOnOpen, useServerErrors } from '../../api/form-errors.js';
import { useOpMutation, useOpQuery } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { accountLabel, isPostable } from './accounts.js';
import { centsToInput, parseEuros } from './amount.js';
import { AmountInput } from './AmountInput.js';
import { addDays, todayIso } from './dates.js';
import { fileToBase64 } from './download.js';
import { SupplierForm } from './SupplierForm.js';

export interface InvoiceFormValues {
  buildingId: string | null;
  supplierId: string | null;
  number: string;
  invoiceDate: string;
  dueDate: string;
  amount: string;
  vat: string;
  expenseAccount: string | null;
  /** 'general' for the lots' quote-parts, else a special key's id */
  distributionKeyId: string;
  periodStart: string;
  periodEnd: string;
  description: string;
  file: File | null;
}

const GENERAL = 'general';
const FIELDS = new Set(['buildingId', 'supplierId', 'number', 'invoiceDate', 'dueDate', 'amount', 'vat', 'expenseAccount', 'distributionKeyId', 'periodStart', 'periodEnd', 'description', 'file']);
const isField = (f: string) => FIELDS.has(f);
const PREFIX = ['data'] as const;
/** The contract's names → the form's. */
const FIELD_OF: Record<string, string> = { amountCents: 'amount', vatCents: 'vat', document: 'file', keyId: 'distributionKeyId' };
const mapPath = (path: (string | number)[]) => (path.length && FIELD_OF[String(path[0])] ? [FIELD_OF[String(path[0])]!] : path);

function initialValues(invoice: InvoiceDetail | undefined, buildingId: number | undefined, language: string): InvoiceFormValues {
  if (invoice) {
    return {
      buildingId: String(invoice.buildingId), supplierId: String(invoice.supplierId), number: invoice.number, invoiceDate: invoice.invoiceDate, dueDate: invoice.dueDate,
      amount: centsToInput(invoice.amountCents, language), vat: centsToInput(invoice.vatCents, language), expenseAccount: invoice.expenseAccount,
      distributionKeyId: invoice.distributionKeyId === null ? GENERAL : String(invoice.distributionKeyId), periodStart: invoice.periodStart ?? '', periodEnd: invoice.periodEnd ?? '',
      description: invoice.description, file: null,
    };
  }
  const today = todayIso();
  return {
    buildingId: buildingId ? String(buildingId) : null, supplierId: null, number: '', invoiceDate: today, dueDate: addDays(today, 30), amount: '', vat: '',
    expenseAccount: null, distributionKeyId: GENERAL, periodStart: '', periodEnd: '', description: '', file: null,
  };
}

/**
 * Encode or correct a supplier invoice: who, which building, how much (euros typed with a
 * comma or a dot), which expense account (class 6 of the building's chart) and key, and its
 * PDF. "Save and submit" sends it for approval at once. The server's refusals land on their
 * fields (a supplier's invoice number already encoded → on the number).
 */
export function InvoiceForm({ opened, onClose, invoice, buildingId, onSaved }: { opened: boolean; onClose: () => void; invoice?: InvoiceDetail; buildingId?: number; onSaved?: (id: number) => void }) {
  const { t, i18n } = useTranslation();
  const { register, control, handleSubmit, setError, setValue, getValues, reset, formState: { errors } } = useForm<InvoiceFormValues>({ defaultValues: initialValues(invoice, buildingId, i18n.language) });
  const server = useServerErrors(setError, isField, PREFIX);
  const create = useOpMutation('invoices.create');
  const update = useOpMutation('invoices.update');
  const submitMany = useOpMutation('invoices.submit');
  const [supplierDialog, setSupplierDialog] = useState<{ name: string } | null>(null);
  const [supplierSearch, setSupplierSearch] = useState('');

  useResetOnOpen(opened, reset, server.clear, () => initialValues(invoice, buildingId, i18n.language), [invoice, buildingId]);

  const chosenBuilding = useWatch({ control, name: 'buildingId' });
  const bId = chosenBuilding ? Number(chosenBuilding) : null;
  const buildings = useOpQuery('buildings.list', {}, { enabled: opened });
  const suppliers = useOpQuery('suppliers.list', {}, { enabled: opened });
  const accounts = useOpQuery('ledger.accounts', { buildingId: bId ?? 0 }, { enabled: opened && bId !== null, staleTime: 5 * 60_000 });
  const keys = useOpQuery('charges.keys', { buildingId: bId ?? 0 }, { enabled: opened && bId !== null, staleTime: 5 * 60_000 });

  const expenseOptions = useMemo(
    () => (accounts.data ?? []).filter((a) => a.code.startsWith('6') && isPostable(a.code)).map((a) => ({ value: a.code, label: `${a.code} — ${accountLabel(a, i18n.language)}` })),
    [accounts.data, i18n.language],
  );
  const keyOptions = useMemo(
    () => (keys.data ?? []).map((k) => ({ value: k.id === null ? GENERAL : String(k.id), label: k.id === null ? t('invoices.detail.generalKey') : k.name })),
    [keys.data, t],
  );

  const save = (submit: boolean) =>
    handleSubmit(async (v) => {
      server.clear();
      const amountCents = parseEuros(v.amount)!;
      const vatCents = v.vat.trim() ? parseEuros(v.vat)! : 0;
      const document = v.file ? { fileName: v.file.name, contentBase64: await fileToBase64(v.file) } : null;
      const data = {
        buildingId: Number(v.buildingId), supplierId: Number(v.supplierId), number: v.number, invoiceDate: v.invoiceDate, dueDate: v.dueDate,
        amountCents, vatCents, expenseAccount: v.expenseAccount ?? '', distributionKeyId: v.distributionKeyId === GENERAL ? null : Number(v.distributionKeyId),
        periodStart: v.periodStart || null, periodEnd: v.periodEnd || null, description: v.description, document,
      };
      try {
        let id: number;
        if (invoice) {
          ({ id } = await update.mutateAsync({ id: invoice.id, data }));
          if (submit) {
            const r = await submitMany.mutateAsync({ ids: [id] });
            const refusal = r.refused[0];
            if (refusal) throw new ApiError({ code: 'DOMAIN_RULE', message: refusal.message, details: { rule: refusal.rule } });
          }
        } else ({ id } = await create.mutateAsync({ data, submit }));
        notifications.show({ color: 'teal', message: t(submit ? 'invoices.form.savedSubmitted' : 'invoices.form.saved', { number: v.number }) });
        onSaved?.(id);
        onClose();
      } catch (e) {
        server.apply(e, mapPath);
      }
    });

  const amountRule = (required: boolean) => ({
    validate: (s: string) => {
      if (s.trim() === '') return required ? t('errors.required') : true;
      const cents = parseEuros(s);
      if (cents === null) return t('errors.amount_format');
      return !required || cents > 0 || t('errors.amount_positive');
    },
  });
  const busy = create.isPending || update.isPending || submitMany.isPending;
  const title = invoice ? t('invoices.form.editTitle', { number: invoice.number }) : t('invoices.form.newTitle');
  const backToDraft = invoice && (invoice.status === 'pending_approval' || invoice.status === 'rejected');

  return (
    <Modal opened={opened} onClose={onClose} title={title} size={860}>
      <form onSubmit={save(true)} noValidate aria-label={title}>
        <Stack>
          {backToDraft ? (
            <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />}>{t('invoices.form.backToDraft')}</Alert>
          ) : null}
          <Grid gap="md">
            <Grid.Col span={6}>
              <Controller
                control={control}
                name="buildingId"
                rules={{ required: t('errors.required') }}
                render={({ field, fieldState }) => (
                  <Select
                    label={t('invoices.fields.building')}
                    required
                    searchable
                    data-autofocus={invoice || buildingId ? undefined : true}
                    data={(buildings.data ?? []).map((b) => ({ value: String(b.id), label: b.name }))}
                    value={field.value}
                    onChange={(v) => {
                      field.onChange(v);
                      setValue('distributionKeyId', GENERAL);
                    }}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={fieldState.error?.message}
                  />
                )}
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <Group gap={6} align="flex-start" wrap="nowrap">
                <Controller
                  control={control}
                  name="supplierId"
                  rules={{ required: t('errors.required') }}
                  render={({ field, fieldState }) => (
                    <Select
                      label={t('invoices.fields.supplier')}
                      required
                      searchable
                      style={{ flex: 1 }}
                      data-autofocus={!invoice && buildingId ? true : undefined}
                      nothingFoundMessage={t('invoices.form.noSupplier')}
                      data={(suppliers.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
                      value={field.value}
                      searchValue={supplierSearch}
                      onSearchChange={setSupplierSearch}
                      onChange={(v) => {
                        field.onChange(v);
                        const s = suppliers.data?.find((x) => String(x.id) === v);
                        if (s?.defaultExpenseAccount && !getValues('expenseAccount')) setValue('expenseAccount', s.defaultExpenseAccount);
                      }}
                      onBlur={field.onBlur}
                      ref={field.ref}
                      error={fieldState.error?.message}
                    />
                  )}
                />
                <Tooltip label={t('suppliers.new')}>
                  <ActionIcon variant="light" size={36} mt={25} aria-label={t('suppliers.new')} onClick={() => setSupplierDialog({ name: suppliers.data?.some((s) => s.name === supplierSearch) ? '' : supplierSearch })}>
                    <IconPlus size={18} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Grid.Col>
            <Grid.Col span={4}>
              <TextInput label={t('invoices.fields.number')} required maxLength={60} error={errors.number?.message} {...register('number', { required: t('errors.required') })} />
            </Grid.Col>
            <Grid.Col span={4}>
              <TextInput
                type="date"
                label={t('invoices.fields.invoiceDate')}
                required
                error={errors.invoiceDate?.message}
                {...register('invoiceDate', {
                  required: t('errors.required'),
                  onChange: (e: { target: { value: string } }) => {
                    // A new invoice is due 30 days later unless said otherwise.
                    if (!invoice && e.target.value) setValue('dueDate', addDays(e.target.value, 30));
                  },
                })}
              />
            </Grid.Col>
            <Grid.Col span={4}>
              <TextInput type="date" label={t('invoices.fields.dueDate')} required error={errors.dueDate?.message} {...register('dueDate', { required: t('errors.required') })} />
            </Grid.Col>
            <Grid.Col span={4}>
              <Controller
                control={control}
                name="amount"
                rules={amountRule(true)}
                render={({ field, fieldState }) => (
                  <AmountInput label={t('invoices.fields.amount')} description={t('invoices.fields.amountHint')} required name={field.name} ref={field.ref} value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error?.message} />
                )}
              />
            </Grid.Col>
            <Grid.Col span={4}>
              <Controller
                control={control}
                name="vat"
                rules={amountRule(false)}
                render={({ field, fieldState }) => (
                  <AmountInput label={t('invoices.fields.vat')} description={t('invoices.fields.vatHint')} name={field.name} ref={field.ref} value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error?.message} />
                )}
              />
            </Grid.Col>
            <Grid.Col span={4}>
              <Controller
                control={control}
                name="expenseAccount"
                rules={{ required: t('errors.required') }}
                render={({ field, fieldState }) => (
                  <Select
                    label={t('invoices.fields.expenseAccount')}
                    description={t('invoices.fields.expenseAccountHint')}
                    required
                    searchable
                    disabled={bId === null}
                    data={expenseOptions}
                    nothingFoundMessage={t('ledger.noAccountFound')}
                    comboboxProps={{ width: 420, position: 'bottom-end' }}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={fieldState.error?.message}
                  />
                )}
              />
            </Grid.Col>
            <Grid.Col span={4}>
              <Controller
                control={control}
                name="distributionKeyId"
                render={({ field, fieldState }) => (
                  <Select
                    label={t('invoices.fields.distributionKey')}
                    allowDeselect={false}
                    disabled={bId === null}
                    data={keyOptions.length ? keyOptions : [{ value: GENERAL, label: t('invoices.detail.generalKey') }]}
                    value={field.value}
                    onChange={(v) => field.onChange(v ?? GENERAL)}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={fieldState.error?.message}
                  />
                )}
              />
            </Grid.Col>
            <Grid.Col span={4}>
              <TextInput type="date" label={t('invoices.fields.periodStart')} error={errors.periodStart?.message} {...register('periodStart')} />
            </Grid.Col>
            <Grid.Col span={4}>
              <TextInput type="date" label={t('invoices.fields.periodEnd')} error={errors.periodEnd?.message} {...register('periodEnd')} />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea label={t('invoices.fields.description')} autosize minRows={2} maxLength={300} error={errors.description?.message} {...register('description')} />
            </Grid.Col>
            <Grid.Col span={12}>
              <Controller
                control={control}
                name="file"
                render={({ field, fieldState }) => (
                  <FileInput
                    label={t('invoices.fields.file')}
                    description={invoice?.documentId ? t('invoices.form.replacePdf') : t('invoices.form.pdfHint')}
                    placeholder={t('invoices.form.choosePdf')}
                    accept="application/pdf,.pdf"
                    clearable
                    leftSection={<IconFileTypePdf size={18} aria-hidden />}
                    value={field.value}
                    onChange={field.onChange}
                    ref={field.ref}
                    error={fieldState.error?.message}
                  />
                )}
              />
            </Grid.Col>
          </Grid>
          {server.formError ? <ErrorAlert error={server.formError.error} problems={server.formError.problems} /> : null}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">{t('invoices.form.submitHint')}</Text>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
              <Button variant="light" loading={busy} onClick={() => void save(false)()}>{t('invoices.form.saveDraft')}</Button>
              <Button type="submit" loading={busy}>{t('invoices.form.saveSubmit')}</Button>
            </Group>
          </Group>
        </Stack>
      </form>
      <SupplierForm
        opened={supplierDialog !== null}
        initialName={supplierDialog?.name}
        onClose={() => setSupplierDialog(null)}
        onSaved={(s) => {
          setValue('supplierId', String(s.id), { shouldValidate: true });
          if (s.defaultExpenseAccount && !getValues('expenseAccount')) setValue('expenseAccount', s.defaultExpenseAccount);
        }}
      />
    </Modal>
  );
}
