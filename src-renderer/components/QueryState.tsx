import type { ReactNode } from 'react';
import { Button, Center, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.js';

/** Loading and error states of a query, the same everywhere. */
export function QueryState({ isPending, error, onRetry, children }: { isPending: boolean; error: unknown; onRetry?: () => void; children: () => ReactNode }) {
  const { t } = useTranslation();
  if (error) {
    return (
      <Stack align="flex-start">
        <ErrorAlert error={error} />
        {onRetry ? <Button variant="default" onClick={onRetry}>{t('common.retry')}</Button> : null}
      </Stack>
    );
  }
  if (isPending) {
    return (
      <Center py="xl" role="status" aria-live="polite">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  return <>{children()}</>;
}
