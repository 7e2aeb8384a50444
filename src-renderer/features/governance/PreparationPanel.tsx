import { Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssemblyDetail } from '../../../src-shared/contract/governance.js';
import { useFormat } from '../../i18n/useFormat.js';
import { AgendaEditor } from './AgendaEditor.js';
import { ChecksPanel } from './ChecksPanel.js';

/** Preparing the meeting: the agenda with its majorities, and what the checks still find. */
export function PreparationPanel({ assembly: a, canWrite }: { assembly: AssemblyDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const editable = canWrite && !a.archived && (a.status === 'draft' || a.status === 'convened');
  const owners = a.voters.length;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Paper withBorder radius="md" p="md">
          <AgendaEditor assemblyId={a.id} items={a.items} editable={editable} />
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="md">
          <Paper withBorder radius="md" p="md">
            <Stack gap="sm">
              <Title order={2} size="h4">{t('assemblies.checks.title')}</Title>
              <ChecksPanel checks={a.checks} />
            </Stack>
          </Paper>
          <Paper withBorder radius="md" p="md">
            <Stack gap={4}>
              <Title order={2} size="h4">{t('assemblies.voters.title')}</Title>
              <Text size="sm">{t('assemblies.voters.summary', { owners: fmt.number(owners), shares: fmt.number(a.totalShares) })}</Text>
              <Text size="xs" c="dimmed">{t('assemblies.voters.hint')}</Text>
              {a.convocationDate ? <Text size="sm">{t('assemblies.convocationDateIs', { date: fmt.date(a.convocationDate) })}</Text> : null}
            </Stack>
          </Paper>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
