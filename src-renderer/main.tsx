import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { createQueryClient, Providers } from './app/Providers.js';
import { createI18n } from './i18n/i18n.js';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <Providers i18n={createI18n()} queryClient={createQueryClient()}>
      <App />
    </Providers>
  </StrictMode>,
);
