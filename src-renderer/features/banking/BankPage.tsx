import { EmptyState, Group, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowsExchange, IconBellRinging, IconBuildingBank, IconFileImport, IconFileEuro } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../app/AuthProvider.js';
import { can } from '../../app/permissions.js';
import type { BankView, Route } from '../../app/router.js';
import { useOpQuery } from '../../api/hooks.js';
import { QueryState } from '../../components/QueryState.js';
import { ImportStatements } from './ImportStatements.js';
import { Reconciliation } from './Reconciliation.js';
import { Reminders } from './Reminders.js';
import { SepaPanel } from './SepaFiles.js';

const ALL = 'all';

/**
 * The bank: statements imported, movements matched to calls and invoices (rapprochement /
 * afpunting), reminders of unpaid calls, SEPA files. The council reads; people who keep
 * the books act. Reconciliation can span the whole firm; reminders and SEPA are per building.
 */
export function BankPage({ view: routeView, buildingId: routeBuilding, navigate }: { view: BankView; buildingId?: number; navigate: (r: Route) => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const canWrite = can(user, 'finance.write');
  const view: BankView = routeView === 'import' && !canWrite ? 'reconcile' : routeView;
  const buildings = useOpQuery('buildings.list', {});
  const perBuilding = view === 'reminders' || view === 'sepa';
  const buildingId = routeBuilding ?? (perBuilding ? buildings.data?.[0]?.id : undefined);
  const go = (v: BankView, b: number | undefined = buildingId) => navigate({ name: 'bank', view: v, ...(b ? { buildingId: b } : {}) });
  const options = (buildings.data ?? []).map((b) => ({ value: String(b.id), label: b.name }));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">{t('bank.title')}</Title>
          <Text c="dimmed" size="sm">{canWrite ? t('bank.subtitle') : t('bank.subtitleReadOnly')}</Text>
        </div>
        {view !== 'import' ? (
          <Select
            label={t('bank.building')}
            searchable
            allowDeselect={false}
            data={perBuilding ? options : [{ value: ALL, label: t('bank.allBuildings') }, ...options]}
            value={buildingId ? String(buildingId) : perBuilding ? null : ALL}
            onChange={(v) => go(view, v && v !== ALL ? Number(v) : undefined)}
            w={280}
          />
        ) : null}
      </Group>
      <Tabs value={view} onChange={(v) => go((v as BankView | null) ?? 'reconcile')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="reconcile" leftSection={<IconArrowsExchange size={16} aria-hidden />}>{t('bank.tabs.reconcile')}</Tabs.Tab>
          {canWrite ? <Tabs.Tab value="import" leftSection={<IconFileImport size={16} aria-hidden />}>{t('bank.tabs.import')}</Tabs.Tab> : null}
          <Tabs.Tab value="reminders" leftSection={<IconBellRinging size={16} aria-hidden />}>{t('bank.tabs.reminders')}</Tabs.Tab>
          <Tabs.Tab value="sepa" leftSection={<IconFileEuro size={16} aria-hidden />}>{t('bank.tabs.sepa')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="reconcile">
          <Reconciliation key={buildingId ?? 0} buildingId={buildingId} />
        </Tabs.Panel>
        {canWrite ? (
          <Tabs.Panel value="import">
            <ImportStatements />
          </Tabs.Panel>
        ) : null}
        {(['reminders', 'sepa'] as const).map((v) => (
          <Tabs.Panel key={v} value={v}>
            <QueryState isPending={buildings.isPending} error={buildings.error} onRetry={() => void buildings.refetch()}>
              {() =>
                !buildingId ? (
                  <EmptyState icon={<IconBuildingBank aria-hidden />} title={t('bank.noBuilding')} py="xl" />
                ) : v === 'reminders' ? (
                  <Reminders key={buildingId} buildingId={buildingId} />
                ) : (
                  <SepaPanel key={buildingId} buildingId={buildingId} />
                )
              }
            </QueryState>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
