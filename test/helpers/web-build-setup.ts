import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('../../web/', import.meta.url));
const BUILT = fileURLToPath(new URL('../../dist/web/index.html', import.meta.url));

/**
 * vitest globalSetup: the browser tests drive the built UI, so it is built (once, before any
 * test file runs) when `dist/web` is missing or older than a file under `web/`.
 */
export default async function setup(): Promise<void> {
  if (builtAt() >= newestSource(WEB)) return;
  const { build } = await import('vite');
  // vitest sets NODE_ENV=test, which Vite would bake in: React's development build, not the one
  // `npm run build` ships. The tests drive the production bundle.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

function builtAt(): number {
  try {
    return statSync(BUILT).mtimeMs;
  } catch {
    return 0;
  }
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}
