import { useForm } from 'react-hook-form';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { InvoiceDetail } from '../../../src-shared/contract/invoices.js';
import { useResetOnOpen, useServerErrors } from '../../api/form-errors.js';
import { useOpMutation } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

const isField = (f: string) => f === 'reason';

/** Rejecting says why (the supplier is told, the bookkeeper corrects): the reason is required. */
export function RejectDialog({ invoice, opened, onClose, onRejected }: { invoice: InvoiceDetail | null; opened: boolean; onClose: () => void; onRejected?: (id: number) => void }) {
  const { t } = useTranslation();
  const { register, handleSubmit, setError, reset, formState: { errors } } = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const server = useServerErrors(setError, isField);
  const reject = useOpMutation('invoices.reject');

  useResetOnOpen(opened, reset, server.clear, () => ({ reason: '' }));

  const onSubmit = handleSubmit(async ({ reason }) => {
    if (!invoice) return;
    server.clear();
    try {
      await reject.mutateAsync({ id: invoice.id, reason });
      notifications.show({ color: 'orange', message: t('invoices.reject.done', { number: invoice.number }) });
      onRejected?.(invoice.id);
      onClose();
    } catch (e) {
      server.apply(e);
    }
  });

  const title = t('invoices.reject.title');
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack>
          {invoice ? <Text size="sm">{t('invoices.reject.intro', { supplier: invoice.supplierName, number: invoice.number })}</Text> : null}
          <Textarea
            label={t('invoices.reject.reason')}
            description={t('invoices.reject.reasonHint')}
            required
            autosize
            minRows={3}
            maxLength={500}
            data-autofocus
            error={errors.reason?.message}
            {...register('reason', { required: t('errors.reason_required'), validate: (v) => v.trim().length > 0 || t('errors.reason_required') })}
            onKeyDown={(e) => {
              // Ctrl+Enter sends from the text area (Enter makes a new line).
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void onSubmit();
            }}
          />
          {server.formError ? <ErrorAlert error={server.formError.error} problems={server.formError.problems} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" color="red" loading={reject.isPending}>{t('invoices.reject.confirm')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
