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
    // The renderer runs in Electron's Chromium and in a current browser (browser mode, the
    // projector). For older targets the CSS minifier rewrites light-dark() into variables
    // that only a literal `color-scheme` turns on, and Mantine sets it through a variable:
    // the colours fell back to none. These targets keep light-dark() as written.
    cssTarget: ['chrome123', 'edge123', 'firefox120', 'safari17.5'],
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173, strictPort: false },
});
