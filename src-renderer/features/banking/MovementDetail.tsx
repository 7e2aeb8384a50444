import type { ReactNode } from 'react';
import { Alert, Anchor, Badge, Button, Group, Kbd, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconHandFinger, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../src-shared/contract/index.js';
import type { MovementRow } from '../../../src-shared/contract/banking.js';
import { formatIban } from '../../../src-shared/values/iban.js';
import { routeHref } from '../../app/router.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFormat } from '../../i18n/useFormat.js';
import { useMoney } from '../finance/useMoney.js';
import { ConfidenceMeter } from './ConfidenceMeter.js';
import { formatOgm, ledgerRoute, ownerAccount, SUSPENSE_ACCOUNT } from './format.js';
import { movementTitle } from './MovementList.js';
import { useMatchText, type Candidate } from './reasons.js';
import classes from './Bank.module.css';

type Detail = OpOutput<'bank.movement'>;
type Suggestions = OpOutput<'bank.suggestions'>;

/**
 * The focused movement: what the bank says (date, amount, payer, account, communication),
 * what it is matched to (with the history of un-matched allocations), and the suggestions
 * with their confidence and reason. The best one is accepted with A (or Enter).
 */
export function MovementDetail({ movement, detail, suggestions, suggestionsPending, suggestionsError, canWrite, busy, onAccept, onManual, onUnmatch }: {
  movement: MovementRow;
  detail: Detail | undefined;
  suggestions: Suggestions | undefined;
  suggestionsPending: boolean;
  suggestionsError: unknown;
  canWrite: boolean;
  busy: boolean;
  onAccept: (c: Candidate) => void;
  onManual: () => void;
  onUnmatch: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { money } = useMoney();
  const text = useMatchText();
  const m = movement;
  const left = Math.abs(m.amountCents) - m.allocatedCents;
  const allocations = detail?.allocations ?? [];
  const active = allocations.filter((a) => a.reversedAt === null);
  const reversed = allocations.filter((a) => a.reversedAt !== null);
  const candidates = suggestions?.candidates ?? [];
  const threshold = suggestions?.threshold ?? 85;
  const title = movementTitle(m, t('bank.movement.noName'));

  /** One link per owner of the allocations: its account 4101 in the ledger (where what it owes and pays meet). */
  const ownerLinks = (list: readonly { ownerId: number | null; label: string }[]) => {
    const owners = new Map<number, string>();
    for (const a of list) if (a.ownerId !== null && !owners.has(a.ownerId)) owners.set(a.ownerId, a.label.split(' — ')[0] ?? a.label);
    return [...owners].map(([ownerId, name]) => (
      <Anchor key={ownerId} href={routeHref(ledgerRoute(m.buildingId, ownerAccount(ownerId)))} size="xs">{t('bank.detail.ownerAccount', { account: ownerAccount(ownerId), name })}</Anchor>
    ));
  };

  return (
    <Paper withBorder radius="md" p="lg" className={classes.detail} component="section" aria-label={t('bank.detail.label', { name: title })}>
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>{title}</Title>
            <Text size="sm" c="dimmed">{t('bank.detail.subtitle', { date: fmt.date(m.date), building: m.buildingName })}</Text>
          </div>
          <Stack gap={4} align="flex-end">
            <Text size="xl" fw={700} className={`${classes.amount} ${m.amountCents < 0 ? classes.out : classes.in}`}>{money(m.amountCents)}</Text>
            <Badge variant="light" color={m.status === 'matched' ? 'teal' : m.status === 'partial' ? 'yellow' : 'gray'} tt="none">{t(`bank.status.${m.status}`)}</Badge>
          </Stack>
        </Group>

        <dl className={classes.facts}>
          <Fact label={t('bank.detail.direction')}>{m.amountCents < 0 ? t('bank.detail.out') : t('bank.detail.in')}</Fact>
          <Fact label={t('bank.detail.counterpartyAccount')}>{m.counterpartyAccount ? <span className={classes.mono}>{formatIban(m.counterpartyAccount)}</span> : '—'}</Fact>
          <Fact label={t('bank.detail.structured')}>{m.structuredReference ? <span className={classes.mono}>{formatOgm(m.structuredReference)}</span> : '—'}</Fact>
          <Fact label={t('bank.detail.communication')}>{m.communication || '—'}</Fact>
          <Fact label={t('bank.detail.account')}><span className={classes.mono}>{formatIban(m.account)}</span>{` · ${m.buildingName}`}</Fact>
          <Fact label={t('bank.detail.bankReference')}>{m.bankReference ? <span className={classes.mono}>{m.bankReference}</span> : '—'}</Fact>
          {m.allocatedCents > 0 ? <Fact label={t('bank.detail.left')}>{t('bank.detail.leftValue', { left: money(left), matched: money(m.allocatedCents) })}</Fact> : null}
        </dl>

        {active.length > 0 ? (
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={3} size="h5">{t('bank.detail.matchedTo')}</Title>
              {canWrite ? (
                <Button size="xs" variant="light" color="red" leftSection={<IconArrowBackUp size={14} aria-hidden />} onClick={onUnmatch} disabled={busy} aria-keyshortcuts="U">
                  {t('bank.actions.unmatch')} <Kbd size="xs" ml={6} aria-hidden>U</Kbd>
                </Button>
              ) : null}
            </Group>
            {active.map((a) => (
              <Group key={a.id} justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm">{text.allocationLabel(a)}</Text>
                  <Text size="xs" c="dimmed">{t('bank.detail.how', { rule: text.rule(a.rule), when: fmt.dateTime(a.createdAt) })}{a.confidence !== null ? ` · ${a.confidence} %` : ''}</Text>
                </Stack>
                <Text size="sm" fw={600} className={classes.amount}>{money(a.amountCents)}</Text>
              </Group>
            ))}
            {ownerLinks(active)}
          </Stack>
        ) : null}

        {m.status !== 'matched' ? (
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={3} size="h5">{t('bank.suggestion.title')}</Title>
              {canWrite ? (
                <Button size="xs" variant="default" leftSection={<IconHandFinger size={14} aria-hidden />} onClick={onManual} disabled={busy} aria-keyshortcuts="M">
                  {t('bank.actions.manual')} <Kbd size="xs" ml={6} aria-hidden>M</Kbd>
                </Button>
              ) : null}
            </Group>
            {suggestionsError ? <ErrorAlert error={suggestionsError} /> : null}
            {suggestionsPending ? <Skeleton h={96} radius="md" /> : null}
            {!suggestionsPending && !suggestionsError && candidates.length === 0 ? (
              <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />}>{t('bank.suggestion.none')}</Alert>
            ) : null}
            {candidates.map((c, i) => (
              <Paper key={i} withBorder radius="md" p="sm" className={classes.suggestion} data-best={i === 0 || undefined} component="article" aria-label={t('bank.suggestion.label', { n: i + 1, confidence: c.confidence })}>
                <Stack gap={6}>
                  <Group justify="space-between" wrap="nowrap" gap="sm">
                    <Badge variant="light" tt="none" color={i === 0 ? undefined : 'gray'}>{text.rule(c.rule)}</Badge>
                    <div style={{ flex: 1, maxWidth: 260 }}>
                      <ConfidenceMeter value={c.confidence} threshold={threshold} />
                    </div>
                  </Group>
                  <Text size="sm">{text.reason(c, m)}</Text>
                  {c.allocations.map((a, j) => (
                    <Group key={j} justify="space-between" wrap="nowrap" gap="sm">
                      <Text size="sm" fw={500} style={{ minWidth: 0 }}>{text.allocationLabel(a)}</Text>
                      <Text size="sm" fw={600} className={classes.amount}>{money(a.amountCents)}</Text>
                    </Group>
                  ))}
                  <Group justify="space-between" align="flex-end" wrap="nowrap">
                    <Stack gap={0}>{ownerLinks(c.allocations)}</Stack>
                    {canWrite ? (
                      <Button size="xs" variant={i === 0 ? 'filled' : 'light'} leftSection={<IconCheck size={14} aria-hidden />} onClick={() => onAccept(c)} loading={busy} aria-keyshortcuts={i === 0 ? 'A' : String(i + 1)}>
                        {t('bank.actions.accept')} <Kbd size="xs" ml={6} aria-hidden>{i === 0 ? 'A' : String(i + 1)}</Kbd>
                      </Button>
                    ) : null}
                  </Group>
                </Stack>
              </Paper>
            ))}
          </Stack>
        ) : null}

        {reversed.length > 0 ? (
          <Stack gap={4}>
            <Title order={3} size="h6" c="dimmed">{t('bank.detail.history')}</Title>
            {reversed.map((a) => (
              <Group key={a.id} justify="space-between" wrap="nowrap">
                <Text size="xs" c="dimmed" className={classes.reversed}>{text.allocationLabel(a)}</Text>
                <Text size="xs" c="dimmed">{t('bank.detail.reversedOn', { amount: money(a.amountCents), when: fmt.dateTime(a.reversedAt ?? '') })}</Text>
              </Group>
            ))}
          </Stack>
        ) : null}

        <Text size="xs" c="dimmed">
          {t('bank.detail.suspenseHint')}{' '}
          <Anchor href={routeHref(ledgerRoute(m.buildingId, SUSPENSE_ACCOUNT))} size="xs">{t('bank.detail.suspenseLink', { building: m.buildingName })}</Anchor>
        </Text>
      </Stack>
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
