import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileTypeCsv, IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReportKind } from '../../../src-shared/contract/reports.js';
import { call } from '../../api/client.js';
import { useErrorText } from '../../i18n/useErrorText.js';
import { saveFile } from './download.js';

/** Reports are printed in French or Dutch (what the AG reads); English and German users get French. */
const reportLanguage = (language: string): 'fr' | 'nl' => (language === 'nl' ? 'nl' : 'fr');

function useExport(buildingId: number, fiscalYearId: number) {
  const { i18n } = useTranslation();
  const { errorText } = useErrorText();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (kind: ReportKind, format: 'csv' | 'pdf') => {
    setBusy(`${kind}.${format}`);
    try {
      saveFile(await call('reports.export', { kind, format, language: reportLanguage(i18n.language), buildingId, fiscalYearId }));
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(e) });
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}

/** CSV (for the spreadsheet) and PDF (for the AG) of one report. */
export function ExportButtons({ kind, buildingId, fiscalYearId }: { kind: ReportKind; buildingId: number; fiscalYearId: number }) {
  const { t } = useTranslation();
  const { busy, run } = useExport(buildingId, fiscalYearId);
  return (
    <Button.Group>
      <Button variant="default" size="xs" leftSection={<IconFileTypeCsv size={16} aria-hidden />} loading={busy === `${kind}.csv`} onClick={() => void run(kind, 'csv')} aria-label={t('reports.exportAs', { report: t(`reports.kinds.${kind}`), format: 'CSV' })}>
        CSV
      </Button>
      <Button variant="default" size="xs" leftSection={<IconFileTypePdf size={16} aria-hidden />} loading={busy === `${kind}.pdf`} onClick={() => void run(kind, 'pdf')} aria-label={t('reports.exportAs', { report: t(`reports.kinds.${kind}`), format: 'PDF' })}>
        PDF
      </Button>
    </Button.Group>
  );
}

const MENU_KINDS = ['generalLedger', 'trialBalance', 'balanceSheet', 'incomeStatement'] as const;

/** Every report of the building-year, from the ledger's header. */
export function ExportMenu({ buildingId, fiscalYearId }: { buildingId: number; fiscalYearId: number }) {
  const { t } = useTranslation();
  const { busy, run } = useExport(buildingId, fiscalYearId);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={18} aria-hidden />} loading={busy !== null}>{t('reports.export')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {MENU_KINDS.map((kind, i) => (
          <div key={kind}>
            {i ? <Menu.Divider /> : null}
            <Menu.Label>{t(`reports.kinds.${kind}`)}</Menu.Label>
            <Menu.Item leftSection={<IconFileTypePdf size={16} aria-hidden />} onClick={() => void run(kind, 'pdf')}>{t('reports.asPdf', { report: t(`reports.kinds.${kind}`) })}</Menu.Item>
            <Menu.Item leftSection={<IconFileTypeCsv size={16} aria-hidden />} onClick={() => void run(kind, 'csv')}>{t('reports.asCsv', { report: t(`reports.kinds.${kind}`) })}</Menu.Item>
          </div>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
