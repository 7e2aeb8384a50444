import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The renderer: one page, served by Electron (app://) and by browser mode (127.0.0.1).
 * Both apply a CSP without 'unsafe-inline' scripts, so the output has no inline script:
 * no module-preload polyfill, and the entry is an external module.
 */
export default defineConfig({
  root: here('./src-renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173, strictPort: false },
});
