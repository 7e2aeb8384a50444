import { useState, type FormEvent } from 'react';
import { Button, Group, NumberInput, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ReminderPolicy } from '../../../src-shared/contract/banking.js';
import type { Problem } from '../../../src-shared/result.js';
import { isApiError } from '../../api/ApiError.js';
import { useOpMutation } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useErrorText } from '../../i18n/useErrorText.js';
import { AmountInput } from '../finance/AmountInput.js';
import { centsToInput, parseEuros } from '../finance/amount.js';
import { levelKey } from './format.js';

interface Values {
  levels: { days: number | string; fee: string }[];
  interestApplies: boolean;
  rate: string;
}

const toValues = (p: ReminderPolicy, language: string): Values => ({
  levels: p.levels.map((l) => ({ days: l.days, fee: l.feeCents ? centsToInput(l.feeCents, language) : '' })),
  interestApplies: p.interestApplies,
  rate: p.interestApplies || p.interestRateBp ? (p.interestRateBp / 100).toLocaleString(language === 'en' ? 'en' : 'fr-BE', { maximumFractionDigits: 2 }) : '',
});

/** "8", "8,5", "8.25 %" → basis points (800, 850, 825); null when it is not a rate. */
export function parseRateBp(text: string): number | null {
  const s = text.replace(/[\s%]/g, '').replace(',', '.');
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(s)) return null;
  const [units, decimals = ''] = s.split('.');
  return Number(units) * 100 + Number(decimals.padEnd(2, '0'));
}

/**
 * The building's reminder policy: four levels with their delay (days after the due date)
 * and fee, and late interest (a yearly rate). The default is no fee and no interest: the
 * syndic enters them only as the building's rules (règlement de copropriété) allow.
 */
export function ReminderPolicyForm({ buildingId, policy, readOnly }: { buildingId: number; policy: ReminderPolicy; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const { problemText } = useErrorText();
  const [v, setV] = useState<Values>(() => toValues(policy, i18n.language));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<{ error: unknown; problems: Problem[] } | null>(null);
  const save = useOpMutation('reminders.setPolicy');

  const setLevel = (i: number, patch: Partial<Values['levels'][number]>) => setV({ ...v, levels: v.levels.map((l, j) => (j === i ? { ...l, ...patch } : l)) });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const levels = v.levels.map((l, i) => {
      const days = typeof l.days === 'number' ? l.days : Number.NaN;
      const fee = l.fee.trim() === '' ? 0 : parseEuros(l.fee);
      if (!Number.isInteger(days) || days < 0) errs[`levels.${i}.days`] = t('errors.required');
      if (fee === null) errs[`levels.${i}.fee`] = t('errors.amount_format');
      return { days, feeCents: fee ?? 0 };
    });
    const rate = v.rate.trim() === '' ? 0 : parseRateBp(v.rate);
    if (rate === null) errs.rate = t('bank.reminders.policy.rateFormat');
    else if (v.interestApplies && rate === 0) errs.rate = t('bank.reminders.policy.rateRequired');
    setErrors(errs);
    setFormError(null);
    if (Object.keys(errs).length) return;
    try {
      const saved = await save.mutateAsync({ buildingId, policy: { levels, interestApplies: v.interestApplies, interestRateBp: rate ?? 0 } });
      setV(toValues(saved, i18n.language));
      notifications.show({ color: 'teal', message: t('bank.reminders.policy.saved') });
    } catch (err) {
      // ['policy', 'levels', 2, 'days'] → the field; ['policy', 'levels'] (not in order) → above the buttons.
      const placed: Record<string, string> = {};
      const rest: Problem[] = [];
      for (const p of isApiError(err) ? err.problems : []) {
        const path = (p.path ?? []).slice(1).join('.');
        const field = path === 'interestRateBp' ? 'rate' : path.replace(/\.feeCents$/, '.fee');
        if (/^levels\.\d\.(days|fee)$|^rate$/.test(field)) placed[field] = problemText(p);
        else rest.push(p);
      }
      setErrors(placed);
      if (!Object.keys(placed).length || rest.length) setFormError({ error: err, problems: rest });
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('bank.reminders.policyTitle')}>
      <Stack gap="md">
        <Table fz="sm" verticalSpacing={4} maw={720} withRowBorders={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('bank.reminders.policy.level')}</Table.Th>
              <Table.Th w={170}>{t('bank.reminders.policy.days')}</Table.Th>
              <Table.Th w={170}>{t('bank.reminders.policy.fee')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {v.levels.map((l, i) => {
              const name = t('bank.reminders.levelName', { level: i + 1, name: t(levelKey(i + 1)) });
              return (
                <Table.Tr key={i}>
                  <Table.Td><Text size="sm" fw={500}>{name}</Text></Table.Td>
                  <Table.Td>
                    <NumberInput size="xs" min={0} max={3650} allowDecimal={false} allowNegative={false} aria-label={t('bank.reminders.policy.daysOf', { level: name })} value={l.days} onChange={(d) => setLevel(i, { days: d })} readOnly={readOnly} error={errors[`levels.${i}.days`]} />
                  </Table.Td>
                  <Table.Td>
                    <AmountInput size="xs" aria-label={t('bank.reminders.policy.feeOf', { level: name })} placeholder="0,00" value={l.fee} onChange={(fee) => setLevel(i, { fee })} readOnly={readOnly} error={errors[`levels.${i}.fee`]} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Group align="flex-start" gap="lg">
          <Switch label={t('bank.reminders.policy.interest')} description={t('bank.reminders.policy.interestHint')} checked={v.interestApplies} onChange={(e) => setV({ ...v, interestApplies: e.currentTarget.checked })} disabled={readOnly} maw={420} />
          <TextInput label={t('bank.reminders.policy.rate')} rightSection="%" w={140} value={v.rate} onChange={(e) => setV({ ...v, rate: e.currentTarget.value })} disabled={!v.interestApplies} readOnly={readOnly} error={errors.rate} />
        </Group>
        {formError ? <ErrorAlert error={formError.error} problems={formError.problems} /> : null}
        {readOnly ? null : (
          <Group>
            <Button type="submit" loading={save.isPending}>{t('bank.reminders.policy.save')}</Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
