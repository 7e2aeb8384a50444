import { useMemo } from 'react';
import { Badge, Group, Text } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { LotRow, Owner } from '../../../src-shared/contract/portfolio.js';
import { DataTable } from '../../components/DataTable.js';
import { ownerWithFraction } from './lot-format.js';

interface OwnerLine {
  owner: Owner;
  lots: string;
}

/** The building's current owners, with the lots (and fractions) they hold. */
export function OwnersTable({ owners, lots, onOpen }: { owners: Owner[]; lots: LotRow[]; onOpen?: (owner: Owner) => void }) {
  const { t } = useTranslation();
  const lines = useMemo<OwnerLine[]>(
    () =>
      owners.map((owner) => ({
        owner,
        lots: lots
          .flatMap((l) => l.owners.filter((o) => o.ownerId === owner.id).map((o) => ownerWithFraction({ ...o, displayName: l.number })))
          .join(', '),
      })),
    [owners, lots],
  );
  const columns = useMemo<ColumnDef<OwnerLine>[]>(
    () => [
      {
        id: 'name',
        header: t('owners.columns.name'),
        accessorFn: (l) => l.owner.displayName,
        cell: ({ row }) => (
          <Group gap="xs" wrap="nowrap">
            <Text fw={600} size="sm">{row.original.owner.displayName}</Text>
            {row.original.owner.kind === 'company' ? <Badge size="xs" variant="outline" color="grape">{t('ownerKinds.companyShort')}</Badge> : null}
          </Group>
        ),
      },
      { id: 'lots', header: t('owners.columns.lots'), accessorKey: 'lots', cell: ({ getValue }) => <Text size="sm">{getValue<string>()}</Text> },
      { id: 'city', header: t('owners.columns.address'), accessorFn: (l) => `${l.owner.address.postalCode} ${l.owner.address.city}`, cell: ({ row }) => <Text size="sm">{row.original.owner.address.street}, {row.original.owner.address.postalCode} {row.original.owner.address.city}</Text> },
      { id: 'language', header: t('owners.columns.language'), accessorFn: (l) => l.owner.language, cell: ({ getValue }) => <Badge variant="default" size="sm">{getValue<string>().toUpperCase()}</Badge> },
      {
        id: 'email',
        header: t('owners.columns.email'),
        accessorFn: (l) => l.owner.email ?? '',
        cell: ({ row }) => (
          <Group gap={6} wrap="nowrap">
            <Text size="sm" c={row.original.owner.email ? undefined : 'dimmed'}>{row.original.owner.email ?? '—'}</Text>
            {row.original.owner.emailConsent ? (
              <IconMailCheck size={16} color="var(--mantine-color-teal-6)" aria-label={t('owners.consentYes')} role="img" />
            ) : null}
          </Group>
        ),
      },
    ],
    [t],
  );
  return (
    <DataTable
      caption={t('building.tabs.owners')}
      data={lines}
      columns={columns}
      getRowId={(l) => String(l.owner.id)}
      rowLabel={(l) => l.owner.displayName}
      onRowOpen={onOpen ? (l) => onOpen(l.owner) : undefined}
      empty={<Text c="dimmed" ta="center" py="md">{t('owners.empty')}</Text>}
    />
  );
}
