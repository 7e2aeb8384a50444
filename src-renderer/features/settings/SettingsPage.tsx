import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../app/AuthProvider.js';
import { can } from '../../app/permissions.js';
import { CloudSettingsForm } from './CloudSettingsForm.js';
import { DatabasePanel } from './DatabasePanel.js';
import { LanguageSettings } from './LanguageSettings.js';
import { SigningSettingsForm } from './SigningSettingsForm.js';
import { SmtpSettingsForm } from './SmtpSettingsForm.js';

export function SettingsPage() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <Stack gap="lg" maw={880}>
      <div>
        <Title order={1} size="h2">{t('settings.title')}</Title>
        <Text c="dimmed" size="sm">{t('settings.subtitle')}</Text>
      </div>
      <LanguageSettings />
      {can(user, 'settings.manage') ? <CloudSettingsForm /> : null}
      {can(user, 'settings.manage') ? <SmtpSettingsForm /> : null}
      {can(user, 'settings.manage') ? <SigningSettingsForm /> : null}
      {can(user, 'db.admin') ? <DatabasePanel /> : null}
    </Stack>
  );
}
