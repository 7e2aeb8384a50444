import { useState } from 'react';
import { Badge, Button, Group, Modal, Paper, SegmentedControl, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconDeviceTv, IconDoorExit, IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AssemblyDetail } from '../../../src-shared/contract/governance.js';
import { useUser } from '../../app/AuthProvider.js';
import { can } from '../../app/permissions.js';
import { routeHref, type Route } from '../../app/router.js';
import { electronBridge } from '../../api/transport.js';
import { AttendancePanel } from './AttendancePanel.js';
import { FailedPanel, OpeningPanel } from './OpeningPanel.js';
import { allDeclared, currentItem, type AgendaItem } from './meeting.js';
import { OutcomeBadge } from './OutcomeBadge.js';
import { QuorumPanel } from './QuorumPanel.js';
import { useRoomCommands } from './useRoomCommands.js';
import { VotePanel } from './VotePanel.js';
import classes from './MeetingRoom.module.css';

/** The projector's address: this app's page with the meeting's random key (no sign-in, no personal data). */
export function projectorUrl(a: Pick<AssemblyDetail, 'id' | 'projectorKey'>): string {
  return `${window.location.href.split('#')[0]}${routeHref({ name: 'projector', assemblyId: a.id, key: a.projectorKey })}`;
}

/**
 * A second window for the projector. In browser mode a new tab (same launch cookie; the
 * projector's operation is public). In Electron `window.open` is denied by the hardening:
 * the preload's `openProjector` asks the main process for the `projector` window, full
 * screen on the second display when there is one (docs/governance.md, "Screens").
 */
function openProjector(a: Pick<AssemblyDetail, 'id' | 'projectorKey'>, e: { preventDefault(): void }) {
  const bridge = electronBridge();
  if (!bridge) return; // the link opens it
  e.preventDefault();
  bridge.openProjector(a.id, a.projectorKey);
}

function ItemStatus({ item, failed = false }: { item: AgendaItem; failed?: boolean }) {
  const { t } = useTranslation();
  if (failed && item.voted) return <Badge size="sm" variant="light" color="gray" tt="none">{t('tally.outcomeLower.not_deliberated')}</Badge>;
  if (!item.voted) return <Badge size="sm" variant="light" color="gray" tt="none">{t('meeting.status.information')}</Badge>;
  if (item.status === 'voting') return <Badge size="sm" variant="filled" color="teal" tt="none">{t('meeting.status.voting')}</Badge>;
  if (item.status === 'declared' && item.result) return <OutcomeBadge outcome={item.result.resolution.outcome} />;
  return <Badge size="sm" variant="outline" color="gray" tt="none">{t('meeting.status.pending')}</Badge>;
}

/**
 * The meeting room (salle de réunion / vergaderzaal): attendance and quorum before the
 * opening; then each item put to the vote, the exceptions typed, the result declared; the
 * agenda and the quorum always beside; the projector in a second window. Large type and
 * one key per action, for a noisy room.
 */
export function MeetingRoom({ assembly: a, navigate }: { assembly: AssemblyDetail; navigate: (r: Route) => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const canWrite = can(user, 'governance.write');
  const { fire } = useRoomCommands(a.id);
  // The room follows the meeting (votes once it opens) until someone picks a view.
  const [tabChoice, setTab] = useState<'votes' | 'attendance' | null>(null);
  const tab = tabChoice ?? (a.status === 'open' || a.status === 'closed' ? 'votes' : 'attendance');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [closing, setClosing] = useState(false);
  const before = a.status === 'draft' || a.status === 'convened';

  const item = a.items.find((i) => i.id === selectedId) ?? currentItem(a.items, a.currentItemId);
  const url = projectorUrl(a);
  const close = async () => {
    const r = await fire('ag.close', { assemblyId: a.id });
    setClosing(false);
    if (r) navigate({ name: 'assembly', id: a.id, view: 'minutes' });
  };

  return (
    <div className={classes.room}>
      <aside className={classes.side} aria-label={t('meeting.sideLabel')}>
        <Paper withBorder radius="md" p="md">
          <QuorumPanel quorum={a.quorum} session={a.session} frozen={!before} compact />
        </Paper>
        <Paper withBorder radius="md" p="xs">
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="xs" py={4}>{t('assemblies.agenda.title')}</Text>
          <nav aria-label={t('assemblies.agenda.title')}>
            {a.items.map((i) => (
              <UnstyledButton
                key={i.id}
                className={classes.agendaLink}
                data-active={item?.id === i.id || undefined}
                aria-current={item?.id === i.id ? 'true' : undefined}
                onClick={() => {
                  setSelectedId(i.id);
                  setTab('votes');
                }}
              >
                <Text size="sm" fw={600} c="dimmed" w={22} ta="right">{i.position}.</Text>
                <Text size="sm" fw={500} className={classes.agendaTitle}>{i.title}</Text>
                <ItemStatus item={i} failed={a.status === 'failed'} />
              </UnstyledButton>
            ))}
          </nav>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Stack gap={6}>
            <Button component="a" href={url} target="_blank" rel="noopener" variant="light" leftSection={<IconDeviceTv size={18} aria-hidden />} onClick={(e) => openProjector(a, e)}>
              {t('meeting.projector')}
            </Button>
            <Text size="xs" c="dimmed">{t('meeting.projectorHint')}</Text>
          </Stack>
        </Paper>
      </aside>

      <section className={classes.main} aria-label={t('assemblies.views.meeting')}>
        {before ? (
          <div className={classes.beforeOpening}>
            <Paper withBorder radius="md" p="md" className={classes.attendancePane}>
              <Title order={2} size="h4" mb="xs">{t('meeting.attendance')}</Title>
              <AttendancePanel assembly={a} canWrite={canWrite} />
            </Paper>
            {canWrite && !a.archived ? <OpeningPanel assembly={a} /> : null}
          </div>
        ) : a.status === 'failed' ? (
          <FailedPanel assembly={a} navigate={navigate} />
        ) : (
          <Stack gap="sm">
            <Group justify="space-between">
              <SegmentedControl
                value={tab}
                onChange={(v) => setTab(v as 'votes' | 'attendance')}
                data={[{ value: 'votes', label: t('meeting.votes') }, { value: 'attendance', label: t('meeting.attendance') }]}
                aria-label={t('meeting.viewLabel')}
                size="md"
              />
              {a.status === 'open' && canWrite && !a.archived ? (
                <Button variant="default" leftSection={<IconDoorExit size={18} aria-hidden />} disabled={!allDeclared(a.items)} onClick={() => setClosing(true)} title={allDeclared(a.items) ? undefined : t('meeting.closeNeedsDeclared')}>
                  {t('meeting.close')}
                </Button>
              ) : null}
              {a.status === 'closed' ? (
                <Button leftSection={<IconFileText size={18} aria-hidden />} onClick={() => navigate({ name: 'assembly', id: a.id, view: 'minutes' })}>{t('meeting.toMinutes')}</Button>
              ) : null}
            </Group>
            {a.status === 'closed' && tab === 'votes' ? (
              <Paper withBorder radius="md" p="md">
                <Text fw={600}>{t('meeting.closedText')}</Text>
              </Paper>
            ) : null}
            {tab === 'attendance' ? (
              <Paper withBorder radius="md" p="md">
                <AttendancePanel assembly={a} canWrite={canWrite} />
              </Paper>
            ) : item ? (
              <VotePanel key={item.id} assembly={a} item={item} canWrite={canWrite} onSelect={setSelectedId} />
            ) : (
              <Text c="dimmed">{t('assemblies.agenda.empty')}</Text>
            )}
          </Stack>
        )}
      </section>

      <Modal opened={closing} onClose={() => setClosing(false)} title={t('meeting.closeTitle')} centered>
        <Stack>
          <Text size="sm">{t('meeting.closeText')}</Text>
          {a.items.filter((i) => i.voted && i.result).map((i) => (
            <Group key={i.id} justify="space-between" wrap="nowrap">
              <Text size="sm">{i.position}. {i.title}</Text>
              <ItemStatus item={i} />
            </Group>
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setClosing(false)}>{t('common.cancel')}</Button>
            <Button color="dark" leftSection={<IconDoorExit size={18} aria-hidden />} onClick={() => void close()} data-autofocus>{t('meeting.closeConfirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </div>
  );
}
