import { useMemo, useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../src-shared/contract/index.js';
import { useOpQuery } from '../../api/hooks.js';
import { DataTable } from '../../components/DataTable.js';
import { QueryState } from '../../components/QueryState.js';
import { useFormat } from '../../i18n/useFormat.js';
import { UserForm } from './UserForm.js';

type UserRow = OpOutput<'users.list'>[number];

/** The firm's accounts and their roles (admin only). */
export function UsersPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const users = useOpQuery('users.list', {});
  const buildings = useOpQuery('buildings.list', {});
  const [creating, setCreating] = useState(false);
  const buildingName = useMemo(() => new Map((buildings.data ?? []).map((b) => [b.id, b.name])), [buildings.data]);

  const columns = useMemo<ColumnDef<UserRow>[]>(
    () => [
      { id: 'name', header: t('users.columns.name'), accessorKey: 'displayName', cell: ({ getValue }) => <Text fw={600} size="sm">{getValue<string>()}</Text> },
      { id: 'email', header: t('users.columns.email'), accessorKey: 'email' },
      {
        id: 'roles',
        header: t('users.columns.roles'),
        accessorFn: (u) => u.roles.map((r) => r.role).join(','),
        cell: ({ row }) => (
          <Group gap={4}>
            {row.original.roles.map((r, i) => (
              <Badge key={i} variant="light" color={r.role === 'admin' ? 'red' : r.role === 'syndic' ? 'teal' : r.role === 'accountant' ? 'blue' : 'gray'}>
                {t(`roles.${r.role}`)}
                {r.buildingId ? ` · ${buildingName.get(r.buildingId) ?? `#${r.buildingId}`}` : ''}
              </Badge>
            ))}
          </Group>
        ),
      },
      { id: 'language', header: t('users.columns.language'), accessorKey: 'language', cell: ({ getValue }) => getValue<string>().toUpperCase() },
      { id: 'active', header: t('users.columns.status'), accessorFn: (u) => (u.active ? 1 : 0), cell: ({ row }) => (row.original.active ? <Badge color="teal" variant="dot">{t('users.active')}</Badge> : <Badge color="gray" variant="dot">{t('users.inactive')}</Badge>) },
      { id: 'createdAt', header: t('users.columns.createdAt'), accessorKey: 'createdAt', cell: ({ getValue }) => fmt.date(getValue<string>()) },
    ],
    [t, fmt, buildingName],
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">{t('users.title')}</Title>
          <Text c="dimmed" size="sm">{t('users.subtitle')}</Text>
        </div>
        <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>{t('users.new')}</Button>
      </Group>
      <Paper withBorder radius="md" p="md">
        <QueryState isPending={users.isPending} error={users.error} onRetry={() => void users.refetch()}>
          {() => <DataTable caption={t('users.title')} data={users.data ?? []} columns={columns} getRowId={(u) => String(u.id)} />}
        </QueryState>
      </Paper>
      <UserForm opened={creating} onClose={() => setCreating(false)} buildings={buildings.data ?? []} />
    </Stack>
  );
}
