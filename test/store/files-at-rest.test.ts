import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createContainer } from '../../src/container.js';
import { createLogger } from '../../src/logger.js';
import { startServer } from '../../src/server.js';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('files at rest', () => {
  const base = mkdtempSync(join(tmpdir(), 'warden-files-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const config = (dataDir: string, overrides: Record<string, unknown> = {}) => ({ ...loadConfig({}), dataDir, port: 0, demo: false, ...overrides });

  it('is readable by Warden only: the data directory it creates 0700, store and key files 0600', async () => {
    const dataDir = join(base, 'created', 'data');
    const server = await startServer(config(dataDir), { logger: createLogger('silent') });
    try {
      expect(mode(dataDir)).toBe(0o700);
      for (const file of ['warden.db', 'warden.db-wal', 'warden.db-shm', 'secret.key', 'admin-api-key']) expect(mode(join(dataDir, file)), file).toBe(0o600);
    } finally {
      await server.close();
    }
  });

  it('is narrowed when an older version left the store and key files readable', async () => {
    const dataDir = join(base, 'older');
    mkdirSync(dataDir, { mode: 0o755 });
    for (const file of ['warden.db', 'secret.key']) {
      writeFileSync(join(dataDir, file), file === 'secret.key' ? randomBytes(32).toString('base64') : '');
      chmodSync(join(dataDir, file), 0o644);
    }
    const container = await createContainer(config(dataDir), { logger: createLogger('silent') });
    try {
      for (const file of ['warden.db', 'warden.db-wal', 'secret.key']) expect(mode(join(dataDir, file)), file).toBe(0o600);
    } finally {
      await container.close();
    }
  });

  it('a weak WARDEN_SECRET_KEY or a short WARDEN_ADMIN_API_KEY is refused at start, saying what to use', async () => {
    for (const secretKey of ['x', 'correct horse battery staple', 'a'.repeat(64), randomBytes(16).toString('base64')]) {
      await expect(createContainer(config(join(base, 'weak'), { secretKey }), { logger: createLogger('silent') })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('openssl rand -base64 32'),
      });
    }
    for (const secretKey of [randomBytes(32).toString('base64'), randomBytes(32).toString('hex'), randomBytes(32).toString('base64url')]) {
      await (await createContainer(config(join(base, `strong-${secretKey.length}`), { secretKey }), { logger: createLogger('silent') })).close();
    }
    expect(() => loadConfig({ WARDEN_ADMIN_API_KEY: 'x' })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('WARDEN_ADMIN_API_KEY must be at least 32 characters') }));
    expect(loadConfig({ WARDEN_ADMIN_API_KEY: 'k'.repeat(32) }).adminApiKey).toBe('k'.repeat(32));
  });
});
