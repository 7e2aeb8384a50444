import { Alert, List, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AssemblyDetail } from '../../../src-shared/contract/governance.js';

type Check = AssemblyDetail['checks'][number];

/** A check in words, from the catalog when it knows the code (with the figures the server gave), else the server's text. */
export function useCheckText() {
  const { t, i18n } = useTranslation();
  return (c: Check): string => {
    const key = `assemblies.checks.${c.code}`;
    if (!i18n.exists(key)) return c.message;
    const d = (c.details ?? {}) as { lots?: string[]; days?: number; sharesCheck?: { sum?: number; total?: number } };
    return String(t(key as never, { lots: (d.lots ?? []).join(', '), days: d.days ?? '', sum: d.sharesCheck?.sum ?? '', total: d.sharesCheck?.total ?? '' } as never));
  };
}

/**
 * What stands between this preparation and a valid meeting: errors block the opening
 * (quote-parts that do not add up, lots without owner, a second session too soon), warnings
 * are for the syndic to judge (convocation less than 15 days before, art. 3.87 §3).
 */
export function ChecksPanel({ checks }: { checks: AssemblyDetail['checks'] }) {
  const { t } = useTranslation();
  const text = useCheckText();
  if (checks.length === 0) {
    return (
      <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title={t('assemblies.checks.allGood')}>
        {t('assemblies.checks.allGoodText')}
      </Alert>
    );
  }
  const errors = checks.filter((c) => c.severity === 'error');
  const warnings = checks.filter((c) => c.severity === 'warning');
  return (
    <Stack gap="sm" aria-label={t('assemblies.checks.title')}>
      {errors.length ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('assemblies.checks.errorsTitle', { n: errors.length })}>
          <List size="sm" spacing={4}>
            {errors.map((c) => <List.Item key={c.code}>{text(c)}</List.Item>)}
          </List>
        </Alert>
      ) : null}
      {warnings.length ? (
        <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />} title={t('assemblies.checks.warningsTitle', { n: warnings.length })}>
          <List size="sm" spacing={4}>
            {warnings.map((c) => <List.Item key={c.code}>{text(c)}</List.Item>)}
          </List>
        </Alert>
      ) : null}
      {!errors.length ? (
        <Text size="sm" c="dimmed">
          <ThemeIcon component="span" size="xs" color="teal" variant="transparent" mr={4}><IconCircleCheck size={14} aria-hidden /></ThemeIcon>
          {t('assemblies.checks.canOpen')}
        </Text>
      ) : null}
    </Stack>
  );
}
