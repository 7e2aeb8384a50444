import { useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Alert, Button, Checkbox, Group, Modal, ScrollArea, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MovementRow } from '../../../src-shared/contract/banking.js';
import { isApiError } from '../../api/ApiError.js';
import { useOpMutation, useOpQuery } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { QueryState } from '../../components/QueryState.js';
import { useErrorText } from '../../i18n/useErrorText.js';
import { useFormat } from '../../i18n/useFormat.js';
import { AmountInput } from '../finance/AmountInput.js';
import { centsToInput, parseEuros } from '../finance/amount.js';
import { useMoney } from '../finance/useMoney.js';
import { formatOgm, normalize } from './format.js';
import { movementTitle } from './MovementList.js';
import classes from './Bank.module.css';

/** Something a movement may pay: an open call line (money in) or an invoice still to pay (money out). */
interface Item {
  key: string;
  target: { callLineId: number } | { invoiceId: number };
  ownerId: number | null;
  who: string;
  what: string;
  dueDate: string;
  openCents: number;
  search: string;
}

type Sent = { key: string } | { key: 'credit' };

/**
 * Matching by hand: tick the open call lines (or invoices) the movement pays and how much
 * of each — a partial payment leaves the rest open; what the movement has left is shown
 * live and stays on the suspense account 499 unless it is kept as a credit on an owner's
 * account (an overpayment). Ctrl+Enter matches.
 */
export function ManualMatchDialog({ movement, opened, onClose, onMatched }: { movement: MovementRow; opened: boolean; onClose: () => void; onMatched: (status: 'matched' | 'partial') => void }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { money } = useMoney();
  const { errorText } = useErrorText();
  const credit = movement.amountCents > 0;
  const left = Math.abs(movement.amountCents) - movement.allocatedCents;
  const open = useOpQuery('bank.openItems', { buildingId: movement.buildingId }, { enabled: opened });
  const owners = useOpQuery('owners.list', { buildingId: movement.buildingId }, { enabled: opened && credit });
  const match = useOpMutation('bank.match');
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Map<string, string>>(new Map());
  const [creditOwner, setCreditOwner] = useState<string | null>(null);
  const [creditText, setCreditText] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Map<string, string>>(new Map());
  const [formError, setFormError] = useState<unknown>(null);

  const items = useMemo<Item[]>(() => {
    const payer = new Set(normalize(`${movement.counterpartyName ?? ''} ${movement.communication ?? ''}`).split(' ').filter((w) => w.length >= 3));
    const score = (who: string) => normalize(who).split(' ').filter((w) => payer.has(w)).length;
    const list: Item[] = credit
      ? (open.data?.callLines ?? []).map((l) => ({
          key: `l${l.id}`, target: { callLineId: l.id }, ownerId: l.ownerId, who: l.ownerName, what: `${l.label} · ${formatOgm(l.ogm)}`, dueDate: l.dueDate, openCents: l.openCents,
          search: normalize(`${l.ownerName} ${l.label} ${l.ogm}`),
        }))
      : (open.data?.invoices ?? []).map((i) => ({
          key: `i${i.id}`, target: { invoiceId: i.id }, ownerId: null, who: i.supplierName, what: i.number, dueDate: i.dueDate, openCents: i.openCents, search: normalize(`${i.supplierName} ${i.number}`),
        }));
    return list.sort((a, b) => score(b.who) - score(a.who) || (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  }, [open.data, credit, movement.counterpartyName, movement.communication]);

  const q = normalize(search);
  const qDigits = search.replace(/\D/g, '');
  const shown = items.filter((it) => picked.has(it.key) || !q || it.search.includes(q) || (qDigits.length >= 3 && it.search.replace(/\D/g, '').includes(qDigits)));

  const cents = (text: string) => (text.trim() === '' ? null : parseEuros(text));
  const sumPicked = [...picked.entries()].reduce((s, [, text]) => s + (cents(text) ?? 0), 0);
  const creditCents = credit && creditOwner ? (cents(creditText) ?? 0) : 0;
  const allocated = sumPicked + creditCents;
  const remaining = left - allocated;
  const firstOwner = items.find((it) => picked.has(it.key) && it.ownerId !== null)?.ownerId ?? null;

  const toggle = (it: Item) => {
    const next = new Map(picked);
    if (next.has(it.key)) next.delete(it.key);
    else {
      const room = left - sumPicked - creditCents;
      next.set(it.key, centsToInput(room > 0 ? Math.min(room, it.openCents) : it.openCents, i18n.language));
    }
    setPicked(next);
    setFieldErrors(new Map());
  };
  const keepRestAsCredit = () => {
    const owner = creditOwner ?? (firstOwner !== null ? String(firstOwner) : null);
    if (!owner) return;
    setCreditOwner(owner);
    setCreditText(centsToInput(Math.max(0, left - sumPicked), i18n.language));
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    setFormError(null);
    const errors = new Map<string, string>();
    const allocations: ({ callLineId: number; amountCents: number } | { invoiceId: number; amountCents: number } | { ownerId: number; amountCents: number })[] = [];
    const sent: Sent[] = [];
    for (const it of items) {
      const text = picked.get(it.key);
      if (text === undefined) continue;
      const c = cents(text);
      if (c === null) errors.set(it.key, t('errors.amount_format'));
      else if (c <= 0) errors.set(it.key, t('errors.amount_positive'));
      else if (c > it.openCents) errors.set(it.key, t('bank.manual.overOpen', { open: money(it.openCents) }));
      else {
        allocations.push({ ...it.target, amountCents: c });
        sent.push({ key: it.key });
      }
    }
    if (credit && creditOwner && creditText.trim() !== '') {
      const c = cents(creditText);
      if (c === null) errors.set('credit', t('errors.amount_format'));
      else if (c <= 0) errors.set('credit', t('errors.amount_positive'));
      else {
        allocations.push({ ownerId: Number(creditOwner), amountCents: c });
        sent.push({ key: 'credit' });
      }
    }
    setFieldErrors(errors);
    if (errors.size) return;
    if (allocations.length === 0) {
      setFormError(t('bank.manual.nothing'));
      return;
    }
    if (remaining < 0) {
      setFormError(t('bank.manual.tooMuch', { over: money(-remaining) }));
      return;
    }
    try {
      const r = await match.mutateAsync({ movementId: movement.id, allocations });
      notifications.show({ color: 'teal', message: r.status === 'matched' ? t('bank.manual.done', { name: movementTitle(movement, '') }) : t('bank.manual.donePartial', { left: money(Math.abs(movement.amountCents) - r.allocatedCents) }) });
      onMatched(r.status as 'matched' | 'partial');
    } catch (err) {
      // A refusal naming an allocation goes on its amount.
      const path = isApiError(err) ? (err.details?.path as unknown[] | undefined) : undefined;
      const at = Array.isArray(path) && path[0] === 'allocations' && typeof path[1] === 'number' ? sent[path[1]] : undefined;
      if (at) setFieldErrors(new Map([[at.key, errorText(err)]]));
      else setFormError(err);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  const title = t('bank.manual.title');
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="xl">
      <form onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate aria-label={title}>
        <Stack gap="sm">
          <Text size="sm">
            {t('bank.manual.intro', { name: movementTitle(movement, t('bank.movement.noName')), amount: money(movement.amountCents), date: fmt.date(movement.date) })}
          </Text>
          <TextInput
            data-autofocus
            leftSection={<IconSearch size={16} aria-hidden />}
            label={credit ? t('bank.manual.searchCalls') : t('bank.manual.searchInvoices')}
            placeholder={credit ? t('bank.manual.searchCallsHint') : t('bank.manual.searchInvoicesHint')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <QueryState isPending={open.isPending} error={open.error} onRetry={() => void open.refetch()}>
            {() =>
              shown.length === 0 ? (
                <Text size="sm" c="dimmed" py="md" ta="center">{items.length === 0 ? (credit ? t('bank.manual.noCalls') : t('bank.manual.noInvoices')) : t('bank.manual.noMatch')}</Text>
              ) : (
                <ScrollArea.Autosize mah={340} type="auto" offsetScrollbars>
                  <Table className={classes.itemsTable} verticalSpacing={4} highlightOnHover>
                    <VisuallyHidden component="caption">{credit ? t('bank.manual.callsCaption') : t('bank.manual.invoicesCaption')}</VisuallyHidden>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={36} />
                        <Table.Th>{credit ? t('bank.manual.owner') : t('bank.manual.supplier')}</Table.Th>
                        <Table.Th>{t('bank.manual.due')}</Table.Th>
                        <Table.Th ta="right">{t('bank.manual.open')}</Table.Th>
                        <Table.Th ta="right">{t('bank.manual.amount')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {shown.map((it) => {
                        const name = `${it.who} — ${it.what}`;
                        const on = picked.has(it.key);
                        return (
                          <Table.Tr key={it.key}>
                            <Table.Td>
                              <Checkbox aria-label={t('bank.manual.include', { item: name })} checked={on} onChange={() => toggle(it)} />
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm" fw={600}>{it.who}</Text>
                              <Text size="xs" c="dimmed" className={classes.mono}>{it.what}</Text>
                            </Table.Td>
                            <Table.Td><Text size="sm">{fmt.date(it.dueDate)}</Text></Table.Td>
                            <Table.Td ta="right"><Text size="sm" className={classes.amount}>{money(it.openCents)}</Text></Table.Td>
                            <Table.Td className={classes.amountCell}>
                              <AmountInput
                                size="xs"
                                aria-label={t('bank.manual.amountFor', { item: name })}
                                disabled={!on}
                                value={picked.get(it.key) ?? ''}
                                onChange={(v) => setPicked(new Map(picked).set(it.key, v))}
                                error={fieldErrors.get(it.key)}
                              />
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </ScrollArea.Autosize>
              )
            }
          </QueryState>
          {credit ? (
            <Group align="flex-end" gap="sm" wrap="wrap">
              <Select
                label={t('bank.manual.creditOwner')}
                description={t('bank.manual.creditHint')}
                placeholder={t('bank.manual.creditNone')}
                searchable
                clearable
                data={(owners.data ?? []).map((o) => ({ value: String(o.id), label: o.displayName }))}
                value={creditOwner}
                onChange={setCreditOwner}
                w={300}
              />
              <AmountInput label={t('bank.manual.creditAmount')} value={creditText} onChange={setCreditText} disabled={!creditOwner} error={fieldErrors.get('credit')} w={160} />
              <Button variant="default" onClick={keepRestAsCredit} disabled={(!creditOwner && firstOwner === null) || left - sumPicked <= 0}>{t('bank.manual.restAsCredit')}</Button>
            </Group>
          ) : null}
          <Group justify="space-between" className={classes.summaryBar} pt="sm" wrap="wrap" aria-live="polite" data-testid="manual-totals">
            <Text size="sm">{t('bank.manual.totals', { amount: money(left), allocated: money(allocated) })}</Text>
            <Text size="sm" fw={700} c={remaining < 0 ? 'red' : remaining === 0 ? 'teal' : undefined}>
              {remaining < 0 ? t('bank.manual.over', { over: money(-remaining) }) : remaining === 0 ? t('bank.manual.all') : t('bank.manual.remaining', { left: money(remaining) })}
            </Text>
          </Group>
          {formError ? typeof formError === 'string' ? <Alert color="red" variant="light" role="alert">{formError}</Alert> : <ErrorAlert error={formError} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={match.isPending} disabled={(picked.size === 0 && !(creditOwner && creditText.trim())) || remaining < 0}>{t('bank.manual.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
