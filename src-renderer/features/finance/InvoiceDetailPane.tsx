import type { ReactNode } from 'react';
import { Anchor, Button, DataList, Group, Kbd, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCash, IconCheck, IconClock, IconEdit, IconSend, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { InvoiceDetail } from '../../../src-shared/contract/invoices.js';
import { useOpQuery } from '../../api/hooks.js';
import { QueryState } from '../../components/QueryState.js';
import { useFormat } from '../../i18n/useFormat.js';
import { accountLabel } from './accounts.js';
import { todayIso } from './dates.js';
import { InvoiceHistory } from './InvoiceHistory.js';
import { InvoicePdf } from './InvoicePdf.js';
import { InvoiceStatusBadge } from './InvoiceStatusBadge.js';
import { useMoney } from './useMoney.js';
import classes from './InvoiceInbox.module.css';

export interface InvoiceActions {
  canApprove: boolean;
  canWrite: boolean;
  busy: boolean;
  onApprove: (invoice: InvoiceDetail) => void;
  onReject: (invoice: InvoiceDetail) => void;
  onEdit: (invoice: InvoiceDetail) => void;
  onSubmit: (invoice: InvoiceDetail) => void;
  onPay: (invoice: InvoiceDetail) => void;
  onOpenEntry: (entryId: number) => void;
}

/** One invoice: what it says, who approved it, what happened to it — and its PDF beside. */
export function InvoiceDetailPane({ id, actions, notice }: { id: number; actions: InvoiceActions; notice?: ReactNode }) {
  const query = useOpQuery('invoices.get', { id });
  return (
    <Paper withBorder radius="md" p="md" className={classes.detail} aria-label={query.data ? `${query.data.supplierName} ${query.data.number}` : undefined} component="section">
      <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
        {() => <Detail invoice={query.data!} actions={actions} notice={notice} />}
      </QueryState>
    </Paper>
  );
}

function Detail({ invoice: inv, actions, notice }: { invoice: InvoiceDetail; actions: InvoiceActions; notice?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { money } = useMoney();
  const accounts = useOpQuery('ledger.accounts', { buildingId: inv.buildingId }, { staleTime: 5 * 60_000 });
  const keys = useOpQuery('charges.keys', { buildingId: inv.buildingId }, { staleTime: 5 * 60_000 });
  const account = accounts.data?.find((a) => a.code === inv.expenseAccount);
  const key = keys.data?.find((k) => k.id === inv.distributionKeyId);
  const overdue = inv.status !== 'paid' && inv.dueDate < todayIso();
  const pending = inv.status === 'pending_approval';
  const editable = inv.status === 'draft' || pending || inv.status === 'rejected';
  const hasApprover = inv.approvals.some((a) => a.as === 'approver');
  const hasCouncil = inv.approvals.some((a) => a.as === 'council');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div>
          <Group gap="xs">
            <Title order={2} size="h3">{inv.supplierName}</Title>
            <InvoiceStatusBadge status={inv.status} size="lg" />
          </Group>
          <Text size="sm" c="dimmed">{t('invoices.detail.numberIn', { number: inv.number, building: inv.buildingName })}</Text>
        </div>
        <Group gap="xs">
          {pending && actions.canApprove ? (
            <>
              <Button color="teal" leftSection={<IconCheck size={16} aria-hidden />} rightSection={<Kbd size="xs" aria-hidden>A</Kbd>} loading={actions.busy} onClick={() => actions.onApprove(inv)}>{t('invoices.actions.approve')}</Button>
              <Button color="red" variant="light" leftSection={<IconX size={16} aria-hidden />} rightSection={<Kbd size="xs" aria-hidden>R</Kbd>} onClick={() => actions.onReject(inv)}>{t('invoices.actions.reject')}</Button>
            </>
          ) : null}
          {inv.status === 'draft' && actions.canWrite ? (
            <Button leftSection={<IconSend size={16} aria-hidden />} loading={actions.busy} onClick={() => actions.onSubmit(inv)}>{t('invoices.actions.submit')}</Button>
          ) : null}
          {inv.status === 'approved' && actions.canWrite ? (
            <Button leftSection={<IconCash size={16} aria-hidden />} onClick={() => actions.onPay(inv)}>{t('invoices.actions.pay')}</Button>
          ) : null}
          {editable && actions.canWrite ? (
            <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => actions.onEdit(inv)}>{t('invoices.actions.edit')}</Button>
          ) : null}
        </Group>
      </Group>
      {notice}
      <div className={classes.detailBody}>
        <Stack gap="md" className={classes.facts}>
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t('invoices.detail.amount')}</Text>
            <Text fz={26} fw={700} lh={1.2} className={classes.amount}>{money(inv.amountCents)}</Text>
            <Text size="xs" c="dimmed">{t('invoices.detail.vatIncluded', { vat: money(inv.vatCents), net: money(inv.amountCents - inv.vatCents) })}</Text>
          </div>
          <DataList size="sm" gap={6} labelWidth={130}>
            <DataList.Item>
              <DataList.ItemLabel>{t('invoices.fields.invoiceDate')}</DataList.ItemLabel>
              <DataList.ItemValue>{fmt.date(inv.invoiceDate)}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('invoices.fields.dueDate')}</DataList.ItemLabel>
              <DataList.ItemValue>
                <Text span size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 600 : undefined}>{fmt.date(inv.dueDate)}{overdue ? ` · ${t('invoices.detail.overdue')}` : ''}</Text>
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('invoices.fields.expenseAccount')}</DataList.ItemLabel>
              <DataList.ItemValue><Text span ff="monospace" size="sm">{inv.expenseAccount}</Text>{account ? ` ${accountLabel(account, i18n.language)}` : ''}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('invoices.fields.distributionKey')}</DataList.ItemLabel>
              <DataList.ItemValue>{key?.name ?? (inv.distributionKeyId === null ? t('invoices.detail.generalKey') : '…')}</DataList.ItemValue>
            </DataList.Item>
            {inv.periodStart && inv.periodEnd ? (
              <DataList.Item>
                <DataList.ItemLabel>{t('invoices.fields.period')}</DataList.ItemLabel>
                <DataList.ItemValue>{t('invoices.detail.periodRange', { from: fmt.date(inv.periodStart), to: fmt.date(inv.periodEnd) })}</DataList.ItemValue>
              </DataList.Item>
            ) : null}
            {inv.description ? (
              <DataList.Item>
                <DataList.ItemLabel>{t('invoices.fields.description')}</DataList.ItemLabel>
                <DataList.ItemValue>{inv.description}</DataList.ItemValue>
              </DataList.Item>
            ) : null}
            {inv.entryId !== null ? (
              <DataList.Item>
                <DataList.ItemLabel>{t('invoices.detail.entry')}</DataList.ItemLabel>
                <DataList.ItemValue>
                  <Anchor component="button" type="button" size="sm" onClick={() => actions.onOpenEntry(inv.entryId!)}>{t('invoices.detail.openEntry')}</Anchor>
                  {inv.paymentEntryId !== null ? (
                    <>
                      {' · '}
                      <Anchor component="button" type="button" size="sm" onClick={() => actions.onOpenEntry(inv.paymentEntryId!)}>{t('invoices.detail.openPayment')}</Anchor>
                    </>
                  ) : null}
                </DataList.ItemValue>
              </DataList.Item>
            ) : null}
          </DataList>
          {inv.status === 'rejected' && inv.rejectionReason ? (
            <Text size="sm" c="red">{t('invoices.detail.rejectedBecause', { reason: inv.rejectionReason })}</Text>
          ) : null}
          <div>
            <Title order={3} size="h5" mb={6}>{t('invoices.detail.approvals')}</Title>
            <List spacing={4} size="sm" center>
              <Approval done={hasApprover} label={hasApprover ? t('invoices.detail.approvedBy', { name: inv.approvals.filter((a) => a.as === 'approver').map((a) => a.name).join(', ') }) : t('invoices.detail.needsApprover')} />
              {inv.needsCouncil ? (
                <Approval done={hasCouncil} label={hasCouncil ? t('invoices.detail.councilBy', { name: inv.approvals.filter((a) => a.as === 'council').map((a) => a.name).join(', ') }) : t('invoices.detail.needsCouncil')} />
              ) : null}
            </List>
          </div>
          <div>
            <Title order={3} size="h5" mb={8}>{t('invoices.history.title')}</Title>
            <InvoiceHistory invoice={inv} />
          </div>
        </Stack>
        <InvoicePdf documentId={inv.documentId} label={`${inv.supplierName} ${inv.number}`} />
      </div>
    </Stack>
  );
}

function Approval({ done, label }: { done: boolean; label: string }) {
  return (
    <List.Item icon={<ThemeIcon size={20} radius="xl" variant="light" color={done ? 'teal' : 'orange'}>{done ? <IconCheck size={12} aria-hidden /> : <IconClock size={12} aria-hidden />}</ThemeIcon>}>
      {label}
    </List.Item>
  );
}
