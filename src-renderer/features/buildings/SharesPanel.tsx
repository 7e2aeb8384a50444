import { Alert, Group, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SharesCheck } from '../../../src-shared/contract/portfolio.js';
import { useFormat } from '../../i18n/useFormat.js';

/**
 * The quote-parts check (quotités / aandelen): the lots' shares must add up to the total
 * fixed by the deed (acte de base) before votes or charges can follow them.
 */
export function SharesPanel({ check }: { check: SharesCheck }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const ratio = check.total > 0 ? Math.min(check.sum / check.total, 1) : 0;
  const sum = fmt.number(check.sum), total = fmt.number(check.total), n = fmt.number(Math.abs(check.difference));

  let text: string;
  if (check.lotCount === 0) text = t('shares.noLots', { total });
  else if (check.difference < 0) text = t('shares.missing', { n, sum, total });
  else if (check.difference > 0) text = t('shares.tooMany', { n, sum, total });
  else if (check.balanced) text = t('shares.balanced', { sum, total });
  else text = t('shares.sumMatches', { sum, total });

  return (
    <Alert
      color={check.balanced ? 'teal' : 'orange'}
      variant="light"
      icon={check.balanced ? <IconCircleCheck aria-hidden /> : <IconAlertTriangle aria-hidden />}
      title={check.balanced ? t('shares.balancedTitle') : t('shares.unbalancedTitle')}
      role="region"
      aria-label={t('shares.title')}
    >
      <Stack gap="xs">
        <Text size="sm">{text}</Text>
        <Group gap="sm" wrap="nowrap">
          <Progress value={ratio * 100} color={check.balanced ? 'teal' : 'orange'} size="md" radius="xl" style={{ flex: 1 }} aria-label={t('shares.progress', { sum, total })} />
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{sum} / {total}</Text>
        </Group>
        {check.lotsOff.length ? (
          <Text size="sm">
            {t('shares.lotsOff', { lots: check.lotsOff.map((l) => l.number).join(', ') })}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}
