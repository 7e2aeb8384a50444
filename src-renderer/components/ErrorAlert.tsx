import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../src-shared/result.js';
import { useErrorText } from '../i18n/useErrorText.js';

/** A failed call, said in words; `problems` lists what no form field could show. */
export function ErrorAlert({ error, problems, title }: { error: unknown; problems?: Problem[]; title?: string }) {
  const { t } = useTranslation();
  const { errorText, problemText } = useErrorText();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={title ?? t('common.errorTitle')} role="alert">
      {errorText(error)}
      {problems && problems.length > 1 ? (
        <List size="sm" mt="xs">
          {problems.map((p, i) => (
            <List.Item key={i}>{p.path?.length ? `${p.path.join('.')} : ` : ''}{problemText(p)}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
