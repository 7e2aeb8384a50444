import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MovementRow } from '../../../src-shared/contract/banking.js';
import { useFormat } from '../../i18n/useFormat.js';
import { useMoney } from '../finance/useMoney.js';
import { formatOgm } from './format.js';
import classes from './Bank.module.css';

/** A movement's name on screen: the payer or payee, else its communication. */
export const movementTitle = (m: MovementRow, fallback: string): string => m.counterpartyName?.trim() || m.communication?.trim() || fallback;

/**
 * The movements as a listbox driven from the keyboard: J/K or ↑/↓ move the current one,
 * Home/End jump, Enter asks to accept its best suggestion. The list keeps the focus while
 * the detail beside it follows; more pages come by keyset ("load more").
 */
export function MovementList({ rows, currentId, onCurrent, onEnter, showBuilding, hasMore, loadingMore, onLoadMore, label }: {
  rows: MovementRow[];
  currentId: number | null;
  onCurrent: (id: number) => void;
  onEnter: () => void;
  showBuilding: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  label: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { money } = useMoney();
  const id = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const index = rows.findIndex((r) => r.id === currentId);
  const optionId = (movementId: number) => `${id}-m${movementId}`;

  useEffect(() => {
    if (currentId !== null) document.getElementById(optionId(currentId))?.scrollIntoView({ block: 'nearest' });
  }, [currentId]); // eslint-disable-line react-hooks/exhaustive-deps

  const moveTo = (i: number) => {
    const r = rows[Math.min(Math.max(i, 0), rows.length - 1)];
    if (r) onCurrent(r.id);
    if (i >= rows.length && hasMore) onLoadMore();
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.metaKey || e.ctrlKey) return;
    if (e.key === 'ArrowDown') moveTo(index + 1);
    else if (e.key === 'ArrowUp') moveTo(index - 1);
    else if (e.key === 'Home') moveTo(0);
    else if (e.key === 'End') moveTo(rows.length - 1);
    else if (e.key === 'Enter') onEnter();
    else return;
    e.preventDefault();
    // J/K, A, M, U are the page's shortcuts: they reach it from here too.
  };

  return (
    <>
      <div
        ref={listRef}
        role="listbox"
        tabIndex={0}
        aria-label={label}
        aria-activedescendant={currentId !== null && index >= 0 ? optionId(currentId) : undefined}
        onKeyDown={onKey}
        className={classes.listbox}
        data-testid="movement-list"
      >
        {rows.map((r) => {
          const current = r.id === currentId;
          const title = movementTitle(r, t('bank.movement.noName'));
          const detail = r.structuredReference ? formatOgm(r.structuredReference) : (r.communication ?? '');
          return (
            <div
              key={r.id}
              id={optionId(r.id)}
              role="option"
              aria-selected={current}
              aria-label={t('bank.list.optionLabel', { name: title, amount: money(r.amountCents), date: fmt.date(r.date) })}
              data-current={current || undefined}
              className={classes.option}
              onMouseDown={(e) => {
                e.preventDefault();
                onCurrent(r.id);
                listRef.current?.focus();
              }}
            >
              <Text size="sm" fw={600} truncate>{title}</Text>
              <Text size="sm" fw={700} className={`${classes.optionAmount} ${classes.amount} ${r.amountCents < 0 ? classes.out : classes.in}`}>{money(r.amountCents)}</Text>
              <Text size="xs" c="dimmed" truncate className={r.structuredReference ? classes.mono : undefined}>{detail || '—'}</Text>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                {r.status !== 'unmatched' ? (
                  <Badge size="xs" variant="light" color={r.status === 'matched' ? 'teal' : 'yellow'} tt="none">{t(`bank.status.${r.status}`)}</Badge>
                ) : null}
                <Text size="xs" c="dimmed">{fmt.date(r.date)}</Text>
              </Group>
              {showBuilding ? <Text size="xs" c="dimmed" truncate style={{ gridColumn: '1 / -1' }}>{r.buildingName}</Text> : null}
            </div>
          );
        })}
      </div>
      {hasMore ? (
        <Group justify="center" p="xs">
          <Button variant="subtle" size="xs" loading={loadingMore} onClick={onLoadMore}>{t('bank.list.loadMore')}</Button>
        </Group>
      ) : null}
    </>
  );
}
