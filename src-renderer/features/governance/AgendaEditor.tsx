import { useState } from 'react';
import { ActionIcon, Badge, Button, EmptyState, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconListNumbers, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useOpMutation } from '../../api/hooks.js';
import { useErrorText } from '../../i18n/useErrorText.js';
import { AgendaItemForm } from './AgendaItemForm.js';
import { MajorityBadge } from './MajorityBadge.js';
import type { AgendaItem } from './meeting.js';
import classes from './Governance.module.css';

/**
 * The agenda (ordre du jour / agenda): items in order, each with the majority it needs and
 * its article. Until the meeting opens they can be added, changed, moved and removed.
 */
export function AgendaEditor({ assemblyId, items, editable }: { assemblyId: number; items: AgendaItem[]; editable: boolean }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const [form, setForm] = useState<{ item?: AgendaItem } | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const move = useOpMutation('ag.moveItem');
  const remove = useOpMutation('ag.removeItem');
  const openForm = (item?: AgendaItem) => {
    setForm({ item });
    setFormOpen(true);
  };
  const onError = (e: unknown) => notifications.show({ color: 'red', message: errorText(e) });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4">{t('assemblies.agenda.title')}</Title>
        {editable ? <Button size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => openForm()}>{t('assemblies.agenda.add')}</Button> : null}
      </Group>
      {items.length === 0 ? (
        <EmptyState icon={<IconListNumbers aria-hidden />} variant="light" title={t('assemblies.agenda.empty')} description={t('assemblies.agenda.emptyText')} py="lg" />
      ) : (
        <Stack gap="xs" component="ol" className={classes.agenda} aria-label={t('assemblies.agenda.title')}>
          {items.map((item, i) => (
            <Paper key={item.id} component="li" withBorder radius="md" p="sm" className={classes.agendaItem}>
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Text fw={700} c="dimmed" w={28} ta="right" aria-hidden>{item.position}.</Text>
                <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                  <Text fw={600}>{item.title}</Text>
                  {item.text ? <Text size="sm" c="dimmed" lineClamp={2}>{item.text}</Text> : null}
                  <Group gap={6}>
                    {item.voted ? <MajorityBadge majority={item.majority} ruleKey={item.majorityRule} /> : <Badge color="gray" variant="light" tt="none">{t('assemblies.agenda.information')}</Badge>}
                  </Group>
                </Stack>
                {editable ? (
                  <Group gap={2} wrap="nowrap">
                    <Tooltip label={t('assemblies.agenda.up')}>
                      <ActionIcon variant="subtle" color="gray" aria-label={t('assemblies.agenda.upItem', { title: item.title })} disabled={i === 0 || move.isPending} onClick={() => move.mutate({ id: item.id, position: item.position - 1 }, { onError })}>
                        <IconArrowUp size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('assemblies.agenda.down')}>
                      <ActionIcon variant="subtle" color="gray" aria-label={t('assemblies.agenda.downItem', { title: item.title })} disabled={i === items.length - 1 || move.isPending} onClick={() => move.mutate({ id: item.id, position: item.position + 1 }, { onError })}>
                        <IconArrowDown size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('assemblies.agenda.edit')}>
                      <ActionIcon variant="subtle" color="gray" aria-label={t('assemblies.agenda.editItem', { title: item.title })} onClick={() => openForm(item)}>
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('assemblies.agenda.remove')}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('assemblies.agenda.removeItem', { title: item.title })}
                        disabled={remove.isPending}
                        onClick={() => {
                          if (window.confirm(t('assemblies.agenda.removeConfirm', { title: item.title }))) remove.mutate({ id: item.id }, { onError });
                        }}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                ) : null}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {editable ? <AgendaItemForm opened={formOpen} onClose={() => setFormOpen(false)} assemblyId={assemblyId} item={form?.item} /> : null}
    </Stack>
  );
}
