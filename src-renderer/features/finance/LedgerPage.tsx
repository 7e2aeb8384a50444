import { useMemo, useState } from 'react';
import { Badge, Button, EmptyState, Group, Paper, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconBook2, IconListTree, IconPlus, IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../app/AuthProvider.js';
import { can } from '../../app/permissions.js';
import type { LedgerView, Route } from '../../app/router.js';
import { useOpQuery } from '../../api/hooks.js';
import { QueryState } from '../../components/QueryState.js';
import { useFormat } from '../../i18n/useFormat.js';
import { todayIso } from './dates.js';
import { EntryDrawer } from './EntryDrawer.js';
import { EntryForm } from './EntryForm.js';
import { LedgerAccountLines } from './LedgerAccountLines.js';
import { LedgerAccountsTree } from './LedgerAccountsTree.js';
import { ExportMenu } from './ReportExport.js';
import { TrialBalance } from './TrialBalance.js';
import classes from './Ledger.module.css';

/**
 * The bookkeeping of a building (PCMN for ACP/VME, AR 12/07/2012): choose the building and
 * the fiscal year (exercice / boekjaar), browse the chart with its balances, read an
 * account's ledger line by line, check the trial balance, post a miscellaneous entry.
 */
export function LedgerPage({ buildingId: routeBuilding, view, account, navigate }: { buildingId?: number; view: LedgerView; account?: string; navigate: (r: Route) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const user = useUser();
  const canWrite = can(user, 'finance.write');
  const buildings = useOpQuery('buildings.list', {});
  const buildingId = routeBuilding ?? buildings.data?.[0]?.id;
  const years = useOpQuery('ledger.fiscalYears', { buildingId: buildingId ?? 0 }, { enabled: buildingId !== undefined });
  const [yearChoice, setYearChoice] = useState<{ buildingId: number; id: number } | null>(null);
  const today = todayIso();
  const fiscalYear = useMemo(() => {
    const list = years.data ?? [];
    const chosen = yearChoice && yearChoice.buildingId === buildingId ? list.find((y) => y.id === yearChoice.id) : undefined;
    return chosen ?? list.find((y) => y.startDate <= today && today <= y.endDate) ?? list[0];
  }, [years.data, yearChoice, buildingId, today]);
  const accounts = useOpQuery('ledger.accounts', { buildingId: buildingId ?? 0, fiscalYearId: fiscalYear?.id ?? 0 }, { enabled: buildingId !== undefined && fiscalYear !== undefined, placeholderData: (prev) => prev });
  const [posting, setPosting] = useState(false);
  const [entryId, setEntryId] = useState<number | null>(null);

  const go = (r: { view?: LedgerView; account?: string; buildingId?: number }) =>
    navigate({ name: 'ledger', buildingId: r.buildingId ?? buildingId, view: r.view ?? view, ...(r.account ? { account: r.account } : {}) });
  const selected = account ? accounts.data?.find((a) => a.code === account) : undefined;
  const hasChildren = !!account && !!accounts.data?.some((a) => a.parentCode === account);

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">{t('ledger.title')}</Title>
        <Text c="dimmed" size="sm">{t('ledger.subtitle')}</Text>
      </div>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group gap="sm" align="flex-end">
          <Select
            label={t('ledger.building')}
            searchable
            allowDeselect={false}
            data={(buildings.data ?? []).map((b) => ({ value: String(b.id), label: b.name }))}
            value={buildingId ? String(buildingId) : null}
            onChange={(v) => v && navigate({ name: 'ledger', buildingId: Number(v), view })}
            w={260}
          />
          <Select
            label={t('ledger.fiscalYear')}
            allowDeselect={false}
            data={(years.data ?? []).map((y) => ({ value: String(y.id), label: t('ledger.yearOption', { from: fmt.date(y.startDate), to: fmt.date(y.endDate) }) }))}
            value={fiscalYear ? String(fiscalYear.id) : null}
            onChange={(v) => v && buildingId && setYearChoice({ buildingId, id: Number(v) })}
            w={230}
          />
          {fiscalYear ? (
            <Badge variant="light" size="lg" mb={4} color={fiscalYear.status === 'open' ? 'teal' : 'gray'} tt="none">{t(`ledger.yearStatus.${fiscalYear.status}`)}</Badge>
          ) : null}
        </Group>
        <Group gap="xs">
          {buildingId && fiscalYear ? <ExportMenu buildingId={buildingId} fiscalYearId={fiscalYear.id} /> : null}
          {canWrite && fiscalYear?.status === 'open' ? (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setPosting(true)}>{t('ledger.post.open')}</Button>
          ) : null}
        </Group>
      </Group>

      {buildings.data && buildings.data.length === 0 ? (
        <EmptyState icon={<IconBook2 aria-hidden />} title={t('ledger.noBuilding')} py="xl" />
      ) : (
        <QueryState isPending={buildingId === undefined || years.isPending} error={buildings.error ?? years.error} onRetry={() => void years.refetch()}>
          {() =>
            !fiscalYear || !buildingId ? (
              <EmptyState icon={<IconBook2 aria-hidden />} title={t('ledger.noYear')} py="xl" />
            ) : (
              <Tabs value={view} onChange={(v) => go({ view: v === 'trialBalance' ? 'trialBalance' : 'accounts', account: v === 'accounts' ? account : undefined })} keepMounted={false}>
                <Tabs.List mb="md">
                  <Tabs.Tab value="accounts" leftSection={<IconListTree size={16} aria-hidden />}>{t('ledger.tabs.accounts')}</Tabs.Tab>
                  <Tabs.Tab value="trialBalance" leftSection={<IconScale size={16} aria-hidden />}>{t('ledger.tabs.trialBalance')}</Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="accounts">
                  <QueryState isPending={accounts.isPending} error={accounts.error} onRetry={() => void accounts.refetch()}>
                    {() => (
                      <div className={classes.layout}>
                        <Paper withBorder radius="md" p="sm" className={classes.pane} component="section" aria-label={t('ledger.chart')}>
                          <LedgerAccountsTree key={`${buildingId}`} accounts={accounts.data!} selected={account ?? null} onSelect={(code) => go({ view: 'accounts', account: code })} />
                        </Paper>
                        <Paper withBorder radius="md" p="md" className={classes.pane} component="section" aria-label={t('ledger.accountLedger')}>
                          {selected ? (
                            <LedgerAccountLines key={`${buildingId}-${fiscalYear.id}-${selected.code}`} buildingId={buildingId} fiscalYearId={fiscalYear.id} account={selected} hasChildren={hasChildren} onOpenEntry={setEntryId} />
                          ) : (
                            <EmptyState icon={<IconBook2 aria-hidden />} variant="light" title={t('ledger.chooseAccount')} description={t('ledger.chooseAccountHint')} py="xl" />
                          )}
                        </Paper>
                      </div>
                    )}
                  </QueryState>
                </Tabs.Panel>
                <Tabs.Panel value="trialBalance">
                  <Paper withBorder radius="md" p="md">
                    <TrialBalance buildingId={buildingId} fiscalYearId={fiscalYear.id} onOpenAccount={(code) => go({ view: 'accounts', account: code })} />
                  </Paper>
                </Tabs.Panel>
              </Tabs>
            )
          }
        </QueryState>
      )}
      {canWrite && buildingId && fiscalYear ? (
        <EntryForm opened={posting} onClose={() => setPosting(false)} buildingId={buildingId} fiscalYear={fiscalYear} onPosted={(e) => e.lines[0] && go({ view: 'accounts', account: e.lines[0].accountCode })} />
      ) : null}
      <EntryDrawer entryId={entryId} onClose={() => setEntryId(null)} onOpenEntry={setEntryId} />
    </Stack>
  );
}
