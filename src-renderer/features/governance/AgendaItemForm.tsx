import { Controller, useForm, useWatch } from 'react-hook-form';
import { Button, Group, Modal, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useResetOnOpen, useServerErrors } from '../../api/form-errors.js';
import { useOpMutation } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { MajorityPicker } from './MajorityPicker.js';
import type { AgendaItem } from './meeting.js';

interface Values {
  title: string;
  text: string;
  majorityRule: string;
  voted: boolean;
}
const isField = (f: string) => ['title', 'text', 'majorityRule', 'voted'].includes(f);
const initial = (item?: AgendaItem): Values => (item ? { title: item.title, text: item.text, majorityRule: item.majorityRule, voted: item.voted } : { title: '', text: '', majorityRule: 'absolute', voted: true });

/** An agenda item (point de l'ordre du jour / agendapunt): its title, its text and the majority it needs. */
export function AgendaItemForm({ opened, onClose, assemblyId, item }: { opened: boolean; onClose: () => void; assemblyId: number; item?: AgendaItem }) {
  const { t } = useTranslation();
  const { register, control, handleSubmit, setError, reset, formState: { errors } } = useForm<Values>({ defaultValues: initial(item) });
  const server = useServerErrors(setError, isField);
  const save = useOpMutation('ag.saveItem');
  useResetOnOpen(opened, reset, server.clear, () => initial(item), [item]);

  const onSubmit = handleSubmit(async (v) => {
    server.clear();
    try {
      await save.mutateAsync({ assemblyId, ...(item ? { id: item.id } : {}), title: v.title, text: v.text, majorityRule: v.majorityRule, voted: v.voted });
      notifications.show({ color: 'teal', message: item ? t('assemblies.agenda.saved') : t('assemblies.agenda.added', { title: v.title }) });
      onClose();
    } catch (e) {
      server.apply(e);
    }
  });

  const title = item ? t('assemblies.agenda.editTitle', { n: item.position }) : t('assemblies.agenda.add');
  const voted = useWatch({ control, name: 'voted' });
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack>
          <TextInput label={t('assemblies.agenda.itemTitle')} required data-autofocus maxLength={300} error={errors.title?.message} {...register('title', { required: t('errors.required') })} />
          <Textarea label={t('assemblies.agenda.text')} description={t('assemblies.agenda.textHint')} autosize minRows={3} maxRows={10} maxLength={20000} error={errors.text?.message} {...register('text')} />
          <Controller
            control={control}
            name="voted"
            render={({ field }) => (
              <Switch label={t('assemblies.agenda.voted')} description={t('assemblies.agenda.votedHint')} checked={field.value} onChange={(e) => field.onChange(e.currentTarget.checked)} name={field.name} ref={field.ref} />
            )}
          />
          <Controller
            control={control}
            name="majorityRule"
            render={({ field, fieldState }) => <MajorityPicker value={field.value} onChange={field.onChange} error={fieldState.error?.message} disabled={!voted} />}
          />
          {server.formError ? <ErrorAlert error={server.formError.error} problems={server.formError.problems} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={save.isPending}>{item ? t('common.save') : t('assemblies.agenda.addButton')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
