import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentServer } from '../helpers/crawl-helpers.js';
import { SnowflakeTestServer } from '../helpers/snowflake-server.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { refusedRegistration, startTestServer, syncThroughApi, urlPath, type TestServer } from '../helpers/test-server.js';

/**
 * Snowflake connections through the API end to end, on both stores: the real snowflake-sdk
 * against the Snowflake protocol server (test/protocol-servers/snowflake), no real account.
 */
describeEachStore('Snowflake connections through the API', (kind) => {
  let server: TestServer;
  let snowflake: SnowflakeTestServer;
  beforeAll(async () => {
    server = await startTestServer({}, { store: kind });
    snowflake = await SnowflakeTestServer.start();
    snowflake.account.createDatabase('MY_DATABASE');
    snowflake.account.createSchema('MY_DATABASE', 'MY_SCHEMA');
    snowflake.account.execute('MY_DATABASE', 'CREATE TABLE MY_SCHEMA.MY_TABLE (ID int, EMAIL varchar(200))');
  });
  afterAll(async () => {
    await server?.close();
    await snowflake?.close();
  });

  const register = (connectionKey: string, connection: Record<string, unknown>) =>
    server.request('POST', '/data/connection', { connectionKey, connection, settings: { isActive: true } });

  it("round-trips the guide's naming example: My Connection + MY_DATABASE.MY_SCHEMA.MY_TABLE", async () => {
    const response = await register('My Connection', snowflake.adminDetails());
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(await server.waitForJob(response.body.syncRunId)).toMatchObject({ state: 'completed', errors: [] });
    const table = await server.request('GET', `/data/object/${urlPath('My Connection', 'MY_DATABASE', 'MY_SCHEMA', 'MY_TABLE')}`);
    expect(table.status).toBe(200);
    expect(table.body).toMatchObject({ objectPath: ['My Connection', 'MY_DATABASE', 'MY_SCHEMA', 'MY_TABLE'], kind: 'table', technology: 'Snowflake' });
    expect(table.body.dataSourceName).toBe('My Connection.MY_DATABASE.MY_SCHEMA.MY_TABLE');
    expect(table.body.columns.map((column: any) => [column.name, column.type])).toEqual([
      ['ID', 'NUMBER(38,0)'],
      ['EMAIL', 'VARCHAR(200)'],
    ]);
    const stored = await server.request('GET', `/data/connection/${encodeURIComponent('My Connection')}`);
    expect(JSON.stringify(stored.body)).not.toContain(snowflake.adminDetails().password);
  });

  it('refuses the private key file password in connectionStringOptions with a 400 that says what to use instead, and stores nothing', async () => {
    const logins = snowflake.server.logins.length;
    for (const connectionStringOptions of ['private_key_file_pwd=Key-pass-1', 'db=X;PRIVATE_KEY_PWD=Key-pass-1']) {
      const response = await register('Options refused', { ...snowflake.adminDetails(), connectionStringOptions });
      expect(response.status, JSON.stringify(response.body)).toBe(400);
      expect(response.body.code).toBe('UNSUPPORTED_CONNECTION_STRING_OPTION');
      expect(response.body.message).toContain('privateKeyPassword');
      expect(JSON.stringify(response.body)).not.toContain('Key-pass-1');
    }
    expect(snowflake.server.logins.length).toBe(logins);
    expect((await server.request('GET', `/data/connection/${encodeURIComponent('Options refused')}`)).status).toBe(404);
    // An option connections support is kept as it was.
    const kept = await register('Options kept', { ...snowflake.adminDetails(), connectionStringOptions: 'CLIENT_SESSION_KEEP_ALIVE=false' });
    expect(kept.status, JSON.stringify(kept.body)).toBe(201);
    const stored = await server.request('GET', `/data/connection/${encodeURIComponent('Options kept')}`);
    expect(JSON.stringify(stored.body)).toContain('CLIENT_SESSION_KEEP_ALIVE=false');
  });

  // On the connection the naming example registered.
  it('brings Snowflake tags in and follows them out between syncs; user tags are left alone', async () => {
    const path = ['My Connection', 'MY_DATABASE', 'MY_SCHEMA', 'MY_TABLE'];
    const table = snowflake.account.table('MY_DATABASE', 'MY_SCHEMA', 'MY_TABLE');
    table.tags.set('GOV.TAGS.TIER', 'gold');
    table.columns[1]!.tags.set('GOV.TAGS.PII', 'email');
    snowflake.account.schema('MY_DATABASE', 'MY_SCHEMA').tags.set('GOV.TAGS.OWNER', 'sales');
    const tagsOf = async () => (await server.request('GET', `/data/tags/${urlPath(...path)}`)).body;
    const summary = (tags: any[]) => tags.map((tag) => `${tag.name}=${tag.value}/${tag.source}`);

    expect((await syncThroughApi(server, 'My Connection')).job).toMatchObject({ state: 'completed', errors: [] });
    let tags = await tagsOf();
    expect(summary(tags.tags)).toEqual(['GOV.TAGS.TIER=gold/platform']);
    expect(tags.columns.map((column: any) => [column.name, summary(column.tags)])).toEqual([
      ['ID', []],
      ['EMAIL', ['GOV.TAGS.PII=email/platform']],
    ]);
    const schema = (await server.request('GET', `/data/tags/${urlPath(...path.slice(0, 3))}`)).body;
    expect(summary(schema.tags)).toEqual(['GOV.TAGS.OWNER=sales/platform']);
    expect((await server.request('POST', `/data/tags/${urlPath(...path)}`, { tags: [{ name: 'Reviewed' }] })).status).toBe(200);

    table.tags.set('GOV.TAGS.TIER', 'silver');
    table.columns[1]!.tags.delete('GOV.TAGS.PII');
    expect((await syncThroughApi(server, 'My Connection')).job).toMatchObject({ state: 'completed', errors: [] });
    tags = await tagsOf();
    expect(summary(tags.tags)).toEqual(['GOV.TAGS.TIER=silver/platform', 'Reviewed=null/user']);
    expect(tags.columns.map((column: any) => [column.name, summary(column.tags)])).toEqual([
      ['ID', []],
      ['EMAIL', []],
    ]);
  });

  it('registers and syncs with each authentication type; the key, passphrase and client secret are never shown or logged', async () => {
    const passphrase = 'Key-passphrase-e2e-77';
    const pair = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase },
    });
    snowflake.account.addUser({ name: 'E2E_KEY', rsaPublicKey: pair.publicKey, roles: ['ACCOUNTADMIN'] });
    snowflake.account.addUser({ name: 'E2E_OAUTH', roles: ['ACCOUNTADMIN'] });
    snowflake.account.oauthClients.set('e2e-client', { secret: 'Client-secret-e2e-77', user: 'E2E_OAUTH' });
    const { password: _password, username: _username, ...base } = snowflake.adminDetails();
    const connections: [string, Record<string, unknown>][] = [
      ['Key Pair', { ...base, authenticationType: 'keyPair', username: 'E2E_KEY', privateKey: { content: pair.privateKey, keyName: 'warden', userFilename: 'warden.p8' }, privateKeyPassword: passphrase }],
      [
        'OAuth',
        {
          ...base,
          authenticationType: 'oAuthClientCredentials',
          oAuthClientConfig: { clientId: 'e2e-client', clientSecret: 'Client-secret-e2e-77', authorityUrl: `${snowflake.server.url}/oauth/token-request` },
        },
      ],
    ];
    for (const [key, connection] of connections) {
      const response = await register(key, connection);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect(await server.waitForJob(response.body.syncRunId)).toMatchObject({ state: 'completed', errors: [] });
      const again = await syncThroughApi(server, key, 'MY_DATABASE');
      expect(again.job).toMatchObject({ state: 'completed', errors: [] });
      const shown = JSON.stringify((await server.request('GET', `/data/connection/${encodeURIComponent(key)}`)).body);
      expect(shown).toContain('[REDACTED]');
      for (const secret of ['PRIVATE KEY', passphrase, 'Client-secret-e2e-77']) {
        expect(shown).not.toContain(secret);
        expect(server.logs.join('\n')).not.toContain(secret);
      }
    }
  });

  describe('bad credentials: 422 within the configured timeout, nothing stored', () => {
    const attempt = (key: string, connection: Record<string, unknown>) => refusedRegistration(server, key, connection);

    it('a wrong password is AUTHENTICATION_FAILED at once', async () => {
      const answer = await attempt('Bad Password', { ...snowflake.adminDetails(), password: 'Wrong-pw-e2e-31' });
      expect(answer.code).toBe('AUTHENTICATION_FAILED');
      expect(answer.elapsed).toBeLessThan(3_000);
      expect(JSON.stringify(answer)).not.toContain('Wrong-pw-e2e-31');
      expect(server.logs.join('\n')).not.toContain('Wrong-pw-e2e-31');
    });

    it('a host that never answers is CONNECT_TIMEOUT within the connect timeout, not the driver\'s minutes of retries', async () => {
      const silent = await silentServer();
      try {
        const answer = await attempt('Hanging', { ...snowflake.adminDetails(), port: silent.port });
        expect(answer.code).toBe('CONNECT_TIMEOUT');
        // The test server's connect timeout is 3 s.
        expect(answer.message).toContain('3000 ms');
        expect(answer.elapsed).toBeLessThan(4_500);
      } finally {
        await silent.close();
      }
    });
  });
});

describe('snowflake-sdk loading', () => {
  it('is not loaded when the server starts, and is loaded by the first Snowflake call', async () => {
    const entry = fileURLToPath(new URL('../helpers/snowflake-lazy-main.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', entry], { timeout: 60_000, env: { ...process.env, NO_PROXY: '127.0.0.1' } });
    const report = stdout.split('\n').find((line) => line.startsWith('snowflake-sdk loading: '))!;
    expect(JSON.parse(report.slice('snowflake-sdk loading: '.length))).toEqual({ atStart: false, afterFirstCall: true, status: 201 });
  }, 70_000);
});
