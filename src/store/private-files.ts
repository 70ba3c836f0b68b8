import { chmodSync, existsSync, writeFileSync } from 'node:fs';

/** Read and write for Warden's own user only: stores, keys, the secret key file. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Writes `text` to `file`, readable by Warden's user only. `writeFileSync`'s mode applies only
 * when it creates the file, so an existing one (written by an older version, or by hand) is
 * narrowed too.
 */
export function writePrivateFile(file: string, text: string): void {
  writeFileSync(file, text, { mode: PRIVATE_FILE_MODE });
  chmodSync(file, PRIVATE_FILE_MODE);
}

/** Narrows the files of `files` that exist to Warden's user (stores created 0644 by older versions). */
export function restrictToOwner(files: readonly string[]): void {
  for (const file of files) if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
}
