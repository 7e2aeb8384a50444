import { Badge, Button, Drawer, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowsExchange, IconEdit } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LotRow } from '../../../src-shared/contract/portfolio.js';
import { useOpQuery } from '../../api/hooks.js';
import { QueryState } from '../../components/QueryState.js';
import { useFormat } from '../../i18n/useFormat.js';

/** One lot: its quote-parts, its owners today and the ownership history (who, from, to). */
export function LotDrawer({ lot, totalShares, canWrite, onClose, onEdit, onTransfer }: {
  lot: LotRow | null; totalShares: number; canWrite: boolean; onClose: () => void; onEdit: (lot: LotRow) => void; onTransfer: (lot: LotRow) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const history = useOpQuery('lots.history', { lotId: lot?.id ?? 0 }, { enabled: !!lot });
  return (
    <Drawer opened={!!lot} onClose={onClose} position="right" size="lg" title={lot ? <Title order={2} size="h3">{t('lots.drawerTitle', { number: lot.number })}</Title> : null}>
      {lot ? (
        <Stack gap="lg">
          <SimpleGrid cols={3}>
            <div>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t('lots.columns.kind')}</Text>
              <Text size="sm">{t(`lotKinds.${lot.kind}`)}</Text>
            </div>
            <div>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t('lots.columns.floor')}</Text>
              <Text size="sm">{lot.floor === null ? '—' : lot.floor === 0 ? t('lots.groundFloor') : lot.floor}</Text>
            </div>
            <div>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t('lots.columns.shares')}</Text>
              <Text size="sm">{fmt.number(lot.shares)} / {fmt.number(totalShares)}</Text>
            </div>
          </SimpleGrid>
          {canWrite ? (
            <Group>
              <Button leftSection={<IconArrowsExchange size={18} aria-hidden />} onClick={() => onTransfer(lot)}>{t('lots.transfer')}</Button>
              <Button variant="default" leftSection={<IconEdit size={18} aria-hidden />} onClick={() => onEdit(lot)}>{t('lots.edit')}</Button>
            </Group>
          ) : null}
          <div>
            <Title order={3} size="h5" mb="xs">{t('lots.currentOwners')}</Title>
            {lot.owners.length === 0 ? <Text size="sm" c="dimmed">{t('lots.noOwner')}</Text> : null}
            <Stack gap={4}>
              {lot.owners.map((o) => (
                <Group key={o.ownershipId} gap="xs">
                  <Text size="sm" fw={500}>{o.displayName}</Text>
                  <Badge size="sm" variant="light">{o.fractionNum}/{o.fractionDen}</Badge>
                  <Text size="xs" c="dimmed">{t('history.since', { date: fmt.date(o.since) })}</Text>
                </Group>
              ))}
            </Stack>
          </div>
          <div>
            <Title order={3} size="h5" mb="xs">{t('history.title')}</Title>
            <QueryState isPending={history.isPending} error={history.error}>
              {() =>
                history.data?.length ? (
                  <Table striped withTableBorder fz="sm">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('history.owner')}</Table.Th>
                        <Table.Th>{t('history.fraction')}</Table.Th>
                        <Table.Th>{t('history.from')}</Table.Th>
                        <Table.Th>{t('history.to')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {history.data.map((h) => (
                        <Table.Tr key={h.ownershipId}>
                          <Table.Td>{h.displayName}</Table.Td>
                          <Table.Td>{h.fractionNum}/{h.fractionDen}</Table.Td>
                          <Table.Td>{fmt.date(h.from)}</Table.Td>
                          <Table.Td>{h.to ? fmt.date(h.to) : <Badge size="sm" color="teal" variant="light" tt="none">{t('history.current')}</Badge>}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                ) : (
                  <Text size="sm" c="dimmed">{t('history.empty')}</Text>
                )
              }
            </QueryState>
          </div>
        </Stack>
      ) : null}
    </Drawer>
  );
}
