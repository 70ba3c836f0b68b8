import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WardenError } from '../errors.js';

/** The lock file of the embedded store's data directory: the pid of the process that holds it. */
export const DATA_DIR_LOCK_FILE = 'warden.lock';

/** The hold of one process on a data directory. */
export interface DataDirLock {
  release(): void;
}

/**
 * Takes the data directory for this process: the embedded store is one process's (SQLite
 * across processes and an in-process worker that fails every run left active on start would
 * corrupt each other's work). STORE_IN_USE, naming the holder, while a live process holds it;
 * a lock whose process is gone (killed, crashed) is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, DATA_DIR_LOCK_FILE);
  const own = String(process.pid);
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${own}\n`, { flag: 'wx', mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder !== null && isAlive(holder)) throw new WardenError('STORE_IN_USE', { dataDir, pid: holder, lockFile: file });
      // Stale: its process is gone. Two processes taking it over at once: one creates it next, the other finds it held.
      if (attempt > 0) throw new WardenError('STORE_IN_USE', { dataDir, pid: holder ?? 'unknown', lockFile: file });
      rmSync(file, { force: true });
    }
  }
  return {
    release() {
      if (readHolder(file) === process.pid) rmSync(file, { force: true });
    },
  };
}

function readHolder(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Whether a process with this pid exists (signal 0 checks without sending anything). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
