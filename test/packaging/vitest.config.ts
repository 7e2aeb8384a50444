import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The packaging test on its own (`npm run test:packaging`; scripts/test.mjs runs it after
 * the other tests): it rebuilds dist/ and runs electron-builder, which the unit and
 * integration tests must not see happen under them.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'packaging',
    include: ['test/packaging/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 420_000,
    fileParallelism: false,
  },
});
