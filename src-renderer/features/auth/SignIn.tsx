import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconBuildingCommunity } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/AuthProvider.js';
import { LanguageMenu } from '../../components/LanguageMenu.js';
import { useErrorText } from '../../i18n/useErrorText.js';

interface SignInValues {
  email: string;
  password: string;
}

/** The first screen: e-mail and password; the error says what went wrong without telling which. */
export function SignIn() {
  const { t } = useTranslation();
  const { signIn, startupError } = useAuth();
  const { errorText } = useErrorText();
  const [error, setError] = useState<unknown>(null);
  const { register, handleSubmit, formState } = useForm<SignInValues>({ defaultValues: { email: '', password: '' } });

  const onSubmit = handleSubmit(async ({ email, password }) => {
    setError(null);
    try {
      await signIn(email, password);
    } catch (e) {
      setError(e);
    }
  });

  return (
    <Box mih="100vh" bg="var(--mantine-color-body)">
      <Group justify="flex-end" p="md">
        <LanguageMenu />
      </Group>
      <Center px="md" pb="xl" pt="6vh">
        <Paper withBorder shadow="sm" radius="lg" p="xl" w="100%" maw={420}>
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="md">
              <Stack gap={4} align="center" mb="sm">
                <IconBuildingCommunity size={40} stroke={1.5} color="var(--mantine-primary-color-filled)" aria-hidden />
                <Title order={1} size="h2">{t('app.name')}</Title>
                <Text c="dimmed" size="sm" ta="center">{t('auth.subtitle')}</Text>
              </Stack>
              {startupError?.code === 'LAUNCH_TOKEN' ? (
                <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title={t('errors.LAUNCH_TOKEN')}>{t('auth.launchLink')}</Alert>
              ) : null}
              <TextInput
                label={t('auth.email')}
                type="email"
                autoComplete="username"
                autoFocus
                required
                error={formState.errors.email ? t('errors.required') : undefined}
                {...register('email', { required: true })}
              />
              <PasswordInput
                label={t('auth.password')}
                autoComplete="current-password"
                required
                error={formState.errors.password ? t('errors.required') : undefined}
                {...register('password', { required: true })}
              />
              {error ? (
                <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>{errorText(error)}</Alert>
              ) : null}
              <Button type="submit" loading={formState.isSubmitting} fullWidth size="md">{t('auth.submit')}</Button>
              <Text size="xs" c="dimmed" ta="center">
                {t('auth.help')}
              </Text>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
