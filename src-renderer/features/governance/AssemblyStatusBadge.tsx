import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ASSEMBLY_STATUSES } from '../../../src-shared/contract/governance.js';

const COLORS: Record<(typeof ASSEMBLY_STATUSES)[number], string> = { draft: 'gray', convened: 'blue', open: 'teal', closed: 'dark', failed: 'orange' };

/** Where a general assembly stands: draft, convened, in session, closed, quorum failed (and archived once signed). */
export function AssemblyStatusBadge({ status, archived = false }: { status: (typeof ASSEMBLY_STATUSES)[number]; archived?: boolean }) {
  const { t } = useTranslation();
  if (archived) return <Badge color="grape" variant="light" tt="none">{t('assemblies.status.archived')}</Badge>;
  return (
    <Badge color={COLORS[status]} variant={status === 'open' ? 'filled' : 'light'} tt="none">
      {t(`assemblies.status.${status}`)}
    </Badge>
  );
}
