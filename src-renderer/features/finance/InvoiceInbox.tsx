import { useMemo, useState } from 'react';
import { Button, EmptyState, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChecks, IconFileEuro, IconFileInvoice, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InvoiceDetail, InvoiceRow } from '../../../src-shared/contract/invoices.js';
import { useUser } from '../../app/AuthProvider.js';
import { can } from '../../app/permissions.js';
import { opKey, useOpInfiniteQuery, useOpMutation } from '../../api/hooks.js';
import { call } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PaymentFileDialog } from '../banking/PaymentFileDialog.js';
import { QueryState } from '../../components/QueryState.js';
import { useErrorText } from '../../i18n/useErrorText.js';
import { ApprovalOutcome, type Outcome } from './ApprovalOutcome.js';
import { EntryDrawer } from './EntryDrawer.js';
import { InvoiceDetailPane, type InvoiceActions } from './InvoiceDetailPane.js';
import { amountFilter, DEFAULT_FILTERS, InvoiceFilters, type InvoiceFilterValues } from './InvoiceFilters.js';
import { InvoiceForm } from './InvoiceForm.js';
import { InvoiceList, type InvoiceSort } from './InvoiceList.js';
import { PayDialog } from './PayDialog.js';
import { RejectDialog } from './RejectDialog.js';
import classes from './InvoiceInbox.module.css';

type Dialog = { kind: 'create' } | { kind: 'edit'; invoice: InvoiceDetail } | { kind: 'reject'; invoice: InvoiceDetail } | { kind: 'pay'; invoice: InvoiceDetail } | { kind: 'sepa' };

const PAGE = 50;

/**
 * The approval inbox of supplier invoices (factures / facturen): filters, the list, and the
 * current invoice with its PDF. Approve with A, reject with R (a reason is asked), move with
 * J/K or the arrows, tick with X or Space, approve the ticked ones at once. The server
 * decides (four-eyes, council co-approval, locks); its refusals are said in words.
 */
export function InvoiceInbox({ buildingId }: { buildingId?: number }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const queryClient = useQueryClient();
  const user = useUser();
  const canApprove = can(user, 'invoices.approve');
  const canWrite = can(user, 'finance.write');
  const [filters, setFilters] = useState<InvoiceFilterValues>({ ...DEFAULT_FILTERS, buildingId: buildingId ? String(buildingId) : null });
  const [sort, setSort] = useState<{ sort: InvoiceSort; direction: 'asc' | 'desc' }>({ sort: 'dueDate', direction: 'asc' });
  const [search] = useDebouncedValue(filters.search.trim(), 250);
  const [currentId, setCurrentId] = useState<number | null>(null);
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [dialog, setDialogState] = useState<Dialog | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [entryId, setEntryId] = useState<number | null>(null);
  const openDialog = (d: Dialog) => {
    setDialogState(d);
    setDialogOpen(true);
  };
  const closeDialog = () => setDialogOpen(false);

  const min = amountFilter(filters.min), max = amountFilter(filters.max);
  const input = {
    ...(filters.buildingId ? { buildingId: Number(filters.buildingId) } : {}),
    ...(filters.status !== 'all' ? { status: filters.status } : {}),
    ...(filters.supplierId ? { supplierId: Number(filters.supplierId) } : {}),
    ...(min.cents !== undefined ? { minCents: min.cents } : {}),
    ...(max.cents !== undefined ? { maxCents: max.cents } : {}),
    ...(filters.dueBefore ? { dueBefore: filters.dueBefore } : {}),
    ...(search ? { search } : {}),
    sort: sort.sort,
    direction: sort.direction,
    limit: PAGE,
  };
  const list = useOpInfiniteQuery('invoices.list', input);
  const rows = useMemo<InvoiceRow[]>(() => list.data?.pages.flatMap((p) => p.rows) ?? [], [list.data]);
  const current = rows.find((r) => r.id === currentId) ?? rows[0] ?? null;
  const index = current ? rows.indexOf(current) : -1;

  const approve = useOpMutation('invoices.approve');
  const submit = useOpMutation('invoices.submit');

  const runApprove = async (ids: number[]) => {
    if (!ids.length || approve.isPending) return;
    const names = new Map(rows.map((r) => [r.id, `${r.supplierName} ${r.number}`]));
    // After a single approval, the next invoice becomes current (the approved one may leave the list).
    const next = ids.length === 1 && current?.id === ids[0] ? (rows[index + 1] ?? rows[index - 1] ?? null) : null;
    try {
      const result = await approve.mutateAsync({ ids });
      const moved = new Set([...result.done, ...result.waiting]);
      setChecked((prev) => new Set([...prev].filter((id) => !moved.has(id))));
      if (ids.length === 1 && result.done.length === 1) {
        notifications.show({ color: 'teal', message: t('invoices.outcome.approvedOne', { name: names.get(ids[0]!) ?? '' }) });
        setOutcome(null);
      } else setOutcome({ result, names });
      if (next && moved.has(ids[0]!)) setCurrentId(next.id);
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(e) });
    }
  };

  // The detail pane has usually loaded it already.
  const withDetail = async (fn: (inv: InvoiceDetail) => void) => {
    if (!current) return;
    const input = { id: current.id };
    fn(await queryClient.ensureQueryData({ queryKey: opKey('invoices.get', input), queryFn: () => call('invoices.get', input) }));
  };
  const move = (delta: 1 | -1) => {
    const next = rows[index + delta];
    if (next) setCurrentId(next.id);
    else if (delta === 1 && list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  };
  const toggleCurrent = () => {
    if (!current || !canApprove) return;
    const next = new Set(checked);
    if (next.has(current.id)) next.delete(current.id);
    else next.add(current.id);
    setChecked(next);
  };

  // Shortcuts outside text fields, and not while a dialog or the entry drawer is open.
  const quiet = dialogOpen || entryId !== null;
  const when = (fn: () => void) => () => {
    if (!quiet) fn();
  };
  const pendingCurrent = canApprove && current?.status === 'pending_approval' ? current : null;
  useHotkeys([
    ['j', when(() => move(1))],
    ['k', when(() => move(-1))],
    ['x', when(toggleCurrent)],
    ['a', when(() => {
      if (pendingCurrent) void runApprove([pendingCurrent.id]);
    })],
    ['r', when(() => {
      if (pendingCurrent) void withDetail((invoice) => openDialog({ kind: 'reject', invoice }));
    })],
    ['shift+a', when(() => {
      if (canApprove) void runApprove([...checked]);
    })],
  ]);

  const actions: InvoiceActions = {
    canApprove,
    canWrite,
    busy: approve.isPending || submit.isPending,
    onApprove: (inv) => void runApprove([inv.id]),
    onReject: (invoice) => openDialog({ kind: 'reject', invoice }),
    onEdit: (invoice) => openDialog({ kind: 'edit', invoice }),
    onPay: (invoice) => openDialog({ kind: 'pay', invoice }),
    onSubmit: (inv) => {
      submit.mutateAsync({ ids: [inv.id] }).then(
        (r) => {
          if (r.done.length) notifications.show({ color: 'teal', message: t('invoices.form.submitted', { number: inv.number }) });
          else setOutcome({ result: r, names: new Map([[inv.id, `${inv.supplierName} ${inv.number}`]]) });
        },
        (e: unknown) => notifications.show({ color: 'red', message: errorText(e) }),
      );
    },
    onOpenEntry: setEntryId,
  };

  const singleRefusal = outcome && outcome.result.refused.length === 1 && outcome.result.done.length + outcome.result.waiting.length === 0 && outcome.result.refused[0]!.id === current?.id;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">{t('invoices.title')}</Title>
          <Text c="dimmed" size="sm">{canApprove ? t('invoices.subtitleApprover') : t('invoices.subtitle')}</Text>
        </div>
        <Group gap="xs">
          {canApprove ? (
            <Button variant="light" color="teal" leftSection={<IconChecks size={18} aria-hidden />} disabled={!checked.size} loading={approve.isPending && checked.size > 0} onClick={() => void runApprove([...checked])}>
              {t('invoices.actions.approveChecked', { n: checked.size })}
            </Button>
          ) : null}
          {canWrite ? (
            <Button variant="default" leftSection={<IconFileEuro size={18} aria-hidden />} onClick={() => openDialog({ kind: 'sepa' })}>{t('invoices.actions.paymentFile')}</Button>
          ) : null}
          {canWrite ? (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => openDialog({ kind: 'create' })}>{t('invoices.actions.new')}</Button>
          ) : null}
        </Group>
      </Group>
      <Paper withBorder radius="md" p="sm">
        <InvoiceFilters
          value={filters}
          onChange={(f) => {
            setFilters(f);
            setChecked(new Set());
          }}
        />
      </Paper>
      {outcome && !singleRefusal ? <ApprovalOutcome outcome={outcome} onClose={() => setOutcome(null)} /> : null}
      <div className={classes.layout}>
        <Paper withBorder radius="md" className={classes.listPane} component="section" aria-label={t('invoices.list.caption')}>
          <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()}>
            {() =>
              rows.length === 0 ? (
                <EmptyState icon={<IconFileInvoice aria-hidden />} variant="light" title={t('invoices.empty.title')} description={filters.status === 'pending_approval' ? t('invoices.empty.pending') : t('invoices.empty.text')} py="xl" />
              ) : (
                <InvoiceList
                  rows={rows}
                  currentId={current?.id ?? null}
                  onCurrent={setCurrentId}
                  checked={checked}
                  onChecked={setChecked}
                  selectable={canApprove}
                  sort={sort.sort}
                  direction={sort.direction}
                  onSort={(s, d) => setSort({ sort: s, direction: d })}
                  hasMore={!!list.hasNextPage}
                  loadingMore={list.isFetchingNextPage}
                  onLoadMore={() => void list.fetchNextPage()}
                />
              )
            }
          </QueryState>
          <Group gap={6} px="sm" py={6} className={classes.hint} wrap="wrap" aria-label={t('invoices.keys.label')}>
            <Text size="xs" c="dimmed"><Kbd size="xs">J</Kbd> <Kbd size="xs">K</Kbd> {t('invoices.keys.move')}</Text>
            {canApprove ? (
              <>
                <Text size="xs" c="dimmed"><Kbd size="xs">A</Kbd> {t('invoices.keys.approve')}</Text>
                <Text size="xs" c="dimmed"><Kbd size="xs">R</Kbd> {t('invoices.keys.reject')}</Text>
                <Text size="xs" c="dimmed"><Kbd size="xs">X</Kbd> {t('invoices.keys.check')}</Text>
                <Text size="xs" c="dimmed"><Kbd size="xs">⇧ A</Kbd> {t('invoices.keys.approveChecked')}</Text>
              </>
            ) : null}
          </Group>
        </Paper>
        {current ? (
          <InvoiceDetailPane
            id={current.id}
            actions={actions}
            notice={singleRefusal ? <ApprovalOutcome outcome={outcome} onClose={() => setOutcome(null)} /> : approve.error ? <ErrorAlert error={approve.error} /> : null}
          />
        ) : (
          <div />
        )}
      </div>
      {canWrite ? (
        <InvoiceForm
          opened={dialogOpen && (dialog?.kind === 'create' || dialog?.kind === 'edit')}
          onClose={closeDialog}
          invoice={dialog?.kind === 'edit' ? dialog.invoice : undefined}
          buildingId={filters.buildingId ? Number(filters.buildingId) : undefined}
          onSaved={setCurrentId}
        />
      ) : null}
      <RejectDialog opened={dialogOpen && dialog?.kind === 'reject'} invoice={dialog?.kind === 'reject' ? dialog.invoice : null} onClose={closeDialog} onRejected={() => move(1)} />
      {canWrite ? <PayDialog opened={dialogOpen && dialog?.kind === 'pay'} invoice={dialog?.kind === 'pay' ? dialog.invoice : null} onClose={closeDialog} /> : null}
      {canWrite ? <PaymentFileDialog opened={dialogOpen && dialog?.kind === 'sepa'} onClose={closeDialog} buildingId={filters.buildingId ? Number(filters.buildingId) : undefined} /> : null}
      <EntryDrawer entryId={entryId} onClose={() => setEntryId(null)} onOpenEntry={setEntryId} />
    </Stack>
  );
}
