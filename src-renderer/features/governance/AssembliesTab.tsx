import { useState } from 'react';
import { Button, EmptyState, Group, Table, Text, Title } from '@mantine/core';
import { IconGavel, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../app/AuthProvider.js';
import { can } from '../../app/permissions.js';
import type { Route } from '../../app/router.js';
import { useOpQuery } from '../../api/hooks.js';
import { QueryState } from '../../components/QueryState.js';
import { useFormat } from '../../i18n/useFormat.js';
import { AssemblyForm } from './AssemblyForm.js';
import { AssemblyStatusBadge } from './AssemblyStatusBadge.js';

/** The building's general assemblies (AG / AV), newest first; a row opens its preparation or its meeting room. */
export function AssembliesTab({ buildingId, navigate }: { buildingId: number; navigate: (r: Route) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const user = useUser();
  const canWrite = can(user, 'governance.write');
  const list = useOpQuery('ag.list', { buildingId });
  const [creating, setCreating] = useState(false);
  const open = (id: number, status: string) => navigate({ name: 'assembly', id, view: status === 'open' ? 'meeting' : status === 'closed' || status === 'failed' ? 'minutes' : 'prepare' });

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">{t('assemblies.title')}</Title>
        {canWrite ? <Button size="sm" variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>{t('assemblies.new')}</Button> : null}
      </Group>
      <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()}>
        {() =>
          list.data!.length === 0 ? (
            <EmptyState icon={<IconGavel aria-hidden />} variant="light" title={t('assemblies.empty.title')} description={t('assemblies.empty.text')} py="lg" />
          ) : (
            <Table highlightOnHover fz="sm" verticalSpacing={8} aria-label={t('assemblies.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assemblies.list.date')}</Table.Th>
                  <Table.Th>{t('assemblies.list.kind')}</Table.Th>
                  <Table.Th>{t('assemblies.list.place')}</Table.Th>
                  <Table.Th ta="right">{t('assemblies.list.items')}</Table.Th>
                  <Table.Th>{t('assemblies.list.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data!.map((a) => (
                  <Table.Tr
                    key={a.id}
                    tabIndex={0}
                    style={{ cursor: 'pointer' }}
                    aria-label={`${t(`assemblies.kind.${a.kind === 'extraordinary' ? 'extraordinary' : 'ordinary'}`)} ${fmt.dateTime(a.scheduledAt)}`}
                    onClick={() => open(a.id, a.status)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') open(a.id, a.status);
                    }}
                  >
                    <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(a.scheduledAt)}</Table.Td>
                    <Table.Td>
                      {t(`assemblies.kind.${a.kind === 'extraordinary' ? 'extraordinary' : 'ordinary'}`)}
                      {a.session === 'second' ? <Text span size="xs" c="dimmed"> · {t('assemblies.secondSession')}</Text> : null}
                    </Table.Td>
                    <Table.Td>{a.place}</Table.Td>
                    <Table.Td ta="right">{fmt.number(a.items)}</Table.Td>
                    <Table.Td><AssemblyStatusBadge status={a.status} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
      {canWrite ? <AssemblyForm opened={creating} onClose={() => setCreating(false)} buildingId={buildingId} onCreated={(id) => navigate({ name: 'assembly', id, view: 'prepare' })} /> : null}
    </>
  );
}
