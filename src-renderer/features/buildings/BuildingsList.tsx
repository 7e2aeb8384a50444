import { useMemo, useState } from 'react';
import { Badge, Button, EmptyState, Group, Kbd, Loader, Paper, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuildingCommunity, IconPlus, IconSearch } from '@tabler/icons-react';
import type { ColumnDef, SortingState } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { BuildingRow } from '../../../src-shared/contract/portfolio.js';
import { useUser } from '../../app/AuthProvider.js';
import { SEARCH_INPUT_ID } from '../../app/Layout.js';
import { can } from '../../app/permissions.js';
import { useOpQuery } from '../../api/hooks.js';
import { DataTable } from '../../components/DataTable.js';
import { QueryState } from '../../components/QueryState.js';
import { useFormat } from '../../i18n/useFormat.js';
import { BuildingForm } from './BuildingForm.js';

type SortKey = 'name' | 'city' | 'lotCount';

/** The portfolio: every building the user may see, searched and sorted by the server. */
export function BuildingsList({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const user = useUser();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const [creating, setCreating] = useState(false);
  const sort = (sorting[0]?.id ?? 'name') as SortKey;
  const direction = sorting[0]?.desc ? 'desc' : 'asc';
  const query = useOpQuery('buildings.list', { search: debounced || undefined, sort, direction }, { placeholderData: (prev) => prev });
  const canWrite = can(user, 'portfolio.write');

  const columns = useMemo<ColumnDef<BuildingRow>[]>(
    () => [
      {
        id: 'name',
        header: t('buildings.columns.name'),
        accessorKey: 'name',
        cell: ({ row }) => (
          <div>
            <Text fw={600} size="sm">{row.original.name}</Text>
            <Text size="xs" c="dimmed">{row.original.street}</Text>
          </div>
        ),
      },
      { id: 'city', header: t('buildings.columns.city'), accessorKey: 'city', cell: ({ row }) => `${row.original.postalCode} ${row.original.city}` },
      { id: 'lotCount', header: t('buildings.columns.lots'), accessorKey: 'lotCount', meta: { align: 'right' }, cell: ({ getValue }) => fmt.number(getValue<number>()) },
      { id: 'ownerCount', header: t('buildings.columns.owners'), accessorKey: 'ownerCount', enableSorting: false, meta: { align: 'right' }, cell: ({ getValue }) => fmt.number(getValue<number>()) },
      {
        id: 'shares',
        header: t('buildings.columns.shares'),
        enableSorting: false,
        meta: { align: 'right' },
        cell: ({ row }) => {
          const b = row.original;
          const balanced = b.sharesSum === b.totalShares && b.lotCount > 0;
          return (
            <Group gap="xs" justify="flex-end" wrap="nowrap">
              <Text size="sm">{t('buildings.sharesOf', { sum: fmt.number(b.sharesSum), total: fmt.number(b.totalShares) })}</Text>
              {balanced ? null : (
                <Tooltip label={t('buildings.unbalancedHint')}>
                  <Badge color="orange" variant="light" size="sm">{t('shares.unbalancedBadge')}</Badge>
                </Tooltip>
              )}
            </Group>
          );
        },
      },
    ],
    [t, fmt],
  );

  const rows = query.data ?? [];
  const emptyPortfolio = !debounced && rows.length === 0;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">{t('buildings.title')}</Title>
          <Text c="dimmed" size="sm">{t('buildings.subtitle')}</Text>
        </div>
        {canWrite ? (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>{t('buildings.new')}</Button>
        ) : null}
      </Group>
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <TextInput
            id={SEARCH_INPUT_ID}
            type="search"
            label={t('buildings.search')}
            placeholder={t('buildings.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={query.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : <Kbd size="xs" aria-hidden>/</Kbd>}
            description={t('buildings.searchHint')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setSearch('');
            }}
          />
          <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
            {() =>
              emptyPortfolio ? (
                <EmptyState
                  icon={<IconBuildingCommunity aria-hidden />}
                  variant="light"
                  title={t('buildings.empty.title')}
                  description={t('buildings.empty.text')}
                  py="xl"
                >
                  {canWrite ? (
                    <EmptyState.Actions>
                      <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>{t('buildings.empty.action')}</Button>
                    </EmptyState.Actions>
                  ) : null}
                </EmptyState>
              ) : (
                <DataTable
                  caption={t('buildings.title')}
                  data={rows}
                  columns={columns}
                  getRowId={(b) => String(b.id)}
                  rowLabel={(b) => b.name}
                  onRowOpen={(b) => onOpen(b.id)}
                  sorting={sorting}
                  onSortingChange={setSorting}
                  manualSorting
                  empty={<Text c="dimmed" ta="center" py="md">{t('buildings.noResults', { search: debounced })}</Text>}
                />
              )
            }
          </QueryState>
          {rows.length ? <Text size="xs" c="dimmed" aria-live="polite">{t('buildings.count', { n: fmt.number(rows.length) })}</Text> : null}
        </Stack>
      </Paper>
      {canWrite ? <BuildingForm opened={creating} onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}
