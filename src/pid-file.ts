import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/** A pid file this process holds. */
export interface PidFile {
  release(): void;
}

/** The pid files this process holds (a second holder in the same process is refused too). */
const heldHere = new Set<string>();

/**
 * Creates `file` holding this process's pid, unless a live process holds it: then returns that
 * process's pid. A file whose process is gone (killed, crashed) is taken over — also one naming
 * this process's own pid that this process does not hold (a previous process had the same pid,
 * as pid 1 in a restarted container does).
 */
export function takePidFile(file: string): PidFile | { heldBy: number | null } {
  if (heldHere.has(file)) return { heldBy: process.pid };
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder !== null && holder !== process.pid && isAlive(holder)) return { heldBy: holder };
      // Two processes taking over the same stale file at once: one creates it next, the other finds it held.
      if (attempt > 0) return { heldBy: holder };
      rmSync(file, { force: true });
    }
  }
  heldHere.add(file);
  return {
    release() {
      heldHere.delete(file);
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
