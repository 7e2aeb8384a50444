import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Tabs } from '@mantine/core';
import { IconCoinEuro, IconDoor, IconGavel, IconPlus, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LotRow, Owner } from '../../../src-shared/contract/portfolio.js';
import { useUser } from '../../app/AuthProvider.js';
import { can } from '../../app/permissions.js';
import type { BuildingTab, Route } from '../../app/router.js';
import { useOpQuery } from '../../api/hooks.js';
import { QueryState } from '../../components/QueryState.js';
import { BuildingFinance } from '../finance/BuildingFinance.js';
import { AssembliesTab } from '../governance/AssembliesTab.js';
import { BuildingForm } from './BuildingForm.js';
import { BuildingHeader } from './BuildingHeader.js';
import { ImportOwnersDialog } from './ImportOwnersDialog.js';
import { LotDrawer } from './LotDrawer.js';
import { LotForm } from './LotForm.js';
import { LotsTable } from './LotsTable.js';
import { OwnerForm } from './OwnerForm.js';
import { OwnersTable } from './OwnersTable.js';
import { SharesPanel } from './SharesPanel.js';
import { TransferLotDialog } from './TransferLotDialog.js';

type Dialog =
  | { kind: 'editBuilding' }
  | { kind: 'import' }
  | { kind: 'lot'; lot?: LotRow }
  | { kind: 'transfer'; lot: LotRow }
  | { kind: 'owner'; owner?: Owner };

/** One building: who and what it holds, its quote-parts, its lots and owners. */
export function BuildingDetail({ id, tab: routeTab, navigate }: { id: number; tab: BuildingTab; navigate: (r: Route) => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const canWrite = can(user, 'portfolio.write');
  const finance = can(user, 'finance.read');
  const tab: BuildingTab = routeTab === 'finance' && !finance ? 'lots' : routeTab;
  const query = useOpQuery('buildings.get', { id });
  // The last dialog stays in state while closing, so its title does not change during the transition.
  const [dialog, setDialogState] = useState<Dialog | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const setDialog = (d: Dialog) => {
    setDialogState(d);
    setDialogOpen(true);
  };
  const close = () => setDialogOpen(false);
  const openIs = (kind: Dialog['kind']) => dialogOpen && dialog?.kind === kind;
  const [openLotId, setOpenLotId] = useState<number | null>(null);

  return (
    <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
      {() => {
        const b = query.data!;
        // The drawer follows the fresh data after an edit or a transfer.
        const openLot = b.lots.find((l) => l.id === openLotId) ?? null;
        return (
          <Stack gap="lg">
            <BuildingHeader building={b} canWrite={canWrite} onEdit={() => setDialog({ kind: 'editBuilding' })} onImport={() => setDialog({ kind: 'import' })} />
            <SharesPanel check={b.sharesCheck} />
            <Paper withBorder radius="md" p="md">
              <Tabs value={tab} onChange={(v) => navigate({ name: 'building', id, tab: v === 'owners' || v === 'finance' || v === 'assemblies' ? v : 'lots' })} keepMounted={false}>
                <Group justify="space-between" align="flex-end" wrap="wrap" mb="md">
                  <Tabs.List>
                    <Tabs.Tab value="lots" leftSection={<IconDoor size={16} aria-hidden />} rightSection={<Badge size="sm" variant="light" circle={false}>{b.lots.length}</Badge>}>
                      {t('building.tabs.lots')}
                    </Tabs.Tab>
                    <Tabs.Tab value="owners" leftSection={<IconUsers size={16} aria-hidden />} rightSection={<Badge size="sm" variant="light">{b.owners.length}</Badge>}>
                      {t('building.tabs.owners')}
                    </Tabs.Tab>
                    {finance ? (
                      <Tabs.Tab value="finance" leftSection={<IconCoinEuro size={16} aria-hidden />}>
                        {t('building.tabs.finance')}
                      </Tabs.Tab>
                    ) : null}
                    <Tabs.Tab value="assemblies" leftSection={<IconGavel size={16} aria-hidden />}>
                      {t('building.tabs.assemblies')}
                    </Tabs.Tab>
                  </Tabs.List>
                  {canWrite && (tab === 'lots' || tab === 'owners') ? (
                    tab === 'lots' ? (
                      <Button size="sm" variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'lot' })}>{t('lots.new')}</Button>
                    ) : (
                      <Button size="sm" variant="light" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'owner' })}>{t('owners.new')}</Button>
                    )
                  ) : null}
                </Group>
                <Tabs.Panel value="lots">
                  <LotsTable lots={b.lots} totalShares={b.totalShares} onOpen={(l) => setOpenLotId(l.id)} />
                </Tabs.Panel>
                <Tabs.Panel value="owners">
                  <OwnersTable owners={b.owners} lots={b.lots} onOpen={canWrite ? (owner) => setDialog({ kind: 'owner', owner }) : undefined} />
                </Tabs.Panel>
                {finance ? (
                  <Tabs.Panel value="finance">
                    <BuildingFinance buildingId={b.id} />
                  </Tabs.Panel>
                ) : null}
                <Tabs.Panel value="assemblies">
                  <AssembliesTab buildingId={b.id} navigate={navigate} />
                </Tabs.Panel>
              </Tabs>
            </Paper>

            <LotDrawer
              lot={openLot}
              totalShares={b.totalShares}
              canWrite={canWrite}
              onClose={() => setOpenLotId(null)}
              onEdit={(lot) => setDialog({ kind: 'lot', lot })}
              onTransfer={(lot) => setDialog({ kind: 'transfer', lot })}
            />
            {canWrite ? (
              <>
                <BuildingForm opened={openIs('editBuilding')} onClose={close} building={b} />
                <ImportOwnersDialog opened={openIs('import')} onClose={close} buildingId={b.id} />
                <LotForm opened={openIs('lot')} onClose={close} buildingId={b.id} lot={dialog?.kind === 'lot' ? dialog.lot : undefined} />
                {dialog?.kind === 'transfer' ? <TransferLotDialog opened={dialogOpen} onClose={close} lot={dialog.lot} /> : null}
                <OwnerForm opened={openIs('owner')} onClose={close} owner={dialog?.kind === 'owner' ? dialog.owner : undefined} notLinkedHint />
              </>
            ) : null}
          </Stack>
        );
      }}
    </QueryState>
  );
}
