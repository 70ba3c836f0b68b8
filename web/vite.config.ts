import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { initialJsSize } from './initial-js-size';

/** The UI is served by the API process under /ui/ (src/http/routes/web-ui.routes.ts). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/ui/',
  plugins: [react(), initialJsSize()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Vite's own gzip column, for each chunk; the plugin above sums the initial ones.
    reportCompressedSize: true,
    // Rollup's warning is about raw size; the budget that matters (gzipped, initial) is checked above.
    chunkSizeWarningLimit: 1_000,
  },
});
