import { useMemo, useState } from 'react';
import { ActionIcon, Anchor, Center, Group, Loader, Modal, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowsMaximize, IconDownload, IconFileOff, IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useOpQuery } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { base64ToBytes } from './download.js';
import { useObjectUrlRef } from './useObjectUrlRef.js';
import classes from './InvoiceInbox.module.css';

/**
 * The invoice PDF beside its data, in the browser's own PDF viewer (an iframe on a blob:
 * URL — the CSP allows blob: frames and nothing else), with a download link for when the
 * viewer is missing (some headless or locked-down browsers download instead of showing).
 * The blob is typed application/pdf whatever the stored type says, so it can only ever
 * open in the PDF viewer.
 */
export function InvoicePdf({ documentId, label }: { documentId: number | null; label: string }) {
  const { t } = useTranslation();
  const doc = useOpQuery('documents.get', { id: documentId ?? 0 }, { enabled: documentId !== null, staleTime: Infinity });
  const blob = useMemo(() => (doc.data ? new Blob([base64ToBytes(doc.data.contentBase64)], { type: 'application/pdf' }) : null), [doc.data]);
  const frameRef = useObjectUrlRef<HTMLIFrameElement>(blob, 'src');
  const bigFrameRef = useObjectUrlRef<HTMLIFrameElement>(blob, 'src');
  const linkRef = useObjectUrlRef<HTMLAnchorElement>(blob, 'href');
  const [enlarged, setEnlarged] = useState(false);

  if (documentId === null) {
    return (
      <Paper withBorder radius="md" className={classes.pdfEmpty}>
        <Center h="100%">
          <Stack align="center" gap={4}>
            <IconFileOff size={32} stroke={1.4} aria-hidden />
            <Text size="sm" c="dimmed">{t('invoices.pdf.none')}</Text>
          </Stack>
        </Center>
      </Paper>
    );
  }
  if (doc.error) return <ErrorAlert error={doc.error} />;
  if (!doc.data) {
    return (
      <Paper withBorder radius="md" className={classes.pdfEmpty}>
        <Center h="100%" role="status">
          <Loader aria-label={t('common.loading')} />
        </Center>
      </Paper>
    );
  }
  const title = t('invoices.pdf.frameTitle', { name: label });
  return (
    <Stack gap={6} className={classes.pdf}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap={6} wrap="nowrap" miw={0}>
          <IconFileTypePdf size={18} aria-hidden />
          <Text size="sm" truncate title={doc.data.fileName}>{doc.data.fileName}</Text>
        </Group>
        <Group gap={4} wrap="nowrap">
          <Anchor ref={linkRef} download={doc.data.fileName} size="sm" className={classes.download}>
            <Group gap={4} component="span" wrap="nowrap">
              <IconDownload size={16} aria-hidden />
              {t('invoices.pdf.download')}
            </Group>
          </Anchor>
          <Tooltip label={t('invoices.pdf.enlarge')}>
            <ActionIcon variant="subtle" color="gray" onClick={() => setEnlarged(true)} aria-label={t('invoices.pdf.enlarge')}>
              <IconArrowsMaximize size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <iframe ref={frameRef} title={title} className={classes.pdfFrame} />
      <Modal opened={enlarged} onClose={() => setEnlarged(false)} fullScreen title={doc.data.fileName}>
        {enlarged ? <iframe ref={bigFrameRef} title={title} className={classes.pdfFrameLarge} /> : null}
      </Modal>
    </Stack>
  );
}
