import { useState } from 'react';
import { Alert, Anchor, Badge, Button, DataList, Drawer, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { EntryDetail } from '../../../src-shared/contract/ledger.js';
import { useUser } from '../../app/AuthProvider.js';
import { can } from '../../app/permissions.js';
import { useOpMutation, useOpQuery } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { QueryState } from '../../components/QueryState.js';
import { useFormat } from '../../i18n/useFormat.js';
import { todayIso } from './dates.js';
import { useMoney } from './useMoney.js';

/** One entry (écriture / boeking): its lines, debit = credit, and its reversal (extourne). */
export function EntryDrawer({ entryId, onClose, onOpenEntry }: { entryId: number | null; onClose: () => void; onOpenEntry: (id: number) => void }) {
  const { t } = useTranslation();
  const query = useOpQuery('ledger.entry', { entryId: entryId ?? 0 }, { enabled: entryId !== null });
  const title = query.data && entryId !== null ? t('ledger.entry.title', { reference: query.data.reference }) : t('ledger.entry.titleLoading');
  return (
    <Drawer opened={entryId !== null} onClose={onClose} position="right" size={720} title={<Title order={2} size="h3">{title}</Title>} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {entryId !== null ? (
        <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
          {() => <Entry key={query.data!.id} entry={query.data!} onOpenEntry={onOpenEntry} />}
        </QueryState>
      ) : null}
    </Drawer>
  );
}

function Entry({ entry: e, onOpenEntry }: { entry: EntryDetail; onOpenEntry: (id: number) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { amount, money } = useMoney();
  const user = useUser();
  const [reversing, setReversing] = useState(false);
  const [date, setDate] = useState(() => (todayIso() < e.date ? e.date : todayIso()));
  const reverse = useOpMutation('ledger.reverse');
  const debit = e.lines.reduce((s, l) => s + l.debitCents, 0);
  const credit = e.lines.reduce((s, l) => s + l.creditCents, 0);
  const mayReverse = can(user, 'finance.write') && e.reversedById === null;

  const doReverse = async () => {
    try {
      const r = await reverse.mutateAsync({ entryId: e.id, date });
      notifications.show({ color: 'teal', message: t('ledger.entry.reversed', { reference: r.reference }) });
      setReversing(false);
      onOpenEntry(r.id);
    } catch {
      /* shown below */
    }
  };

  return (
    <Stack gap="lg">
      <DataList size="sm" gap={6} labelWidth={150}>
        <DataList.Item>
          <DataList.ItemLabel>{t('ledger.entry.date')}</DataList.ItemLabel>
          <DataList.ItemValue>{fmt.date(e.date)}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('ledger.entry.journal')}</DataList.ItemLabel>
          <DataList.ItemValue><Badge variant="light" tt="none">{e.journalCode}</Badge> {t(`ledger.sources.${source(e.sourceType)}`)}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('ledger.entry.description')}</DataList.ItemLabel>
          <DataList.ItemValue>{e.description}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('ledger.entry.posted')}</DataList.ItemLabel>
          <DataList.ItemValue>{fmt.dateTime(e.postedAt)}</DataList.ItemValue>
        </DataList.Item>
      </DataList>
      {e.reversalOfId !== null ? (
        <Alert color="gray" variant="light">
          {t('ledger.entry.isReversal')} <Anchor component="button" type="button" size="sm" onClick={() => onOpenEntry(e.reversalOfId!)}>{t('ledger.entry.openOriginal')}</Anchor>
        </Alert>
      ) : null}
      {e.reversedById !== null ? (
        <Alert color="orange" variant="light">
          {t('ledger.entry.wasReversed')} <Anchor component="button" type="button" size="sm" onClick={() => onOpenEntry(e.reversedById!)}>{t('ledger.entry.openReversal')}</Anchor>
        </Alert>
      ) : null}
      <Table withTableBorder striped fz="sm" aria-label={t('ledger.entry.lines')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ledger.columns.account')}</Table.Th>
            <Table.Th>{t('ledger.columns.label')}</Table.Th>
            <Table.Th ta="right">{t('ledger.columns.debit')}</Table.Th>
            <Table.Th ta="right">{t('ledger.columns.credit')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {e.lines.map((l, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <Text size="sm" ff="monospace">{l.accountCode}</Text>
                <Text size="xs" c="dimmed">{l.accountLabel}</Text>
              </Table.Td>
              <Table.Td>{l.label ?? ''}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{l.debitCents ? amount(l.debitCents) : ''}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{l.creditCents ? amount(l.creditCents) : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={2}>{t('ledger.columns.total')}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{money(debit)}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{money(credit)}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      {mayReverse ? (
        reversing ? (
          <Stack gap="xs">
            <Text size="sm">{t('ledger.entry.reverseIntro')}</Text>
            <Group align="flex-end">
              <TextInput type="date" label={t('ledger.entry.reverseDate')} value={date} onChange={(ev) => setDate(ev.currentTarget.value)} min={e.date} data-autofocus />
              <Button color="orange" loading={reverse.isPending} onClick={() => void doReverse()}>{t('ledger.entry.reverseConfirm')}</Button>
              <Button variant="default" onClick={() => setReversing(false)}>{t('common.cancel')}</Button>
            </Group>
            {reverse.error ? <ErrorAlert error={reverse.error} /> : null}
          </Stack>
        ) : (
          <Group>
            <Button variant="light" color="orange" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setReversing(true)}>{t('ledger.entry.reverse')}</Button>
          </Group>
        )
      ) : null}
    </Stack>
  );
}

const SOURCES = ['manual', 'invoice', 'payment', 'call', 'statement', 'reversal', 'import'] as const;
const source = (s: string): (typeof SOURCES)[number] | 'other' => ((SOURCES as readonly string[]).includes(s) ? (s as (typeof SOURCES)[number]) : 'other');
