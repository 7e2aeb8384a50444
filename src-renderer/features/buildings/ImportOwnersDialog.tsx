import { useState, type FormEvent } from 'react';
import { Alert, Button, Code, FileInput, Group, List, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileTypeCsv } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../src-shared/contract/index.js';
import type { Problem } from '../../../src-shared/result.js';
import { decodeText } from '../../../src-shared/text.js';
import { isApiError } from '../../api/ApiError.js';
import { useOpMutation } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useErrorText } from '../../i18n/useErrorText.js';
import { useFormat } from '../../i18n/useFormat.js';

export const OWNERS_CSV_HEADER = 'lot;kind;floor;shares;owner_kind;name;first_name;bce;street;postal_code;city;country;language;email;email_consent;fraction;since';

/** "Line 5, column 4 (shares): …" — where to look in the spreadsheet, and what is wrong. */
export function useProblemLine() {
  const { t } = useTranslation();
  const { problemText } = useErrorText();
  return (p: Problem) => {
    const name = p.path?.map(String).join('.') ?? '';
    const message = problemText(p);
    if (p.line !== undefined && p.column !== undefined) return t('import.problemAt', { line: p.line, column: p.column, name, message });
    if (p.line !== undefined && name) return t('import.problemLine', { line: p.line, name, message });
    if (p.line !== undefined) return t('import.problemLineOnly', { line: p.line, message });
    return message;
  };
}

/**
 * Moves a building in from a spreadsheet: lots, owners, quote-parts and fractions. All or
 * nothing: one bad row rejects the file and the problems say which line and column.
 */
export function ImportOwnersDialog({ opened, onClose, buildingId }: { opened: boolean; onClose: () => void; buildingId: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const problemLine = useProblemLine();
  const [file, setFile] = useState<File | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [summary, setSummary] = useState<OpOutput<'import.owners'> | null>(null);
  const mutation = useOpMutation('import.owners');

  // Closing forgets the file and the outcome: the next opening starts clean.
  const close = () => {
    setFile(null);
    setSummary(null);
    setReadError(null);
    mutation.reset();
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setReadError(null);
    setSummary(null);
    let csv: string;
    try {
      // Excel on Belgian Windows saves Windows-1252; decodeText falls back to it.
      csv = decodeText(new Uint8Array(await file.arrayBuffer()));
    } catch {
      setReadError(t('import.readError'));
      return;
    }
    try {
      setSummary(await mutation.mutateAsync({ buildingId, csv, fileName: file.name }));
    } catch {
      /* shown below from mutation.error */
    }
  };

  const error = mutation.error;
  const rejected = isApiError(error) && error.code === 'IMPORT_INVALID';
  return (
    <Modal opened={opened} onClose={close} title={t('import.title')} size="xl">
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('import.title')}>
        <Stack>
          <Text size="sm">{t('import.intro')}</Text>
          <ScrollArea type="auto" offsetScrollbars>
            <Code block>{OWNERS_CSV_HEADER}</Code>
          </ScrollArea>
          <Text size="xs" c="dimmed">{t('import.rules')}</Text>
          <FileInput
            label={t('import.file')}
            placeholder={t('import.filePlaceholder')}
            accept=".csv,text/csv,text/plain"
            leftSection={<IconFileTypeCsv size={18} aria-hidden />}
            value={file}
            onChange={(f) => {
              setFile(f);
              setSummary(null);
              mutation.reset();
            }}
            clearable
            required
            data-autofocus
          />
          {readError ? <Alert color="red" role="alert">{readError}</Alert> : null}
          {rejected ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />} title={t('import.rejected')}>
              <Stack gap="xs">
                <Text size="sm">{t('import.allOrNothing')}</Text>
                <ScrollArea.Autosize mah={240} type="auto">
                  <List size="sm" spacing={4} aria-label={t('import.problems')}>
                    {error.problems.map((p, i) => (
                      <List.Item key={i}>{problemLine(p)}</List.Item>
                    ))}
                  </List>
                </ScrollArea.Autosize>
              </Stack>
            </Alert>
          ) : error ? (
            <ErrorAlert error={error} />
          ) : null}
          {summary ? (
            <Alert color="teal" variant="light" role="status" icon={<IconCircleCheck aria-hidden />} title={t('import.done')}>
              {t('import.summary', {
                lots: fmt.number(summary.lotsCreated), created: fmt.number(summary.ownersCreated),
                reused: fmt.number(summary.ownersReused), ships: fmt.number(summary.ownershipsCreated),
              })}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{summary ? t('common.close') : t('common.cancel')}</Button>
            {summary ? null : (
              <Button type="submit" disabled={!file} loading={mutation.isPending}>{t('import.submit')}</Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
