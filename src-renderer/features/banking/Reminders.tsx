import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Checkbox, EmptyState, Group, List, Paper, SegmentedControl, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailForward, IconMoodCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../src-shared/contract/index.js';
import { useUser } from '../../app/AuthProvider.js';
import { can } from '../../app/permissions.js';
import { useOpMutation, useOpQuery } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { QueryState } from '../../components/QueryState.js';
import { useErrorText } from '../../i18n/useErrorText.js';
import { useFormat } from '../../i18n/useFormat.js';
import { saveFile } from '../finance/download.js';
import { useMoney } from '../finance/useMoney.js';
import { levelColor, levelKey } from './format.js';
import { ReminderPolicyForm } from './ReminderPolicyForm.js';
import classes from './Bank.module.css';

type Due = OpOutput<'reminders.due'>[number];
const LEVELS = [1, 2, 3, 4] as const;

/**
 * Reminders of unpaid calls (rappels / herinneringen): who is at which level today and
 * which level may be sent now, from what is still open (an owner who paid since is not
 * listed); send one level to the owners ticked and download their letters (PDF, FR or NL);
 * the building's policy (delays, fees, interest) and the reminders sent.
 */
export function Reminders({ buildingId }: { buildingId: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { money } = useMoney();
  const { errorText } = useErrorText();
  const user = useUser();
  const canWrite = can(user, 'finance.write');
  const due = useOpQuery('reminders.due', { buildingId });
  const history = useOpQuery('reminders.list', { buildingId });
  const policy = useOpQuery('reminders.policy', { buildingId });
  const issue = useOpMutation('reminders.issue');
  const rows = useMemo(() => due.data ?? [], [due.data]);
  const counts = LEVELS.map((l) => rows.filter((r) => r.nextLevel === l).length);
  const [levelChoice, setLevelChoice] = useState<number | null>(null);
  const level = levelChoice ?? LEVELS.find((l) => counts[l - 1]! > 0) ?? 1;
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const [skipped, setSkipped] = useState<{ name: string; reason: string }[]>([]);
  const eligible = rows.filter((r) => r.nextLevel === level);
  const ticked = eligible.filter((r) => checked.has(r.ownerId));

  const send = async () => {
    if (!ticked.length) return;
    setSkipped([]);
    try {
      const r = await issue.mutateAsync({ buildingId, level, ownerIds: ticked.map((x) => x.ownerId) });
      if (r.letters) saveFile(r.letters);
      const names = new Map(rows.map((x) => [x.ownerId, x.name]));
      setSkipped(r.skipped.map((s) => ({ name: names.get(s.ownerId) ?? `#${s.ownerId}`, reason: s.reason })));
      notifications.show({ color: r.reminders.length ? 'teal' : 'yellow', message: t('bank.reminders.sent', { n: r.reminders.length, level: t(levelKey(level)), skipped: r.skipped.length }) });
      setChecked(new Set());
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(e) });
    }
  };

  const toggle = (id: number) => {
    const next = new Set(checked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChecked(next);
  };
  const allTicked = eligible.length > 0 && eligible.every((r) => checked.has(r.ownerId));

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <div>
            <Title order={2} size="h4">{t('bank.reminders.dueTitle')}</Title>
            <Text size="sm" c="dimmed">{t('bank.reminders.dueIntro')}</Text>
          </div>
          {canWrite ? (
            <Group gap="sm" align="flex-end">
              <SegmentedControl
                aria-label={t('bank.reminders.levelToSend')}
                value={String(level)}
                onChange={(v) => {
                  setLevelChoice(Number(v));
                  setChecked(new Set());
                }}
                data={LEVELS.map((l) => ({ value: String(l), label: t('bank.reminders.levelCount', { level: l, n: counts[l - 1] }) }))}
              />
              <Button leftSection={<IconMailForward size={18} aria-hidden />} disabled={!ticked.length} loading={issue.isPending} onClick={() => void send()}>
                {t('bank.reminders.send', { level: t(levelKey(level)), n: ticked.length })}
              </Button>
            </Group>
          ) : null}
        </Group>
        {skipped.length ? (
          <Alert color="yellow" variant="light" title={t('bank.reminders.skippedTitle')} withCloseButton onClose={() => setSkipped([])}>
            <List size="sm">{skipped.map((s, i) => <List.Item key={i}>{`${s.name} — ${s.reason}`}</List.Item>)}</List>
          </Alert>
        ) : null}
        <QueryState isPending={due.isPending} error={due.error} onRetry={() => void due.refetch()}>
          {() =>
            rows.length === 0 ? (
              <EmptyState icon={<IconMoodCheck aria-hidden />} variant="light" title={t('bank.reminders.nobody')} py="lg" />
            ) : (
              <Table.ScrollContainer minWidth={820}>
                <Table striped highlightOnHover fz="sm" verticalSpacing={6} aria-label={t('bank.reminders.dueTitle')} className={classes.noWrapHead}>
                  <Table.Thead>
                    <Table.Tr>
                      {canWrite ? (
                        <Table.Th w={36}>
                          <Checkbox size="xs" aria-label={t('bank.reminders.tickAll', { level })} checked={allTicked} indeterminate={!allTicked && ticked.length > 0} disabled={!eligible.length}
                            onChange={() => setChecked(allTicked ? new Set() : new Set(eligible.map((r) => r.ownerId)))} />
                        </Table.Th>
                      ) : null}
                      <Table.Th>{t('bank.reminders.columns.owner')}</Table.Th>
                      <Table.Th ta="right">{t('bank.reminders.columns.daysLate')}</Table.Th>
                      <Table.Th ta="right">{t('bank.reminders.columns.open')}</Table.Th>
                      <Table.Th>{t('bank.reminders.columns.current')}</Table.Th>
                      <Table.Th>{t('bank.reminders.columns.next')}</Table.Th>
                      <Table.Th ta="right">{t('bank.reminders.columns.feeInterest')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((r) => (
                      <DueRow key={r.ownerId} row={r} selectable={canWrite} enabled={r.nextLevel === level} checked={checked.has(r.ownerId)} onToggle={() => toggle(r.ownerId)} money={money} date={fmt.date} number={fmt.number} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
      </Stack>

      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h4" mb={4}>{t('bank.reminders.policyTitle')}</Title>
        <Text size="sm" c="dimmed" mb="md">{t('bank.reminders.policyIntro')}</Text>
        <QueryState isPending={policy.isPending} error={policy.error} onRetry={() => void policy.refetch()}>
          {() => <ReminderPolicyForm key={buildingId} buildingId={buildingId} policy={policy.data!} readOnly={!canWrite} />}
        </QueryState>
      </Paper>

      <Stack gap="sm">
        <Title order={2} size="h4">{t('bank.reminders.historyTitle')}</Title>
        <QueryState isPending={history.isPending} error={history.error} onRetry={() => void history.refetch()}>
          {() =>
            history.data!.length === 0 ? (
              <Text size="sm" c="dimmed">{t('bank.reminders.noHistory')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table striped fz="sm" verticalSpacing={6} aria-label={t('bank.reminders.historyTitle')} className={classes.noWrapHead}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('bank.reminders.columns.date')}</Table.Th>
                      <Table.Th>{t('bank.reminders.columns.owner')}</Table.Th>
                      <Table.Th>{t('bank.reminders.columns.level')}</Table.Th>
                      <Table.Th ta="right">{t('bank.reminders.columns.due')}</Table.Th>
                      <Table.Th ta="right">{t('bank.reminders.columns.feeInterest')}</Table.Th>
                      <Table.Th>{t('bank.reminders.columns.ogms')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {history.data!.map((h) => (
                      <Table.Tr key={h.id}>
                        <Table.Td>{fmt.date(h.date)}</Table.Td>
                        <Table.Td fw={600}>{h.ownerName}</Table.Td>
                        <Table.Td><Badge variant="light" color={levelColor(h.level)} tt="none">{t('bank.reminders.levelName', { level: h.level, name: t(levelKey(h.level)) })}</Badge></Table.Td>
                        <Table.Td ta="right" className={classes.amount}>{money(h.dueCents)}</Table.Td>
                        <Table.Td ta="right" className={classes.amount}>{h.feeCents + h.interestCents ? money(h.feeCents + h.interestCents) : '—'}</Table.Td>
                        <Table.Td><Text size="xs" className={classes.mono}>{h.ogms.map((o) => o.replace(/^(\d{3})(\d{4})(\d{5})$/, '+++$1/$2/$3+++')).join(', ')}</Text></Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
      </Stack>
      {issue.error && !issue.isPending ? <ErrorAlert error={issue.error} /> : null}
    </Stack>
  );
}

function DueRow({ row: r, selectable, enabled, checked, onToggle, money, date, number }: {
  row: Due; selectable: boolean; enabled: boolean; checked: boolean; onToggle: () => void; money: (c: number) => string; date: (d: string) => string; number: (n: number) => string;
}) {
  const { t } = useTranslation();
  const calls = r.lines.map((l) => `${l.label} (${money(l.openCents)})`).join(', ');
  return (
    <Table.Tr aria-label={r.name}>
      {selectable ? (
        <Table.Td>
          <Checkbox size="xs" aria-label={t('bank.reminders.tick', { name: r.name })} checked={checked} disabled={!enabled} onChange={onToggle} />
        </Table.Td>
      ) : null}
      <Table.Td>
        <Text size="sm" fw={600}>{r.name}</Text>
        <Text size="xs" c="dimmed" lineClamp={1} title={calls}>{calls}</Text>
      </Table.Td>
      <Table.Td ta="right">{number(r.daysLate)}</Table.Td>
      <Table.Td ta="right" className={classes.amount}>{money(r.openCents)}</Table.Td>
      <Table.Td>
        {r.currentLevel ? (
          <Tooltip label={r.lastReminderDate ? t('bank.reminders.sentOn', { date: date(r.lastReminderDate) }) : ''} disabled={!r.lastReminderDate}>
            <Badge variant="light" color={levelColor(r.currentLevel)} tt="none">{t('bank.reminders.levelName', { level: r.currentLevel, name: t(levelKey(r.currentLevel)) })}</Badge>
          </Tooltip>
        ) : (
          <Text size="xs" c="dimmed">{t('bank.reminders.noneYet')}</Text>
        )}
      </Table.Td>
      <Table.Td>
        {r.nextLevel ? (
          <Badge variant="filled" color={levelColor(r.nextLevel)} tt="none">{t('bank.reminders.levelName', { level: r.nextLevel, name: t(levelKey(r.nextLevel)) })}</Badge>
        ) : (
          <Text size="xs" c="dimmed">{t('bank.reminders.notYet')}</Text>
        )}
      </Table.Td>
      <Table.Td ta="right" className={classes.amount}>{r.feeCents + r.interestCents ? money(r.feeCents + r.interestCents) : '—'}</Table.Td>
    </Table.Tr>
  );
}
