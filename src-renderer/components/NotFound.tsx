import { Button, EmptyState } from '@mantine/core';
import { IconMapPinOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <EmptyState icon={<IconMapPinOff aria-hidden />} title={t('notFound.title')} description={t('notFound.text')} py="xl">
      <EmptyState.Actions>
        <Button component="a" href="#/buildings">{t('notFound.back')}</Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
