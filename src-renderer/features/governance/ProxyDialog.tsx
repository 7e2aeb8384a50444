import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AssemblyDetail } from '../../../src-shared/contract/governance.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useProxyReason } from './AttendancePanel.js';
import type { Voter } from './meeting.js';
import { useRoomCommands } from './useRoomCommands.js';

/**
 * A proxy (procuration / volmacht, art. 3.87 §7): the mandatary is another owner or another
 * person; the syndic may not be one. Recorded as given; the tally engine says at once
 * whether it is valid, and a refused proxy leaves the owner absent.
 */
export function ProxyDialog({ assembly: a, voter, fromItem, onClose }: { assembly: AssemblyDetail; voter: Voter | null; fromItem: number; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={!!voter} onClose={onClose} title={voter ? t('meeting.proxy.title', { name: voter.name }) : ''} size="lg">
      {voter ? <ProxyForm key={voter.key} assembly={a} voter={voter} fromItem={fromItem} onClose={onClose} /> : null}
    </Modal>
  );
}

function ProxyForm({ assembly: a, voter, fromItem, onClose }: { assembly: AssemblyDetail; voter: Voter; fromItem: number; onClose: () => void }) {
  const { t } = useTranslation();
  const reason = useProxyReason();
  const { run } = useRoomCommands(a.id);
  // A proxy already recorded opens as it was given.
  const person = voter.mode === 'proxy' && voter.holder?.startsWith('p') ? a.people.find((p) => p.key === voter.holder) : undefined;
  const [kind, setKind] = useState<'owner' | 'person'>(person ? 'person' : 'owner');
  const [holder, setHolder] = useState<string | null>(voter.mode === 'proxy' && !person ? voter.holder : null);
  const [name, setName] = useState(person?.name ?? '');
  const [syndic, setSyndic] = useState(person?.syndic ?? false);
  const [from, setFrom] = useState<number | ''>(voter.mode === 'proxy' ? voter.fromItem : fromItem);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  // Owners who are present come first: an owner holding a proxy must be present in person.
  const options = a.voters
    .filter((v) => v.key !== voter.key)
    .sort((x, y) => Number(y.mode === 'present') - Number(x.mode === 'present') || x.name.localeCompare(y.name))
    .map((v) => ({ value: v.key, label: `${v.name}${v.mode === 'present' ? ` — ${t('meeting.mode.present').toLowerCase()}` : ''}` }));
  const people = a.people.map((p) => p.name);

  const submit = async () => {
    setError(null);
    const chosen = kind === 'owner' ? holder : name.trim() ? { name: name.trim(), syndic } : null;
    setMissing(!chosen);
    if (!chosen) return;
    setBusy(true);
    try {
      const r = await run('ag.checkIn', { assemblyId: a.id, voterKey: voter.key, mode: 'proxy', holder: chosen, fromItem: Number(from) || 1 }, { quiet: true });
      if (r.proxy && !r.proxy.valid) notifications.show({ color: 'orange', autoClose: 8000, title: t('meeting.proxy.refusedTitle', { name: voter.name }), message: reason(r.proxy.reason) });
      else notifications.show({ color: 'teal', message: t('meeting.proxy.recorded', { name: voter.name }) });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-label={t('meeting.proxy.title', { name: voter.name })}
    >
      <Stack>
        <Text size="sm" c="dimmed">{t('meeting.proxy.intro')}</Text>
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as 'owner' | 'person')}
          data={[{ value: 'owner', label: t('meeting.proxy.toOwner') }, { value: 'person', label: t('meeting.proxy.toPerson') }]}
          aria-label={t('meeting.proxy.holderKind')}
        />
        {kind === 'owner' ? (
          <Select label={t('meeting.proxy.holder')} data={options} value={holder} onChange={setHolder} searchable data-autofocus placeholder={t('meeting.proxy.holderPlaceholder')} nothingFoundMessage={t('meeting.noMatch')} error={missing ? t('meeting.proxy.holderRequired') : undefined} />
        ) : (
          <>
            <TextInput label={t('meeting.proxy.personName')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={160} data-autofocus list="koprogo-meeting-people" error={missing ? t('meeting.proxy.holderRequired') : undefined} />
            <datalist id="koprogo-meeting-people">{people.map((p) => <option key={p} value={p} />)}</datalist>
            <Checkbox label={t('meeting.proxy.syndic')} description={t('meeting.proxy.syndicHint')} checked={syndic} onChange={(e) => setSyndic(e.currentTarget.checked)} />
            {syndic ? (
              <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>{reason('syndic_cannot_be_proxy')}</Alert>
            ) : null}
          </>
        )}
        {a.status === 'open' ? <NumberInput label={t('meeting.proxy.fromItem')} min={1} max={Math.max(1, a.items.length)} value={from} onChange={(v) => setFrom(v === '' ? '' : Number(v))} allowDecimal={false} w={180} /> : null}
        <Text size="xs" c="dimmed">{t('meeting.proxy.rules')}</Text>
        {error ? <ErrorAlert error={error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" loading={busy}>{t('meeting.proxy.record')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
