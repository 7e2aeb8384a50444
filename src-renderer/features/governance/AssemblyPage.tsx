import { useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCalendarEvent, IconChecklist, IconFileText, IconMail, IconPencil, IconSignature, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../app/AuthProvider.js';
import { can } from '../../app/permissions.js';
import { routeHref, type AssemblyView, type Route } from '../../app/router.js';
import { useOpQuery } from '../../api/hooks.js';
import { QueryState } from '../../components/QueryState.js';
import { useFormat } from '../../i18n/useFormat.js';
import { SigningPanel } from '../signing/SigningPanel.js';
import { AssemblyForm } from './AssemblyForm.js';
import { AssemblyStatusBadge } from './AssemblyStatusBadge.js';
import { ConvocationsPanel } from './ConvocationsPanel.js';
import { MeetingRoom } from './MeetingRoom.js';
import { MinutesPanel } from './MinutesPanel.js';
import { PreparationPanel } from './PreparationPanel.js';

const VIEWS: { view: AssemblyView; icon: typeof IconChecklist }[] = [
  { view: 'prepare', icon: IconChecklist },
  { view: 'convocations', icon: IconMail },
  { view: 'meeting', icon: IconUsersGroup },
  { view: 'minutes', icon: IconFileText },
  { view: 'signatures', icon: IconSignature },
];

/**
 * One general assembly, from its preparation to its signed minutes: agenda and checks,
 * convocations, the meeting room, the minutes, their signatures. Each view is a route
 * (`#/assemblies/7/meeting`), so the room survives a reload.
 */
export function AssemblyPage({ id, view, navigate }: { id: number; view: AssemblyView; navigate: (r: Route) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const user = useUser();
  const canWrite = can(user, 'governance.write');
  const query = useOpQuery('ag.get', { id });
  const [editing, setEditing] = useState(false);

  return (
    <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
      {() => {
        const a = query.data!;
        const before = a.status === 'draft' || a.status === 'convened';
        const visible = VIEWS.filter((v) => canWrite || v.view === 'prepare' || v.view === 'signatures');
        const current = visible.some((v) => v.view === view) ? view : 'prepare';
        const title = `${t(`assemblies.kind.${a.kind}`)}${a.session === 'second' ? ` — ${t('assemblies.secondSession')}` : ''}`;
        // The meeting room keeps the header to one line: the room needs the height.
        const compact = current === 'meeting';
        return (
          <Stack gap={current === 'meeting' ? 'sm' : 'lg'}>
            <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
              <Stack gap={compact ? 0 : 4}>
                <Anchor href={routeHref({ name: 'building', id: a.buildingId, tab: 'assemblies' })} size="sm">
                  <Group gap={4} component="span"><IconArrowLeft size={14} aria-hidden />{a.buildingName}</Group>
                </Anchor>
                <Group gap="sm" align="center">
                  <Title order={1} size={compact ? 'h3' : 'h2'}>{title}</Title>
                  <AssemblyStatusBadge status={a.status} archived={a.archived} />
                  {compact ? <Text size="sm" c="dimmed">{t('assemblies.when', { date: fmt.dateTime(a.scheduledAt), place: a.place })}</Text> : null}
                </Group>
                {compact ? null : (
                  <Group gap="xs" c="dimmed">
                    <IconCalendarEvent size={16} aria-hidden />
                    <Text size="sm">{t('assemblies.when', { date: fmt.dateTime(a.scheduledAt), place: a.place })}</Text>
                  </Group>
                )}
              </Stack>
              {canWrite && before && !a.archived ? (
                <Button variant="default" size="sm" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>{t('assemblies.edit')}</Button>
              ) : null}
            </Group>
            <Tabs value={current} onChange={(v) => navigate({ name: 'assembly', id, view: (v as AssemblyView | null) ?? 'prepare' })} keepMounted={false}>
              <Tabs.List>
                {visible.map((v) => (
                  <Tabs.Tab key={v.view} value={v.view} leftSection={<v.icon size={16} aria-hidden />}>{t(`assemblies.views.${v.view}`)}</Tabs.Tab>
                ))}
              </Tabs.List>
            </Tabs>
            {current === 'prepare' ? (
              <PreparationPanel assembly={a} canWrite={canWrite} />
            ) : current === 'convocations' ? (
              <Paper withBorder radius="md" p="md"><ConvocationsPanel assembly={a} /></Paper>
            ) : current === 'meeting' ? (
              <MeetingRoom assembly={a} navigate={navigate} />
            ) : current === 'minutes' ? (
              <MinutesPanel assembly={a} navigate={navigate} />
            ) : (
              <SigningPanel assemblyId={a.id} canWrite={canWrite} />
            )}
            {canWrite ? <AssemblyForm opened={editing} onClose={() => setEditing(false)} buildingId={a.buildingId} assembly={a} /> : null}
          </Stack>
        );
      }}
    </QueryState>
  );
}
