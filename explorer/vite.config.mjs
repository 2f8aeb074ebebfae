// Builds the explorer page (explorer/src) into dist/explorer, where the registry serves it at
// /explorer/. Everything the page needs is bundled: it loads nothing from another origin.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/explorer', import.meta.url));

/**
 * Writes .br and .gz beside each text file of the build; the registry's static handler (sirv)
 * serves them to clients that accept them.
 */
function precompress() {
  return {
    name: 'precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir) =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
          entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
        );
      for (const file of walk(outDir).filter((f) => /\.(js|css|html|svg)$/.test(f))) {
        const content = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

export default defineConfig({
  root: here,
  // Relative asset URLs: the page works wherever /explorer/ is mounted (behind a path prefix too).
  base: './',
  logLevel: 'warn',
  plugins: [precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // One script and one stylesheet: the page is small, and a single request each loads fastest.
    modulePreload: false,
  },
});
