import { useState } from 'react';
import { Alert, Badge, Button, Group, Kbd, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowBackUp, IconArrowRight, IconCheck, IconGavel, IconInfoCircle, IconPlayerPlay, IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AssemblyDetail, ItemResult } from '../../../src-shared/contract/governance.js';
import { useFormat } from '../../i18n/useFormat.js';
import { MajorityBadge } from './MajorityBadge.js';
import { nameOf, nextVotedItem, representedAt, ruleText, sharesFormatter, THRESHOLDS, type AgendaItem, type Voter, type VoteChoice } from './meeting.js';
import { TallyBars } from './TallyBars.js';
import { useRoomCommands } from './useRoomCommands.js';
import { VoterListbox } from './VoterListbox.js';
import classes from './MeetingRoom.module.css';

const KEY_CHOICE: Record<string, VoteChoice> = { f: 'for', c: 'against', a: 'abstain' };
const CHOICE_COLOR: Record<VoteChoice, string> = { for: 'teal', against: 'red', abstain: 'gray' };

/** The outcome of a resolution, large: ADOPTÉE / REJETÉE (AANGENOMEN / VERWORPEN). */
export function OutcomeBanner({ outcome, failedOnlyByAbsentees }: { outcome: 'adopted' | 'rejected' | 'not_deliberated'; failedOnlyByAbsentees?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} className={classes.outcome} data-outcome={outcome} role="status">
      <Text className={classes.outcomeWord}>{t(`tally.outcome.${outcome}`)}</Text>
      {failedOnlyByAbsentees ? <Text size="sm">{t('tally.failedOnlyByAbsentees')}</Text> : null}
    </Stack>
  );
}

/**
 * Voting one item, from the keyboard: put it to the vote (shown on the projector), record
 * "everyone for" (⇧F), then the exceptions — type a name, Enter, then F (pour / voor),
 * C (contre / tegen) or A (abstention / onthouding). Ctrl+Z undoes the last entry; the bars
 * follow live with the majority line; Ctrl+Enter declares the result (asked once more, then
 * locked); N puts the next item to the vote.
 */
export function VotePanel({ assembly: a, item, canWrite, onSelect }: { assembly: AssemblyDetail; item: AgendaItem; canWrite: boolean; onSelect: (itemId: number) => void }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const shares = sharesFormatter(fmt.locale);
  const { fire, patch } = useRoomCommands(a.id);
  const [confirming, setConfirming] = useState(false);
  const editable = canWrite && !a.archived && a.status === 'open';
  const voting = item.status === 'voting';
  const declared = item.status === 'declared';
  const voters = representedAt(a.voters, item.position);
  const result = item.result;
  const next = nextVotedItem(a.items, item);
  const otherVoting = a.items.find((i) => i.status === 'voting' && i.id !== item.id);
  const rule = ruleText(item.majorityRule, i18n.language);

  const patchItem = (fn: (i: AgendaItem) => AgendaItem) => patch((d) => ({ ...d, items: d.items.map((i) => (i.id === item.id ? fn(i) : i)) }));
  const withResult = (r: ItemResult | undefined) => {
    if (r) patchItem((i) => ({ ...i, result: r }));
  };
  const vote = (v: Voter, choice: VoteChoice) => {
    patchItem((i) => ({ ...i, votes: { ...i.votes, [v.key]: choice } }));
    void fire('ag.vote', { itemId: item.id, votes: [{ voterKey: v.key, choice }] }).then(withResult);
  };
  const everyone = (choice: VoteChoice) => {
    if (!editable || !voting) return;
    patchItem((i) => ({ ...i, votes: Object.fromEntries(voters.map((v) => [v.key, choice])) }));
    void fire('ag.vote', { itemId: item.id, all: choice }).then(withResult);
  };
  const undo = () => {
    if (editable && voting) void fire('ag.undo', { itemId: item.id }).then(withResult);
  };
  const start = (target: AgendaItem) => {
    void fire('ag.startVote', { itemId: target.id });
    onSelect(target.id);
  };
  const declare = async () => {
    await fire('ag.declare', { itemId: item.id });
    setConfirming(false);
  };

  const quiet = confirming || !editable;
  useHotkeys([['mod+Enter', () => !quiet && voting && setConfirming(true)]], []);
  useHotkeys([
    ['mod+Z', () => !quiet && undo()],
    ['shift+F', () => !quiet && everyone('for')],
    ['N', () => !quiet && declared && next && start(next)],
  ]);

  const resultCard = result ? (
    <Paper withBorder radius="md" p="lg" className={classes.resultCard}>
      <Stack gap="md">
        {declared ? <OutcomeBanner outcome={result.resolution.outcome} failedOnlyByAbsentees={result.resolution.failedOnlyByAbsentees} /> : null}
        <TallyBars figures={result.resolution} threshold={THRESHOLDS[item.majority]} />
        <Group gap="lg">
          <Text size="sm">{t('meeting.represented', { n: fmt.number(result.represented) })}</Text>
          <Text size="sm">{t('meeting.recorded', { n: fmt.number(result.votesRecorded) })}</Text>
          {voting ? (
            <Text size="sm" fw={600} c={result.resolution.outcome === 'adopted' ? 'teal.8' : 'red.8'}>
              <IconScale size={14} aria-hidden /> {t('meeting.liveOutcome', { outcome: t(`tally.outcomeLower.${result.resolution.outcome}`) })}
            </Text>
          ) : null}
        </Group>
        {result.capped.length ? (
          <Alert color="orange" variant="light" title={t('meeting.cappedTitle')}>
            {result.capped.map((c) => (
              <Text key={c.participant} size="sm">{t('meeting.capped', { name: nameOf(a, c.participant), shares: shares(c.shares), cappedTo: shares(c.cappedTo) })}</Text>
            ))}
          </Alert>
        ) : null}
        {voting && editable ? (
          <Button size="md" color="dark" fullWidth leftSection={<IconGavel size={18} aria-hidden />} onClick={() => setConfirming(true)}>
            {t('meeting.declare')}
            <Kbd ml="sm" size="xs">Ctrl ↵</Kbd>
          </Button>
        ) : null}
        {declared ? (
          <SimpleGrid cols={2}>
            <div>
              <Text size="sm" fw={600}>{t('meeting.namesAgainst')}</Text>
              <Text size="sm" c="dimmed">{result.against.length ? result.against.join(', ') : t('common.none')}</Text>
            </div>
            <div>
              <Text size="sm" fw={600}>{t('meeting.namesAbstained')}</Text>
              <Text size="sm" c="dimmed">{result.abstained.length ? result.abstained.join(', ') : t('common.none')}</Text>
            </div>
          </SimpleGrid>
        ) : null}
      </Stack>
    </Paper>
  ) : null;

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" px="lg" py="md">
        <Stack gap="xs">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={6} style={{ minWidth: 0 }}>
              <Text size="sm" c="dimmed" fw={600} tt="uppercase">{t('meeting.itemOf', { n: item.position, total: a.items.length })}</Text>
              <Title order={2} className={classes.itemTitle}>{item.title}</Title>
              {item.voted ? (
                <Group gap="xs" wrap="nowrap">
                  <MajorityBadge majority={item.majority} ruleKey={item.majorityRule} size="lg" />
                  {rule ? <Text size="sm" c="dimmed" lineClamp={1} style={{ flex: 1, minWidth: 0 }}>{rule.label}</Text> : null}
                </Group>
              ) : (
                <Badge color="gray" variant="light" tt="none" size="lg">{t('assemblies.agenda.information')}</Badge>
              )}
            </Stack>
            {voting ? <Badge color="teal" variant="dot" size="lg" tt="none" className={classes.live} style={{ flexShrink: 0, overflow: 'visible' }}>{t('meeting.voteOpen')}</Badge> : null}
          </Group>
          {item.text ? <Text size="sm" c="dimmed" lineClamp={3}>{item.text}</Text> : null}
        </Stack>
      </Paper>

      {!item.voted ? (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t('meeting.informationItem')}
        </Alert>
      ) : null}

      {item.voted && item.status === 'pending' ? (
        <Paper withBorder radius="md" p="lg">
          <Stack align="flex-start" gap="sm">
            <Text>{t('meeting.readyToVote', { n: voters.length })}</Text>
            {otherVoting ? <Text size="sm" c="orange.8">{t('meeting.otherVoting', { n: otherVoting.position })}</Text> : null}
            {editable ? (
              <Button size="lg" leftSection={<IconPlayerPlay size={20} aria-hidden />} onClick={() => start(item)} disabled={!!otherVoting} data-autofocus autoFocus>
                {t('meeting.startVote')}
              </Button>
            ) : null}
          </Stack>
        </Paper>
      ) : null}

      {item.voted && voting && editable && result ? (
        <div className={classes.voteGrid}>
          <Paper withBorder radius="md" p="md">
            <Stack gap="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Button color="teal" leftSection={<IconCheck size={18} aria-hidden />} onClick={() => everyone('for')}>{t('meeting.everyoneFor')}</Button>
                <Button variant="default" leftSection={<IconArrowBackUp size={18} aria-hidden />} onClick={undo}>{t('meeting.undo')}</Button>
              </Group>
              <VoterListbox
                placeholder={t('meeting.exceptionsHint')}
                voters={voters}
                label={t('meeting.votes')}
                emptyText={t('meeting.nobodyRepresented')}
                onKey={(v, key) => {
                  const choice = KEY_CHOICE[key];
                  if (!choice) return false;
                  vote(v, choice);
                  return true;
                }}
                renderStatus={(v) => {
                  const choice = item.votes[v.key];
                  return (
                    <Group gap={4} wrap="nowrap">
                      {(['for', 'against', 'abstain'] as const).map((c) => (
                        <Button
                          key={c}
                          size="compact-sm"
                          variant={choice === c ? 'filled' : 'subtle'}
                          color={CHOICE_COLOR[c]}
                          aria-pressed={choice === c}
                          aria-label={t('meeting.setVote', { name: v.name, choice: t(`tally.${c}`) })}
                          onClick={() => vote(v, c)}
                          className={classes.choice}
                        >
                          {t(`tally.${c}`)}
                        </Button>
                      ))}
                      {!choice ? <Text size="xs" c="dimmed" w={64} ta="center">{t('meeting.noVote')}</Text> : null}
                    </Group>
                  );
                }}
                hint={
                  <>
                    <Text size="xs" c="dimmed"><Kbd size="xs">F</Kbd> {t('tally.for')}</Text>
                    <Text size="xs" c="dimmed"><Kbd size="xs">C</Kbd> {t('tally.against')}</Text>
                    <Text size="xs" c="dimmed"><Kbd size="xs">A</Kbd> {t('tally.abstain')}</Text>
                    <Text size="xs" c="dimmed"><Kbd size="xs">⇧ F</Kbd> {t('meeting.everyoneFor')}</Text>
                    <Text size="xs" c="dimmed"><Kbd size="xs">Ctrl Z</Kbd> {t('meeting.undo')}</Text>
                    <Text size="xs" c="dimmed"><Kbd size="xs">Ctrl ↵</Kbd> {t('meeting.declare')}</Text>
                  </>
                }
              />
            </Stack>
          </Paper>
          {resultCard}
        </div>
      ) : item.voted && (voting || declared) ? (
        resultCard
      ) : null}

      {(declared || !item.voted) && editable ? (
        <Group justify="flex-end">
          {next ? (
            <Button size="lg" rightSection={<IconArrowRight size={20} aria-hidden />} onClick={() => start(next)} data-autofocus autoFocus>
              {t('meeting.nextItem', { n: next.position })} <Kbd ml="xs" size="xs">N</Kbd>
            </Button>
          ) : (
            <Text c="dimmed">{t('meeting.lastItemDone')}</Text>
          )}
        </Group>
      ) : null}

      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('meeting.declareTitle', { n: item.position })} centered>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void declare();
          }}
        >
          <Stack>
            {result ? (
              <>
                <Text>{t('meeting.declareSummary', { for: shares(result.resolution.for), against: shares(result.resolution.against), abstain: shares(result.resolution.abstain) })}</Text>
                <OutcomeBanner outcome={result.resolution.outcome} failedOnlyByAbsentees={result.resolution.failedOnlyByAbsentees} />
              </>
            ) : null}
            <Text size="sm" c="dimmed">{t('meeting.declareLocks')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
              <Button type="submit" color="dark" leftSection={<IconGavel size={18} aria-hidden />} data-autofocus>{t('meeting.declareConfirm')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
