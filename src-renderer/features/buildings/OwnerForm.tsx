import { useEffect } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { Alert, Button, Checkbox, Grid, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../src-shared/contract/fields.js';
import type { Owner } from '../../../src-shared/contract/portfolio.js';
import { formatBce } from '../../../src-shared/values/bce.js';
import { useServerErrors } from '../../api/form-errors.js';
import { useOpMutation } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

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
}

const FIELDS = /^(kind|name|firstName|bce|language|email|emailConsent|phone|address\.(street|postalCode|city|country))$/;
const isField = (f: string) => FIELDS.test(f);

function initialValues(o?: Owner): OwnerFormValues {
  if (!o) return { kind: 'person', name: '', firstName: '', bce: '', address: { street: '', postalCode: '', city: '', country: 'BE' }, language: 'fr', email: '', emailConsent: false, phone: '' };
  return {
    kind: o.kind, name: o.name, firstName: o.firstName ?? '', bce: o.bce ? formatBce(o.bce) : '', address: { ...o.address },
    language: o.language, email: o.email ?? '', emailConsent: o.emailConsent, phone: o.phone ?? '',
  };
}

/**
 * An owner (copropriétaire / mede-eigenaar): a person or a company (with its BCE/KBO
 * number), the language of its mail, and whether it agreed to convocations by e-mail.
 */
export function OwnerForm({ opened, onClose, owner, onSaved, notLinkedHint }: { opened: boolean; onClose: () => void; owner?: Owner; onSaved?: (id: number) => void; notLinkedHint?: boolean }) {
  const { t } = useTranslation();
  const { register, control, handleSubmit, setError, reset, formState: { errors } } = useForm<OwnerFormValues>({ defaultValues: initialValues(owner) });
  const kind = useWatch({ control, name: 'kind' });
  const server = useServerErrors(setError, isField, owner ? ['data'] : []);
  const create = useOpMutation('owners.create');
  const update = useOpMutation('owners.update');

  useEffect(() => {
    if (opened) {
      reset(initialValues(owner));
      server.clear();
    }
  }, [opened, owner, reset, server.clear]); // eslint-disable-line react-hooks/exhaustive-deps

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
    try {
      const { id } = owner ? await update.mutateAsync({ id: owner.id, data }) : await create.mutateAsync(data);
      notifications.show({ color: 'teal', message: owner ? t('owners.saved') : notLinkedHint ? t('owners.createdNotLinked') : t('owners.created') });
      onSaved?.(id);
      onClose();
    } catch (e) {
      server.apply(e);
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
            <Grid.Col span={12}>
              <TextInput label={t('address.street')} required autoComplete="street-address" error={errors.address?.street?.message} {...register('address.street', required)} />
            </Grid.Col>
            <Grid.Col span={{ base: 4, sm: 3 }}>
              <TextInput label={t('address.postalCode')} required autoComplete="postal-code" error={errors.address?.postalCode?.message} {...register('address.postalCode', required)} />
            </Grid.Col>
            <Grid.Col span={{ base: 8, sm: 6 }}>
              <TextInput label={t('address.city')} required autoComplete="address-level2" error={errors.address?.city?.message} {...register('address.city', required)} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 3 }}>
              <TextInput label={t('address.country')} maxLength={2} error={errors.address?.country?.message} {...register('address.country')} />
            </Grid.Col>
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
          {!owner && notLinkedHint ? (
            <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden />} p="xs">
              <Text size="sm">{t('owners.notLinkedHint')}</Text>
            </Alert>
          ) : null}
          {server.formError ? <ErrorAlert error={server.formError.error} problems={server.formError.problems} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={create.isPending || update.isPending}>{owner ? t('common.save') : t('common.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
