import { Paper, Radio, Stack, Text, Title, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isUiLanguage, storeLanguage, UI_LANGUAGES } from '../../i18n/i18n.js';

/** The interface language of this computer (the same choice as the header switch). */
export function LanguageSettings() {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">{t('settings.language.title')}</Title>
        <Text size="sm" c="dimmed">{t('settings.language.description')}</Text>
        <Radio.Group
          value={i18n.language}
          onChange={(v) => {
            if (!isUiLanguage(v)) return;
            storeLanguage(v);
            void i18n.changeLanguage(v);
          }}
          aria-label={t('language.label')}
        >
          <Group gap="lg" mt="xs">
            {UI_LANGUAGES.map((l) => (
              <Radio key={l} value={l} label={t(`language.names.${l}`)} lang={l} />
            ))}
          </Group>
        </Radio.Group>
      </Stack>
    </Paper>
  );
}
