import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy, IconFileDownload, IconInfoCircle, IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AssemblyDetail } from '../../../src-shared/contract/governance.js';
import { useUser } from '../../app/AuthProvider.js';
import { can } from '../../app/permissions.js';
import type { Route } from '../../app/router.js';
import { useOpMutation, useOpQuery } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFormat } from '../../i18n/useFormat.js';
import { saveFile } from '../finance/download.js';
import { QuorumPanel } from './QuorumPanel.js';
import { sharesFormatter } from './meeting.js';
import { OutcomeBadge } from './OutcomeBadge.js';

const draftKey = (id: number) => `koprogo.minutesDraft.${id}`;
function readDraft(id: number): string | null {
  try {
    return localStorage.getItem(draftKey(id));
  } catch {
    return null;
  }
}
function writeDraft(id: number, text: string | null) {
  try {
    if (text === null) localStorage.removeItem(draftKey(id));
    else localStorage.setItem(draftKey(id), text);
  } catch {
    /* storage refused: the text is still sent when saved or drafted */
  }
}

/**
 * The minutes (procès-verbal / notulen, art. 3.87 §10) of a closed meeting, or of a failed
 * one (PV de carence): the free text (statements, remarks) and the PDF drafted in French or
 * Dutch with the results, the names of those against and abstaining, and the signature
 * fields. `ag.get` does not return the stored text yet: the screen keeps what was typed
 * here and sends it only when it was changed, so a stored text is never blanked.
 */
export function MinutesPanel({ assembly: a, navigate }: { assembly: AssemblyDetail; navigate: (r: Route) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const shares = sharesFormatter(fmt.locale);
  const user = useUser();
  const canWrite = can(user, 'governance.write') && !a.archived;
  const ready = a.status === 'closed' || a.status === 'failed';
  const [text, setText] = useState(() => readDraft(a.id) ?? '');
  const [dirty, setDirty] = useState(() => readDraft(a.id) !== null);
  const saveText = useOpMutation('ag.saveMinutesText');
  const minutes = useOpMutation('ag.minutes');
  const status = useOpQuery('pv.status', { assemblyId: a.id }, { enabled: ready });
  const signed = (status.data?.fields ?? []).filter((f) => f.signed).length;

  const onText = (v: string) => {
    setText(v);
    setDirty(true);
    writeDraft(a.id, v);
  };
  const save = () =>
    saveText.mutate(
      { assemblyId: a.id, text },
      {
        onSuccess: () => {
          setDirty(false);
          writeDraft(a.id, null);
          notifications.show({ color: 'teal', message: t('minutes.textSaved') });
        },
      },
    );
  const draft = (language: 'fr' | 'nl') => {
    if (signed && !window.confirm(t('minutes.replaceSigned', { n: signed }))) return;
    minutes.mutate(
      { assemblyId: a.id, language, ...(dirty ? { freeText: text } : {}) },
      {
        onSuccess: (r) => {
          saveFile({ fileName: r.fileName, mimeType: 'application/pdf', contentBase64: r.contentBase64 });
          if (dirty) {
            setDirty(false);
            writeDraft(a.id, null);
          }
          notifications.show({ color: 'teal', message: t('minutes.drafted', { file: r.fileName }) });
        },
      },
    );
  };

  if (!ready) {
    return (
      <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
        {t('minutes.notYet')}
      </Alert>
    );
  }

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">{a.status === 'failed' ? t('minutes.carenceTitle') : t('minutes.resultsTitle')}</Title>
          {a.status === 'failed' ? (
            <QuorumPanel quorum={a.quorum} session={a.session} frozen />
          ) : (
            <Table fz="sm" verticalSpacing={6} aria-label={t('minutes.resultsTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('minutes.item')}</Table.Th>
                  <Table.Th ta="right">{t('tally.for')}</Table.Th>
                  <Table.Th ta="right">{t('tally.against')}</Table.Th>
                  <Table.Th ta="right">{t('tally.abstain')}</Table.Th>
                  <Table.Th>{t('minutes.outcome')}</Table.Th>
                  <Table.Th>{t('minutes.against')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>{i.position}. {i.title}</Table.Td>
                    <Table.Td ta="right">{i.result ? shares(i.result.resolution.for) : '—'}</Table.Td>
                    <Table.Td ta="right">{i.result ? shares(i.result.resolution.against) : '—'}</Table.Td>
                    <Table.Td ta="right">{i.result ? shares(i.result.resolution.abstain) : '—'}</Table.Td>
                    <Table.Td>{i.result ? <OutcomeBadge outcome={i.result.resolution.outcome} /> : <Text size="xs" c="dimmed">{t('assemblies.agenda.information')}</Text>}</Table.Td>
                    <Table.Td><Text size="xs">{i.result ? [...i.result.against, ...i.result.abstained.map((n) => `${n} (${t('tally.abstain').toLowerCase()})`)].join(', ') : ''}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>

      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">{t('minutes.freeTextTitle')}</Title>
          <Textarea
            label={t('minutes.freeText')}
            description={t('minutes.freeTextHint')}
            value={text}
            onChange={(e) => onText(e.currentTarget.value)}
            autosize
            minRows={8}
            maxRows={24}
            maxLength={50_000}
            disabled={!canWrite}
          />
          {saveText.error ? <ErrorAlert error={saveText.error} /> : null}
          {canWrite ? (
            <Group justify="space-between">
              <Text size="xs" c="dimmed">{dirty ? t('minutes.unsaved') : t('minutes.savedOrEmpty')}</Text>
              <Button variant="default" leftSection={<IconDeviceFloppy size={18} aria-hidden />} onClick={save} disabled={!dirty} loading={saveText.isPending}>{t('minutes.saveText')}</Button>
            </Group>
          ) : null}
        </Stack>
      </Paper>

      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">{t('minutes.pdfTitle')}</Title>
          <Text size="sm" c="dimmed">{t('minutes.pdfText')}</Text>
          {signed ? (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>{t('minutes.signedWarning', { n: signed })}</Alert>
          ) : null}
          {minutes.error ? <ErrorAlert error={minutes.error} /> : null}
          <Group>
            {canWrite ? (
              <>
                <Button leftSection={<IconFileDownload size={18} aria-hidden />} loading={minutes.isPending && minutes.variables?.language === 'fr'} disabled={minutes.isPending} onClick={() => draft('fr')}>{t('minutes.draftFr')}</Button>
                <Button variant="light" leftSection={<IconFileDownload size={18} aria-hidden />} loading={minutes.isPending && minutes.variables?.language === 'nl'} disabled={minutes.isPending} onClick={() => draft('nl')}>{t('minutes.draftNl')}</Button>
              </>
            ) : null}
            <Button variant="subtle" leftSection={<IconSignature size={18} aria-hidden />} onClick={() => navigate({ name: 'assembly', id: a.id, view: 'signatures' })}>{t('minutes.toSignatures')}</Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
