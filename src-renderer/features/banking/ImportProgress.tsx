import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Progress as OperationProgress } from '../../api/progress.js';

export interface ImportRun {
  /** Which file of the batch (from 0) and how many */
  index: number;
  count: number;
  fileName: string;
}

/**
 * The import's progress bar, driven by the `progress` events of bank.import (one per
 * statement written). Until the first event arrives — a one-statement file, or events
 * that do not reach this window — the bar runs without a value (indeterminate).
 */
export function ImportProgress({ run, progress: p }: { run: ImportRun; progress: OperationProgress | null }) {
  const { t } = useTranslation();
  const known = p !== null && p.total > 0;
  const value = known ? Math.round((p.done / p.total) * 100) : 100;
  const text = known ? t('bank.import.progressValue', { done: p.done, total: p.total, label: p.label }) : t('bank.import.progressWorking');
  return (
    <Stack gap={6}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600} truncate>{run.count > 1 ? t('bank.import.fileOf', { i: run.index + 1, n: run.count, name: run.fileName }) : run.fileName}</Text>
        <Text size="sm" c="dimmed">{text}</Text>
      </Group>
      <div
        role="progressbar"
        aria-label={t('bank.import.progressLabel', { name: run.fileName })}
        aria-valuemin={0}
        aria-valuemax={known ? p.total : undefined}
        aria-valuenow={known ? p.done : undefined}
        aria-valuetext={text}
        data-indeterminate={known ? undefined : true}
      >
        <Progress value={value} size="lg" radius="xl" striped={!known} animated={!known} aria-hidden transitionDuration={200} />
      </div>
    </Stack>
  );
}
