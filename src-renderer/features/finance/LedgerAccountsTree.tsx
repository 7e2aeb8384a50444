import { useMemo, useState, type KeyboardEvent } from 'react';
import { Group, Stack, Switch, Text, TextInput, Tree, useTree, type TreeNodeData } from '@mantine/core';
import { IconChevronRight, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { accountLabel, buildAccountTree, filterTree, hasMovements, type AccountNode, type AccountRow } from './accounts.js';
import { useMoney } from './useMoney.js';
import classes from './Ledger.module.css';

/** Which nodes are open (Mantine does not export its type). */
type TreeExpandedState = Record<string, boolean>;

const toTreeData = (nodes: AccountNode[]): TreeNodeData[] => nodes.map((n) => ({ value: n.account.code, label: n.account.code, children: n.children.length ? toTreeData(n.children) : undefined }));

function ancestors(code: string, byCode: Map<string, AccountRow>): string[] {
  const out: string[] = [];
  let parent = byCode.get(code)?.parentCode ?? null;
  while (parent && !out.includes(parent)) {
    out.push(parent);
    parent = byCode.get(parent)?.parentCode ?? null;
  }
  return out;
}

/**
 * The PCMN chart as a tree — class, group, account, sub-accounts — with each balance
 * rolled up. By default only the accounts with movements this year (and what holds them);
 * a switch shows the whole chart; the search finds a code or a word. Arrows move,
 * → ← open and close, Enter shows the account's ledger.
 */
export function LedgerAccountsTree({ accounts, selected, onSelect }: { accounts: AccountRow[]; selected: string | null; onSelect: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  const { amount } = useMoney();
  const [search, setSearch] = useState('');
  const [all, setAll] = useState(false);
  const byCode = useMemo(() => new Map(accounts.map((a) => [a.code, a])), [accounts]);
  const q = search.trim().toLowerCase();
  const data = useMemo(() => {
    const tree = buildAccountTree(accounts);
    const keep = (a: AccountRow) => (all || hasMovements(a) || a.code === selected) && (!q || a.code.startsWith(q) || accountLabel(a, i18n.language).toLowerCase().includes(q));
    return toTreeData(filterTree(tree, keep));
  }, [accounts, all, q, selected, i18n.language]);

  // Classes open, and the way down to the chosen account.
  const [expanded, setExpanded] = useState<TreeExpandedState>(() => Object.fromEntries([...accounts.filter((a) => a.parentCode === null).map((a) => a.code), ...(selected ? ancestors(selected, byCode) : [])].map((c) => [c, true])));
  const allOpen = useMemo(() => Object.fromEntries(accounts.map((a) => [a.code, true])), [accounts]);
  const tree = useTree({
    expandedState: q ? allOpen : expanded,
    onExpandedStateChange: q ? undefined : setExpanded,
    selectedState: selected ? [selected] : [],
    onSelectedStateChange: (s) => {
      if (!s[0]) return;
      // Chosen from a search: its branch stays open once the search is cleared.
      const path = ancestors(s[0], byCode);
      setExpanded((prev) => ({ ...prev, ...Object.fromEntries(path.map((c) => [c, true])) }));
      onSelect(s[0]);
    },
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter') return;
    const value = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]')?.dataset.value;
    if (value) {
      e.preventDefault();
      onSelect(value);
    }
  };

  const balance = (cents: number) => (cents === 0 ? '' : `${amount(Math.abs(cents))} ${cents > 0 ? t('ledger.debitShort') : t('ledger.creditShort')}`);

  return (
    <Stack gap="xs" h="100%">
      <TextInput
        type="search"
        size="sm"
        aria-label={t('ledger.searchAccount')}
        placeholder={t('ledger.searchAccount')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setSearch('');
        }}
      />
      <Group justify="space-between">
        <Switch size="xs" label={t('ledger.showAll')} checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />
        <Text size="xs" c="dimmed">{t('ledger.balanceColumn')}</Text>
      </Group>
      <div className={classes.treeScroll} onKeyDown={onKeyDown}>
        {data.length === 0 ? (
          <Text size="sm" c="dimmed" ta="center" py="lg">{t('ledger.noAccountFound')}</Text>
        ) : (
          <Tree
            data={data}
            tree={tree}
            levelOffset={14}
            selectOnClick
            expandOnClick
            aria-label={t('ledger.chart')}
            renderNode={({ node, expanded: open, hasChildren, elementProps, level }) => {
              const a = byCode.get(node.value)!;
              return (
                <div {...elementProps} className={`${elementProps.className} ${classes.treeLabel}`}>
                  <span>{hasChildren ? <IconChevronRight size={14} className={classes.chevron} data-expanded={open || undefined} aria-hidden /> : null}</span>
                  <span className={classes.treeCode} style={{ fontWeight: level <= 2 ? 700 : 500 }}>{a.code}</span>
                  <span className={classes.treeName} title={accountLabel(a, i18n.language)} style={{ fontWeight: level === 1 ? 600 : undefined }}>{accountLabel(a, i18n.language)}</span>
                  <span className={classes.treeBalance}>{balance(a.balanceCents)}</span>
                </div>
              );
            }}
          />
        )}
      </div>
    </Stack>
  );
}
