/**
 * The preload runs in a sandboxed renderer: one CommonJS file that may only require
 * 'electron'. Vite (library mode) bundles src-main/electron/preload.ts and what it
 * imports from src-shared into dist/main-build/src-main/electron/preload.cjs, beside
 * the main.js that tsc compiled (npm run build:main runs both).
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

await build({
  configFile: false,
  root: here('..'),
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: here('../dist/main-build/src-main/electron'),
    emptyOutDir: false,
    target: 'es2023',
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    lib: { entry: here('../src-main/electron/preload.ts'), formats: ['cjs'], fileName: () => 'preload.cjs' },
    rolldownOptions: { external: ['electron'] },
  },
});
