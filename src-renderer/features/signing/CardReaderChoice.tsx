import { Alert, Button, Group, Loader, Radio, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CardInfo } from '../../../src-shared/contract/signing.js';
import { useErrorText } from '../../i18n/useErrorText.js';
import { useFormat } from '../../i18n/useFormat.js';
import { sameHolder } from './holder-name.js';

/** A card that can sign: a Belgian eID card with a readable, unexpired Signature certificate and a PIN not blocked. */
export const cardUsable = (c: CardInfo): boolean => c.eid && !c.pinBlocked && !c.expired && c.problem === null;

/** The card to sign with: the one chosen if it is still there and usable, else the first usable eID card. */
export function chosenCard(cards: readonly CardInfo[], chosen: string | null, expectedHolder?: string | null): CardInfo | null {
  return (
    cards.find((c) => c.slot === chosen && cardUsable(c)) ??
    // Several cards in the readers: the one of the person who signs this field first.
    (expectedHolder ? cards.find((c) => cardUsable(c) && c.holder !== null && sameHolder(c.holder, expectedHolder)) : undefined) ??
    cards.find(cardUsable) ??
    null
  );
}

/**
 * "Card reader": the readers holding a card (pv.cards), each as its holder and reader; a
 * token that is not an eID card is shown but marked, a blocked PIN or an expired certificate
 * is said in words, and none of them can be chosen. Empty: connect a reader (none seen) or
 * insert the card, then Refresh.
 */
export function CardReaderChoice({
  cards,
  readers = null,
  loading,
  error,
  value,
  onChange,
  onRefresh,
  disabled,
  name,
}: {
  cards: readonly CardInfo[] | undefined;
  /** How many readers the module sees (pv.cards): 0 says to connect one rather than to insert the card. */
  readers?: number | null;
  loading: boolean;
  error: unknown;
  value: string | null;
  onChange: (slot: string) => void;
  onRefresh: () => void;
  disabled: boolean;
  /** The name printed under the field, for the empty state. */
  name: string;
}) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const fmt = useFormat();

  const note = (c: CardInfo): string => {
    if (!c.eid) return t('signing.reader.notEid', { label: c.label });
    if (c.problem === 'no_certificate') return t('signing.reader.noCertificate');
    if (c.problem === 'unreadable') return t('signing.reader.unreadable');
    if (c.pinBlocked) return t('signing.reader.pinBlocked');
    if (c.expired) return t('signing.reader.expired', { date: fmt.date(c.notAfter ?? '') });
    return c.notAfter ? t('signing.reader.validUntil', { date: fmt.date(c.notAfter) }) : '';
  };

  const refresh = (
    <Button variant="default" size="xs" leftSection={<IconRefresh size={16} aria-hidden />} onClick={onRefresh} loading={loading} disabled={disabled}>
      {t('signing.reader.refresh')}
    </Button>
  );

  let body;
  if (error) {
    body = (
      <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('signing.reader.listFailed')}>
        <Text size="sm">{errorText(error)}</Text>
      </Alert>
    );
  } else if (!cards) {
    body = (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">{t('signing.reader.searching')}</Text>
      </Group>
    );
  } else if (cards.length === 0) {
    body = <Text size="sm">{readers === 0 ? t('signing.reader.noReader', { name }) : t('signing.reader.empty', { name })}</Text>;
  } else {
    body = (
      <Radio.Group value={value} onChange={onChange} label={t('signing.reader.title')}>
        <Stack gap="xs">
          {cards.map((c) => (
            <Radio
              key={c.slot}
              value={c.slot}
              disabled={disabled || !cardUsable(c)}
              label={`${c.eid ? (c.holder ?? t('signing.reader.unknownHolder')) : c.label} — ${c.reader || c.slot}`}
              description={note(c)}
            />
          ))}
        </Stack>
      </Radio.Group>
    );
  }

  // With cards listed, the radio group carries the title (it names the group for screen
  // readers) and Refresh follows the list; otherwise the title heads the state shown.
  const listed = !error && !!cards && cards.length > 0;
  return (
    <Stack gap={6}>
      {listed ? null : (
        <Group justify="space-between" align="center">
          <Text fw={500} size="sm">{t('signing.reader.title')}</Text>
          {refresh}
        </Group>
      )}
      {body}
      {listed ? <Group>{refresh}</Group> : null}
    </Stack>
  );
}
