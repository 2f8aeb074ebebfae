// Builds the explorer page (explorer/src) into dist/explorer, where the registry serves it at
// /explorer/. Everything the page needs is bundled: it loads nothing from another origin.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/explorer/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/explorer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // One script and one stylesheet: the page is small, and a single request each loads fastest.
    modulePreload: false,
  },
});
