import type { KeyboardEvent } from 'react';
import { Badge, Group, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconCircleCheck, IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useOpQuery } from '../../api/hooks.js';
import { QueryState } from '../../components/QueryState.js';
import { accountLabel, compareCodes } from './accounts.js';
import { ExportButtons } from './ReportExport.js';
import { useMoney } from './useMoney.js';
import classes from './Ledger.module.css';

/**
 * The trial balance (balance de vérification / proefbalans): every account with movements
 * this year, its debit and credit totals and its balance on the side it falls; totals at
 * the foot, which agree when the books balance. A row opens the account's ledger.
 */
export function TrialBalance({ buildingId, fiscalYearId, onOpenAccount }: { buildingId: number; fiscalYearId: number; onOpenAccount: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  const { amount, money } = useMoney();
  const query = useOpQuery('ledger.trialBalance', { buildingId, fiscalYearId });

  const onKey = (code: string) => (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.key === 'Enter') onOpenAccount(code);
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      ((e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling) as HTMLElement | null)?.focus();
    }
  };

  return (
    <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
      {() => {
        const tb = query.data!;
        // 4100-2 before 4100-10: the owners' sub-accounts in number order.
        const rows = [...tb.rows].sort((a, b) => compareCodes(a.code, b.code));
        const balanced = tb.totalDebitCents === tb.totalCreditCents;
        const debitBalances = tb.rows.reduce((s, r) => s + Math.max(r.balanceCents, 0), 0);
        const creditBalances = tb.rows.reduce((s, r) => s + Math.max(-r.balanceCents, 0), 0);
        return (
          <>
            <Group justify="space-between" mb="sm">
              <Group gap="sm">
                <Title order={2} size="h4">{t('ledger.trialBalance.title')}</Title>
                {balanced ? (
                  <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={14} aria-hidden />} tt="none">{t('ledger.trialBalance.balanced')}</Badge>
                ) : (
                  <Badge color="red" variant="light" leftSection={<IconAlertTriangle size={14} aria-hidden />} tt="none">{t('ledger.trialBalance.unbalanced', { difference: money(tb.totalDebitCents - tb.totalCreditCents) })}</Badge>
                )}
              </Group>
              <ExportButtons kind="trialBalance" buildingId={buildingId} fiscalYearId={fiscalYearId} />
            </Group>
            {tb.rows.length === 0 ? (
              <Text c="dimmed" size="sm" ta="center" py="xl">{t('ledger.trialBalance.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={760}>
                <Table className={classes.tb} striped highlightOnHover stickyHeader verticalSpacing={6} fz="sm">
                  <VisuallyHidden component="caption">{t('ledger.trialBalance.title')}</VisuallyHidden>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={110}>{t('ledger.columns.account')}</Table.Th>
                      <Table.Th>{t('ledger.columns.accountLabel')}</Table.Th>
                      <Table.Th ta="right">{t('ledger.columns.debit')}</Table.Th>
                      <Table.Th ta="right">{t('ledger.columns.credit')}</Table.Th>
                      <Table.Th ta="right">{t('ledger.trialBalance.debitBalance')}</Table.Th>
                      <Table.Th ta="right">{t('ledger.trialBalance.creditBalance')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((r) => (
                      <Table.Tr key={r.code} tabIndex={0} className={classes.tbRow} aria-label={`${r.code} ${accountLabel(r, i18n.language)}`} onClick={() => onOpenAccount(r.code)} onKeyDown={onKey(r.code)}>
                        <Table.Td ff="monospace">{r.code}</Table.Td>
                        <Table.Td>{accountLabel(r, i18n.language)}</Table.Td>
                        <Table.Td ta="right">{amount(r.debitCents)}</Table.Td>
                        <Table.Td ta="right">{amount(r.creditCents)}</Table.Td>
                        <Table.Td ta="right">{r.balanceCents > 0 ? amount(r.balanceCents) : ''}</Table.Td>
                        <Table.Td ta="right">{r.balanceCents < 0 ? amount(-r.balanceCents) : ''}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr>
                      <Table.Th colSpan={2}>{t('ledger.trialBalance.totals', { n: tb.rows.length })}</Table.Th>
                      <Table.Th ta="right">{money(tb.totalDebitCents)}</Table.Th>
                      <Table.Th ta="right">{money(tb.totalCreditCents)}</Table.Th>
                      <Table.Th ta="right">{money(debitBalances)}</Table.Th>
                      <Table.Th ta="right">{money(creditBalances)}</Table.Th>
                    </Table.Tr>
                  </Table.Tfoot>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
