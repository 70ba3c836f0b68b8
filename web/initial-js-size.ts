import { gzipSync } from 'node:zlib';
import type { OutputBundle, OutputChunk } from 'rollup';
import type { Plugin } from 'vite';

/** Issue 15: the JavaScript a first visit downloads stays within this, gzipped. */
export const INITIAL_JS_BUDGET_BYTES = 300 * 1024;

/**
 * Reports the initial JavaScript (the entry chunk and every chunk it imports statically, not the
 * lazily loaded pages) gzipped, and fails the build when it is over the budget.
 */
export function initialJsSize(): Plugin {
  return {
    name: 'warden-initial-js-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const bytes = initialChunks(bundle).reduce((sum, chunk) => sum + gzipSync(chunk.code, { level: 9 }).length, 0);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      this.info(`initial JS ${kb(bytes)} gzipped (budget ${kb(INITIAL_JS_BUDGET_BYTES)})`);
      if (bytes > INITIAL_JS_BUDGET_BYTES) this.error(`initial JS is ${kb(bytes)} gzipped, over the ${kb(INITIAL_JS_BUDGET_BYTES)} budget: load the page with React.lazy`);
    },
  };
}

function initialChunks(bundle: OutputBundle): OutputChunk[] {
  const chunks = Object.values(bundle).filter((item): item is OutputChunk => item.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set<string>();
  const visit = (chunk: OutputChunk): void => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const name of chunk.imports) {
      const imported = byName.get(name);
      if (imported) visit(imported);
    }
  };
  chunks.filter((chunk) => chunk.isEntry).forEach(visit);
  return [...seen].map((name) => byName.get(name)!);
}
