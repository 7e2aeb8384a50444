import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../src-shared/contract/index.js';
import type { MovementRow } from '../../../src-shared/contract/banking.js';
import { formatIban } from '../../../src-shared/values/iban.js';
import { formatOgm } from './format.js';

export type Candidate = OpOutput<'bank.suggestions'>['candidates'][number];
export type AllocationView = Candidate['allocations'][number];

/** The server's label of an owner's credit ends with this (the letters are bilingual). */
const CREDIT_SUFFIX = / — avoir \/ tegoed$/;

/**
 * Why a candidate was found, in the UI language. The server's `reason` is English text for
 * logs and the command line; the screen rebuilds it from the rule, the confidence (which
 * tells an exact amount from another one) and the movement.
 */
export function useMatchText() {
  const { t } = useTranslation();

  const allocationLabel = useCallback(
    (a: Pick<AllocationView, 'kind' | 'label'>) => (a.kind === 'owner_credit' ? t('bank.allocation.credit', { owner: a.label.replace(CREDIT_SUFFIX, '') }) : a.label),
    [t],
  );

  const reason = useCallback(
    (c: Pick<Candidate, 'rule' | 'confidence' | 'allocations'>, m: Pick<MovementRow, 'structuredReference' | 'counterpartyAccount' | 'amountCents'>): string => {
      const supplier = m.amountCents < 0 || c.allocations.some((a) => a.kind === 'invoice');
      const iban = m.counterpartyAccount ? formatIban(m.counterpartyAccount) : '';
      switch (c.rule) {
        case 'ogm':
        case 'ogm_text': {
          // 100 exact, 95 another amount, 85 a call already paid; typed in the text: 5 less.
          const base = c.confidence + (c.rule === 'ogm_text' ? 5 : 0);
          const what = base >= 100 ? t('bank.reason.exact') : base >= 90 ? t('bank.reason.otherAmount') : t('bank.reason.alreadyPaid');
          const where = c.rule === 'ogm' ? t('bank.reason.ogm', { ogm: m.structuredReference ? formatOgm(m.structuredReference) : '' }) : t('bank.reason.ogmText');
          return t('bank.reason.whereWhat', { where, what });
        }
        case 'iban_amount':
          return supplier
            ? t('bank.reason.supplierIbanAmount', { iban })
            : c.allocations.filter((a) => a.kind === 'call_line').length > 1
              ? t('bank.reason.ownerIbanTotal', { iban })
              : t('bank.reason.ownerIbanAmount', { iban });
        case 'iban':
          return t('bank.reason.ownerIban', { iban });
        case 'name_amount':
          return supplier ? t('bank.reason.supplierNameAmount') : t('bank.reason.ownerNameAmount');
        case 'name':
          return t('bank.reason.ownerName');
        case 'invoice_ref':
          return c.confidence >= 100 ? t('bank.reason.invoiceRefExact') : t('bank.reason.invoiceRefOther');
        case 'invoice_number':
          return c.confidence >= 90 ? t('bank.reason.invoiceNumberExact') : t('bank.reason.invoiceNumberOther');
        case 'manual':
          return t('bank.reason.manual');
      }
    },
    [t],
  );

  const rule = useCallback((r: Candidate['rule']) => t(`bank.rules.${r}`), [t]);

  return { reason, rule, allocationLabel };
}

/** A candidate's allocations as `bank.match` takes them: exactly one target each. */
export const toMatchInput = (a: AllocationView) =>
  a.kind === 'call_line' && a.callLineId !== null
    ? { callLineId: a.callLineId, amountCents: a.amountCents }
    : a.kind === 'invoice' && a.invoiceId !== null
      ? { invoiceId: a.invoiceId, amountCents: a.amountCents }
      : { ownerId: a.ownerId as number, amountCents: a.amountCents };
