import { useState } from 'react';
import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconArrowsExchange, IconBellRinging, IconBook2, IconFileInvoice, IconPlus, IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../app/AuthProvider.js';
import { can } from '../../app/permissions.js';
import { routeHref } from '../../app/router.js';
import { useOpQuery } from '../../api/hooks.js';
import { QueryState } from '../../components/QueryState.js';
import { useFormat } from '../../i18n/useFormat.js';
import { CallForm } from './CallForm.js';
import { StatementPanel } from './StatementPanel.js';
import { useMoney } from './useMoney.js';
import classes from './BuildingFinance.module.css';

/** The building's finance tab: where its invoices and books are, its calls for funds, its statement of charges. */
export function BuildingFinance({ buildingId }: { buildingId: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { money } = useMoney();
  const user = useUser();
  const canWrite = can(user, 'finance.write');
  const calls = useOpQuery('calls.list', { buildingId });
  const pending = useOpQuery('invoices.list', { buildingId, status: 'pending_approval', limit: 200 });
  const statements = useOpQuery('bank.statements', { buildingId });
  const unmatched = statements.data?.reduce((s, st) => s + st.unmatched, 0);
  const [creating, setCreating] = useState(false);

  const links = [
    { href: routeHref({ name: 'invoices', buildingId }), icon: IconFileInvoice, title: t('buildingFinance.invoices'), text: pending.data ? t('buildingFinance.pending', { n: pending.data.rows.length }) : '' },
    { href: routeHref({ name: 'ledger', buildingId, view: 'accounts' }), icon: IconBook2, title: t('buildingFinance.ledger'), text: t('buildingFinance.ledgerText') },
    { href: routeHref({ name: 'ledger', buildingId, view: 'trialBalance' }), icon: IconScale, title: t('buildingFinance.trialBalance'), text: t('buildingFinance.trialBalanceText') },
    { href: routeHref({ name: 'bank', view: 'reconcile', buildingId }), icon: IconArrowsExchange, title: t('buildingFinance.bank'), text: unmatched === undefined ? '' : t('buildingFinance.toMatch', { n: unmatched }) },
    { href: routeHref({ name: 'bank', view: 'reminders', buildingId }), icon: IconBellRinging, title: t('buildingFinance.reminders'), text: t('buildingFinance.remindersText') },
  ];

  return (
    <Stack gap="xl">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {links.map((l) => (
          <UnstyledButton key={l.href} component="a" href={l.href} className={classes.link}>
            <Group gap="sm" wrap="nowrap">
              <l.icon size={26} stroke={1.5} aria-hidden />
              <div>
                <Text fw={600} size="sm">{l.title}</Text>
                <Text size="xs" c="dimmed">{l.text}</Text>
              </div>
            </Group>
          </UnstyledButton>
        ))}
      </SimpleGrid>

      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">{t('calls.title')}</Title>
          {canWrite ? <Button size="sm" variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>{t('calls.new')}</Button> : null}
        </Group>
        <QueryState isPending={calls.isPending} error={calls.error} onRetry={() => void calls.refetch()}>
          {() =>
            calls.data!.length === 0 ? (
              <Text size="sm" c="dimmed">{t('calls.empty')}</Text>
            ) : (
              <Table striped fz="sm" verticalSpacing={6} aria-label={t('calls.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('calls.fields.label')}</Table.Th>
                    <Table.Th>{t('calls.fields.kind')}</Table.Th>
                    <Table.Th>{t('calls.fields.callDate')}</Table.Th>
                    <Table.Th>{t('calls.fields.dueDate')}</Table.Th>
                    <Table.Th ta="right">{t('calls.owners')}</Table.Th>
                    <Table.Th ta="right">{t('calls.fields.total')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...calls.data!].sort((a, b) => (a.callDate < b.callDate ? 1 : -1)).map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td fw={600}>{c.label}</Table.Td>
                      <Table.Td><Badge variant="light" color={c.kind === 'reserve' ? 'grape' : 'blue'} tt="none">{t(`calls.kinds.${c.kind}`)}</Badge></Table.Td>
                      <Table.Td>{fmt.date(c.callDate)}</Table.Td>
                      <Table.Td>{fmt.date(c.dueDate)}</Table.Td>
                      <Table.Td ta="right">{fmt.number(c.owners)}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(c.totalCents)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )
          }
        </QueryState>
      </Stack>

      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">{t('statement.title')}</Title>
          <Text size="sm" c="dimmed">{t('statement.intro')} <Anchor href={routeHref({ name: 'invoices', buildingId })} size="sm">{t('statement.seeInvoices')}</Anchor></Text>
        </div>
        <StatementPanel buildingId={buildingId} canWrite={canWrite} />
      </Stack>
      {canWrite ? <CallForm opened={creating} onClose={() => setCreating(false)} buildingId={buildingId} /> : null}
    </Stack>
  );
}
