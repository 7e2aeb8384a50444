import { Badge, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssemblyDetail } from '../../../src-shared/contract/governance.js';
import { useFormat } from '../../i18n/useFormat.js';

type Quorum = AssemblyDetail['quorum'];

/** What is still missing for the quorum of a first session (art. 3.87 §5), in owners and quote-parts. */
export function quorumGap(q: Quorum): { owners: number; sharesHalf: number; sharesThreeQuarters: number } {
  const ownersNeeded = Math.floor(q.owners.total / 2) + 1;
  const half = Math.ceil(q.shares.total / 2);
  const threeQuarters = Math.floor((3 * q.shares.total) / 4) + 1;
  return {
    owners: Math.max(0, ownersNeeded - q.owners.represented),
    sharesHalf: Math.max(0, half - q.shares.represented),
    sharesThreeQuarters: Math.max(0, threeQuarters - q.shares.represented),
  };
}

/**
 * The quorum, live until the opening and frozen by it (art. 3.87 §5): more than half of the
 * owners present or represented holding at least half of the quote-parts, or more than three
 * quarters of the quote-parts; a second session deliberates whatever the attendance.
 */
export function QuorumPanel({ quorum: q, session, frozen, compact = false }: { quorum: Quorum; session: 'first' | 'second'; frozen: boolean; compact?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const gap = quorumGap(q);
  const ownersPct = q.owners.total ? (q.owners.represented / q.owners.total) * 100 : 0;
  const sharesPct = q.shares.total ? (q.shares.represented / q.shares.total) * 100 : 0;
  return (
    <Stack gap={compact ? 6 : 'xs'} role="region" aria-label={t('quorum.title')}>
      <Group justify="space-between" wrap="nowrap">
        <Title order={2} size="h5">{t('quorum.title')}</Title>
        <Badge color={q.reached ? 'teal' : 'orange'} variant={q.reached ? 'filled' : 'light'} tt="none" size="lg">
          {q.reached ? t('quorum.reached') : t('quorum.notReached')}
        </Badge>
      </Group>
      <div>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">{compact ? t('quorum.ownersShort') : t('quorum.owners')}</Text>
          <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>{t('quorum.ofTotal', { n: fmt.number(q.owners.represented), total: fmt.number(q.owners.total) })}</Text>
        </Group>
        <Progress value={ownersPct} color={2 * q.owners.represented > q.owners.total ? 'teal' : 'orange'} size="md" aria-label={t('quorum.owners')} />
      </div>
      <div>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">{compact ? t('quorum.sharesShort') : t('quorum.shares')}</Text>
          <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>{t('quorum.ofTotal', { n: fmt.number(q.shares.represented), total: fmt.number(q.shares.total) })}</Text>
        </Group>
        <Progress value={sharesPct} color={2 * q.shares.represented >= q.shares.total ? 'teal' : 'orange'} size="md" aria-label={t('quorum.shares')} />
      </div>
      <Text size="sm" c={q.reached ? undefined : 'orange.8'}>
        {session === 'second' || q.rule === 'secondSession'
          ? t('quorum.rule.secondSession')
          : q.reached
            ? t(`quorum.rule.${q.rule === 'threeQuarters' ? 'threeQuarters' : 'double'}`)
            : t(gap.owners > 0 && gap.sharesHalf > 0 ? 'quorum.missingBoth' : gap.owners > 0 ? 'quorum.missingOwners' : 'quorum.missingShares', { owners: fmt.number(gap.owners), shares: fmt.number(gap.sharesHalf), sharesAlone: fmt.number(gap.sharesThreeQuarters) })}
      </Text>
      {!compact ? <Text size="xs" c="dimmed">{frozen ? t('quorum.frozen') : t('quorum.live')}</Text> : null}
    </Stack>
  );
}
