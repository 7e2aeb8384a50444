import { useEffect, useRef, type KeyboardEvent } from 'react';
import { ActionIcon, Button, Checkbox, Group, Select, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { InvoiceRow } from '../../../src-shared/contract/invoices.js';
import { useFormat } from '../../i18n/useFormat.js';
import { todayIso } from './dates.js';
import { InvoiceStatusBadge } from './InvoiceStatusBadge.js';
import { useMoney } from './useMoney.js';
import classes from './InvoiceInbox.module.css';

export type InvoiceSort = 'dueDate' | 'invoiceDate' | 'amount';

interface Props {
  rows: InvoiceRow[];
  currentId: number | null;
  onCurrent: (id: number) => void;
  checked: ReadonlySet<number>;
  onChecked: (ids: Set<number>) => void;
  /** Checkboxes only for people who approve. */
  selectable: boolean;
  sort: InvoiceSort;
  direction: 'asc' | 'desc';
  onSort: (sort: InvoiceSort, direction: 'asc' | 'desc') => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/**
 * The inbox list: one compact row per invoice (supplier, number, building, due date,
 * amount, status). The current row follows J/K and the arrow keys; checkboxes gather
 * invoices for a bulk approval. Pages come from the server by keyset ("load more").
 */
export function InvoiceList({ rows, currentId, onCurrent, checked, onChecked, selectable, sort, direction, onSort, hasMore, loadingMore, onLoadMore }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { money } = useMoney();
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const today = todayIso();

  // The current row stays in view when J/K move it; focus follows if it was in the list.
  useEffect(() => {
    const row = bodyRef.current?.querySelector<HTMLElement>('[data-current="true"]');
    if (!row) return;
    row.scrollIntoView({ block: 'nearest' });
    if (bodyRef.current?.contains(document.activeElement) && document.activeElement !== row) row.focus();
  }, [currentId]);

  const toggle = (id: number) => {
    const next = new Set(checked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChecked(next);
  };
  const allChecked = rows.length > 0 && rows.every((r) => checked.has(r.id));
  const someChecked = rows.some((r) => checked.has(r.id));

  const onKey = (index: number) => (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = rows[index + (e.key === 'ArrowDown' ? 1 : -1)];
      if (next) onCurrent(next.id);
      else if (e.key === 'ArrowDown' && hasMore) onLoadMore();
    } else if (e.key === ' ' && selectable) {
      e.preventDefault();
      toggle(rows[index]!.id);
    }
  };

  return (
    <Stack gap={0} className={classes.listInner}>
      <Group justify="space-between" px="sm" py={8} className={classes.listHeader} wrap="nowrap">
        {selectable ? (
          <Checkbox
            size="xs"
            aria-label={t('invoices.list.checkAll')}
            checked={allChecked}
            indeterminate={someChecked && !allChecked}
            onChange={() => onChecked(allChecked ? new Set() : new Set(rows.map((r) => r.id)))}
            label={checked.size ? t('invoices.list.checkedCount', { n: checked.size }) : t('invoices.list.checkAllShort')}
          />
        ) : (
          <Text size="xs" c="dimmed">{t('invoices.list.shown', { n: fmt.number(rows.length) })}</Text>
        )}
        <Group gap={4} wrap="nowrap">
          <Select
            size="xs"
            aria-label={t('invoices.list.sortBy')}
            allowDeselect={false}
            data={(['dueDate', 'invoiceDate', 'amount'] as const).map((s) => ({ value: s, label: t(`invoices.list.sort.${s}`) }))}
            value={sort}
            onChange={(v) => onSort((v ?? 'dueDate') as InvoiceSort, direction)}
            w={150}
          />
          <Tooltip label={direction === 'asc' ? t('invoices.list.ascending') : t('invoices.list.descending')}>
            <ActionIcon variant="default" size={30} onClick={() => onSort(sort, direction === 'asc' ? 'desc' : 'asc')} aria-label={direction === 'asc' ? t('invoices.list.ascending') : t('invoices.list.descending')}>
              {direction === 'asc' ? <IconSortAscending size={16} aria-hidden /> : <IconSortDescending size={16} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <div className={classes.listScroll}>
        <Table className={classes.listTable} verticalSpacing={6} highlightOnHover>
          <VisuallyHidden component="caption">{t('invoices.list.caption')}</VisuallyHidden>
          <colgroup>
            {selectable ? <col style={{ width: 36 }} /> : null}
            <col />
            <col style={{ width: 124 }} />
          </colgroup>
          <Table.Tbody ref={bodyRef}>
            {rows.map((r, i) => {
              const current = r.id === currentId;
              const overdue = r.dueDate < today && r.status !== 'paid';
              return (
                <Table.Tr
                  key={r.id}
                  data-current={current}
                  aria-current={current ? true : undefined}
                  aria-label={`${r.supplierName} ${r.number}`}
                  tabIndex={current ? 0 : -1}
                  className={classes.row}
                  onClick={() => onCurrent(r.id)}
                  onKeyDown={onKey(i)}
                >
                  {selectable ? (
                    <Table.Td pr={0} onClick={(e) => e.stopPropagation()}>
                      <Checkbox size="xs" tabIndex={-1} aria-label={t('invoices.list.check', { number: r.number, supplier: r.supplierName })} checked={checked.has(r.id)} onChange={() => toggle(r.id)} />
                    </Table.Td>
                  ) : null}
                  <Table.Td className={classes.rowMain}>
                    <Text size="sm" fw={600} truncate>{r.supplierName}</Text>
                    <Text size="xs" c="dimmed" truncate>{r.number} · {r.buildingName}</Text>
                    <Text size="xs" c={overdue ? 'red' : 'dimmed'} fw={overdue ? 600 : undefined}>{t('invoices.list.due', { date: fmt.date(r.dueDate) })}</Text>
                  </Table.Td>
                  <Table.Td ta="right" className={classes.rowAmount}>
                    <Text size="sm" fw={600} className={classes.amount}>{money(r.amountCents)}</Text>
                    <InvoiceStatusBadge status={r.status} size="xs" />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {hasMore ? (
          <Group justify="center" p="sm">
            <Button variant="subtle" size="xs" loading={loadingMore} onClick={onLoadMore}>{t('invoices.list.loadMore')}</Button>
          </Group>
        ) : null}
      </div>
    </Stack>
  );
}
