import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionInput } from '../helpers/catalog-fixtures.js';
import { startPasswordCatcher, type PasswordCatcher } from '../helpers/password-catcher.js';
import { PostgresTestContext, type TestDatabase, type TestRole } from '../helpers/postgres-server.js';
import { describeIfServer } from '../helpers/server-availability.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * An edit that changes where or how the credentials travel (host, port, TLS) must send the
 * secrets again: otherwise anyone who may edit a connection reads its password out with a
 * listener of their own.
 */
describeIfServer(['PostgreSQL'], 'an edit that moves the credentials', () => {
  const pg = new PostgresTestContext();
  let server: TestServer;
  let catcher: PasswordCatcher;
  let db: TestDatabase;
  let role: TestRole;
  const key = 'Moved';

  beforeAll(async () => {
    server = await startTestServer();
    catcher = await startPasswordCatcher();
    db = await pg.createDatabase();
    role = await pg.createRole({ password: 'stored-secret-Pw', connect: [db.name] });
    const registered = await server.request('POST', '/data/connection', { connectionKey: key, connection: connectionInput(db, role) });
    expect(registered.status).toBe(201);
    await server.waitForJob(registered.body.syncRunId);
  });
  afterAll(async () => {
    await server?.close();
    await catcher?.close();
    await pg.cleanup();
  });

  const edits: [string, Record<string, unknown>, string][] = [
    ['a new host and port', { hostname: 'localhost', port: 0 }, 'connection.hostname, connection.port'],
    ['a new port', { port: 0 }, 'connection.port'],
    ['TLS turned to require', { tls: { mode: 'require' } }, 'connection.tls'],
    ['a new CA', { tls: { mode: 'verify-full', ca: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' } }, 'connection.tls'],
  ];
  it.each(edits)('%s without the password is refused with 400 and changes nothing', async (_what, edit, named) => {
    const before = await server.request('GET', `/data/connection/${key}`);
    const connection = { ...edit, ...('port' in edit && { port: catcher.port }) };
    const refused = await server.request('PUT', `/data/connection/${key}`, { connection });
    expect(refused.body).toMatchObject({ statusCode: 400, code: 'CREDENTIALS_REQUIRED' });
    expect(refused.body.message).toContain(named);
    expect(refused.body.message).toContain('connection.password');
    expect(catcher.connections).toBe(0);
    expect(catcher.passwords).toEqual([]);
    expect((await server.request('GET', `/data/connection/${key}`)).body).toEqual(before.body);
  });

  it('goes to the new host with the password sent again, never the stored one', async () => {
    const moved = await server.request('PUT', `/data/connection/${key}`, { connection: { hostname: 'localhost', port: catcher.port, password: 'sent-again' } });
    expect(moved.status).toBe(422);
    expect(catcher.passwords).toEqual(['sent-again']);
  });

  it('keeps the stored password for an edit that leaves host, port and TLS as they are', async () => {
    const same = connectionInput(db, role);
    const kept = await server.request('PUT', `/data/connection/${key}`, { connection: { hostname: same.hostname, port: same.port, tls: same.tls } });
    expect(kept.status).toBe(200);
  });
});
