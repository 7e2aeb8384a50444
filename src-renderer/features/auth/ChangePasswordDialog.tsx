import { useForm } from 'react-hook-form';
import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useOpMutation } from '../../api/hooks.js';
import { useServerErrors } from '../../api/form-errors.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

interface Values {
  current: string;
  next: string;
  confirm: string;
}

const FIELDS = (f: string) => f === 'current' || f === 'next';

export function ChangePasswordDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { register, handleSubmit, setError, reset, formState: { errors } } = useForm<Values>({ defaultValues: { current: '', next: '', confirm: '' } });
  const server = useServerErrors(setError, FIELDS);
  const mutation = useOpMutation('auth.changePassword');

  const close = () => {
    reset();
    server.clear();
    onClose();
  };

  const onSubmit = handleSubmit(async (v) => {
    server.clear();
    if (v.next !== v.confirm) {
      setError('confirm', { type: 'validate', message: t('auth.changePassword.mismatch') });
      return;
    }
    try {
      await mutation.mutateAsync({ current: v.current, next: v.next });
      notifications.show({ color: 'teal', message: t('auth.changePassword.done') });
      close();
    } catch (e) {
      server.apply(e);
    }
  });

  const required = { required: t('errors.required') };
  return (
    <Modal opened={opened} onClose={close} title={t('auth.changePassword.title')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <PasswordInput label={t('auth.changePassword.current')} autoComplete="current-password" required data-autofocus error={errors.current?.message} {...register('current', required)} />
          <PasswordInput label={t('auth.changePassword.next')} description={t('users.form.passwordHint')} autoComplete="new-password" required error={errors.next?.message} {...register('next', { ...required, minLength: { value: 10, message: t('users.form.passwordHint') } })} />
          <PasswordInput label={t('auth.changePassword.confirm')} autoComplete="new-password" required error={errors.confirm?.message} {...register('confirm', required)} />
          {server.formError ? <ErrorAlert error={server.formError.error} problems={server.formError.problems} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
            <Button type="submit" loading={mutation.isPending}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
