import { Grid, TextInput } from '@mantine/core';
import type { FieldErrors, FieldValues, Path, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

export interface AddressValues {
  street: string;
  postalCode: string;
  city: string;
  country: string;
}

/**
 * The four fields of a postal address (`address.*` of the form), as columns of the
 * caller's Grid: street on its own line, then postal code, city and country code.
 */
export function AddressFields<T extends FieldValues & { address: AddressValues }>({ register, errors }: { register: UseFormRegister<T>; errors: FieldErrors<T> }) {
  const { t } = useTranslation();
  const required = { required: t('errors.required') };
  const error = (errors.address ?? {}) as Partial<Record<keyof AddressValues, { message?: string }>>;
  const path = (name: keyof AddressValues) => `address.${name}` as Path<T>;
  return (
    <>
      <Grid.Col span={12}>
        <TextInput label={t('address.street')} required autoComplete="street-address" error={error.street?.message} {...register(path('street'), required)} />
      </Grid.Col>
      <Grid.Col span={{ base: 4, sm: 3 }}>
        <TextInput label={t('address.postalCode')} required autoComplete="postal-code" error={error.postalCode?.message} {...register(path('postalCode'), required)} />
      </Grid.Col>
      <Grid.Col span={{ base: 8, sm: 6 }}>
        <TextInput label={t('address.city')} required autoComplete="address-level2" error={error.city?.message} {...register(path('city'), required)} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 3 }}>
        <TextInput label={t('address.country')} maxLength={2} error={error.country?.message} {...register(path('country'))} />
      </Grid.Col>
    </>
  );
}
