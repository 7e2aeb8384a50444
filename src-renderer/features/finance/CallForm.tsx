import { useMemo } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { Alert, Button, Grid, Group, Loader, Modal, ScrollArea, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useResetOnOpen, useServerErrors } from '../../api/form-errors.js';
import { useOpMutation, useOpQuery } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { parseEuros } from './amount.js';
import { AmountInput } from './AmountInput.js';
import { addDays, isIsoDate, todayIso } from './dates.js';
import { useMoney } from './useMoney.js';

interface CallValues {
  kind: 'working' | 'reserve';
  label: string;
  callDate: string;
  dueDate: string;
  total: string;
  keyId: string;
}
const GENERAL = 'general';
const isField = (f: string) => ['kind', 'label', 'callDate', 'dueDate', 'total', 'keyId'].includes(f);
const mapPath = (path: (string | number)[]) => (path[0] === 'totalCents' ? ['total'] : path);
const initialValues = (): CallValues => ({ kind: 'working', label: '', callDate: todayIso(), dueDate: addDays(todayIso(), 30), total: '', keyId: GENERAL });

/**
 * A call for funds (appel de fonds / opvraging): working capital or reserve fund, its total
 * split over the owners by a key. What each owner will be asked is previewed as one types;
 * for a reserve call, the legal floor (5 % of last year's charges, art. 3.86 §3 C. civ.)
 * and what the year's calls still lack. Issuing posts it and gives each owner an OGM.
 */
export function CallForm({ opened, onClose, buildingId }: { opened: boolean; onClose: () => void; buildingId: number }) {
  const { t } = useTranslation();
  const { money } = useMoney();
  const { register, control, handleSubmit, setError, reset, formState: { errors } } = useForm<CallValues>({ defaultValues: initialValues() });
  const server = useServerErrors(setError, isField);
  const issue = useOpMutation('calls.issue');
  const keys = useOpQuery('charges.keys', { buildingId }, { enabled: opened });

  useResetOnOpen(opened, reset, server.clear, () => initialValues());

  const values = useWatch({ control });
  const totalCents = parseEuros(values.total ?? '');
  const input = {
    buildingId, kind: values.kind ?? 'working', label: values.label?.trim() || '—', callDate: values.callDate ?? '', dueDate: values.dueDate ?? '',
    totalCents: totalCents ?? 0, keyId: !values.keyId || values.keyId === GENERAL ? null : Number(values.keyId),
  };
  // Debounced as text: a fresh object each render would restart the timer for ever.
  const [debouncedText] = useDebouncedValue(JSON.stringify(input), 300);
  const debounced = useMemo(() => JSON.parse(debouncedText) as typeof input, [debouncedText]);
  const ready = opened && (debounced.totalCents ?? 0) > 0 && isIsoDate(debounced.callDate) && isIsoDate(debounced.dueDate) && debounced.dueDate >= debounced.callDate;
  const preview = useOpQuery('calls.preview', debounced, { enabled: ready, placeholderData: (prev) => prev });

  const onSubmit = handleSubmit(async (v) => {
    server.clear();
    try {
      const r = await issue.mutateAsync({ buildingId, kind: v.kind, label: v.label, callDate: v.callDate, dueDate: v.dueDate, totalCents: parseEuros(v.total)!, keyId: v.keyId === GENERAL ? null : Number(v.keyId) });
      notifications.show({ color: 'teal', message: t('calls.issued', { label: v.label, n: r.lines.length }) });
      onClose();
    } catch (e) {
      server.apply(e, mapPath);
    }
  });

  const title = t('calls.new');
  const floor = preview.data?.reserveFloor;
  const lines = preview.data?.lines ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={880}>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack>
          <Controller
            control={control}
            name="kind"
            render={({ field }) => (
              <SegmentedControl
                fullWidth
                value={field.value}
                onChange={(v) => field.onChange(v as CallValues['kind'])}
                data={[{ value: 'working', label: t('calls.kinds.working') }, { value: 'reserve', label: t('calls.kinds.reserve') }]}
                aria-label={t('calls.fields.kind')}
              />
            )}
          />
          <Grid gap="md">
            <Grid.Col span={4}>
              <TextInput label={t('calls.fields.label')} placeholder={t('calls.fields.labelPlaceholder')} required maxLength={60} data-autofocus error={errors.label?.message} {...register('label', { required: t('errors.required') })} />
            </Grid.Col>
            <Grid.Col span={4}>
              <TextInput type="date" label={t('calls.fields.callDate')} required error={errors.callDate?.message} {...register('callDate', { required: t('errors.required') })} />
            </Grid.Col>
            <Grid.Col span={4}>
              <TextInput type="date" label={t('calls.fields.dueDate')} required error={errors.dueDate?.message} {...register('dueDate', { required: t('errors.required') })} />
            </Grid.Col>
            <Grid.Col span={6}>
              <Controller
                control={control}
                name="total"
                rules={{ validate: (s) => (s.trim() === '' ? t('errors.required') : (parseEuros(s) ?? -1) > 0 || t(parseEuros(s) === null ? 'errors.amount_format' : 'errors.amount_positive')) }}
                render={({ field, fieldState }) => (
                  <AmountInput label={t('calls.fields.total')} required name={field.name} ref={field.ref} value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error?.message} />
                )}
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <Controller
                control={control}
                name="keyId"
                render={({ field, fieldState }) => (
                  <Select
                    label={t('calls.fields.key')}
                    allowDeselect={false}
                    data={(keys.data ?? []).map((k) => ({ value: k.id === null ? GENERAL : String(k.id), label: k.id === null ? t('invoices.detail.generalKey') : k.name }))}
                    value={field.value}
                    onChange={(v) => field.onChange(v ?? GENERAL)}
                    ref={field.ref}
                    error={fieldState.error?.message}
                  />
                )}
              />
            </Grid.Col>
          </Grid>

          <Stack gap="xs" aria-live="polite">
            <Group gap="xs">
              <Title order={3} size="h5">{t('calls.preview.title')}</Title>
              {preview.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
            </Group>
            {!ready ? <Text size="sm" c="dimmed">{t('calls.preview.hint')}</Text> : null}
            {ready && preview.error ? <ErrorAlert error={preview.error} /> : null}
            {ready && preview.data && !preview.error ? (
              <>
                {values.kind === 'reserve' && floor ? (
                  floor.previousYearChargesCents === 0 ? (
                    <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} title={t('calls.floor.noPreviousTitle')}>
                      {t('calls.floor.noPrevious', { called: money(floor.calledThisYearCents) })}
                    </Alert>
                  ) : floor.shortfallCents > 0 ? (
                    <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('calls.floor.shortTitle', { amount: money(floor.shortfallCents) })}>
                      {t('calls.floor.text', { floor: money(floor.floorCents), charges: money(floor.previousYearChargesCents), called: money(floor.calledThisYearCents) })}
                    </Alert>
                  ) : (
                    <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title={t('calls.floor.reachedTitle')}>
                      {t('calls.floor.text', { floor: money(floor.floorCents), charges: money(floor.previousYearChargesCents), called: money(floor.calledThisYearCents) })}
                    </Alert>
                  )
                ) : null}
                {preview.data.unownedCents > 0 ? (
                  <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />}>{t('calls.preview.unowned', { amount: money(preview.data.unownedCents) })}</Alert>
                ) : null}
                <ScrollArea.Autosize mah={260} type="auto">
                  <Table striped fz="sm" verticalSpacing={4} aria-label={t('calls.preview.title')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('calls.preview.owner')}</Table.Th>
                        <Table.Th ta="right">{t('calls.preview.amount')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {lines.map((l) => (
                        <Table.Tr key={l.ownerId}>
                          <Table.Td>{l.name}</Table.Td>
                          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(l.amountCents)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                    <Table.Tfoot>
                      <Table.Tr>
                        <Table.Th>{t('calls.preview.total', { n: lines.length })}</Table.Th>
                        <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{money(lines.reduce((s, l) => s + l.amountCents, 0))}</Table.Th>
                      </Table.Tr>
                    </Table.Tfoot>
                  </Table>
                </ScrollArea.Autosize>
              </>
            ) : null}
          </Stack>

          {server.formError ? <ErrorAlert error={server.formError.error} problems={server.formError.problems} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={issue.isPending}>{t('calls.issue')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
