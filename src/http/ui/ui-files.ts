import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, normalize, sep } from 'node:path';

/** Where the UI is served: a prefix no API route starts with. */
export const UI_PREFIX = '/ui';

/**
 * The built UI (`vite build` writes it): `dist/web` beside the compiled server, found from this
 * module's place (src/http/ui or dist/http/ui, both three levels below the package root).
 */
export const UI_DIR = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

/** True once `npm run build` has built the UI. */
export function uiBuilt(dir: string = UI_DIR): boolean {
  return existsSync(join(dir, 'index.html'));
}

/**
 * The file under `dir` a request path names, or null when there is none: dot segments, dot
 * files and directories never name one (so a path cannot leave the UI's directory).
 */
export function uiFileFor(dir: string, requestPath: string): string | null {
  const segments = requestPath.split('/').filter((segment) => segment !== '');
  if (segments.length === 0 || segments.some((segment) => segment.startsWith('.') || segment.includes('\\'))) return null;
  const relative = normalize(segments.join(sep));
  const file = join(dir, relative);
  try {
    return statSync(file).isFile() ? relative : null;
  } catch {
    return null;
  }
}

/** Paths that name a file (`assets/x.js`, `favicon.svg`) rather than a page of the app. */
export function looksLikeFile(requestPath: string): boolean {
  return /\.[A-Za-z0-9]+$/.test(requestPath) || requestPath.startsWith('assets/');
}
