import type { ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { isApiError } from '../api/ApiError.js';
import { theme } from './theme.js';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Refused calls (validation, rights, missing) fail the same way twice: no retry.
        retry: (count, error) => count < 2 && isApiError(error) && (error.code === 'NETWORK' || error.code === 'INTERNAL'),
        refetchOnWindowFocus: false,
      },
    },
  });
}

/** Everything a screen needs around it: theme (light/dark from the OS), queries, i18n. */
export function Providers({ i18n, queryClient, children }: { i18n: I18n; queryClient: QueryClient; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} defaultColorScheme="auto">
          <Notifications position="top-right" />
          {children}
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
