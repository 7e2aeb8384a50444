import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../src-shared/contract/index.js';
import { useErrorText } from '../../i18n/useErrorText.js';

export interface Outcome {
  result: OpOutput<'invoices.approve'>;
  /** What each invoice was called when it was approved (rows leave the list afterwards). */
  names: Map<number, string>;
}

/**
 * What a (bulk) approval did: how many are approved, how many wait for the council's
 * co-approval, and for each refusal the rule in plain words (four-eyes, already approved…).
 */
export function ApprovalOutcome({ outcome, onClose }: { outcome: Outcome; onClose: () => void }) {
  const { t } = useTranslation();
  const { problemText } = useErrorText();
  const { done, waiting, refused } = outcome.result;
  const single = done.length + waiting.length + refused.length === 1;
  const name = (id: number) => outcome.names.get(id) ?? `#${id}`;

  if (single && refused.length === 1) {
    const r = refused[0]!;
    return (
      <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />} title={t('invoices.outcome.refusedOne', { name: name(r.id) })} withCloseButton onClose={onClose} closeButtonLabel={t('common.close')}>
        {problemText({ code: r.rule, message: r.message })}
      </Alert>
    );
  }
  return (
    <Alert
      color={refused.length ? 'orange' : 'teal'}
      variant="light"
      role={refused.length ? 'alert' : 'status'}
      icon={refused.length ? <IconAlertTriangle aria-hidden /> : <IconCircleCheck aria-hidden />}
      title={t('invoices.outcome.title')}
      withCloseButton
      onClose={onClose}
      closeButtonLabel={t('common.close')}
    >
      <Text size="sm">{t('invoices.outcome.summary', { done: done.length, waiting: waiting.length, refused: refused.length })}</Text>
      {waiting.length ? <Text size="sm" mt={4}>{t('invoices.outcome.waitingHint', { names: waiting.map(name).join(', ') })}</Text> : null}
      {refused.length ? (
        <List size="sm" mt="xs" spacing={4} aria-label={t('invoices.outcome.refusals')}>
          {refused.map((r) => (
            <List.Item key={r.id}>
              <Text span size="sm" fw={600}>{name(r.id)}</Text> — {problemText({ code: r.rule, message: r.message })}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
