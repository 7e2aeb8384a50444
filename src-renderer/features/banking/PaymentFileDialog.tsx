import { useState } from 'react';
import { Modal, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOpQuery } from '../../api/hooks.js';
import { PaymentFileForm } from './SepaFiles.js';

/** The SEPA payment file from the invoices screen: the building first (the inbox's filter when it has one). */
export function PaymentFileDialog({ opened, onClose, buildingId }: { opened: boolean; onClose: () => void; buildingId?: number }) {
  const { t } = useTranslation();
  const buildings = useOpQuery('buildings.list', {}, { enabled: opened });
  const [choice, setChoice] = useState<string | null>(null);
  const chosen = choice ?? (buildingId ? String(buildingId) : buildings.data?.[0] ? String(buildings.data[0].id) : null);
  return (
    <Modal opened={opened} onClose={onClose} title={t('bank.sepa.paymentsTitle')} size="xl">
      <Stack gap="md">
        <Text size="sm" c="dimmed">{t('bank.sepa.paymentsIntro')}</Text>
        <Select
          label={t('bank.building')}
          searchable
          allowDeselect={false}
          data={(buildings.data ?? []).map((b) => ({ value: String(b.id), label: b.name }))}
          value={chosen}
          onChange={setChoice}
          w={320}
        />
        {chosen ? <PaymentFileForm key={chosen} buildingId={Number(chosen)} /> : null}
      </Stack>
    </Modal>
  );
}
