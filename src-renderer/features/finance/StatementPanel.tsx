import { useState } from 'react';
import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalculator, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useOpMutation, useOpQuery } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { addDays, isIsoDate, todayIso } from './dates.js';
import { useMoney } from './useMoney.js';

/** The half-year just ended (statements are usually made per half-year or per year). */
function lastHalfYear(today: string): { start: string; end: string } {
  const year = Number(today.slice(0, 4));
  return today.slice(5) > '06-30' ? { start: `${year}-01-01`, end: `${year}-06-30` } : { start: `${year - 1}-07-01`, end: `${year - 1}-12-31` };
}

/**
 * The statement of charges (décompte de charges / afrekening) of a period: the approved
 * invoices distributed over the owners by their keys, less the provisions called; what
 * each owner still owes or gets back. Preview first, then post (4101 / 701).
 */
export function StatementPanel({ buildingId, canWrite }: { buildingId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const { money } = useMoney();
  const initial = lastHalfYear(todayIso());
  const [period, setPeriod] = useState({ start: initial.start, end: initial.end });
  const [asked, setAsked] = useState<{ start: string; end: string } | null>(null);
  const [date, setDate] = useState(todayIso());
  const valid = isIsoDate(period.start) && isIsoDate(period.end) && period.end >= period.start;
  const preview = useOpQuery('charges.statementPreview', { buildingId, periodStart: asked?.start ?? '', periodEnd: asked?.end ?? '' }, { enabled: asked !== null });
  const post = useOpMutation('charges.postStatement');

  const doPost = async () => {
    if (!asked) return;
    try {
      await post.mutateAsync({ buildingId, periodStart: asked.start, periodEnd: asked.end, date });
      notifications.show({ color: 'teal', message: t('statement.posted') });
      setAsked(null);
    } catch {
      /* shown below */
    }
  };

  const p = preview.data;
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput type="date" label={t('statement.from')} value={period.start} onChange={(e) => setPeriod({ ...period, start: e.currentTarget.value })} w={170} />
        <TextInput type="date" label={t('statement.to')} value={period.end} onChange={(e) => setPeriod({ ...period, end: e.currentTarget.value })} w={170} error={isIsoDate(period.end) && period.end < period.start ? t('statement.endBeforeStart') : undefined} />
        <Button variant="light" leftSection={<IconCalculator size={16} aria-hidden />} disabled={!valid} loading={preview.isFetching} onClick={() => setAsked({ ...period })}>{t('statement.preview')}</Button>
      </Group>
      {asked && preview.error ? <ErrorAlert error={preview.error} /> : null}
      {asked && p ? (
        <Stack gap="sm">
          <Group gap="xl">
            <Text size="sm">{t('statement.totalCharges', { amount: money(p.totalChargesCents) })}</Text>
            <Text size="sm">{t('statement.totalProvisions', { amount: money(p.totalProvisionsCents) })}</Text>
          </Group>
          {p.unownedCents > 0 ? <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />}>{t('statement.unowned', { amount: money(p.unownedCents) })}</Alert> : null}
          <Title order={4} size="h6">{t('statement.invoices', { n: p.invoices.length })}</Title>
          <Table fz="sm" striped verticalSpacing={4} aria-label={t('statement.invoicesCaption')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('invoices.fields.supplier')}</Table.Th>
                <Table.Th>{t('invoices.fields.number')}</Table.Th>
                <Table.Th>{t('invoices.fields.distributionKey')}</Table.Th>
                <Table.Th ta="right">{t('invoices.fields.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.invoices.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.supplierName}</Table.Td>
                  <Table.Td>{i.number}</Table.Td>
                  <Table.Td>{i.keyName}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(i.amountCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={4} size="h6">{t('statement.owners')}</Title>
          <Table fz="sm" striped verticalSpacing={4} aria-label={t('statement.owners')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('calls.preview.owner')}</Table.Th>
                <Table.Th ta="right">{t('statement.charges')}</Table.Th>
                <Table.Th ta="right">{t('statement.provisions')}</Table.Th>
                <Table.Th ta="right">{t('statement.balance')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.owners.map((o) => (
                <Table.Tr key={o.ownerId}>
                  <Table.Td>{o.name}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(o.chargesCents)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(o.provisionsCents)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    <Text span size="sm" fw={600} c={o.balanceCents > 0 ? 'red' : 'teal'}>{o.balanceCents > 0 ? t('statement.owes', { amount: money(o.balanceCents) }) : o.balanceCents < 0 ? t('statement.getsBack', { amount: money(-o.balanceCents) }) : money(0)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {canWrite ? (
            <Group align="flex-end">
              <TextInput type="date" label={t('statement.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} min={addDays(asked.end, 0)} w={170} />
              <Button loading={post.isPending} disabled={!isIsoDate(date)} onClick={() => void doPost()}>{t('statement.post')}</Button>
            </Group>
          ) : null}
          {post.error ? <ErrorAlert error={post.error} /> : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
