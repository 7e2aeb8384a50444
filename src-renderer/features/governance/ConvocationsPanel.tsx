import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, List, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileTypePdf, IconMail, IconMailbox, IconSend, IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AssemblyDetail } from '../../../src-shared/contract/governance.js';
import type { OpOutput } from '../../../src-shared/contract/index.js';
import { useUser } from '../../app/AuthProvider.js';
import { can } from '../../app/permissions.js';
import { routeHref } from '../../app/router.js';
import { call } from '../../api/client.js';
import { useOpMutation, useOpQuery } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { QueryState } from '../../components/QueryState.js';
import { useErrorText } from '../../i18n/useErrorText.js';
import { useFormat } from '../../i18n/useFormat.js';
import { saveFile } from '../finance/download.js';

const savePdf = (f: { fileName: string; contentBase64: string }) => saveFile({ ...f, mimeType: 'application/pdf' });

/**
 * Convocations (art. 3.87 §3): by registered mail, unless the owner agreed in writing to
 * e-mail. Each owner's channel and why; e-mail the consenting owners through the firm's
 * mail server; one PDF of the registered letters for the post office; the register of
 * what went out. Sending again only retries the e-mails not sent yet.
 */
export function ConvocationsPanel({ assembly: a }: { assembly: AssemblyDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { errorText } = useErrorText();
  const user = useUser();
  const before = !a.archived && (a.status === 'draft' || a.status === 'convened');
  const list = useOpQuery('ag.convocations', { assemblyId: a.id });
  const register = useOpQuery('ag.convocationRegister', { assemblyId: a.id });
  const send = useOpMutation('ag.sendConvocations');
  const batch = useOpMutation('ag.registeredBatch');
  const [sent, setSent] = useState<OpOutput<'ag.sendConvocations'> | null>(null);
  const [letterBusy, setLetterBusy] = useState<number | null>(null);

  const rows = list.data ?? [];
  const byEmail = rows.filter((r) => r.channel === 'email');
  const registered = rows.filter((r) => r.channel === 'registered');
  const pendingEmail = byEmail.filter((r) => !(r.lastDelivery?.channel === 'email' && r.lastDelivery.status === 'sent'));
  const names = new Map(rows.map((r) => [r.ownerId, r.name]));

  const letter = async (ownerId: number) => {
    setLetterBusy(ownerId);
    try {
      savePdf(await call('ag.convocationLetter', { assemblyId: a.id, ownerId }));
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(e) });
    } finally {
      setLetterBusy(null);
    }
  };

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="xs">
          <Group gap="xs">
            <IconMail size={20} aria-hidden />
            <Title order={2} size="h4">{t('convocations.byEmail', { n: byEmail.length })}</Title>
          </Group>
          <Text size="sm" c="dimmed">{t('convocations.byEmailText')}</Text>
          <Group gap="xs">
            <Button
              leftSection={<IconSend size={16} aria-hidden />}
              disabled={!before || pendingEmail.length === 0}
              loading={send.isPending}
              onClick={() => {
                setSent(null);
                send.mutate({ assemblyId: a.id }, { onSuccess: setSent });
              }}
            >
              {t('convocations.send', { n: pendingEmail.length })}
            </Button>
            <Anchor href={routeHref({ name: 'settings' })} size="sm">
              <Group gap={4} component="span"><IconSettings size={14} aria-hidden />{t('convocations.smtpLink')}</Group>
            </Anchor>
          </Group>
          {!can(user, 'settings.manage') ? <Text size="xs" c="dimmed">{t('convocations.smtpAdmin')}</Text> : null}
        </Stack>
        <Stack gap="xs">
          <Group gap="xs">
            <IconMailbox size={20} aria-hidden />
            <Title order={2} size="h4">{t('convocations.byRegistered', { n: registered.length })}</Title>
          </Group>
          <Text size="sm" c="dimmed">{t('convocations.byRegisteredText')}</Text>
          <Group>
            <Button variant="light" leftSection={<IconDownload size={16} aria-hidden />} disabled={!before || registered.length === 0} loading={batch.isPending} onClick={() => batch.mutate({ assemblyId: a.id }, { onSuccess: (r) => {
              savePdf(r);
              notifications.show({ color: 'teal', message: t('convocations.batchDone', { n: r.letters }) });
            } })}>
              {t('convocations.batch', { n: registered.length })}
            </Button>
          </Group>
        </Stack>
      </SimpleGrid>
      {!before ? <Text size="sm" c="dimmed">{t('convocations.afterOpening')}</Text> : null}
      {send.error ? <ErrorAlert error={send.error} /> : null}
      {batch.error ? <ErrorAlert error={batch.error} /> : null}
      {sent ? (
        <Alert color={sent.failed ? 'orange' : 'teal'} variant="light" title={t('convocations.sentTitle', { sent: sent.sent, failed: sent.failed })} withCloseButton onClose={() => setSent(null)} role="status">
          {sent.failed ? (
            <List size="sm" spacing={2}>
              {sent.deliveries.filter((d) => d.status === 'failed').map((d) => (
                <List.Item key={d.ownerId}>{t('convocations.failedOne', { name: names.get(d.ownerId) ?? d.ownerId, error: d.error ?? '' })}</List.Item>
              ))}
            </List>
          ) : null}
          {sent.registered.length ? <Text size="sm" mt={4}>{t('convocations.stillRegistered', { n: sent.registered.length })}</Text> : null}
        </Alert>
      ) : null}

      <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()}>
        {() => (
          <Table striped fz="sm" verticalSpacing={6} aria-label={t('convocations.listTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('convocations.owner')}</Table.Th>
                <Table.Th>{t('convocations.lots')}</Table.Th>
                <Table.Th ta="right">{t('convocations.shares')}</Table.Th>
                <Table.Th>{t('convocations.channel')}</Table.Th>
                <Table.Th>{t('convocations.last')}</Table.Th>
                <Table.Th aria-label={t('convocations.letter')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.ownerId}>
                  <Table.Td fw={600}>{r.name}</Table.Td>
                  <Table.Td>{r.lots.join(', ')}</Table.Td>
                  <Table.Td ta="right">{fmt.number(r.shares)}</Table.Td>
                  <Table.Td>
                    {r.channel === 'email' ? (
                      <Tooltip label={r.email ?? ''}><Badge color="teal" variant="light" tt="none" leftSection={<IconMail size={12} aria-hidden />}>{t('convocations.email')}</Badge></Tooltip>
                    ) : (
                      <Group gap={6} wrap="nowrap">
                        <Badge color="blue" variant="light" tt="none" leftSection={<IconMailbox size={12} aria-hidden />}>{t('convocations.registered')}</Badge>
                        {r.registeredBecause ? <Text size="xs" c="dimmed">{t(`convocations.because.${r.registeredBecause}`)}</Text> : null}
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {r.lastDelivery ? (
                      <Text size="xs" c={r.lastDelivery.status === 'failed' ? 'red' : undefined}>{t(`convocations.delivery.${r.lastDelivery.status}`)} · {fmt.dateTime(r.lastDelivery.at)}</Text>
                    ) : (
                      <Text size="xs" c="dimmed">{t('convocations.notYet')}</Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button size="compact-xs" variant="subtle" leftSection={<IconFileTypePdf size={14} aria-hidden />} loading={letterBusy === r.ownerId} onClick={() => void letter(r.ownerId)} aria-label={t('convocations.letterOf', { name: r.name })}>
                      {t('convocations.letter')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>

      <Stack gap="xs">
        <Title order={2} size="h4">{t('convocations.register')}</Title>
        <QueryState isPending={register.isPending} error={register.error} onRetry={() => void register.refetch()}>
          {() =>
            register.data!.length === 0 ? (
              <Text size="sm" c="dimmed">{t('convocations.registerEmpty')}</Text>
            ) : (
              <Table fz="sm" verticalSpacing={4} aria-label={t('convocations.register')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('convocations.at')}</Table.Th>
                    <Table.Th>{t('convocations.owner')}</Table.Th>
                    <Table.Th>{t('convocations.channel')}</Table.Th>
                    <Table.Th>{t('convocations.status')}</Table.Th>
                    <Table.Th>{t('convocations.detail')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {register.data!.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(d.at)}</Table.Td>
                      <Table.Td>{d.ownerName}</Table.Td>
                      <Table.Td>{t(`convocations.${d.channel}`)}</Table.Td>
                      <Table.Td><Badge size="sm" tt="none" variant="light" color={d.status === 'failed' ? 'red' : d.status === 'sent' ? 'teal' : 'blue'}>{t(`convocations.delivery.${d.status}`)}</Badge></Table.Td>
                      <Table.Td><Text size="xs" c={d.error ? 'red' : 'dimmed'} lineClamp={2}>{d.error ?? d.messageId ?? ''}</Text></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )
          }
        </QueryState>
      </Stack>
    </Stack>
  );
}
