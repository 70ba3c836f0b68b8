import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startServer } from '../src/server.js';

describe('server roles', () => {
  it('reads WARDEN_ROLE and WARDEN_DATABASE_URL, naming a bad value', () => {
    expect(loadConfig({ WARDEN_ROLE: 'worker', WARDEN_DATABASE_URL: 'postgres://h/db' })).toMatchObject({ role: 'worker', databaseUrl: 'postgres://h/db' });
    expect(loadConfig({}).role).toBe('all');
    expect(() => loadConfig({ WARDEN_ROLE: 'both' })).toThrowError(/WARDEN_ROLE must be one of all, api, worker/);
    expect(() => loadConfig({ WARDEN_DATABASE_URL: 'mysql://h/db' })).toThrowError(/WARDEN_DATABASE_URL/);
  });

  it.each(['api', 'worker'] as const)('refuses --role %s on the embedded store', async (role) => {
    await expect(startServer({ ...loadConfig({}), role, demo: false }, { logger: createLogger('silent') })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/WARDEN_DATABASE_URL/),
    });
  });
});
