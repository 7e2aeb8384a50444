import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useOpMutation, useOpQuery } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { QueryState } from '../../components/QueryState.js';
import { useFormat } from '../../i18n/useFormat.js';

/** Where the data lives, its schema version and its backups; "Back up now" for admins. */
export function DatabasePanel() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const status = useOpQuery('db.status', {});
  const backup = useOpMutation('db.backup', {
    onSuccess: (r) => {
      notifications.show({ color: 'teal', message: t('settings.database.backupDone', { file: r.file.split(/[\\/]/).pop() ?? r.file }) });
    },
  });
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">{t('settings.database.title')}</Title>
          <Button leftSection={<IconDatabaseExport size={18} aria-hidden />} loading={backup.isPending} onClick={() => backup.mutate({})} disabled={status.data?.driver === 'postgresql'}>
            {t('settings.database.backupNow')}
          </Button>
        </Group>
        {backup.error ? <ErrorAlert error={backup.error} /> : null}
        <QueryState isPending={status.isPending} error={status.error} onRetry={() => void status.refetch()}>
          {() => {
            const s = status.data!;
            const last = s.migrations[s.migrations.length - 1];
            return (
              <Stack gap="md">
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <div>
                    <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t('settings.database.driver')}</Text>
                    <Text size="sm">{s.driver === 'sqlite' ? t('settings.database.sqlite') : t('settings.database.postgresql')}</Text>
                  </div>
                  <div>
                    <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t('settings.database.location')}</Text>
                    <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>{s.location}</Text>
                  </div>
                  <div>
                    <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t('settings.database.schema')}</Text>
                    <Text size="sm">{t('settings.database.migrations', { n: s.migrations.length, last: last ?? '—' })}</Text>
                  </div>
                </SimpleGrid>
                <div>
                  <Title order={3} size="h5" mb="xs">{t('settings.database.backups')}</Title>
                  {s.backups.length === 0 ? (
                    <Text size="sm" c="dimmed">{t('settings.database.noBackups')}</Text>
                  ) : (
                    <Table striped withTableBorder fz="sm">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('settings.database.file')}</Table.Th>
                          <Table.Th>{t('settings.database.at')}</Table.Th>
                          <Table.Th style={{ textAlign: 'right' }}>{t('settings.database.size')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {s.backups.map((b) => (
                          <Table.Tr key={b.file}>
                            <Table.Td ff="monospace">{b.file.split(/[\\/]/).pop()}</Table.Td>
                            <Table.Td>{fmt.dateTime(b.at)}</Table.Td>
                            <Table.Td style={{ textAlign: 'right' }}>{fmt.fileSize(b.size)}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  )}
                </div>
              </Stack>
            );
          }}
        </QueryState>
      </Stack>
    </Paper>
  );
}
