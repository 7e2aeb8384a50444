import { useState } from 'react';
import { Alert, Anchor, Button, Checkbox, Group, List, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OpInput, OpOutput } from '../../../src-shared/contract/index.js';
import { formatIban } from '../../../src-shared/values/iban.js';
import { belgianCreditorId } from '../../../src-shared/values/sepa-creditor-id.js';
import type { ApiError } from '../../api/ApiError.js';
import { call } from '../../api/client.js';
import { useOpMutation, useOpQuery } from '../../api/hooks.js';
import { useUser } from '../../app/AuthProvider.js';
import { can } from '../../app/permissions.js';
import { routeHref } from '../../app/router.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { QueryState } from '../../components/QueryState.js';
import { useErrorText } from '../../i18n/useErrorText.js';
import { useFormat } from '../../i18n/useFormat.js';
import { addDays, todayIso } from '../finance/dates.js';
import { saveFile } from '../finance/download.js';
import { useMoney } from '../finance/useMoney.js';
import classes from './Bank.module.css';

/**
 * The payment file (pain.001, virements / overschrijvingen) of a building's approved
 * invoices still to pay: choose the execution date, which invoices and the debtor account,
 * download the XML for the bank. Nothing is posted: the transfers come back on a statement
 * and are matched there. `sepa.payments` is a query (it writes nothing), asked on demand.
 */
export function PaymentFileForm({ buildingId }: { buildingId: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { money } = useMoney();
  const open = useOpQuery('bank.openItems', { buildingId });
  const building = useOpQuery('buildings.get', { id: buildingId });
  const [executionDate, setExecutionDate] = useState(() => addDays(todayIso(), 1));
  const [bankAccountId, setBankAccountId] = useState<string | null>(null);
  const [left, setLeft] = useState<Set<number>>(new Set());
  const make = useMutation<OpOutput<'sepa.payments'>, ApiError, OpInput<'sepa.payments'>>({ mutationFn: (input) => call('sepa.payments', input) });
  const invoices = open.data?.invoices ?? [];
  const chosen = invoices.filter((i) => !left.has(i.id));

  const create = async () => {
    try {
      const r = await make.mutateAsync({ buildingId, executionDate, invoiceIds: chosen.map((i) => i.id), ...(bankAccountId ? { bankAccountId: Number(bankAccountId) } : {}) });
      saveFile(r);
      notifications.show({ color: 'teal', message: t('bank.sepa.paymentsDone', { n: r.transactions, total: money(r.controlSumCents) }) });
    } catch {
      /* shown below */
    }
  };
  const toggle = (id: number) => {
    const next = new Set(left);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setLeft(next);
  };
  const numbers = new Map(invoices.map((i) => [i.id, `${i.supplierName} ${i.number}`]));

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput type="date" label={t('bank.sepa.executionDate')} value={executionDate} onChange={(e) => setExecutionDate(e.currentTarget.value)} required w={180} />
        <Select
          label={t('bank.sepa.debtorAccount')}
          placeholder={t('bank.sepa.debtorDefault')}
          clearable
          data={(building.data?.bankAccounts ?? []).map((a) => ({ value: String(a.id), label: `${formatIban(a.iban)} · ${t(`purposes.${a.purpose}`)}` }))}
          value={bankAccountId}
          onChange={setBankAccountId}
          w={320}
        />
      </Group>
      <QueryState isPending={open.isPending} error={open.error} onRetry={() => void open.refetch()}>
        {() =>
          invoices.length === 0 ? (
            <Text size="sm" c="dimmed">{t('bank.sepa.noInvoices')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table fz="sm" verticalSpacing={4} striped aria-label={t('bank.sepa.invoicesToPay')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={36}>
                      <Checkbox size="xs" aria-label={t('bank.sepa.tickAll')} checked={left.size === 0} indeterminate={left.size > 0 && chosen.length > 0} onChange={() => setLeft(left.size ? new Set() : new Set(invoices.map((i) => i.id)))} />
                    </Table.Th>
                    <Table.Th>{t('bank.manual.supplier')}</Table.Th>
                    <Table.Th>{t('bank.manual.due')}</Table.Th>
                    <Table.Th ta="right">{t('bank.sepa.toPay')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {invoices.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td><Checkbox size="xs" aria-label={t('bank.sepa.tick', { name: `${i.supplierName} ${i.number}` })} checked={!left.has(i.id)} onChange={() => toggle(i.id)} /></Table.Td>
                      <Table.Td><Text size="sm" fw={600} span>{i.supplierName}</Text> <Text size="xs" c="dimmed" span>{i.number}</Text></Table.Td>
                      <Table.Td>{fmt.date(i.dueDate)}</Table.Td>
                      <Table.Td ta="right" className={classes.amount}>{money(i.openCents)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      {make.error ? <ErrorAlert error={make.error} /> : null}
      {make.data?.skipped.length ? (
        <Alert color="yellow" variant="light" title={t('bank.sepa.skipped')}>
          <List size="sm">{make.data.skipped.map((s) => <List.Item key={s.invoiceId}>{`${numbers.get(s.invoiceId) ?? `#${s.invoiceId}`} — ${s.reason}`}</List.Item>)}</List>
        </Alert>
      ) : null}
      <Group>
        <Button leftSection={<IconFileDownload size={18} aria-hidden />} onClick={() => void create()} loading={make.isPending} disabled={!chosen.length || !executionDate}>
          {t('bank.sepa.makePayments', { n: chosen.length, total: money(chosen.reduce((s, i) => s + i.openCents, 0)) })}
        </Button>
      </Group>
    </Stack>
  );
}

/** Direct debits (domiciliations / domiciliëringen, pain.008 SEPA Core) of the open calls of owners with a mandate. */
function DirectDebitForm({ buildingId, creditorId, mandates }: { buildingId: number; creditorId: string | null; mandates: number }) {
  const { t } = useTranslation();
  const { money } = useMoney();
  const calls = useOpQuery('calls.list', { buildingId });
  const owners = useOpQuery('owners.list', { buildingId });
  const [collectionDate, setCollectionDate] = useState(() => addDays(todayIso(), 5));
  const [callId, setCallId] = useState<string | null>(null);
  const make = useOpMutation('sepa.directDebits');
  const names = new Map((owners.data ?? []).map((o) => [o.id, o.displayName]));

  const create = async () => {
    try {
      const r = await make.mutateAsync({ buildingId, collectionDate, ...(callId ? { callId: Number(callId) } : {}) });
      saveFile(r);
      notifications.show({ color: 'teal', message: t('bank.sepa.debitsDone', { n: r.transactions, total: money(r.controlSumCents), first: r.first, recurring: r.recurring }) });
    } catch {
      /* shown below */
    }
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">{t('bank.sepa.debitsIntro', { n: mandates })} {t('bank.sepa.collectionHint')}</Text>
      {!creditorId ? <Alert color="yellow" variant="light">{t('errors.no_creditor_id')}</Alert> : null}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput type="date" label={t('bank.sepa.collectionDate')} value={collectionDate} onChange={(e) => setCollectionDate(e.currentTarget.value)} required w={220} />
        <Select
          label={t('bank.sepa.call')}
          placeholder={t('bank.sepa.allCalls')}
          clearable
          data={(calls.data ?? []).map((c) => ({ value: String(c.id), label: c.label }))}
          value={callId}
          onChange={setCallId}
          w={260}
        />
        <Button leftSection={<IconFileDownload size={18} aria-hidden />} onClick={() => void create()} loading={make.isPending} disabled={!creditorId || !mandates || !collectionDate}>
          {t('bank.sepa.makeDebits')}
        </Button>
      </Group>
      {make.error ? <ErrorAlert error={make.error} /> : null}
      {make.data?.skipped.length ? (
        <Alert color="yellow" variant="light" title={t('bank.sepa.skippedOwners')}>
          <List size="sm">{make.data.skipped.map((s) => <List.Item key={s.ownerId}>{`${names.get(s.ownerId) ?? `#${s.ownerId}`} — ${s.reason}`}</List.Item>)}</List>
        </Alert>
      ) : null}
    </Stack>
  );
}

/** The ACP's SEPA creditor identifier (BE + check digits + ZZZ + BCE), needed for direct debits. */
function CreditorIdForm({ buildingId, creditorId, readOnly }: { buildingId: number; creditorId: string | null; readOnly: boolean }) {
  const { t } = useTranslation();
  const building = useOpQuery('buildings.get', { id: buildingId });
  const bce = building.data?.bce ?? null;
  const { problemText, errorText } = useErrorText();
  const [value, setValue] = useState(creditorId ?? '');
  const save = useOpMutation('sepa.setCreditorId');
  const problem = save.error?.problems[0];
  const fieldError = save.error ? (problem ? problemText(problem) : errorText(save.error)) : undefined;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ buildingId, creditorId: value.trim() || null }, { onSuccess: (r) => notifications.show({ color: 'teal', message: r.creditorId ? t('bank.sepa.creditorSaved', { id: r.creditorId }) : t('bank.sepa.creditorCleared') }) });
      }}
      noValidate
      aria-label={t('bank.sepa.creditorId')}
    >
      <Group align={fieldError ? 'center' : 'flex-end'} gap="sm">
        <TextInput label={t('bank.sepa.creditorId')} description={t('bank.sepa.creditorHint')} placeholder="BE81ZZZ0123456749" value={value} onChange={(e) => setValue(e.currentTarget.value)} readOnly={readOnly} error={fieldError} w={480} />
        {readOnly ? null : <Button type="submit" loading={save.isPending} variant="light">{t('common.save')}</Button>}
        {readOnly || !bce || value.trim() ? null : (
          <Button variant="subtle" onClick={() => setValue(belgianCreditorId(bce))}>{t('bank.sepa.creditorFromBce')}</Button>
        )}
      </Group>
    </form>
  );
}

/** The SEPA tab of a building: creditor identifier, payment file, direct-debit file. */
export function SepaPanel({ buildingId }: { buildingId: number }) {
  const { t } = useTranslation();
  const user = useUser();
  const canWrite = can(user, 'finance.write');
  const settings = useOpQuery('sepa.settings', { buildingId });
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h4" mb={4}>{t('bank.sepa.paymentsTitle')}</Title>
        <Text size="sm" c="dimmed" mb="md">{t('bank.sepa.paymentsIntro')}</Text>
        {canWrite ? <PaymentFileForm buildingId={buildingId} /> : <Text size="sm" c="dimmed">{t('bank.readOnly')}</Text>}
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h4" mb="md">{t('bank.sepa.debitsTitle')}</Title>
        <QueryState isPending={settings.isPending} error={settings.error} onRetry={() => void settings.refetch()}>
          {() => (
            <Stack gap="lg">
              <CreditorIdForm key={`${buildingId}-${settings.data!.creditorId ?? ''}`} buildingId={buildingId} creditorId={settings.data!.creditorId} readOnly={!canWrite} />
              {canWrite ? <DirectDebitForm buildingId={buildingId} creditorId={settings.data!.creditorId} mandates={settings.data!.mandates} /> : null}
              <Text size="xs" c="dimmed">{t('bank.sepa.mandatesHint')} <Anchor href={routeHref({ name: 'building', id: buildingId, tab: 'owners' })} size="xs">{t('bank.sepa.ownersLink')}</Anchor></Text>
            </Stack>
          )}
        </QueryState>
      </Paper>
    </Stack>
  );
}
