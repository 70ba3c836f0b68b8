import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { WardenError } from '../errors.js';
import { takePidFile, type PidFile } from '../pid-file.js';

/** The lock file of the embedded store's data directory: the pid of the process that holds it. */
export const DATA_DIR_LOCK_FILE = 'warden.lock';

/**
 * Takes the data directory for this process: the embedded store is one process's (SQLite
 * across processes, and an in-process worker that fails every run left active on start, would
 * corrupt each other's work). STORE_IN_USE, naming the holder, while a live process holds it;
 * a lock whose process is gone (killed, crashed) is taken over.
 */
export function lockDataDir(dataDir: string): PidFile {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, DATA_DIR_LOCK_FILE);
  const lock = takePidFile(file);
  if ('heldBy' in lock) throw new WardenError('STORE_IN_USE', { dataDir, pid: lock.heldBy ?? 'unknown', lockFile: file });
  return lock;
}
