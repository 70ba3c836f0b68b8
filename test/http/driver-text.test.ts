import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPasswordCatcher, type PasswordCatcher } from '../helpers/password-catcher.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * A platform's text never reaches a user: with a one-letter password, redacting every
 * occurrence of it in "unexpected copyData" told the letter's positions (`unex[REDACTED]ected`).
 */
describe('platform error text', () => {
  let server: TestServer;
  let platform: PasswordCatcher;
  beforeAll(async () => {
    server = await startTestServer();
    platform = await startPasswordCatcher({ sqlState: 'XX000', message: 'unexpected copyData from the peer' });
  });
  afterAll(async () => {
    await server?.close();
    await platform?.close();
  });

  it('is not in the answer, only in the log with the password removed', async () => {
    const connection = { technology: 'PostgreSQL', hostname: '127.0.0.1', port: platform.port, authenticationType: 'userPassword', username: 'u', password: 'p' };
    const refused = await server.request('POST', '/data/connection?dryRun=true', { connectionKey: 'Oracle', connection });
    expect(platform.passwords).toEqual(['p']);
    expect(refused.body).toMatchObject({ statusCode: 422, code: 'PLATFORM_ERROR' });
    expect(refused.body.message).toBe('The platform answered with an error: SQLSTATE XX000');
    const logged = server.logs.filter((line) => line.includes('SQLSTATE XX000: '));
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expect(line).toContain('unex[REDACTED]ected co[REDACTED]yData');
  });
});
