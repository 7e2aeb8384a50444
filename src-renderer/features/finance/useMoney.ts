import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmount, formatMoney } from '../../../src-shared/values/money.js';
import { moneyLanguage } from './amount.js';

/** Amounts in the UI language: `1.234,56 €` (fr, nl, de), `€1,234.56` (en). */
export function useMoney() {
  const { i18n } = useTranslation();
  const language = moneyLanguage(i18n.language);
  return useMemo(
    () => ({
      language,
      /** With the € sign. */
      money: (cents: number) => formatMoney(cents, language),
      /** Without the sign, for columns of amounts. */
      amount: (cents: number) => formatAmount(cents, language),
    }),
    [language],
  );
}
