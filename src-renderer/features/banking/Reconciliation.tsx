import { useEffect, useState } from 'react';
import { Anchor, EmptyState, Group, Kbd, Paper, SegmentedControl, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChecks } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MovementRow } from '../../../src-shared/contract/banking.js';
import { useUser } from '../../app/AuthProvider.js';
import { can } from '../../app/permissions.js';
import { routeHref } from '../../app/router.js';
import { call } from '../../api/client.js';
import { opKey, useOpMutation, useOpQuery } from '../../api/hooks.js';
import { QueryState } from '../../components/QueryState.js';
import { useErrorText } from '../../i18n/useErrorText.js';
import { useFormat } from '../../i18n/useFormat.js';
import { ledgerRoute, SUSPENSE_ACCOUNT } from './format.js';
import { ManualMatchDialog } from './ManualMatchDialog.js';
import { MovementDetail } from './MovementDetail.js';
import { MovementList, movementTitle } from './MovementList.js';
import { useMovementList, type MovementFilter } from './movements.js';
import { toMatchInput, useMatchText, type Candidate } from './reasons.js';
import { UnmatchDialog } from './UnmatchDialog.js';
import classes from './Bank.module.css';

/**
 * Reconciliation (rapprochement / afpunting), per building or for the whole firm: the
 * movements still to match in a list, the focused one beside it with its suggestions.
 * Keyboard first: J/K move, A or Enter accept the best suggestion (1–5 another one), M
 * matches by hand, U un-matches (asked once). Shortcuts are quiet in text fields and while
 * a dialog is open. After a match the next movement becomes current, so a run is A, A, A.
 */
export function Reconciliation({ buildingId }: { buildingId?: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { errorText } = useErrorText();
  const text = useMatchText();
  const user = useUser();
  const canWrite = can(user, 'finance.write');
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<MovementFilter>('toMatch');
  const list = useMovementList(buildingId, filter);
  const rows = list.rows;
  const [currentId, setCurrentId] = useState<number | null>(null);
  const current = rows.find((r) => r.id === currentId) ?? rows[0] ?? null;
  const index = current ? rows.indexOf(current) : -1;
  const [manual, setManual] = useState<{ movement: MovementRow; open: boolean } | null>(null);
  const [unmatching, setUnmatching] = useState<{ movement: MovementRow; open: boolean } | null>(null);

  const statements = useOpQuery('bank.statements', { buildingId: buildingId ?? 0 }, { enabled: buildingId !== undefined });
  const detail = useOpQuery('bank.movement', { movementId: current?.id ?? 0 }, { enabled: !!current });
  const wantsSuggestions = !!current && current.status !== 'matched';
  const suggestions = useOpQuery('bank.suggestions', { movementId: current?.id ?? 0 }, { enabled: wantsSuggestions });
  const match = useOpMutation('bank.match');
  const unmatch = useOpMutation('bank.unmatch');
  const busy = match.isPending || unmatch.isPending;

  // The next movement's suggestions are asked ahead: J then A answers at once.
  const nextRow = rows[index + 1];
  useEffect(() => {
    if (!nextRow || nextRow.status === 'matched') return;
    const input = { movementId: nextRow.id };
    void queryClient.prefetchQuery({ queryKey: opKey('bank.suggestions', input), queryFn: () => call('bank.suggestions', input) });
  }, [nextRow, queryClient]);

  const move = (delta: 1 | -1) => {
    const next = rows[index + delta];
    if (next) setCurrentId(next.id);
    else if (delta === 1 && list.hasMore) list.loadMore();
  };
  /** After a match leaves the list: the one below becomes current (or the one above at the end). */
  const followNext = (m: MovementRow) => {
    const i = rows.findIndex((r) => r.id === m.id);
    const next = rows[i + 1] ?? rows[i - 1];
    if (next) setCurrentId(next.id);
  };

  const accept = async (c: Candidate | undefined) => {
    const m = current;
    if (!m || !c || !canWrite || busy || m.status === 'matched') return;
    try {
      const r = await match.mutateAsync({ movementId: m.id, allocations: c.allocations.map(toMatchInput), rule: c.rule, confidence: c.confidence });
      notifications.show({ color: 'teal', message: t('bank.reconcile.accepted', { name: movementTitle(m, ''), to: c.allocations.map((a) => text.allocationLabel(a)).join(', ') }) });
      if (r.status === 'matched' && filter === 'toMatch') followNext(m);
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(e) });
    }
  };
  const confirmUnmatch = async () => {
    const m = unmatching?.movement;
    if (!m) return;
    try {
      await unmatch.mutateAsync({ movementId: m.id });
      notifications.show({ color: 'teal', message: t('bank.unmatch.done', { name: movementTitle(m, '') }) });
      setUnmatching({ movement: m, open: false });
      if (filter === 'matched') followNext(m);
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(e) });
    }
  };

  const quiet = !!manual?.open || !!unmatching?.open;
  const when = (fn: () => void) => () => {
    if (!quiet) fn();
  };
  const candidates = suggestions.data?.movementId === current?.id ? (suggestions.data?.candidates ?? []) : [];
  const acceptNth = (n: number) => when(() => void accept(candidates[n]));
  const openManual = () => {
    if (current && canWrite && current.status !== 'matched') setManual({ movement: current, open: true });
  };
  const askUnmatch = () => {
    if (current && canWrite && current.status !== 'unmatched') setUnmatching({ movement: current, open: true });
  };
  useHotkeys([
    ['j', when(() => move(1))],
    ['k', when(() => move(-1))],
    ['a', acceptNth(0)],
    ['1', acceptNth(0)],
    ['2', acceptNth(1)],
    ['3', acceptNth(2)],
    ['4', acceptNth(3)],
    ['5', acceptNth(4)],
    ['m', when(openManual)],
    ['u', when(askUnmatch)],
    // Enter from the page itself (the list handles its own): not on a button or a link, which Enter clicks.
    ['Enter', when(() => {
      const el = document.activeElement;
      if (!el || el === document.body || el.id === 'main') void accept(candidates[0]);
    })],
  ]);

  const totals = statements.data?.reduce((s, st) => ({ movements: s.movements + st.movements, unmatched: s.unmatched + st.unmatched }), { movements: 0, unmatched: 0 });
  const listLabel = t('bank.list.label');

  return (
    <div>
      <Group justify="space-between" align="center" mb="sm" wrap="wrap" gap="sm">
        <SegmentedControl
          size="sm"
          aria-label={t('bank.list.filter')}
          value={filter}
          onChange={(v) => {
            setFilter(v as MovementFilter);
            setCurrentId(null);
          }}
          data={(['toMatch', 'matched', 'all'] as const).map((f) => ({ value: f, label: t(`bank.list.filters.${f}`) }))}
        />
        <Group gap="lg" wrap="wrap" aria-live="polite">
          {totals ? (
            <>
              <Stat label={t('bank.stats.movements')} value={fmt.number(totals.movements)} />
              <Stat label={t('bank.stats.matched')} value={fmt.number(totals.movements - totals.unmatched)} color="teal" />
              <Stat label={t('bank.stats.unmatched')} value={fmt.number(totals.unmatched)} color={totals.unmatched ? 'orange' : 'teal'} />
            </>
          ) : filter === 'toMatch' && !list.isPending ? (
            <Stat label={t('bank.stats.toMatch')} value={list.hasMore ? t('bank.stats.atLeast', { n: fmt.number(rows.length) }) : fmt.number(rows.length)} color={rows.length ? 'orange' : 'teal'} />
          ) : null}
          {buildingId ? (
            <Anchor href={routeHref(ledgerRoute(buildingId, SUSPENSE_ACCOUNT))} size="sm">{t('bank.stats.suspense')}</Anchor>
          ) : null}
        </Group>
      </Group>
      <div className={classes.layout}>
        <Paper withBorder radius="md" className={classes.listPane} component="section" aria-label={listLabel}>
          <Group justify="space-between" px="sm" py={8} className={classes.listHeader}>
            <Text size="xs" c="dimmed">{t('bank.list.shown', { n: fmt.number(rows.length) })}</Text>
            {current ? <Text size="xs" c="dimmed">{t('bank.list.position', { i: fmt.number(index + 1), n: fmt.number(rows.length) })}</Text> : null}
          </Group>
          <QueryState isPending={list.isPending} error={list.error} onRetry={list.refetch}>
            {() =>
              rows.length === 0 ? (
                <EmptyState icon={<IconChecks aria-hidden />} variant="light" title={filter === 'toMatch' ? t('bank.list.emptyToMatch') : t('bank.list.empty')} description={filter === 'toMatch' ? t('bank.list.emptyToMatchText') : undefined} py="xl" />
              ) : (
                <MovementList
                  rows={rows}
                  currentId={current?.id ?? null}
                  onCurrent={setCurrentId}
                  onEnter={() => void accept(candidates[0])}
                  showBuilding={buildingId === undefined}
                  hasMore={list.hasMore}
                  loadingMore={list.loadingMore}
                  onLoadMore={list.loadMore}
                  label={listLabel}
                />
              )
            }
          </QueryState>
          <Group gap={8} px="sm" py={6} className={classes.hint} wrap="wrap" aria-label={t('bank.keys.label')}>
            <Text size="xs" c="dimmed"><Kbd size="xs">J</Kbd> <Kbd size="xs">K</Kbd> {t('bank.keys.move')}</Text>
            {canWrite ? (
              <>
                <Text size="xs" c="dimmed"><Kbd size="xs">A</Kbd> / <Kbd size="xs">↵</Kbd> {t('bank.keys.accept')}</Text>
                <Text size="xs" c="dimmed"><Kbd size="xs">M</Kbd> {t('bank.keys.manual')}</Text>
                <Text size="xs" c="dimmed"><Kbd size="xs">U</Kbd> {t('bank.keys.unmatch')}</Text>
              </>
            ) : null}
          </Group>
        </Paper>
        {current ? (
          <MovementDetail
            movement={current}
            detail={detail.data?.id === current.id ? detail.data : undefined}
            suggestions={suggestions.data?.movementId === current.id ? suggestions.data : undefined}
            suggestionsPending={wantsSuggestions && suggestions.isPending}
            suggestionsError={suggestions.error}
            canWrite={canWrite}
            busy={busy}
            onAccept={(c) => void accept(c)}
            onManual={openManual}
            onUnmatch={askUnmatch}
          />
        ) : (
          <div />
        )}
      </div>
      {manual ? (
        <ManualMatchDialog
          key={manual.movement.id}
          movement={manual.movement}
          opened={manual.open}
          onClose={() => setManual({ ...manual, open: false })}
          onMatched={(status) => {
            setManual({ ...manual, open: false });
            if (status === 'matched' && filter === 'toMatch') followNext(manual.movement);
          }}
        />
      ) : null}
      <UnmatchDialog movement={unmatching?.movement ?? null} opened={!!unmatching?.open} busy={unmatch.isPending} onClose={() => unmatching && setUnmatching({ ...unmatching, open: false })} onConfirm={() => void confirmUnmatch()} />
    </div>
  );
}

function Stat({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <div className={classes.stat}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="lg" fw={700} c={color} className={classes.amount}>{value}</Text>
    </div>
  );
}
