import { useForm } from 'react-hook-form';
import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useResetOnOpen, useServerErrors } from '../../api/form-errors.js';
import { useOpMutation } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

interface SupplierValues {
  name: string;
  bce: string;
  iban: string;
  email: string;
  defaultExpenseAccount: string;
}
const EMPTY: SupplierValues = { name: '', bce: '', iban: '', email: '', defaultExpenseAccount: '' };
const isField = (f: string) => f in EMPTY;

/** A supplier (fournisseur / leverancier) created on the spot while encoding its invoice. */
export function SupplierForm({ opened, onClose, initialName, onSaved }: { opened: boolean; onClose: () => void; initialName?: string; onSaved: (supplier: { id: number; name: string; defaultExpenseAccount: string | null }) => void }) {
  const { t } = useTranslation();
  const { register, handleSubmit, setError, reset, formState: { errors } } = useForm<SupplierValues>({ defaultValues: EMPTY });
  const server = useServerErrors(setError, isField);
  const create = useOpMutation('suppliers.create');

  useResetOnOpen(opened, reset, server.clear, () => ({ ...EMPTY, name: initialName ?? '' }), [initialName]);

  const onSubmit = handleSubmit(async (v) => {
    server.clear();
    try {
      const { id } = await create.mutateAsync(v);
      notifications.show({ color: 'teal', message: t('suppliers.created', { name: v.name }) });
      onSaved({ id, name: v.name, defaultExpenseAccount: v.defaultExpenseAccount.trim() || null });
      onClose();
    } catch (e) {
      server.apply(e);
    }
  });

  const title = t('suppliers.new');
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      {/* A form of its own, outside the invoice form: Enter here submits only the supplier. */}
      <form onSubmit={(e) => { e.stopPropagation(); void onSubmit(e); }} noValidate aria-label={title}>
        <Stack>
          <TextInput label={t('suppliers.fields.name')} required data-autofocus maxLength={160} error={errors.name?.message} {...register('name', { required: t('errors.required') })} />
          <SimpleGrid cols={2}>
            <TextInput label={t('suppliers.fields.bce')} placeholder="0403.170.701" error={errors.bce?.message} {...register('bce')} />
            <TextInput label={t('suppliers.fields.iban')} placeholder="BE68 5390 0754 7034" error={errors.iban?.message} {...register('iban')} />
            <TextInput label={t('suppliers.fields.email')} type="email" error={errors.email?.message} {...register('email')} />
            <TextInput label={t('suppliers.fields.defaultExpenseAccount')} description={t('suppliers.fields.defaultExpenseAccountHint')} placeholder="6105" error={errors.defaultExpenseAccount?.message} {...register('defaultExpenseAccount')} />
          </SimpleGrid>
          {server.formError ? <ErrorAlert error={server.formError.error} problems={server.formError.problems} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={create.isPending}>{t('suppliers.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
