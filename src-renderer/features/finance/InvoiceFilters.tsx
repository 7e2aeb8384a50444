import { ActionIcon, Badge, Button, Group, Popover, Select, Stack, TextInput, Tooltip } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { INVOICE_STATUSES, type InvoiceStatusName } from '../../../src-shared/contract/invoices.js';
import { useOpQuery } from '../../api/hooks.js';
import { parseEuros } from './amount.js';
import { AmountInput } from './AmountInput.js';
import classes from './InvoiceInbox.module.css';

export interface InvoiceFilterValues {
  buildingId: string | null;
  status: InvoiceStatusName | 'all';
  supplierId: string | null;
  /** Amounts as typed: applied once they read as euros. */
  min: string;
  max: string;
  dueBefore: string;
  search: string;
}

export const DEFAULT_FILTERS: InvoiceFilterValues = { buildingId: null, status: 'pending_approval', supplierId: null, min: '', max: '', dueBefore: '', search: '' };

/** An amount filter is applied when it reads as euros; what does not shows an error instead. */
export const amountFilter = (text: string): { cents?: number; invalid: boolean } => {
  if (!text.trim()) return { invalid: false };
  const cents = parseEuros(text);
  return cents === null ? { invalid: true } : { cents, invalid: false };
};

/** What the inbox shows: building, status (waiting for approval first), supplier, amounts, due date, text. */
export function InvoiceFilters({ value, onChange }: { value: InvoiceFilterValues; onChange: (v: InvoiceFilterValues) => void }) {
  const { t } = useTranslation();
  const buildings = useOpQuery('buildings.list', {});
  const suppliers = useOpQuery('suppliers.list', {});
  const set = <K extends keyof InvoiceFilterValues>(k: K, v: InvoiceFilterValues[K]) => onChange({ ...value, [k]: v });
  const min = amountFilter(value.min), max = amountFilter(value.max);
  const changed = JSON.stringify(value) !== JSON.stringify(DEFAULT_FILTERS);
  /** How many of the filters behind "More filters" are set. */
  const advanced = [value.min, value.max, value.dueBefore].filter((v) => v.trim()).length;

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" className={classes.filters} role="search" aria-label={t('invoices.filters.label')}>
      <TextInput
        type="search"
        label={t('invoices.filters.search')}
        placeholder={t('invoices.filters.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={value.search}
        onChange={(e) => set('search', e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') set('search', '');
        }}
        w={220}
      />
      <Select
        label={t('invoices.filters.building')}
        placeholder={t('invoices.filters.allBuildings')}
        clearable
        searchable
        data={(buildings.data ?? []).map((b) => ({ value: String(b.id), label: b.name }))}
        value={value.buildingId}
        onChange={(v) => set('buildingId', v)}
        w={190}
      />
      <Select
        label={t('invoices.filters.status')}
        allowDeselect={false}
        data={[{ value: 'all', label: t('invoices.filters.allStatuses') }, ...INVOICE_STATUSES.map((s) => ({ value: s, label: t(`invoices.status.${s}`) }))]}
        value={value.status}
        onChange={(v) => set('status', (v ?? 'all') as InvoiceFilterValues['status'])}
        w={170}
      />
      <Select
        label={t('invoices.filters.supplier')}
        placeholder={t('invoices.filters.allSuppliers')}
        clearable
        searchable
        data={(suppliers.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
        value={value.supplierId}
        onChange={(v) => set('supplierId', v)}
        w={180}
      />
      <Popover position="bottom-end" shadow="md" trapFocus withinPortal>
        <Popover.Target>
          <Button variant={advanced ? 'light' : 'default'} leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />} rightSection={advanced ? <Badge size="xs" circle>{advanced}</Badge> : null}>
            {t('invoices.filters.more')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="sm" w={260}>
            <Group gap="sm" grow>
              <AmountInput label={t('invoices.filters.min')} value={value.min} onChange={(v) => set('min', v)} error={min.invalid ? t('errors.amount_format') : undefined} data-autofocus />
              <AmountInput label={t('invoices.filters.max')} value={value.max} onChange={(v) => set('max', v)} error={max.invalid ? t('errors.amount_format') : undefined} />
            </Group>
            <TextInput type="date" label={t('invoices.filters.dueBefore')} value={value.dueBefore} onChange={(e) => set('dueBefore', e.currentTarget.value)} />
          </Stack>
        </Popover.Dropdown>
      </Popover>
      {changed ? (
        <Tooltip label={t('invoices.filters.reset')}>
          <ActionIcon variant="subtle" color="gray" size={36} onClick={() => onChange({ ...DEFAULT_FILTERS, buildingId: value.buildingId })} aria-label={t('invoices.filters.reset')}>
            <IconFilterOff size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      ) : null}
    </Group>
  );
}
