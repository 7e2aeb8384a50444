import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceStatusName } from '../../../src-shared/contract/invoices.js';

const COLORS: Record<InvoiceStatusName, string> = { draft: 'gray', pending_approval: 'orange', approved: 'teal', rejected: 'red', paid: 'blue' };

export function InvoiceStatusBadge({ status, ...rest }: { status: InvoiceStatusName } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]} tt="none" {...rest}>
      {t(`invoices.status.${status}`)}
    </Badge>
  );
}
