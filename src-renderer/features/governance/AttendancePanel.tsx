import { useState } from 'react';
import { ActionIcon, Badge, Group, Kbd, Text, Tooltip } from '@mantine/core';
import { IconDoorExit, IconUserCheck, IconUserOff, IconUserShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AssemblyDetail } from '../../../src-shared/contract/governance.js';
import { useFormat } from '../../i18n/useFormat.js';
import { firstOpenPosition, type Voter } from './meeting.js';
import { ProxyDialog } from './ProxyDialog.js';
import { useRoomCommands } from './useRoomCommands.js';
import { VoterListbox } from './VoterListbox.js';

/** A refused proxy's reason in words (art. 3.87 §7), from the catalog. */
export function useProxyReason() {
  const { t, i18n } = useTranslation();
  return (reason: string | undefined) => {
    const key = `meeting.proxyReason.${reason ?? 'invalid'}`;
    return i18n.exists(key) ? String(t(key as never)) : String(t('meeting.proxyReason.invalid'));
  };
}

/** How a voter takes part, as a badge; a refused proxy says why, live. */
export function AttendanceStatus({ voter: v }: { voter: Voter }) {
  const { t } = useTranslation();
  const reason = useProxyReason();
  const range = v.fromItem > 1 ? t('meeting.fromItem', { n: v.fromItem }) : null;
  const left = v.untilItem !== null ? t('meeting.untilItem', { n: v.untilItem }) : null;
  const extra = [range, left].filter(Boolean).join(' · ');
  if (v.mode === 'present') {
    return (
      <Group gap={6} wrap="nowrap">
        {extra ? <Text size="xs" c="dimmed">{extra}</Text> : null}
        <Badge color={v.untilItem !== null ? 'gray' : 'teal'} variant="filled" size="lg" tt="none">{v.untilItem !== null ? t('meeting.mode.left') : t('meeting.mode.present')}</Badge>
      </Group>
    );
  }
  if (v.mode === 'proxy') {
    const refused = v.proxy && !v.proxy.valid;
    return (
      <Group gap={6} wrap="nowrap" maw={460}>
        <Text size="sm" c={refused ? 'red.8' : undefined} ta="right" lineClamp={2}>
          {refused ? t('meeting.proxyRefused', { holder: v.holderName ?? '', reason: reason(v.proxy?.reason) }) : t('meeting.representedBy', { holder: v.holderName ?? '' })}
          {extra ? ` · ${extra}` : ''}
        </Text>
        <Badge color={refused ? 'red' : 'blue'} variant={refused ? 'light' : 'filled'} size="lg" tt="none">{refused ? t('meeting.mode.refused') : t('meeting.mode.proxy')}</Badge>
      </Group>
    );
  }
  return <Badge color="gray" variant="light" size="lg" tt="none">{t('meeting.mode.absent')}</Badge>;
}

/**
 * Attendance (liste de présence / aanwezigheidslijst), one key per owner: P present, R
 * represented by a proxy (the holder is asked), A absent, D leaves. During the meeting an
 * arrival counts from the first item not declared yet (art. 3.87: votes are counted on who
 * takes part in each resolution). The tally engine checks each proxy as it is recorded.
 */
export function AttendancePanel({ assembly: a, canWrite }: { assembly: AssemblyDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { fire } = useRoomCommands(a.id);
  const [proxyFor, setProxyFor] = useState<Voter | null>(null);
  const editable = canWrite && !a.archived && a.status !== 'closed' && a.status !== 'failed';
  const from = firstOpenPosition(a);

  const present = a.voters.filter((v) => v.mode === 'present' && v.untilItem === null).length;
  const represented = a.voters.filter((v) => v.mode === 'proxy' && v.proxy?.valid).length;
  const refused = a.voters.filter((v) => v.mode === 'proxy' && v.proxy && !v.proxy.valid).length;

  const open = a.status === 'open';
  const act = (v: Voter, key: string): boolean => {
    // Once the meeting is open, someone in the room leaves (D) rather than becomes absent: what
    // they voted before stays theirs; P again on someone present would make them a late arrival.
    if (key === 'p' && !(open && v.mode === 'present' && v.untilItem === null)) void fire('ag.checkIn', { assemblyId: a.id, voterKey: v.key, mode: 'present', fromItem: from });
    else if (key === 'a' && !(open && v.mode !== 'absent')) void fire('ag.checkIn', { assemblyId: a.id, voterKey: v.key, mode: 'absent', fromItem: 1 });
    else if (key === 'r') setProxyFor(v);
    else if (key === 'd' && a.status === 'open' && v.mode !== 'absent') void fire('ag.depart', { assemblyId: a.id, voterKey: v.key, untilItem: from });
    else return false;
    return true;
  };

  return (
    <>
      <Group gap="lg" mb="xs" aria-live="polite">
        <Text size="sm"><b>{fmt.number(present)}</b> {t('meeting.count.present')}</Text>
        <Text size="sm"><b>{fmt.number(represented)}</b> {t('meeting.count.represented')}</Text>
        {refused ? <Text size="sm" c="red.8"><b>{fmt.number(refused)}</b> {t('meeting.count.refused')}</Text> : null}
        <Text size="sm" c="dimmed">{t('meeting.count.of', { n: fmt.number(a.voters.length) })}</Text>
      </Group>
      <VoterListbox
        voters={a.voters}
        label={t('meeting.attendance')}
        disabled={!editable}
        onKey={act}
        renderStatus={(v) => (
          <>
            <AttendanceStatus voter={v} />
            {editable ? (
              <Group gap={2} wrap="nowrap">
                <Tooltip label={t('meeting.keys.present')}><ActionIcon variant="subtle" size="lg" aria-label={t('meeting.actions.present', { name: v.name })} onClick={() => act(v, 'p')}><IconUserCheck size={20} /></ActionIcon></Tooltip>
                <Tooltip label={t('meeting.keys.proxy')}><ActionIcon variant="subtle" size="lg" aria-label={t('meeting.actions.proxy', { name: v.name })} onClick={() => act(v, 'r')}><IconUserShare size={20} /></ActionIcon></Tooltip>
                {!(open && v.mode !== 'absent') ? (
                  <Tooltip label={t('meeting.keys.absent')}><ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('meeting.actions.absent', { name: v.name })} onClick={() => act(v, 'a')}><IconUserOff size={20} /></ActionIcon></Tooltip>
                ) : null}
                {a.status === 'open' && v.mode !== 'absent' ? (
                  <Tooltip label={t('meeting.keys.depart')}><ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('meeting.actions.depart', { name: v.name })} onClick={() => act(v, 'd')}><IconDoorExit size={20} /></ActionIcon></Tooltip>
                ) : null}
              </Group>
            ) : null}
          </>
        )}
        hint={
          editable ? (
            <>
              <Text size="xs" c="dimmed"><Kbd size="xs">P</Kbd> {t('meeting.keys.present')}</Text>
              <Text size="xs" c="dimmed"><Kbd size="xs">R</Kbd> {t('meeting.keys.proxy')}</Text>
              <Text size="xs" c="dimmed"><Kbd size="xs">A</Kbd> {t('meeting.keys.absent')}</Text>
              {a.status === 'open' ? <Text size="xs" c="dimmed"><Kbd size="xs">D</Kbd> {t('meeting.keys.depart')}</Text> : null}
              <Text size="xs" c="dimmed"><Kbd size="xs">/</Kbd> {t('meeting.keys.filter')}</Text>
              {a.status === 'open' ? <Text size="xs" c="dimmed">{t('meeting.lateFrom', { n: from })}</Text> : null}
            </>
          ) : null
        }
      />
      {editable ? <ProxyDialog assembly={a} voter={proxyFor} fromItem={from} onClose={() => setProxyFor(null)} /> : null}
    </>
  );
}
