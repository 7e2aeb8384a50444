import { useMemo, type KeyboardEvent } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { ActionIcon, Badge, Button, Grid, Group, Kbd, Modal, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { EntryDetail } from '../../../src-shared/contract/ledger.js';
import { useResetOnOpen, useServerErrors } from '../../api/form-errors.js';
import { useOpMutation, useOpQuery } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { accountLabel, isPostable } from './accounts.js';
import { centsToInput, parseEuros } from './amount.js';
import { AmountInput } from './AmountInput.js';
import { clampDate, todayIso } from './dates.js';
import { entryBalance } from './entry-balance.js';
import { useMoney } from './useMoney.js';
import classes from './Ledger.module.css';

interface LineValues {
  accountCode: string | null;
  label: string;
  debit: string;
  credit: string;
}
export interface EntryValues {
  journalCode: string;
  date: string;
  description: string;
  lines: LineValues[];
}

const EMPTY_LINE: LineValues = { accountCode: null, label: '', debit: '', credit: '' };
const FIELDS = /^(journalCode|date|description|lines\.\d+\.(accountCode|label|debit|credit))$/;
const isField = (f: string) => FIELDS.test(f);
const isBlank = (l: LineValues) => !l.accountCode && !l.label.trim() && !l.debit.trim() && !l.credit.trim();

const initialValues = (date: string): EntryValues => ({ journalCode: 'OD', date, description: '', lines: [{ ...EMPTY_LINE }, { ...EMPTY_LINE }] });

/**
 * A miscellaneous entry (opérations diverses / diverse verrichtingen) typed by hand: journal,
 * date, description and lines (account, label, debit or credit in euros). The balance is
 * checked as one types — the difference is shown and posting waits until debit = credit.
 * Ctrl+Enter adds a line carrying the amount that balances; Ctrl+Delete removes the line.
 * The server checks again (accounts of the chart, headings, closed years) and its refusal
 * lands on the line's account.
 */
export function EntryForm({ opened, onClose, buildingId, fiscalYear, onPosted }: {
  opened: boolean; onClose: () => void; buildingId: number; fiscalYear: { startDate: string; endDate: string }; onPosted?: (entry: EntryDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const { money } = useMoney();
  const defaultDate = clampDate(todayIso(), fiscalYear.startDate, fiscalYear.endDate);
  const { register, control, handleSubmit, setError, setValue, getValues, setFocus, reset, formState: { errors } } = useForm<EntryValues>({ defaultValues: initialValues(defaultDate) });
  const { fields, insert, remove } = useFieldArray({ control, name: 'lines' });
  const server = useServerErrors(setError, isField);
  const post = useOpMutation('ledger.post');
  const journals = useOpQuery('ledger.journals', { buildingId }, { enabled: opened });
  const accounts = useOpQuery('ledger.accounts', { buildingId }, { enabled: opened, staleTime: 5 * 60_000 });

  useResetOnOpen(opened, reset, server.clear, () => initialValues(defaultDate), [defaultDate]);

  const accountOptions = useMemo(
    () => (accounts.data ?? []).filter((a) => isPostable(a.code)).map((a) => ({ value: a.code, label: `${a.code} — ${accountLabel(a, i18n.language)}` })),
    [accounts.data, i18n.language],
  );
  const lines = useWatch({ control, name: 'lines' });
  const balance = entryBalance(lines ?? []);

  /** A new line after `index`, carrying what still balances the entry, its account to type. */
  const addLine = (index: number) => {
    const b = entryBalance(getValues('lines'));
    const diff = b.unreadable.length ? 0 : b.differenceCents;
    const amount = (cents: number) => (cents > 0 ? centsToInput(cents, i18n.language) : '');
    insert(index + 1, { ...EMPTY_LINE, label: getValues(`lines.${index}.label`) ?? '', debit: amount(-diff), credit: amount(diff) }, { focusName: `lines.${index + 1}.accountCode` });
  };
  const removeLine = (index: number) => {
    if (fields.length <= 2) return;
    remove(index);
    requestAnimationFrame(() => setFocus(`lines.${Math.max(0, index - 1)}.accountCode`));
  };
  const onLineKey = (index: number) => (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (!(e.ctrlKey || e.metaKey)) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      addLine(index);
    } else if (e.key === 'Delete') {
      e.preventDefault();
      e.stopPropagation();
      removeLine(index);
    }
  };

  const onSubmit = handleSubmit(async (v) => {
    server.clear();
    // Blank lines are left out; the server's line numbers are mapped back to the form's.
    const sent = v.lines.map((l, i) => ({ l, i })).filter(({ l }) => !isBlank(l));
    const mapPath = (path: (string | number)[]) => {
      if (path[0] !== 'lines' || typeof path[1] !== 'number') return path;
      const field = path[2] === 'debitCents' ? 'debit' : path[2] === 'creditCents' ? 'credit' : path[2];
      return ['lines', sent[path[1]]?.i ?? path[1], ...(field === undefined ? [] : [field])];
    };
    try {
      const entry = await post.mutateAsync({
        buildingId, journalCode: v.journalCode, date: v.date, description: v.description,
        lines: sent.map(({ l }) => ({ accountCode: l.accountCode ?? '', debitCents: parseEuros(l.debit) ?? 0, creditCents: parseEuros(l.credit) ?? 0, label: l.label.trim() || null })),
      });
      notifications.show({ color: 'teal', message: t('ledger.post.done', { reference: entry.reference }) });
      onPosted?.(entry);
      onClose();
    } catch (e) {
      server.apply(e, mapPath);
    }
  });

  const title = t('ledger.post.title');
  const amountRule = { validate: (s: string) => s.trim() === '' || parseEuros(s) !== null || t('errors.amount_format') };
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={1040}>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack>
          <Grid gap="md">
            <Grid.Col span={3}>
              <Controller
                control={control}
                name="journalCode"
                render={({ field, fieldState }) => (
                  <Select
                    label={t('ledger.post.journal')}
                    allowDeselect={false}
                    data={(journals.data ?? [{ code: 'OD', kind: 'misc' as const }]).map((j) => ({ value: j.code, label: `${j.code} — ${t(`ledger.journals.${j.kind}`)}` }))}
                    value={field.value}
                    onChange={(v) => field.onChange(v ?? 'OD')}
                    ref={field.ref}
                    error={fieldState.error?.message}
                  />
                )}
              />
            </Grid.Col>
            <Grid.Col span={3}>
              <TextInput type="date" label={t('ledger.post.date')} required min={fiscalYear.startDate} max={fiscalYear.endDate} error={errors.date?.message} {...register('date', { required: t('errors.required') })} />
            </Grid.Col>
            <Grid.Col span={6}>
              <TextInput label={t('ledger.post.description')} required maxLength={300} data-autofocus error={errors.description?.message} {...register('description', { required: t('errors.required') })} />
            </Grid.Col>
          </Grid>
          <Table className={classes.linesTable} verticalSpacing={4} withTableBorder aria-label={t('ledger.post.lines')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36}>#</Table.Th>
                <Table.Th w={330}>{t('ledger.columns.account')}</Table.Th>
                <Table.Th>{t('ledger.columns.label')}</Table.Th>
                <Table.Th w={150} ta="right">{t('ledger.columns.debit')}</Table.Th>
                <Table.Th w={150} ta="right">{t('ledger.columns.credit')}</Table.Th>
                <Table.Th w={44} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((f, i) => (
                <Table.Tr key={f.id} onKeyDownCapture={onLineKey(i)} aria-label={t('ledger.post.line', { n: i + 1 })}>
                  <Table.Td><Text size="sm" c="dimmed" pt={6}>{i + 1}</Text></Table.Td>
                  <Table.Td>
                    <Controller
                      control={control}
                      name={`lines.${i}.accountCode`}
                      rules={{ validate: (v, all) => !!v || isBlank(all.lines[i]!) || t('errors.required') }}
                      render={({ field, fieldState }) => (
                        <Select
                          aria-label={t('ledger.post.accountOf', { n: i + 1 })}
                          placeholder={t('ledger.post.accountPlaceholder')}
                          searchable
                          limit={80}
                          data={accountOptions}
                          nothingFoundMessage={t('ledger.noAccountFound')}
                          comboboxProps={{ width: 440, position: 'bottom-start' }}
                          value={field.value}
                          onChange={field.onChange}
                          onBlur={field.onBlur}
                          ref={field.ref}
                          error={fieldState.error?.message}
                        />
                      )}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label={t('ledger.post.labelOf', { n: i + 1 })} maxLength={300} {...register(`lines.${i}.label`)} />
                  </Table.Td>
                  {(['debit', 'credit'] as const).map((side) => (
                    <Table.Td key={side}>
                      <Controller
                        control={control}
                        name={`lines.${i}.${side}`}
                        rules={amountRule}
                        render={({ field, fieldState }) => (
                          <AmountInput
                            aria-label={t(side === 'debit' ? 'ledger.post.debitOf' : 'ledger.post.creditOf', { n: i + 1 })}
                            name={field.name}
                            ref={field.ref}
                            value={field.value}
                            onChange={(text) => {
                              field.onChange(text);
                              // A line is on one side: typing a debit clears its credit, and back.
                              if (text.trim()) setValue(`lines.${i}.${side === 'debit' ? 'credit' : 'debit'}`, '');
                            }}
                            onBlur={field.onBlur}
                            error={fieldState.error?.message}
                          />
                        )}
                      />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Tooltip label={t('ledger.post.removeLine', { n: i + 1 })}>
                      <ActionIcon variant="subtle" color="gray" mt={4} disabled={fields.length <= 2} onClick={() => removeLine(i)} aria-label={t('ledger.post.removeLine', { n: i + 1 })}>
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Td colSpan={3}>
                  <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => addLine(fields.length - 1)}>{t('ledger.post.addLine')}</Button>
                </Table.Td>
                <Table.Td ta="right"><Text size="sm" fw={700} className={classes.amountText} aria-label={t('ledger.post.totalDebit')}>{money(balance.debitCents)}</Text></Table.Td>
                <Table.Td ta="right"><Text size="sm" fw={700} className={classes.amountText} aria-label={t('ledger.post.totalCredit')}>{money(balance.creditCents)}</Text></Table.Td>
                <Table.Td />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
          <Group justify="space-between" align="center">
            <Text size="xs" c="dimmed">
              <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">{t('ledger.post.kbdEnter')}</Kbd> {t('ledger.post.keyAdd')} · <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">{t('ledger.post.kbdDelete')}</Kbd> {t('ledger.post.keyRemove')}
            </Text>
            <BalanceStatus balance={balance} />
          </Group>
          {server.formError ? <ErrorAlert error={server.formError.error} problems={server.formError.problems} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" disabled={!balance.ready} loading={post.isPending}>{t('ledger.post.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Balanced, or by how much and on which side; said to screen readers as it changes. */
function BalanceStatus({ balance }: { balance: ReturnType<typeof entryBalance> }) {
  const { t } = useTranslation();
  const { money } = useMoney();
  let content;
  if (balance.unreadable.length) {
    content = <Badge color="red" variant="light" tt="none" leftSection={<IconAlertTriangle size={14} aria-hidden />}>{t('ledger.post.unreadable', { lines: balance.unreadable.map((i) => i + 1).join(', ') })}</Badge>;
  } else if (balance.bothSides.length) {
    content = <Badge color="red" variant="light" tt="none" leftSection={<IconAlertTriangle size={14} aria-hidden />}>{t('ledger.post.bothSides', { lines: balance.bothSides.map((i) => i + 1).join(', ') })}</Badge>;
  } else if (balance.differenceCents !== 0) {
    const side = balance.differenceCents > 0 ? t('ledger.post.moreDebit') : t('ledger.post.moreCredit');
    content = <Badge color="orange" variant="light" size="lg" tt="none" leftSection={<IconAlertTriangle size={14} aria-hidden />}>{t('ledger.post.difference', { amount: money(Math.abs(balance.differenceCents)), side })}</Badge>;
  } else if (balance.debitCents === 0) {
    content = <Text size="sm" c="dimmed">{t('ledger.post.empty')}</Text>;
  } else {
    content = <Badge color="teal" variant="light" size="lg" tt="none" leftSection={<IconCircleCheck size={14} aria-hidden />}>{t('ledger.post.balanced')}</Badge>;
  }
  return (
    <div role="status" aria-live="polite" data-testid="entry-balance">
      {content}
    </div>
  );
}
