import { useEffect } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { Alert, Button, Checkbox, Divider, Grid, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import type { OpOutput } from '../../../src-shared/contract/index.js';
import { formatIban, normalizeIban } from '../../../src-shared/values/iban.js';
import { useUser } from '../../app/AuthProvider.js';
import { can } from '../../app/permissions.js';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../src-shared/contract/fields.js';
import type { Owner } from '../../../src-shared/contract/portfolio.js';
import { formatBce } from '../../../src-shared/values/bce.js';
import { useResetOnOpen, useServerErrors } from '../../api/form-errors.js';
import { AddressFields } from '../../components/AddressFields.js';
import { useOpMutation, useOpQuery } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFormat } from '../../i18n/useFormat.js';

export interface OwnerFormValues {
  kind: 'person' | 'company';
  name: string;
  firstName: string;
  bce: string;
  address: { street: string; postalCode: string; city: string; country: string };
  language: Language;
  email: string;
  emailConsent: boolean;
  phone: string;
  /** The owner's account and SEPA mandate (finance people only): they recognize its payments and allow direct debits. */
  bank: { iban: string; mandateId: string; signedOn: string };
}

const FIELDS = /^(kind|name|firstName|bce|language|email|emailConsent|phone|address\.(street|postalCode|city|country)|bank\.(iban|mandateId|signedOn))$/;
const NO_BANK = { iban: '', mandateId: '', signedOn: '' };
type BankDetails = OpOutput<'owners.bankDetails'>;
const bankValues = (d: BankDetails | undefined): OwnerFormValues['bank'] =>
  d ? { iban: d.iban ? formatIban(d.iban) : '', mandateId: d.mandate?.id ?? '', signedOn: d.mandate?.signedOn ?? '' } : NO_BANK;
/** owners.setBankDetails names `iban`, `mandate.id`, `mandate.signedOn`: the form's `bank.*` fields. */
const bankPath = (path: (string | number)[]) => ['bank', path[0] === 'iban' ? 'iban' : path[1] === 'id' ? 'mandateId' : path[1] === 'signedOn' ? 'signedOn' : String(path[0] ?? '')];
const isField = (f: string) => FIELDS.test(f);

function initialValues(o?: Owner): OwnerFormValues {
  if (!o) return { kind: 'person', name: '', firstName: '', bce: '', address: { street: '', postalCode: '', city: '', country: 'BE' }, language: 'fr', email: '', emailConsent: false, phone: '', bank: NO_BANK };
  return {
    kind: o.kind, name: o.name, firstName: o.firstName ?? '', bce: o.bce ? formatBce(o.bce) : '', address: { ...o.address },
    language: o.language, email: o.email ?? '', emailConsent: o.emailConsent, phone: o.phone ?? '', bank: NO_BANK,
  };
}

/**
 * An owner (copropriétaire / mede-eigenaar): a person or a company (with its BCE/KBO
 * number), the language of its mail, and whether it agreed to convocations by e-mail.
 */
export function OwnerForm({ opened, onClose, owner, onSaved, notLinkedHint }: { opened: boolean; onClose: () => void; owner?: Owner; onSaved?: (id: number) => void; notLinkedHint?: boolean }) {
  const { t } = useTranslation();
  const user = useUser();
  const fmt = useFormat();
  // A new owner's bank details are set once it exists (a second command: a failure would leave the owner created).
  const finance = can(user, 'finance.write') && !!owner;
  const { register, control, handleSubmit, setError, reset, setValue, formState: { errors } } = useForm<OwnerFormValues>({ defaultValues: initialValues(owner) });
  const bankDetails = useOpQuery('owners.bankDetails', { ownerId: owner?.id ?? 0 }, { enabled: opened && finance && !!owner });
  const setBank = useOpMutation('owners.setBankDetails');
  const bankData = owner && bankDetails.data?.ownerId === owner.id ? bankDetails.data : undefined;
  const kind = useWatch({ control, name: 'kind' });
  const server = useServerErrors(setError, isField, owner ? ['data'] : []);
  const create = useOpMutation('owners.create');
  const update = useOpMutation('owners.update');

  useResetOnOpen(opened, reset, server.clear, () => initialValues(owner), [owner]);

  // The bank details arrive after the form opens: they fill their own fields only.
  useEffect(() => {
    if (opened && bankData) setValue('bank', bankValues(bankData));
  }, [opened, bankData, setValue]);

  const onSubmit = handleSubmit(async (v) => {
    server.clear();
    const data = {
      kind: v.kind,
      name: v.name,
      firstName: v.kind === 'person' ? v.firstName || null : null,
      bce: v.kind === 'company' ? v.bce || null : null,
      address: v.address,
      language: v.language,
      email: v.email.trim() || null,
      emailConsent: v.emailConsent,
      phone: v.phone.trim() || null,
    };
    const mandateId = v.bank.mandateId.trim();
    if (finance && mandateId && !v.bank.signedOn) {
      setError('bank.signedOn', { type: 'required', message: t('errors.required') }, { shouldFocus: true });
      return;
    }
    let id: number;
    try {
      ({ id } = owner ? await update.mutateAsync({ id: owner.id, data }) : await create.mutateAsync(data));
    } catch (e) {
      server.apply(e);
      return;
    }
    const before = bankValues(bankData);
    const same = normalizeIban(v.bank.iban) === normalizeIban(before.iban) && v.bank.mandateId.trim() === before.mandateId && v.bank.signedOn === before.signedOn;
    if (finance && !same) {
      try {
        await setBank.mutateAsync({ ownerId: id, iban: v.bank.iban.trim() || null, mandate: mandateId ? { id: mandateId, signedOn: v.bank.signedOn } : null });
      } catch (e) {
        server.apply(e, bankPath);
        return;
      }
    }
    {
      notifications.show({ color: 'teal', message: owner ? t('owners.saved') : notLinkedHint ? t('owners.createdNotLinked') : t('owners.created') });
      onSaved?.(id);
      onClose();
    }
  });

  const required = { required: t('errors.required') };
  const title = owner ? t('owners.editTitle', { name: owner.displayName }) : t('owners.new');
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack gap="md">
          <Controller
            control={control}
            name="kind"
            render={({ field }) => (
              <Stack gap={4}>
                <Text size="sm" fw={500} id="owner-kind-label">{t('owners.form.kind')}</Text>
                <SegmentedControl
                  aria-labelledby="owner-kind-label"
                  value={field.value}
                  onChange={(v) => field.onChange(v as OwnerFormValues['kind'])}
                  data={[
                    { value: 'person', label: t('ownerKinds.person') },
                    { value: 'company', label: t('ownerKinds.company') },
                  ]}
                />
              </Stack>
            )}
          />
          <Grid gap="sm">
            {kind === 'person' ? (
              <>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput label={t('owners.form.name')} required data-autofocus autoComplete="family-name" error={errors.name?.message} {...register('name', required)} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput label={t('owners.form.firstName')} autoComplete="given-name" error={errors.firstName?.message} {...register('firstName')} />
                </Grid.Col>
              </>
            ) : (
              <>
                <Grid.Col span={{ base: 12, sm: 7 }}>
                  <TextInput label={t('owners.form.companyName')} required data-autofocus autoComplete="organization" error={errors.name?.message} {...register('name', required)} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 5 }}>
                  <TextInput label={t('owners.form.bce')} placeholder="0123.456.749" error={errors.bce?.message} {...register('bce')} />
                </Grid.Col>
              </>
            )}
            <AddressFields register={register} errors={errors} />
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Controller
                control={control}
                name="language"
                render={({ field, fieldState }) => (
                  <Select
                    label={t('owners.form.language')}
                    allowDeselect={false}
                    data={LANGUAGES.map((l) => ({ value: l, label: t(`language.names.${l}`) }))}
                    value={field.value}
                    onChange={(v) => field.onChange((v ?? 'fr') as Language)}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={fieldState.error?.message}
                  />
                )}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput label={t('owners.form.email')} type="email" autoComplete="email" error={errors.email?.message} {...register('email')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('owners.form.phone')} type="tel" autoComplete="tel" error={errors.phone?.message} {...register('phone')} />
            </Grid.Col>
          </Grid>
          <Checkbox
            label={t('owners.form.emailConsent')}
            description={t('owners.form.emailConsentHint')}
            error={errors.emailConsent?.message}
            {...register('emailConsent')}
          />
          {finance ? (
            <Stack gap="xs">
              <Divider label={t('owners.bank.title')} labelPosition="left" />
              <Grid gap="sm">
                <Grid.Col span={{ base: 12, sm: 5 }}>
                  <TextInput label={t('owners.bank.iban')} description={t('owners.bank.ibanHint')} placeholder="BE71 0961 2345 6769" autoComplete="off" error={errors.bank?.iban?.message} {...register('bank.iban')} />
                </Grid.Col>
                <Grid.Col span={{ base: 7, sm: 4 }}>
                  <TextInput label={t('owners.bank.mandateId')} autoComplete="off" error={errors.bank?.mandateId?.message} {...register('bank.mandateId')} />
                </Grid.Col>
                <Grid.Col span={{ base: 5, sm: 3 }}>
                  <TextInput type="date" label={t('owners.bank.signedOn')} error={errors.bank?.signedOn?.message} {...register('bank.signedOn')} />
                </Grid.Col>
              </Grid>
              <Text size="xs" c="dimmed">
                {bankData?.mandate?.lastCollectionOn ? t('owners.bank.lastCollection', { date: fmt.date(bankData.mandate.lastCollectionOn) }) : t('owners.bank.mandateHint')}
              </Text>
            </Stack>
          ) : null}
          {!owner && notLinkedHint ? (
            <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden />} p="xs">
              <Text size="sm">{t('owners.notLinkedHint')}</Text>
            </Alert>
          ) : null}
          {server.formError ? <ErrorAlert error={server.formError.error} problems={server.formError.problems} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={create.isPending || update.isPending || setBank.isPending}>{owner ? t('common.save') : t('common.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
