import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './Bank.module.css';

/** Colour of a confidence: green from the auto-matching threshold, yellow for a likely match, orange below. */
export const confidenceColor = (value: number, threshold: number) => (value >= threshold ? 'teal' : value >= 70 ? 'yellow' : 'orange');

/**
 * How sure a suggestion is (0–100), as a bar with the auto-matching threshold as a dashed
 * tick: above it, with nothing close behind, the import would have matched it alone.
 */
export function ConfidenceMeter({ value, threshold }: { value: number; threshold: number }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap" align="center">
      <div
        className={classes.meter}
        role="meter"
        aria-label={t('bank.suggestion.confidence')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={t('bank.suggestion.confidenceValue', { n: value })}
      >
        <Progress value={value} color={confidenceColor(value, threshold)} size="md" radius="xl" aria-hidden />
        <span className={classes.threshold} style={{ left: `${threshold}%` }} title={t('bank.suggestion.threshold', { n: threshold })} aria-hidden />
      </div>
      <Text size="sm" fw={700} w={48} ta="right" className={classes.amount} aria-hidden>{value} %</Text>
    </Group>
  );
}
