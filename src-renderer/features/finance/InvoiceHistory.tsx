import { Text, ThemeIcon, Timeline } from '@mantine/core';
import { IconCheck, IconCash, IconEdit, IconFilePlus, IconSend, IconArrowBackUp, IconX, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { InvoiceDetail } from '../../../src-shared/contract/invoices.js';
import { useUser } from '../../app/AuthProvider.js';
import { useFormat } from '../../i18n/useFormat.js';

const ICONS: Record<string, { icon: typeof IconCheck; color: string }> = {
  created: { icon: IconFilePlus, color: 'gray' },
  submitted: { icon: IconSend, color: 'orange' },
  approved: { icon: IconCheck, color: 'teal' },
  co_approved: { icon: IconUsersGroup, color: 'teal' },
  rejected: { icon: IconX, color: 'red' },
  returned_to_draft: { icon: IconArrowBackUp, color: 'gray' },
  edited: { icon: IconEdit, color: 'gray' },
  paid: { icon: IconCash, color: 'blue' },
};
const KNOWN_ACTIONS = Object.keys(ICONS);

/**
 * Who did what to the invoice, and when. The history names people as `user:<id>` (the audit
 * trail keeps no names); the approvals and the signed-in user give the names we know.
 */
export function InvoiceHistory({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useUser();
  const names = new Map(invoice.approvals.map((a) => [`user:${a.userId}`, a.name]));
  names.set(`user:${me.id}`, me.displayName);
  const actorName = (actor: string) => names.get(actor) ?? (actor === 'cli' ? t('invoices.history.cli') : t('invoices.history.someone', { id: actor.replace(/^user:/, '') }));

  return (
    <Timeline bulletSize={22} lineWidth={2} active={invoice.history.length - 1} aria-label={t('invoices.history.title')}>
      {invoice.history.map((h, i) => {
        const { icon: Icon, color } = ICONS[h.action] ?? ICONS.edited!;
        const waiting = h.action === 'approved' && h.toStatus === 'pending_approval';
        return (
          <Timeline.Item
            key={i}
            bullet={<ThemeIcon size={22} radius="xl" color={color} variant="light"><Icon size={13} aria-hidden /></ThemeIcon>}
            title={<Text size="sm" fw={600}>{KNOWN_ACTIONS.includes(h.action) ? t(`invoices.history.actions.${h.action as 'created'}`) : h.action}{waiting ? ` · ${t('invoices.history.waitingOther')}` : ''}</Text>}
          >
            <Text size="xs" c="dimmed">{t('invoices.history.byAt', { who: actorName(h.actor), at: fmt.dateTime(h.at) })}</Text>
            {h.note && h.action === 'rejected' ? <Text size="sm" mt={2}>{t('invoices.history.reason', { reason: h.note })}</Text> : null}
            {h.note && h.action === 'paid' ? <Text size="xs" mt={2}>{t('invoices.history.paidOn', { date: fmt.date(h.note) })}</Text> : null}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
