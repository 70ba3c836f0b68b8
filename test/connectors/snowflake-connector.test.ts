import { generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Connector, ConnectorTimeouts } from '../../src/connectors/connector.js';
import type { ServerConnectionDetails } from '../../src/connectors/shared/server-connection.js';
import { DATABASE_CONCURRENCY, createSnowflakeConnector } from '../../src/connectors/snowflake/snowflake-connector.js';
import type { CrawlBatch } from '../../src/domain/catalog-types.js';
import { byName, crawlAll, failures, kinds, listingOf, names, rejectionOf, scope } from '../helpers/crawl-helpers.js';
import { SnowflakeTestServer } from '../helpers/snowflake-server.js';

/**
 * What the contract suite does not cover, against the real snowflake-sdk and the Snowflake
 * protocol server: the key-pair and OAuth sign-ins, SHOW DATABASES past its 10,000-row cap,
 * a database lost mid-crawl (002003), "too much data" (090030), Snowflake's leaf kinds, ids and
 * tags with and without ACCOUNT_USAGE.
 */
const TIMEOUTS: ConnectorTimeouts = { connectMs: 3_000, statementMs: 10_000 };
let snowflake: SnowflakeTestServer;
const open: Connector[] = [];
const connect = (details: ServerConnectionDetails): Connector => {
  const connector = createSnowflakeConnector(details, TIMEOUTS);
  open.push(connector);
  return connector;
};

beforeAll(async () => {
  snowflake = await SnowflakeTestServer.start();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((connector) => connector.close()));
});
afterAll(() => snowflake.close());

/** A database `name` with one table `T (ID int, NAME varchar(20))` in PUBLIC. */
function databaseWithTable(name: string): void {
  snowflake.account.createDatabase(name);
  snowflake.account.execute(name, 'CREATE TABLE T (ID int, NAME varchar(20))');
}

function keyPair(passphrase?: string) {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: passphrase === undefined ? { type: 'pkcs8', format: 'pem' } : { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase },
  });
}

describe('Snowflake sign-in', () => {
  beforeAll(() => databaseWithTable('AUTH_DB'));

  it.each([
    ['an unencrypted key', undefined],
    ['an encrypted key with its passphrase', 'Key-passphrase-9'],
  ])('keyPair with %s signs in with a JWT the server verifies against the registered public key', async (_label, passphrase) => {
    const { publicKey, privateKey } = keyPair(passphrase);
    snowflake.account.addUser({ name: `KEY_USER_${passphrase === undefined ? 1 : 2}`, rsaPublicKey: publicKey, roles: ['ACCOUNTADMIN'] });
    const details = {
      ...snowflake.base(),
      authenticationType: 'keyPair',
      username: `key_user_${passphrase === undefined ? 1 : 2}`,
      privateKey: { content: privateKey },
      ...(passphrase === undefined ? {} : { privateKeyPassword: passphrase }),
    };
    const batches = await crawlAll(connect(details), scope([], ['AUTH_DB']));
    expect(names(listingOf(batches, ['AUTH_DB', 'PUBLIC']).objects)).toEqual(['T']);
    expect(snowflake.server.logins.at(-1)).toEqual({ authenticator: 'SNOWFLAKE_JWT', user: details.username.toUpperCase(), ok: true });
  });

  it('keyPair: another key, or a wrong passphrase, is AUTHENTICATION_FAILED without the key or passphrase in it', async () => {
    const registered = keyPair();
    snowflake.account.addUser({ name: 'KEY_USER_3', rsaPublicKey: registered.publicKey, roles: ['ACCOUNTADMIN'] });
    const other = keyPair();
    const encrypted = keyPair('Right-passphrase-1');
    const base = { ...snowflake.base(), authenticationType: 'keyPair', username: 'KEY_USER_3' };
    for (const details of [
      { ...base, privateKey: { content: other.privateKey } },
      { ...base, privateKey: { content: encrypted.privateKey }, privateKeyPassword: 'Wrong-passphrase-1' },
    ]) {
      const error = await rejectionOf(connect(details).testConnection(AbortSignal.timeout(10_000)));
      expect(error.code).toBe('AUTHENTICATION_FAILED');
      expect(error.message).toContain('KEY_USER_3');
      expect(`${error.message}${JSON.stringify(error.params)}`).not.toMatch(/PRIVATE KEY|passphrase-1/);
    }
  });

  it('oAuthClientCredentials: the driver gets a token from the token endpoint and signs in with it; a wrong secret is OAUTH_TOKEN_REFUSED', async () => {
    snowflake.account.addUser({ name: 'OAUTH_USER', roles: ['ACCOUNTADMIN'] });
    snowflake.account.oauthClients.set('warden-client', { secret: 'Client-secret-7', user: 'OAUTH_USER' });
    const details = (clientSecret: string) => ({
      ...snowflake.base(),
      authenticationType: 'oAuthClientCredentials',
      role: 'ACCOUNTADMIN',
      oAuthClientConfig: { clientId: 'warden-client', clientSecret, authorityUrl: `${snowflake.server.url}/oauth/token-request` },
    });
    const batches = await crawlAll(connect(details('Client-secret-7')), scope([], ['AUTH_DB']));
    expect(names(listingOf(batches, ['AUTH_DB', 'PUBLIC']).objects)).toEqual(['T']);
    expect(snowflake.server.logins.at(-1)).toEqual({ authenticator: 'OAUTH', user: 'OAUTH_USER', ok: true });

    const error = await rejectionOf(connect(details('Wrong-secret-7')).testConnection(AbortSignal.timeout(10_000)));
    expect(error.code).toBe('OAUTH_TOKEN_REFUSED');
    expect(error.message).toContain('warden-client');
    expect(`${error.message}${JSON.stringify(error.params)}`).not.toContain('secret-7');
  });

  it('an expired session token (390112) is renewed by the driver with the master token, and the crawl goes on', async () => {
    const clean = await crawlAll(connect(snowflake.adminDetails()), scope([], ['AUTH_DB']));
    snowflake.server.expireSessionTokensAfter = 1;
    try {
      const renewals = snowflake.server.renewals;
      const batches = await crawlAll(connect(snowflake.adminDetails()), scope([], ['AUTH_DB']));
      expect(snowflake.server.renewals).toBeGreaterThan(renewals);
      expect(listingOf(batches, ['AUTH_DB', 'PUBLIC'])).toEqual(listingOf(clean, ['AUTH_DB', 'PUBLIC']));
    } finally {
      snowflake.server.expireSessionTokensAfter = undefined;
    }
  });

  it('closes its sessions on the server after a crawl, and has Snowflake stop every statement at the statement deadline', async () => {
    const before = snowflake.server.statementParameters.length;
    await crawlAll(connect(snowflake.adminDetails()), scope([], ['AUTH_DB']));
    expect(snowflake.server.openSessions).toBe(0);
    const sent = snowflake.server.statementParameters.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    for (const parameters of sent) expect(parameters).toEqual({ STATEMENT_TIMEOUT_IN_SECONDS: 10 });
  });
});

describe('Snowflake sessions: one pool per crawl', () => {
  const POOLED = Array.from({ length: 12 }, (_, index) => `POOLED_${String(index).padStart(2, '0')}`);
  beforeAll(() => {
    for (const name of POOLED) databaseWithTable(name);
  });

  it(`a crawl of ${POOLED.length} databases signs in at most ${DATABASE_CONCURRENCY} times and closes every session when it ends`, async () => {
    const logins = snowflake.server.logins.length;
    const batches = await crawlAll(connect(snowflake.adminDetails()), scope([], POOLED));
    expect(failures(batches)).toEqual([]);
    for (const name of POOLED) expect(names(listingOf(batches, [name, 'PUBLIC']).objects)).toEqual(['T']);
    expect(snowflake.server.logins.length - logins).toBeLessThanOrEqual(DATABASE_CONCURRENCY);
    expect(snowflake.server.openSessions).toBe(0);
  });

  it('a crawl its consumer stops closes the sessions it had opened', async () => {
    const connector = connect(snowflake.adminDetails());
    for await (const batch of connector.crawl(scope([], POOLED), AbortSignal.timeout(60_000))) {
      if (batch.type === 'listing' && batch.parent.length === 2) break;
    }
    expect(snowflake.server.openSessions).toBe(0);
  });

  it.each([
    ['drops', (marker: string) => void snowflake.server.cutWhenClientSends(marker), 'CONNECTION_LOST'],
    ['times out', (marker: string) => snowflake.server.stallWhenClientSends(marker), 'QUERY_TIMEOUT'],
    ['expires (renewal refused, 390114)', (marker: string) => snowflake.server.endSessionWhenClientSends(marker), 'CONNECTION_LOST'],
  ])('a session that %s mid-crawl fails its database only; the rest is read on a new session, the broken one never reused', async (_label, fault, code) => {
    const connector = createSnowflakeConnector(snowflake.adminDetails(), { connectMs: 3_000, statementMs: 500 });
    open.push(connector);
    fault(`"${POOLED[5]}".INFORMATION_SCHEMA.TABLES`);
    const logins = snowflake.server.logins.length;
    const openBefore = snowflake.server.openSessions;
    const batches = await crawlAll(connector, scope([], POOLED));
    expect(failures(batches).map((failure) => [failure.path, failure.code])).toEqual([[[POOLED[5], 'PUBLIC'], code]]);
    for (const name of POOLED.filter((name) => name !== POOLED[5])) expect(names(listingOf(batches, [name, 'PUBLIC']).objects)).toEqual(['T']);
    // The pool's sessions, and one more for the one that broke.
    const signedIn = snowflake.server.logins.length - logins;
    expect(signedIn).toBeGreaterThan(1);
    expect(signedIn).toBeLessThanOrEqual(DATABASE_CONCURRENCY + 1);
    // A timed-out session is destroyed, not signed out (its server is still busy): Snowflake expires it.
    expect(snowflake.server.openSessions - openBefore).toBe(code === 'QUERY_TIMEOUT' ? 1 : 0);
  });
});

describe('Snowflake crawl', () => {
  it('pages SHOW DATABASES past its 10,000-row cap: every database, once', async () => {
    const before = snowflake.server.statements.length;
    for (let index = 0; index < 10_050; index++) snowflake.account.createDatabase(`MANY_${String(index).padStart(5, '0')}`);
    const batches = await crawlAll(connect(snowflake.adminDetails()), scope([], [], () => false));
    const listed = names(listingOf(batches, []).objects).filter((name) => name.startsWith('MANY_'));
    expect(listed).toHaveLength(10_050);
    expect(new Set(listed).size).toBe(10_050);
    const shows = snowflake.server.statements.slice(before).filter((sql) => sql.startsWith('SHOW DATABASES'));
    expect(shows).toEqual(['SHOW DATABASES LIMIT 10000', expect.stringMatching(/^SHOW DATABASES LIMIT 10000 FROM '/)]);
    for (const name of listed) snowflake.account.databases.delete(name);
  });

  it('a database lost after SHOW DATABASES (002003) fails its own subtree only, never as a listing', async () => {
    databaseWithTable('KEPT');
    databaseWithTable('LOST');
    snowflake.server.faults.lostDatabases.add('LOST');
    try {
      const batches = await crawlAll(connect(snowflake.adminDetails()), scope([], ['KEPT', 'LOST']));
      expect(names(listingOf(batches, []).objects)).toEqual(expect.arrayContaining(['KEPT', 'LOST']));
      expect(failures(batches).map((failure) => [failure.path, failure.code])).toEqual([[['LOST'], 'PERMISSION_DENIED']]);
      expect(names(listingOf(batches, ['KEPT', 'PUBLIC']).objects)).toEqual(['T']);
    } finally {
      snowflake.server.faults.lostDatabases.delete('LOST');
    }
  });

  it('waits for a statement Snowflake answers "still running" (333333) through its result URL', async () => {
    databaseWithTable('SLOW');
    const clean = await crawlAll(connect(snowflake.adminDetails()), scope([], ['SLOW']));
    snowflake.server.answerSlowlyWhenClientSends('INFORMATION_SCHEMA.COLUMNS', 3);
    const slow = await crawlAll(connect(snowflake.adminDetails()), scope([], ['SLOW']));
    expect(failures(slow)).toEqual([]);
    expect(listingOf(slow, ['SLOW', 'PUBLIC'])).toEqual(listingOf(clean, ['SLOW', 'PUBLIC']));
  });

  it('reads tables and columns per schema when the whole database is "too much data" (090030), with the same result', async () => {
    snowflake.account.createDatabase('BIG');
    snowflake.account.createSchema('BIG', 'OTHER');
    snowflake.account.execute('BIG', 'CREATE TABLE PUBLIC.A (ID int);\nCREATE TABLE OTHER.B (ID int, X varchar(5))');
    const bulk = await crawlAll(connect(snowflake.adminDetails()), scope([], ['BIG']));
    snowflake.server.faults.tooMuchData.add('BIG');
    const before = snowflake.server.statements.length;
    const split = await crawlAll(connect(snowflake.adminDetails()), scope([], ['BIG']));
    snowflake.server.faults.tooMuchData.delete('BIG');
    expect(failures(split)).toEqual([]);
    for (const parent of [['BIG', 'PUBLIC'], ['BIG', 'OTHER']]) expect(listingOf(split, parent)).toEqual(listingOf(bulk, parent));
    const perSchema = snowflake.server.statements.slice(before).filter((sql) => /INFORMATION_SCHEMA\.(TABLES|COLUMNS)/.test(sql) && sql.includes('TABLE_SCHEMA = ?'));
    expect(perSchema).toHaveLength(4);
  });

  it('maps every leaf kind, keeps comments, types as Snowflake writes them', async () => {
    const { account } = snowflake;
    account.createDatabase('KINDS', 'all kinds');
    const column = () => [account.column('ID', 'int', { nullable: false, comment: 'the id' }), account.column('AMOUNT', 'number(10,2)', { defaultValue: '0' })];
    const leaves: [string, Parameters<typeof account.createTable>[2]][] = [
      ['table', { name: 'PLAIN', type: 'BASE TABLE', comment: 'a table', columns: column() }],
      ['view', { name: 'V', type: 'VIEW', comment: null, columns: column() }],
      ['materializedView', { name: 'MV', type: 'MATERIALIZED VIEW', comment: null, columns: column() }],
      ['externalTable', { name: 'EXT', type: 'EXTERNAL TABLE', comment: null, columns: column() }],
      ['dynamicTable', { name: 'DYN', type: 'BASE TABLE', dynamic: true, comment: null, columns: column() }],
      ['icebergTable', { name: 'ICE', type: 'BASE TABLE', iceberg: true, comment: null, columns: column() }],
      ['eventTable', { name: 'EVT', type: 'EVENT TABLE', comment: null, columns: column() }],
    ];
    for (const [, table] of leaves) account.createTable('KINDS', 'PUBLIC', table);
    const batches = await crawlAll(connect(snowflake.adminDetails()), scope([], ['KINDS']));
    const objects = listingOf(batches, ['KINDS', 'PUBLIC']).objects;
    expect(kinds(objects)).toEqual(Object.fromEntries(leaves.map(([kind, table]) => [table.name, kind])));
    expect(byName(listingOf(batches, []).objects, 'KINDS').comment).toBe('all kinds');
    expect(byName(objects, 'PLAIN')).toMatchObject({
      comment: 'a table',
      columns: [
        { name: 'ID', ordinal: 1, type: 'NUMBER(38,0)', nullable: false, comment: 'the id', defaultValue: null },
        { name: 'AMOUNT', ordinal: 2, type: 'NUMBER(10,2)', nullable: true, defaultValue: '0' },
      ],
    });
  });

  it('takes SCHEMA_IDs and TABLE_IDs from ACCOUNT_USAGE when the role may read it, and only for objects ACCOUNT_USAGE already lists', async () => {
    databaseWithTable('IDS');
    snowflake.account.execute('IDS', 'CREATE TABLE RECENT (ID int)');
    snowflake.account.hideFromAccountUsage('IDS', 'PUBLIC', 'RECENT');
    const adminCrawl = await crawlAll(connect(snowflake.adminDetails()), scope([], ['IDS']));
    expect(byName(listingOf(adminCrawl, ['IDS']).objects, 'PUBLIC').stableId).toBe(String(snowflake.account.schema('IDS', 'PUBLIC').id));
    const admin = listingOf(adminCrawl, ['IDS', 'PUBLIC']).objects;
    expect(byName(admin, 'T').stableId).toBe(String(snowflake.account.table('IDS', 'PUBLIC', 'T').id));
    expect(byName(admin, 'RECENT').stableId).toBeNull();

    const crawler = snowflake.createUser('Crawler-pw-2');
    for (const table of ['T', 'RECENT']) snowflake.account.grantTable(crawler.role, 'IDS', 'PUBLIC', table);
    const crawled = await crawlAll(connect(crawler.details), scope([], ['IDS']));
    expect(listingOf(crawled, ['IDS']).objects.map((object) => object.stableId)).toEqual([null]);
    expect(listingOf(crawled, ['IDS', 'PUBLIC']).objects.map((object) => object.stableId)).toEqual([null, null]);
  });
});

describe('Snowflake tags', () => {
  let tagged: CrawlBatch[];

  beforeAll(() => {
    const { account } = snowflake;
    databaseWithTable('TAGGED');
    account.execute('TAGGED', 'CREATE TABLE PLAIN (ID int)');
    account.database('TAGGED').tags.set('GOV.TAGS.DOMAIN', 'sales');
    account.schema('TAGGED', 'PUBLIC').tags.set('GOV.TAGS.OWNER', 'team a');
    const table = account.table('TAGGED', 'PUBLIC', 'T');
    table.tags.set('GOV.TAGS.TIER', 'gold');
    table.tags.set('GOV.TAGS.DOMAIN', 'sales');
    table.columns[1]!.tags.set('GOV.TAGS.PII', 'name');
  });

  const expectTags = (batches: CrawlBatch[], databaseTags: boolean) => {
    expect(failures(batches)).toEqual([]);
    const database = byName(listingOf(batches, []).objects, 'TAGGED');
    if (databaseTags) expect(database.tags).toEqual([{ name: 'GOV.TAGS.DOMAIN', value: 'sales' }]);
    else expect(database.tags).toBeUndefined();
    expect(byName(listingOf(batches, ['TAGGED']).objects, 'PUBLIC').tags).toEqual([{ name: 'GOV.TAGS.OWNER', value: 'team a' }]);
    const leaves = listingOf(batches, ['TAGGED', 'PUBLIC']).objects;
    const table = byName(leaves, 'T');
    expect(table.tags).toEqual([
      { name: 'GOV.TAGS.DOMAIN', value: 'sales' },
      { name: 'GOV.TAGS.TIER', value: 'gold' },
    ]);
    expect(table.columns!.map((column) => [column.name, column.tags])).toEqual([
      ['ID', []],
      ['NAME', [{ name: 'GOV.TAGS.PII', value: 'name' }]],
    ]);
    expect(byName(leaves, 'PLAIN').tags).toEqual([]);
  };

  it('reads them in bulk from ACCOUNT_USAGE.TAG_REFERENCES when granted: databases, schemas, tables, columns', async () => {
    const before = snowflake.server.statements.length;
    tagged = await crawlAll(connect(snowflake.adminDetails()), scope([], ['TAGGED']));
    expectTags(tagged, true);
    expect(snowflake.server.statements.slice(before).filter((sql) => sql.includes('TAG_REFERENCES'))).toHaveLength(2);
  });

  it('otherwise reads them per object through INFORMATION_SCHEMA table functions (database tags left unread)', async () => {
    const crawler = snowflake.createUser('Crawler-pw-3');
    for (const table of ['T', 'PLAIN']) snowflake.account.grantTable(crawler.role, 'TAGGED', 'PUBLIC', table);
    const batches = await crawlAll(connect(crawler.details), scope([], ['TAGGED']));
    expectTags(batches, false);
  });

  it('follows Snowflake between crawls: a removed tag is gone, a changed value changes', async () => {
    const table = snowflake.account.table('TAGGED', 'PUBLIC', 'T');
    table.tags.delete('GOV.TAGS.TIER');
    table.tags.set('GOV.TAGS.DOMAIN', 'finance');
    const batches = await crawlAll(connect(snowflake.adminDetails()), scope([], ['TAGGED']));
    expect(byName(listingOf(batches, ['TAGGED', 'PUBLIC']).objects, 'T').tags).toEqual([{ name: 'GOV.TAGS.DOMAIN', value: 'finance' }]);
  });
});
