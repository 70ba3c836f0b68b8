import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createContainer } from '../../src/container.js';
import { createLogger } from '../../src/logger.js';
import { DATA_DIR_LOCK_FILE, lockDataDir } from '../../src/store/data-dir-lock.js';

describe('the data directory lock (embedded store)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'warden-lock-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a second holder while the first lives, naming its pid, and is free again once released', () => {
    const lock = lockDataDir(dataDir);
    expect(readFileSync(join(dataDir, DATA_DIR_LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    expect(() => lockDataDir(dataDir)).toThrowError(expect.objectContaining({ code: 'STORE_IN_USE', message: expect.stringContaining(`pid ${process.pid}`) }));
    lock.release();
    expect(existsSync(join(dataDir, DATA_DIR_LOCK_FILE))).toBe(false);
    lockDataDir(dataDir).release();
  });

  it.each([
    ['a process that is gone', () => spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout],
    // A restarted container's process has the pid its crashed predecessor had (pid 1).
    ['this pid, left by an earlier process', () => String(process.pid)],
  ])('takes over the lock of %s', (_, holder) => {
    writeFileSync(join(dataDir, DATA_DIR_LOCK_FILE), holder());
    const lock = lockDataDir(dataDir);
    expect(readFileSync(join(dataDir, DATA_DIR_LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });

  it('stops a second server on the same data directory before it opens the store', async () => {
    const config = { ...loadConfig({}), dataDir, demo: false };
    const first = await createContainer(config, { logger: createLogger('silent') });
    try {
      await expect(createContainer(config, { logger: createLogger('silent') })).rejects.toMatchObject({ code: 'STORE_IN_USE' });
    } finally {
      await first.close();
    }
    await (await createContainer(config, { logger: createLogger('silent') })).close();
  });
});
