import { Anchor, Badge, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconEdit, IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BuildingDetail } from '../../../src-shared/contract/portfolio.js';
import { formatBce } from '../../../src-shared/values/bce.js';
import { formatIban } from '../../../src-shared/values/iban.js';
import { useFormat } from '../../i18n/useFormat.js';

/** Name, address, BCE/KBO and bank accounts of the ACP / VME. */
export function BuildingHeader({ building, canWrite, onEdit, onImport }: { building: BuildingDetail; canWrite: boolean; onEdit: () => void; onImport: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const a = building.address;
  return (
    <Stack gap="sm">
      <Anchor href="#/buildings" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('building.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">{building.name}</Title>
          <Text c="dimmed">{a.street}, {a.postalCode} {a.city}{a.country !== 'BE' ? ` (${a.country})` : ''}</Text>
        </div>
        {canWrite ? (
          <Group gap="xs">
            <Button variant="default" leftSection={<IconFileImport size={18} aria-hidden />} onClick={onImport}>{t('building.import')}</Button>
            <Button variant="default" leftSection={<IconEdit size={18} aria-hidden />} onClick={onEdit}>{t('building.edit')}</Button>
          </Group>
        ) : null}
      </Group>
      <Card withBorder radius="md" padding="md">
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t('building.bce')}</Text>
            <Text size="sm" ff="monospace">{building.bce ? formatBce(building.bce) : t('common.none')}</Text>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t('building.totalShares')}</Text>
            <Text size="sm">{fmt.number(building.totalShares)}</Text>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t('building.bankAccounts')}</Text>
            {building.bankAccounts.length === 0 ? <Text size="sm">{t('common.none')}</Text> : null}
            <Stack gap={4}>
              {building.bankAccounts.map((acc) => (
                <Group key={acc.id} gap="xs" wrap="nowrap">
                  <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>{formatIban(acc.iban)}</Text>
                  <Badge size="sm" variant="light" tt="none" style={{ flexShrink: 0 }} color={acc.purpose === 'reserve' ? 'grape' : acc.purpose === 'working' ? 'blue' : 'gray'}>{t(`purposes.${acc.purpose}`)}</Badge>
                  {acc.label ? <Text size="xs" c="dimmed" truncate>{acc.label}</Text> : null}
                </Group>
              ))}
            </Stack>
          </Grid.Col>
        </Grid>
      </Card>
    </Stack>
  );
}
