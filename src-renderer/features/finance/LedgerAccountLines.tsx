import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Badge, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { useOpInfiniteQuery } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFormat } from '../../i18n/useFormat.js';
import { accountLabel, type AccountRow } from './accounts.js';
import { useMoney } from './useMoney.js';
import classes from './Ledger.module.css';

/** Fixed row height: the virtualizer computes positions without measuring 200 000 rows. */
export const LINE_HEIGHT = 46;
const PAGE = 500;
/** Ask for the next page when the last rendered row is this close to the end of what is loaded. */
const PREFETCH_ROWS = 150;

/**
 * The ledger of one account (grand livre / grootboek) over a fiscal year: date, entry,
 * description, debit, credit, running balance. Keyset pages of 500 lines arrive as the
 * user scrolls; only the visible rows are in the DOM, so 200 000 lines scroll like 20.
 * ↑/↓, Page Up/Down, Home/End move the current line; Enter opens its entry.
 */
export function LedgerAccountLines({ buildingId, fiscalYearId, account, hasChildren, onOpenEntry }: {
  buildingId: number; fiscalYearId: number; account: AccountRow; hasChildren: boolean; onOpenEntry: (entryId: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { amount, money } = useMoney();
  const query = useOpInfiniteQuery('ledger.accountLines', { buildingId, fiscalYearId, accountCode: account.code, limit: PAGE });
  const lines = useMemo(() => query.data?.pages.flatMap((p) => p.lines) ?? [], [query.data]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const more = !!query.hasNextPage;

  // TanStack Virtual returns fresh functions each render: the React Compiler skips this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length + (more ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 15,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;

  const { fetchNextPage, isFetchingNextPage } = query;
  useEffect(() => {
    if (more && !isFetchingNextPage && lastIndex >= lines.length - PREFETCH_ROWS) void fetchNextPage();
  }, [more, isFetchingNextPage, lastIndex, lines.length, fetchNextPage]);

  const go = (index: number) => {
    const i = Math.max(0, Math.min(index, lines.length - 1));
    setActive(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / LINE_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + page, PageUp: active - page, Home: 0, End: lines.length - 1 };
    if (e.key in moves) {
      e.preventDefault();
      go(moves[e.key]!);
    } else if (e.key === 'Enter' && lines[active]) {
      e.preventDefault();
      onOpenEntry(lines[active].entryId);
    }
  };

  const balance = (cents: number) => (cents === 0 ? amount(0) : `${amount(Math.abs(cents))} ${cents > 0 ? t('ledger.debitShort') : t('ledger.creditShort')}`);
  const activeLine = lines[active];

  return (
    <Stack gap="sm" h="100%">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={2} size="h4">
            <Text span ff="monospace" inherit>{account.code}</Text> {accountLabel(account, i18n.language)}
          </Title>
          <Text size="xs" c="dimmed" aria-live="polite">
            {query.isPending ? t('common.loading') : more ? t('ledger.linesLoaded', { n: fmt.number(lines.length) }) : t('ledger.linesCount', { n: fmt.number(lines.length) })}
          </Text>
        </div>
        <Group gap="lg" wrap="nowrap" className={classes.totals}>
          <Total label={t('ledger.columns.debit')} value={money(account.debitCents)} />
          <Total label={t('ledger.columns.credit')} value={money(account.creditCents)} />
          <Total label={t('ledger.balance')} value={balance(account.balanceCents)} strong />
        </Group>
      </Group>
      {query.error ? <ErrorAlert error={query.error} /> : null}
      <div
        className={classes.grid}
        role="grid"
        aria-label={t('ledger.linesOf', { code: account.code })}
        aria-rowcount={lines.length + 1}
        aria-colcount={5}
        aria-busy={query.isFetching}
      >
        <div role="row" aria-rowindex={1} className={`${classes.line} ${classes.head}`}>
          <div role="columnheader">{t('ledger.columns.dateReference')}</div>
          <div role="columnheader">{t('ledger.columns.description')}</div>
          <div role="columnheader" className={classes.num}>{t('ledger.columns.debit')}</div>
          <div role="columnheader" className={classes.num}>{t('ledger.columns.credit')}</div>
          <div role="columnheader" className={classes.num}>{t('ledger.columns.balance')}</div>
        </div>
        <div
          ref={scrollRef}
          className={classes.scroller}
          tabIndex={0}
          aria-activedescendant={activeLine ? `ledger-line-${activeLine.lineId}` : undefined}
          onKeyDown={onKey}
          data-testid="ledger-lines"
        >
          {query.isPending ? (
            <Center py="xl" role="status">
              <Loader aria-label={t('common.loading')} />
            </Center>
          ) : lines.length === 0 ? (
            <Text size="sm" c="dimmed" ta="center" py="xl">{hasChildren ? t('ledger.noLinesParent') : t('ledger.noLines')}</Text>
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
              {items.map((item) => {
                const l = lines[item.index];
                const style = { height: LINE_HEIGHT, transform: `translateY(${item.start}px)` };
                if (!l) {
                  return (
                    <div key="more" role="row" className={`${classes.line} ${classes.abs}`} style={style}>
                      <div role="gridcell" className={classes.loadingCell}><Loader size="xs" aria-hidden /> {t('common.loading')}</div>
                    </div>
                  );
                }
                const isActive = item.index === active;
                return (
                  <div
                    key={l.lineId}
                    id={`ledger-line-${l.lineId}`}
                    role="row"
                    aria-rowindex={item.index + 2}
                    aria-selected={isActive}
                    data-active={isActive || undefined}
                    className={`${classes.line} ${classes.abs} ${classes.body}`}
                    style={style}
                    onClick={() => {
                      setActive(item.index);
                      onOpenEntry(l.entryId);
                    }}
                  >
                    <div role="gridcell" className={classes.stack}>
                      <span>{fmt.date(l.date)}</span>
                      <span className={classes.ref}>{l.reference}</span>
                    </div>
                    <div role="gridcell" className={classes.stack} title={l.label && l.label !== l.description ? `${l.description}\n${l.label}` : l.description}>
                      <span className={classes.desc}>{l.description}</span>
                      {l.label && l.label !== l.description ? <span className={`${classes.desc} ${classes.lineLabel}`}>{l.label}</span> : null}
                    </div>
                    <div role="gridcell" className={classes.num}>{l.debitCents ? amount(l.debitCents) : ''}</div>
                    <div role="gridcell" className={classes.num}>{l.creditCents ? amount(l.creditCents) : ''}</div>
                    <div role="gridcell" className={`${classes.num} ${classes.running}`}>{balance(l.balanceCents)}</div>
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
      <Group gap="xs">
        <Badge variant="light" color="gray" tt="none">{t('ledger.keysHint')}</Badge>
      </Group>
    </Stack>
  );
}

function Total({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div style={{ textAlign: 'right' }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="sm" fw={strong ? 700 : 500} className={classes.amountText}>{value}</Text>
    </div>
  );
}
