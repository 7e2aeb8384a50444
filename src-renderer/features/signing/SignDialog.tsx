import { useState } from 'react';
import { Accordion, Alert, Button, Group, Loader, Modal, PasswordInput, Progress, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconId, IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SignatureFieldStatus } from '../../../src-shared/contract/signing.js';
import { isApiError } from '../../api/ApiError.js';
import { useOpMutation, useOpQuery } from '../../api/hooks.js';
import { useOperationProgress, type Progress as SigningProgress } from '../../api/progress.js';
import { useErrorText } from '../../i18n/useErrorText.js';
import { CardReaderChoice, chosenCard } from './CardReaderChoice.js';
import { sameHolder } from './holder-name.js';
import { useFieldLabel } from './signature-fields.js';

/** A card error in words a person can act on; a wrong PIN says how many tries are left. */
export function useSigningErrorText() {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  return (e: unknown): string => {
    if (isApiError(e) && e.rule === 'signing_wrong_pin') {
      const left = e.details?.triesLeft;
      if (left === 1) return t('signing.wrongPin.last');
      if (left === 'few') return t('signing.wrongPin.few');
      if (typeof left === 'number') return t('signing.wrongPin.count', { n: left });
      return t('signing.wrongPin.unknown');
    }
    return errorText(e);
  };
}

/**
 * Signing one field with an eID card. With a real card KoproGo never sees the PIN: the eID
 * middleware asks for it, on a pin-pad reader or in its own window, so the screen says to
 * look at the reader. A PIN typed here is only for test tokens (SoftHSM), which take it at
 * login; it is sent once and not kept.
 */
export function SignDialog({ assemblyId, field, onClose }: { assemblyId: number; field: SignatureFieldStatus | null; onClose: () => void }) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const [busy, setBusy] = useState(false);
  const title = field ? t('signing.dialogTitle', { who: label(field) }) : '';
  return (
    <Modal opened={!!field} onClose={() => !busy && onClose()} title={title} size="lg" closeOnClickOutside={!busy} closeOnEscape={!busy} withCloseButton={!busy}>
      {field ? <SignForm key={field.name} assemblyId={assemblyId} field={field} title={title} onBusy={setBusy} onClose={onClose} /> : null}
    </Modal>
  );
}

function SignForm({ assemblyId, field, title, onBusy, onClose }: { assemblyId: number; field: SignatureFieldStatus; title: string; onBusy: (busy: boolean) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useSigningErrorText();
  const sign = useOpMutation('pv.sign');
  const [pin, setPin] = useState('');
  const [module, setModule] = useState('');
  // The module the list was read with: the typed one applies on Refresh (each listing starts a signing process).
  const [cardsModule, setCardsModule] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const { progress, start } = useOperationProgress('pv.sign');
  // Read again each time the dialog opens (another person, another card); never behind the card's back while it signs.
  const cards = useOpQuery('pv.cards', cardsModule ? { module: cardsModule } : {}, { retry: false, refetchOnWindowFocus: false });
  const card = chosenCard(cards.data?.cards ?? [], chosen, field.label);
  const mismatch = card?.holder && field.label && !sameHolder(card.holder, field.label) ? { holder: card.holder, name: field.label } : null;
  const refresh = () => {
    const m = module.trim();
    if (m !== cardsModule) setCardsModule(m);
    else void cards.refetch();
  };

  const submit = () => {
    if (sign.isPending) return;
    onBusy(true);
    sign.mutate(
      { assemblyId, field: field.name, ...(pin ? { pin } : {}), ...(card ? { slot: card.slot } : {}), ...(module.trim() ? { module: module.trim() } : {}), progressToken: start() },
      {
        onSuccess: (r) => {
          notifications.show({ color: 'teal', message: t('signing.done', { name: r.signer }) });
          onClose();
        },
        // The PIN is not kept, whatever happened.
        onSettled: () => {
          setPin('');
          onBusy(false);
        },
      },
    );
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      aria-label={title}
    >
      <Stack>
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconId size={32} stroke={1.4} aria-hidden />
          <Text size="sm">{t('signing.insertCard', { name: field.label ?? '' })}</Text>
        </Group>
        <CardReaderChoice
          cards={cards.data?.cards}
          readers={cards.data?.readers ?? null}
          loading={cards.isFetching}
          error={cards.error}
          value={card?.slot ?? null}
          onChange={setChosen}
          onRefresh={refresh}
          disabled={sign.isPending}
          name={field.label ?? ''}
        />
        {mismatch ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('signing.reader.mismatchTitle')} role="alert">
            {t('signing.reader.mismatch', mismatch)}
          </Alert>
        ) : null}
        {sign.isPending ? <SigningSteps progress={progress} testPin={pin !== ''} /> : null}
        {sign.error ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('signing.failed')} role="alert">
            {errorText(sign.error)}
          </Alert>
        ) : null}
        <Accordion variant="separated" chevronPosition="left">
          <Accordion.Item value="test">
            <Accordion.Control>{t('signing.testToken')}</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                <PasswordInput label={t('signing.pin')} description={t('signing.pinHint')} value={pin} onChange={(e) => setPin(e.currentTarget.value)} autoComplete="off" maxLength={32} />
                <TextInput label={t('signing.module')} description={t('signing.moduleHint')} value={module} onChange={(e) => setModule(e.currentTarget.value)} maxLength={1000} />
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={sign.isPending}>{t('common.cancel')}</Button>
          <Button type="submit" leftSection={<IconSignature size={18} aria-hidden />} loading={sign.isPending} data-autofocus>{t('signing.signNow')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Where the signature is, from pv.sign's `progress` events: opening the card, the PIN
 * (a real card's middleware asks for it: look at the reader), saving the signed minutes.
 * Before the first event, or if events do not reach this window, what the card will do.
 */
function SigningSteps({ progress, testPin }: { progress: SigningProgress | null; testPin: boolean }) {
  const { t } = useTranslation();
  const stage = progress?.label ?? (testPin ? 'card' : 'pin');
  const [title, text] =
    stage === 'saving'
      ? [t('signing.stage.saving'), t('signing.stage.savingText')]
      : stage === 'pin'
        ? [t('signing.lookAtReader'), t('signing.lookAtReaderText')]
        : testPin
          ? [t('signing.working'), t('signing.workingText')]
          : [t('signing.stage.card'), t('signing.stage.cardText')];
  const value = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Alert color="blue" variant="light" icon={<Loader size="sm" />} title={title} role="status">
      <Stack gap={8}>
        <Text size="sm">{text}</Text>
        <Progress value={value} size="sm" radius="xl" striped animated aria-label={title} transitionDuration={200} />
      </Stack>
    </Alert>
  );
}
