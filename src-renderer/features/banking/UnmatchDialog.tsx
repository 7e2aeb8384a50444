import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MovementRow } from '../../../src-shared/contract/banking.js';
import { useMoney } from '../finance/useMoney.js';
import { movementTitle } from './MovementList.js';

/**
 * Un-matching is asked once: the match entries are reversed (the history stays), the
 * amount goes back to the suspense account 499 and what it paid is open again. Enter
 * confirms (the confirm button has the focus), Escape keeps the match.
 */
export function UnmatchDialog({ movement, opened, busy, onClose, onConfirm }: { movement: MovementRow | null; opened: boolean; busy: boolean; onClose: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  const { money } = useMoney();
  const title = t('bank.unmatch.title');
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        {movement ? <Text size="sm" fw={600}>{t('bank.unmatch.what', { name: movementTitle(movement, t('bank.movement.noName')), amount: money(movement.amountCents) })}</Text> : null}
        <Text size="sm">{t('bank.unmatch.text')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('bank.unmatch.keep')}</Button>
          <Button color="red" onClick={onConfirm} loading={busy} data-autofocus>{t('bank.unmatch.confirm')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
