import { Controller, useForm } from 'react-hook-form';
import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { InvoiceDetail } from '../../../src-shared/contract/invoices.js';
import { formatIban } from '../../../src-shared/values/iban.js';
import { useResetOnOpen, useServerErrors } from '../../api/form-errors.js';
import { useOpMutation, useOpQuery } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { todayIso } from './dates.js';
import { useMoney } from './useMoney.js';

interface PayValues {
  date: string;
  bankAccountId: string | null;
}
const isField = (f: string) => f === 'date' || f === 'bankAccountId';

/** Records the payment of an approved invoice: 440 supplier to the bank account (55x). */
export function PayDialog({ invoice, opened, onClose }: { invoice: InvoiceDetail | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { money } = useMoney();
  const building = useOpQuery('buildings.get', { id: invoice?.buildingId ?? 0 }, { enabled: opened && !!invoice });
  const { register, control, handleSubmit, setError, reset, formState: { errors } } = useForm<PayValues>({ defaultValues: { date: todayIso(), bankAccountId: null } });
  const server = useServerErrors(setError, isField);
  const pay = useOpMutation('invoices.pay');

  useResetOnOpen(opened, reset, server.clear, () => ({ date: todayIso(), bankAccountId: null }));

  const onSubmit = handleSubmit(async (v) => {
    if (!invoice) return;
    server.clear();
    try {
      await pay.mutateAsync({ id: invoice.id, date: v.date, ...(v.bankAccountId ? { bankAccountId: Number(v.bankAccountId) } : {}) });
      notifications.show({ color: 'teal', message: t('invoices.pay.done', { number: invoice.number }) });
      onClose();
    } catch (e) {
      server.apply(e);
    }
  });

  const title = t('invoices.pay.title');
  const accounts = building.data?.bankAccounts ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack>
          {invoice ? <Text size="sm">{t('invoices.pay.intro', { supplier: invoice.supplierName, number: invoice.number, amount: money(invoice.amountCents) })}</Text> : null}
          <TextInput type="date" label={t('invoices.pay.date')} required data-autofocus error={errors.date?.message} {...register('date', { required: t('errors.required') })} />
          <Controller
            control={control}
            name="bankAccountId"
            render={({ field, fieldState }) => (
              <Select
                label={t('invoices.pay.bankAccount')}
                description={t('invoices.pay.bankAccountHint')}
                placeholder={t('invoices.pay.bankAccountDefault')}
                clearable
                data={accounts.map((a) => ({ value: String(a.id), label: `${formatIban(a.iban)} · ${t(`purposes.${a.purpose}`)}` }))}
                value={field.value}
                onChange={field.onChange}
                ref={field.ref}
                error={fieldState.error?.message}
              />
            )}
          />
          {server.formError ? <ErrorAlert error={server.formError.error} problems={server.formError.problems} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={pay.isPending}>{t('invoices.pay.confirm')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
