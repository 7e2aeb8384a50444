import { Button, Menu } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { storeLanguage, UI_LANGUAGES } from '../i18n/i18n.js';

/** The header's language switch; the choice is kept on this computer. */
export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" color="gray" leftSection={<IconLanguage size={18} aria-hidden />} aria-label={t('language.change')}>
          {i18n.language.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.label')}</Menu.Label>
        {UI_LANGUAGES.map((lng) => (
          <Menu.Item
            key={lng}
            lang={lng}
            rightSection={i18n.language === lng ? <IconCheck size={16} aria-hidden /> : null}
            onClick={() => {
              storeLanguage(lng);
              void i18n.changeLanguage(lng);
            }}
          >
            {t(`language.names.${lng}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
