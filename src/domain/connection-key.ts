import { WardenError } from '../errors.js';

/** Words that would collide with routes under /data, compared case-insensitively. */
export const RESERVED_CONNECTION_KEYS = [
  'data',
  'connection',
  'object',
  'crawl',
  'search',
  'settings',
  'metadata',
  'permission',
  'sync',
  'bulk',
  'upgrade',
] as const;

const CONNECTION_KEY_PATTERN = /^[A-Za-z0-9 _-]{1,128}$/;

/** Throws INVALID_CONNECTION_KEY with the rule that `key` breaks (SPEC 1.2). */
export function assertValidConnectionKey(key: string): void {
  const reason = connectionKeyProblem(key);
  if (reason) throw new WardenError('INVALID_CONNECTION_KEY', { reason });
}

/** The rule a connection key breaks, or null when it is valid. */
export function connectionKeyProblem(key: string): string | null {
  if (!CONNECTION_KEY_PATTERN.test(key)) {
    return `"${key}" must be 1-128 characters of letters, digits, space, "-" and "_"`;
  }
  if (key !== key.trim()) return `"${key}" must not start or end with a space`;
  if ((RESERVED_CONNECTION_KEYS as readonly string[]).includes(key.toLowerCase())) {
    return `"${key}" is a reserved word (${RESERVED_CONNECTION_KEYS.join(', ')})`;
  }
  return null;
}
