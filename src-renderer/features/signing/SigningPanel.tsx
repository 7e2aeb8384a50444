import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconCircleCheck, IconCircleX, IconDownload, IconInfoCircle, IconShieldCheck, IconShieldQuestion, IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SignatureFieldStatus } from '../../../src-shared/contract/signing.js';
import { call } from '../../api/client.js';
import { useOpMutation, useOpQuery } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { QueryState } from '../../components/QueryState.js';
import { useErrorText } from '../../i18n/useErrorText.js';
import { useFormat } from '../../i18n/useFormat.js';
import { saveFile } from '../finance/download.js';
import { SignDialog } from './SignDialog.js';
import { canArchive, useFieldLabel } from './signature-fields.js';

/**
 * Signing the minutes (art. 3.87 §10: the chair, the secretary and the owners still present
 * sign at the end of the meeting) with Belgian eID cards, field by field on the stored PDF;
 * each signature verified offline (integrity, chain to the Belgian roots). Once the chair and
 * the secretary have signed, the meeting can be archived: it can then no longer change.
 */
export function SigningPanel({ assemblyId, canWrite }: { assemblyId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { errorText } = useErrorText();
  const label = useFieldLabel();
  const status = useOpQuery('pv.status', { assemblyId });
  const archive = useOpMutation('ag.archive');
  const [signing, setSigning] = useState<SignatureFieldStatus | null>(null);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const [downloading, setDownloading] = useState(false);

  const download = async (documentId: number) => {
    setDownloading(true);
    try {
      const d = await call('documents.get', { id: documentId });
      saveFile({ fileName: d.fileName, mimeType: 'application/pdf', contentBase64: d.contentBase64 });
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(e) });
    } finally {
      setDownloading(false);
    }
  };

  return (
    <QueryState isPending={status.isPending} error={status.error} onRetry={() => void status.refetch()}>
      {() => {
        const s = status.data!;
        if (!s.document) {
          return (
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} title={t('signing.noMinutesTitle')}>
              {t('signing.noMinutes')}
            </Alert>
          );
        }
        const signedCount = s.fields.filter((f) => f.signed).length;
        const editable = canWrite && !s.archived;
        return (
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <Group justify="space-between" align="flex-start" wrap="wrap">
                <Stack gap={2}>
                  <Title order={2} size="h4">{t('signing.title')}</Title>
                  <Text size="sm" c="dimmed">{t('signing.document', { file: s.document.fileName, size: fmt.fileSize(s.document.size) })}</Text>
                  <Text size="sm">{t('signing.progress', { n: signedCount, total: s.fields.length })}</Text>
                </Stack>
                <Group gap="xs">
                  <Button variant="default" leftSection={<IconDownload size={18} aria-hidden />} loading={downloading} onClick={() => void download(s.document!.id)}>{t('signing.download')}</Button>
                  {editable ? (
                    <Tooltip label={canArchive(s.fields) ? t('signing.archiveHint') : t('signing.archiveNeeds')} multiline maw={320}>
                      <Button color="grape" leftSection={<IconArchive size={18} aria-hidden />} disabled={!canArchive(s.fields)} onClick={() => setConfirmArchive(true)}>{t('signing.archive')}</Button>
                    </Tooltip>
                  ) : null}
                </Group>
              </Group>
              {s.archived ? <Alert mt="sm" color="grape" variant="light" icon={<IconArchive aria-hidden />}>{t('signing.archived')}</Alert> : null}
            </Paper>

            <Paper withBorder radius="md" p="md">
              <Table verticalSpacing="sm" fz="sm" aria-label={t('signing.fields')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('signing.signatory')}</Table.Th>
                    <Table.Th>{t('signing.state')}</Table.Th>
                    <Table.Th>{t('signing.verification')}</Table.Th>
                    <Table.Th aria-label={t('signing.sign')} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.fields.map((f) => (
                    <Table.Tr key={f.name}>
                      <Table.Td>
                        <Text fw={600} size="sm">{label(f)}</Text>
                        <Text size="xs" c="dimmed" ff="monospace">{f.name}</Text>
                      </Table.Td>
                      <Table.Td>
                        {f.signed ? (
                          <Stack gap={0}>
                            <Text size="sm">{t('signing.signedBy', { name: f.signer ?? '?' })}</Text>
                            {f.signingTime ? <Text size="xs" c="dimmed">{t('signing.signedAt', { when: fmt.dateTime(f.signingTime) })}</Text> : null}
                          </Stack>
                        ) : (
                          <Badge color="gray" variant="light" tt="none">{t('signing.notSigned')}</Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {f.signed ? (
                          <Stack gap={4}>
                            <Group gap={6} wrap="nowrap">
                              <ThemeIcon size="sm" variant="transparent" color={f.integrity === 'valid' ? 'teal' : 'red'}>{f.integrity === 'valid' ? <IconCircleCheck size={16} aria-hidden /> : <IconCircleX size={16} aria-hidden />}</ThemeIcon>
                              <Text size="sm">{t(`signing.integrity.${f.integrity ?? 'unknown'}`)}</Text>
                            </Group>
                            <Group gap={6} wrap="nowrap">
                              <ThemeIcon size="sm" variant="transparent" color={f.chain === 'trusted' ? 'teal' : 'orange'}>{f.chain === 'trusted' ? <IconShieldCheck size={16} aria-hidden /> : <IconShieldQuestion size={16} aria-hidden />}</ThemeIcon>
                              <Tooltip label={f.problem ?? ''} disabled={!f.problem} multiline maw={360}>
                                <Text size="sm">{t(`signing.chain.${f.chain ?? 'untrusted'}`)}</Text>
                              </Tooltip>
                            </Group>
                          </Stack>
                        ) : (
                          <Text size="xs" c="dimmed">—</Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        {editable && !f.signed ? (
                          <Button size="xs" leftSection={<IconSignature size={16} aria-hidden />} onClick={() => setSigning(f)} aria-label={t('signing.signField', { who: label(f) })}>{t('signing.sign')}</Button>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            <Text size="xs" c="dimmed">{t('signing.levelNote')}</Text>

            {editable ? <SignDialog assemblyId={assemblyId} field={signing} onClose={() => setSigning(null)} /> : null}
            <Modal opened={confirmArchive} onClose={() => setConfirmArchive(false)} title={t('signing.archiveTitle')} centered>
              <Stack>
                <Text size="sm">{t('signing.archiveText')}</Text>
                {archive.error ? <ErrorAlert error={archive.error} /> : null}
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => setConfirmArchive(false)}>{t('common.cancel')}</Button>
                  <Button color="grape" leftSection={<IconArchive size={18} aria-hidden />} loading={archive.isPending} data-autofocus onClick={() => archive.mutate({ assemblyId }, {
                    onSuccess: () => {
                      setConfirmArchive(false);
                      notifications.show({ color: 'grape', message: t('signing.archivedDone') });
                    },
                  })}>
                    {t('signing.archiveConfirm')}
                  </Button>
                </Group>
              </Stack>
            </Modal>
          </Stack>
        );
      }}
    </QueryState>
  );
}
