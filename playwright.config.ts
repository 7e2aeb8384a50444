import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the renderer in browser mode (the same handlers as Electron, over
 * HTTP). The renderer must be built first (`npm run build:renderer`); the global setup
 * starts `src-main/browser-mode.ts` on a fresh demo database and stops it at the end.
 */
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // scripts/test.mjs sets PLAYWRIGHT_JSON_OUTPUT_NAME to count the results.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  // A subfolder: Playwright empties its output folder, and test-results/ holds other reports.
  outputDir: 'test-results/playwright',
  use: {
    headless: true,
    viewport: { width: 1360, height: 860 },
    locale: 'fr-BE',
    colorScheme: 'light',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.KOPROGO_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
