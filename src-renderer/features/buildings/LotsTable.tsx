import { useMemo } from 'react';
import { Badge, Text } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { LotRow } from '../../../src-shared/contract/portfolio.js';
import { DataTable } from '../../components/DataTable.js';
import { useFormat } from '../../i18n/useFormat.js';
import { lotOwnersText } from './lot-format.js';

const naturalLot = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });

/** The lots of a building with their quote-parts and current owners (with fractions). */
export function LotsTable({ lots, totalShares, onOpen }: { lots: LotRow[]; totalShares: number; onOpen: (lot: LotRow) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const columns = useMemo<ColumnDef<LotRow>[]>(
    () => [
      { id: 'number', header: t('lots.columns.number'), accessorKey: 'number', sortingFn: (a, b) => naturalLot(a.original.number, b.original.number), cell: ({ getValue }) => <Text fw={600} size="sm">{getValue<string>()}</Text> },
      { id: 'kind', header: t('lots.columns.kind'), accessorFn: (l) => t(`lotKinds.${l.kind}`), cell: ({ row }) => <Badge variant="light" color={row.original.kind === 'apartment' ? 'blue' : row.original.kind === 'commercial' ? 'grape' : 'gray'} size="sm" tt="none">{t(`lotKinds.${row.original.kind}`)}</Badge> },
      { id: 'floor', header: t('lots.columns.floor'), accessorFn: (l) => l.floor ?? -999, meta: { align: 'right' }, cell: ({ row }) => (row.original.floor === null ? '—' : row.original.floor === 0 ? t('lots.groundFloor') : String(row.original.floor)) },
      {
        id: 'shares',
        header: t('lots.columns.shares'),
        accessorKey: 'shares',
        meta: { align: 'right' },
        cell: ({ row }) => (
          <Text size="sm" c={row.original.shares <= 0 ? 'orange' : undefined} fw={row.original.shares <= 0 ? 700 : undefined}>
            {fmt.number(row.original.shares)}
            <Text span size="xs" c="dimmed"> · {totalShares > 0 ? fmt.percent(row.original.shares / totalShares) : '—'}</Text>
          </Text>
        ),
      },
      {
        id: 'owners',
        header: t('lots.columns.owners'),
        accessorFn: lotOwnersText,
        cell: ({ row }) => (row.original.owners.length ? <Text size="sm">{lotOwnersText(row.original)}</Text> : <Text size="sm" c="dimmed" fs="italic">{t('lots.noOwner')}</Text>),
      },
    ],
    [t, fmt, totalShares],
  );
  return (
    <DataTable
      caption={t('building.tabs.lots')}
      data={lots}
      columns={columns}
      getRowId={(l) => String(l.id)}
      rowLabel={(l) => t('lots.rowLabel', { number: l.number })}
      onRowOpen={onOpen}
      empty={<Text c="dimmed" ta="center" py="md">{t('lots.empty')}</Text>}
    />
  );
}
