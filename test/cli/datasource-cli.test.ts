import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { grantCrawlAccess, sqlIn } from '../helpers/catalog-fixtures.js';
import { adminServer, PostgresTestContext, type TestDatabase, type TestRole } from '../helpers/postgres-server.js';
import { describeIfServer } from '../helpers/server-availability.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += String(chunk);
    done();
  }
}

/** `warden datasource register|rm|enable|disable` against a real server and a real PostgreSQL. */
describeIfServer(['PostgreSQL'], 'warden datasource (legacy)', () => {
  const pg = new PostgresTestContext();
  let server: TestServer;
  let db: TestDatabase;
  let role: TestRole;
  const cli = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runCli(args, { stdout, stderr, env: { WARDEN_URL: server.url, WARDEN_API_KEY: server.apiKey, ...env } });
    return { code, stdout: stdout.text, stderr: stderr.text };
  };
  const connectionFlags = () => [
    '--technology', 'PostgreSQL', '--hostname', adminServer.host, '--port', String(adminServer.port), '--database', db.name,
    '--username', role.name, '--password-env', 'PW', '--tls-mode', 'disable',
  ];

  beforeAll(async () => {
    server = await startTestServer();
    db = await pg.createDatabase();
    await sqlIn(db, 'CREATE SCHEMA app; CREATE TABLE app.users (id int); CREATE TABLE app.events (id int)');
    role = await pg.createRole({ connect: [db.name] });
    await grantCrawlAccess(db.name, role);
  });
  afterAll(async () => {
    await server?.close();
    await pg.cleanup();
  });

  it('registers tables, disables and enables one, and removes it; no secret is printed', async () => {
    const registered = await cli(['datasource', 'register', ...connectionFlags(), '--schema', 'app', '--table', 'users', '--table', 'events', '--monitor'], { PW: role.password });
    expect(registered).toMatchObject({ code: 0, stderr: '' });
    const lines = registered.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    const [, dataSourceId, handlerId] = /^Registered data source (\d+) "app_users" \(handler (\d+)\) on .+@.+\/.+\.$/.exec(lines.find((l) => l.includes('app_users'))!)!;
    expect(registered.stdout).not.toContain(role.password);

    expect(await cli(['datasource', 'disable', handlerId!, '--technology', 'PostgreSQL'])).toMatchObject({ code: 0, stdout: `Disabled data source ${dataSourceId} "app_users".\n` });
    expect((await server.request('GET', `/pg/handler/${handlerId}`)).body.enabled).toBe(false);
    expect(await cli(['datasource', 'enable', handlerId!, '--technology', 'PostgreSQL'])).toMatchObject({ code: 0, stdout: `Enabled data source ${dataSourceId} "app_users".\n` });
    expect((await server.request('GET', `/pg/handler/${handlerId}`)).body.enabled).toBe(true);

    expect((await cli(['datasource', 'rm', handlerId!, '--technology', 'PostgreSQL'])).code).toBe(2);
    expect(await cli(['datasource', 'rm', handlerId!, '--technology', 'PostgreSQL', '--yes'])).toMatchObject({ code: 0, stdout: `Removed data source ${dataSourceId} "app_users" (handler ${handlerId}).\n` });
    expect((await cli(['datasource', 'enable', handlerId!, '--technology', 'PostgreSQL'])).stderr).toContain(`No PostgreSQL handler with id "${handlerId}"`);

    const again = await cli(['datasource', 'register', ...connectionFlags(), '--schema', 'app', '--table', 'events'], { PW: role.password });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect((await cli(['datasource', 'register', ...connectionFlags(), '--schema', 'app'], { PW: role.password })).code).toBe(2);
  });
});
