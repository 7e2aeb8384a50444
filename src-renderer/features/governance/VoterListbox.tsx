import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { CloseButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.js';
import { matchesVoter, type Voter } from './meeting.js';
import classes from './MeetingRoom.module.css';

/**
 * A filterable list of voters driven from the keyboard, for a noisy room: type a name (or a
 * lot) in the filter, Enter or ↓ goes to the first match, then one key acts on it (`onKey`).
 * After an action the focus goes back to the filter with its text selected (type the next
 * name), or, with no filter, to the next voter. ↑/↓ (or K/J), Home/End move; / or Escape
 * return to the filter.
 */
export function VoterListbox({ voters, label, onKey, renderStatus, hint, disabled = false, emptyText, placeholder }: {
  voters: Voter[];
  /** What to type in the filter (the flow in a few words). */
  placeholder?: string;
  label: string;
  /** A key pressed on a voter: true when it did something. */
  onKey: (voter: Voter, key: string) => boolean;
  renderStatus: (voter: Voter) => ReactNode;
  hint: ReactNode;
  disabled?: boolean;
  emptyText?: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = useId();
  const [filter, setFilter] = useState('');
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const shown = useMemo(() => voters.filter((v) => matchesVoter(v, filter)), [voters, filter]);
  const activeIndex = Math.max(0, shown.findIndex((v) => v.key === activeKey));
  const active = shown[activeIndex] ?? null;
  const optionId = (key: string) => `${id}-${key}`;

  useEffect(() => {
    if (!active) return;
    document.getElementById(optionId(active.key))?.scrollIntoView({ block: 'nearest' });
  }, [active?.key]); // eslint-disable-line react-hooks/exhaustive-deps

  const moveTo = (index: number) => {
    const v = shown[Math.min(Math.max(index, 0), shown.length - 1)];
    if (v) setActiveKey(v.key);
  };
  const toFilter = () => {
    filterRef.current?.focus();
    filterRef.current?.select();
  };

  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.metaKey || e.ctrlKey || e.shiftKey) return;
    const k = e.key;
    if (k === 'ArrowDown' || k === 'j') moveTo(activeIndex + 1);
    else if (k === 'ArrowUp' || k === 'k') moveTo(activeIndex - 1);
    else if (k === 'Home') moveTo(0);
    else if (k === 'End') moveTo(shown.length - 1);
    else if (k === '/' || k === 'Escape') toFilter();
    else if (active && !disabled && k.length === 1 && onKey(active, k.toLowerCase())) {
      if (filter.trim()) toFilter();
      else moveTo(activeIndex + 1);
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const onFilterKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter') {
      e.preventDefault();
      if (shown[0]) setActiveKey(shown[0].key);
      listRef.current?.focus();
    } else if (e.key === 'Escape' && filter) {
      e.preventDefault();
      e.stopPropagation();
      setFilter('');
    }
  };

  return (
    <Stack gap="xs">
      <TextInput
        ref={filterRef}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        onKeyDown={onFilterKey}
        placeholder={placeholder ?? t('meeting.filter')}
        aria-label={t('meeting.filterLabel', { list: label })}
        leftSection={<IconSearch size={18} aria-hidden />}
        rightSection={filter ? <CloseButton size="sm" aria-label={t('meeting.clearFilter')} onClick={() => setFilter('')} /> : null}
        size="md"
      />
      <div
        ref={listRef}
        role="listbox"
        tabIndex={0}
        aria-label={label}
        aria-activedescendant={active ? optionId(active.key) : undefined}
        onKeyDown={onListKey}
        className={classes.listbox}
      >
        {shown.length === 0 ? <Text c="dimmed" p="md">{emptyText ?? t('meeting.noMatch')}</Text> : null}
        {shown.map((v) => (
          <div
            key={v.key}
            id={optionId(v.key)}
            role="option"
            aria-selected={active?.key === v.key}
            data-active={active?.key === v.key || undefined}
            className={classes.option}
            onMouseDown={(e) => {
              e.preventDefault();
              setActiveKey(v.key);
              listRef.current?.focus();
            }}
          >
            <div className={classes.optionMain}>
              <Text fw={600} size="lg" lh={1.25} lineClamp={2}>{v.name}</Text>
              <Text size="sm" c="dimmed" truncate>{t('meeting.lotsShares', { lots: v.lots.join(', '), shares: fmt.number(v.shares) })}</Text>
            </div>
            <Group gap="xs" wrap="nowrap" className={classes.optionStatus}>{renderStatus(v)}</Group>
          </div>
        ))}
      </div>
      <Group gap="md" className={classes.hint}>{hint}</Group>
    </Stack>
  );
}
