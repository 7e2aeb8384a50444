import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A declared outcome as a badge: ADOPTÉE / REJETÉE (AANGENOMEN / VERWORPEN). */
export function OutcomeBadge({ outcome }: { outcome: 'adopted' | 'rejected' | 'not_deliberated' }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={outcome === 'adopted' ? 'teal' : 'red'} tt="none">
      {t(`tally.outcome.${outcome}`)}
    </Badge>
  );
}
