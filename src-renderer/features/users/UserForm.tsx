import { useMemo } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { Button, Grid, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../src-shared/contract/fields.js';
import type { BuildingRow } from '../../../src-shared/contract/portfolio.js';
import { ROLES, type Role } from '../../../src-shared/permissions.js';
import { useResetOnOpen, useServerErrors } from '../../api/form-errors.js';
import { useOpMutation, useOpQuery } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

interface UserValues {
  email: string;
  displayName: string;
  language: Language;
  password: string;
  role: Role;
  buildingId: string | null;
  ownerId: string | null;
}

const isField = (f: string) => ['email', 'displayName', 'language', 'password', 'role', 'buildingId', 'ownerId'].includes(f);
const DEFAULTS: UserValues = { email: '', displayName: '', language: 'fr', password: '', role: 'syndic', buildingId: null, ownerId: null };

/**
 * A new account. A council member sits for one building (conseil de copropriété / raad
 * van mede-eigendom); an owner account is linked to one owner and sees its own lots only.
 */
export function UserForm({ opened, onClose, buildings }: { opened: boolean; onClose: () => void; buildings: BuildingRow[] }) {
  const { t } = useTranslation();
  const { register, control, handleSubmit, setError, reset, formState: { errors } } = useForm<UserValues>({ defaultValues: DEFAULTS });
  const role = useWatch({ control, name: 'role' });
  const server = useServerErrors(setError, isField);
  const create = useOpMutation('users.create');
  const owners = useOpQuery('owners.list', {}, { enabled: opened && role === 'owner' });

  useResetOnOpen(opened, reset, server.clear, () => DEFAULTS);

  const ownerOptions = useMemo(() => (owners.data ?? []).map((o) => ({ value: String(o.id), label: `${o.displayName} — ${o.address.postalCode} ${o.address.city}` })), [owners.data]);

  const onSubmit = handleSubmit(async (v) => {
    server.clear();
    try {
      await create.mutateAsync({
        email: v.email, displayName: v.displayName, language: v.language, password: v.password,
        roles: [{ role: v.role, buildingId: v.role === 'council' && v.buildingId ? Number(v.buildingId) : null, ownerId: v.role === 'owner' && v.ownerId ? Number(v.ownerId) : null }],
      });
      notifications.show({ color: 'teal', message: t('users.created', { name: v.displayName }) });
      onClose();
    } catch (e) {
      // Role problems come as roles[0].… or as a rule on `roles`: put them on the field that is missing.
      server.apply(e, (path) => {
        if (path[0] !== 'roles') return path;
        const leaf = path[2];
        if (leaf === 'buildingId' || leaf === 'ownerId') return [leaf];
        return [role === 'council' ? 'buildingId' : role === 'owner' ? 'ownerId' : 'role'];
      });
    }
  });

  const required = { required: t('errors.required') };
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.new')} size="lg">
      <form onSubmit={onSubmit} noValidate aria-label={t('users.new')}>
        <Stack>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('users.form.displayName')} required data-autofocus error={errors.displayName?.message} {...register('displayName', required)} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('users.form.email')} type="email" required autoComplete="off" error={errors.email?.message} {...register('email', required)} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <PasswordInput label={t('users.form.password')} description={t('users.form.passwordHint')} required autoComplete="new-password" error={errors.password?.message} {...register('password', { ...required, minLength: { value: 10, message: t('users.form.passwordHint') } })} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Controller
                control={control}
                name="language"
                render={({ field }) => (
                  <Select label={t('users.form.language')} allowDeselect={false} data={LANGUAGES.map((l) => ({ value: l, label: t(`language.names.${l}`) }))} value={field.value} onChange={(v) => field.onChange((v ?? 'fr') as Language)} ref={field.ref} />
                )}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Controller
                control={control}
                name="role"
                render={({ field, fieldState }) => (
                  <Select label={t('users.form.role')} allowDeselect={false} data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} value={field.value} onChange={(v) => field.onChange((v ?? 'syndic') as Role)} ref={field.ref} error={fieldState.error?.message} />
                )}
              />
            </Grid.Col>
            {role === 'council' ? (
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Controller
                  control={control}
                  name="buildingId"
                  rules={required}
                  render={({ field, fieldState }) => (
                    <Select label={t('users.form.building')} required searchable data={buildings.map((b) => ({ value: String(b.id), label: b.name }))} value={field.value} onChange={field.onChange} ref={field.ref} error={fieldState.error?.message} />
                  )}
                />
              </Grid.Col>
            ) : null}
            {role === 'owner' ? (
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Controller
                  control={control}
                  name="ownerId"
                  rules={required}
                  render={({ field, fieldState }) => (
                    <Select label={t('users.form.owner')} required searchable data={ownerOptions} value={field.value} onChange={field.onChange} ref={field.ref} error={fieldState.error?.message} nothingFoundMessage={t('transfer.noOwnerFound')} />
                  )}
                />
              </Grid.Col>
            ) : null}
          </Grid>
          {server.formError ? <ErrorAlert error={server.formError.error} problems={server.formError.problems} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={create.isPending}>{t('common.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
