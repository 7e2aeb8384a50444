import { useState } from 'react';
import { Alert, Autocomplete, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCalendarPlus, IconDoorEnter, IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AssemblyDetail } from '../../../src-shared/contract/governance.js';
import { SECOND_SESSION_MIN_DAYS } from '../../../src-shared/governance.js';
import type { Route } from '../../app/router.js';
import { useOpMutation } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFormat } from '../../i18n/useFormat.js';
import { todayIso } from '../finance/dates.js';
import { useCheckText } from './ChecksPanel.js';
import { addDaysLocal, daysBetween, fromLocalInput, localDate, toLocalInput } from './dates.js';
import { useRoomCommands } from './useRoomCommands.js';

/**
 * Opening the meeting: the chair (président de séance / voorzitter) and the secretary
 * (secrétaire / secretaris) are named, the quorum is checked and frozen (art. 3.87 §5).
 * Blocking checks (quote-parts that do not add up…) are shown first.
 */
export function OpeningPanel({ assembly: a }: { assembly: AssemblyDetail }) {
  const { t } = useTranslation();
  const checkText = useCheckText();
  const { run } = useRoomCommands(a.id);
  const [chair, setChair] = useState(a.chair ?? '');
  const [secretary, setSecretary] = useState(a.secretary ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const blocking = a.checks.filter((c) => c.severity === 'error');
  const names = [...new Set([...a.voters.filter((v) => v.mode === 'present').map((v) => v.name), ...a.people.map((p) => p.name)])];

  const open = async () => {
    setError(null);
    setBusy(true);
    try {
      const r = await run('ag.open', { assemblyId: a.id, chair: chair.trim(), secretary: secretary.trim() }, { quiet: true });
      notifications.show({ color: r.status === 'open' ? 'teal' : 'orange', message: r.status === 'open' ? t('meeting.opened') : t('meeting.failedTitle') });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void open();
        }}
        aria-label={t('meeting.openTitle')}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">{t('meeting.openTitle')}</Title>
          <Text size="sm" c="dimmed">{t('meeting.openText')}</Text>
          {blocking.length ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('meeting.cannotOpen')}>
              <List size="sm">{blocking.map((c) => <List.Item key={c.code}>{checkText(c)}</List.Item>)}</List>
            </Alert>
          ) : null}
          <Autocomplete label={t('meeting.chair')} data={names} value={chair} onChange={setChair} required maxLength={160} />
          <Autocomplete label={t('meeting.secretary')} data={names} value={secretary} onChange={setSecretary} required maxLength={160} />
          {error ? <ErrorAlert error={error} /> : null}
          <Button type="submit" size="md" leftSection={<IconDoorEnter size={18} aria-hidden />} loading={busy} disabled={!chair.trim() || !secretary.trim() || blocking.length > 0}>
            {t('meeting.open')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/**
 * The quorum was not reached at the opening (art. 3.87 §5): the meeting cannot deliberate.
 * A second meeting is convened at least 15 days later, with the same agenda, and deliberates
 * whatever the attendance; the minutes of this one record the failure (PV de carence).
 */
export function FailedPanel({ assembly: a, navigate }: { assembly: AssemblyDetail; navigate: (r: Route) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const second = useOpMutation('ag.secondSession');
  const [when, setWhen] = useState(addDaysLocal(toLocalInput(a.scheduledAt), SECOND_SESSION_MIN_DAYS));
  const [place, setPlace] = useState(a.place);
  const [convocationDate, setConvocationDate] = useState(todayIso());
  const iso = fromLocalInput(when);
  const days = iso ? daysBetween(localDate(a.scheduledAt), localDate(iso)) : null;
  const tooSoon = days !== null && days < SECOND_SESSION_MIN_DAYS;

  return (
    <Stack gap="md">
      <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('meeting.failedTitle')}>
        <Text size="sm">{t('meeting.failedText')}</Text>
      </Alert>
      <Paper withBorder radius="md" p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!iso) return;
            second.mutate(
              { assemblyId: a.id, scheduledAt: iso, place, convocationDate: convocationDate || null },
              { onSuccess: (r) => navigate({ name: 'assembly', id: r.id, view: 'prepare' }) },
            );
          }}
          aria-label={t('meeting.secondTitle')}
        >
          <Stack gap="sm">
            <Title order={2} size="h4">{t('meeting.secondTitle')}</Title>
            <Text size="sm" c="dimmed">{t('meeting.secondText', { days: SECOND_SESSION_MIN_DAYS })}</Text>
            <Group grow align="flex-start">
              <TextInput type="datetime-local" label={t('assemblies.form.scheduledAt')} value={when} onChange={(e) => setWhen(e.currentTarget.value)} required
                error={tooSoon ? t('meeting.secondTooSoon', { days: SECOND_SESSION_MIN_DAYS, n: days ?? 0 }) : undefined}
                description={days !== null && !tooSoon ? t('meeting.secondDays', { n: days, date: fmt.dateTime(a.scheduledAt) }) : undefined} />
              <TextInput type="date" label={t('assemblies.form.convocationDate')} value={convocationDate} onChange={(e) => setConvocationDate(e.currentTarget.value)} />
            </Group>
            <TextInput label={t('assemblies.form.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} required maxLength={200} />
            {second.error ? <ErrorAlert error={second.error} /> : null}
            <Group justify="space-between">
              <Button variant="default" leftSection={<IconFileText size={18} aria-hidden />} onClick={() => navigate({ name: 'assembly', id: a.id, view: 'minutes' })}>{t('meeting.carence')}</Button>
              <Button type="submit" leftSection={<IconCalendarPlus size={18} aria-hidden />} loading={second.isPending} disabled={!iso || tooSoon || !place.trim()}>{t('meeting.secondCreate')}</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
