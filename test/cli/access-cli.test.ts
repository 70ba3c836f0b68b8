import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config.js';
import { createContainer } from '../../src/container.js';
import { createLogger } from '../../src/logger.js';
import { openConnection, sealConnection } from '../../src/services/connection-secrets.js';
import { SecretBox } from '../../src/services/secret-box.js';
import { CatalogStore } from '../../src/store/catalog-store.js';
import { openStore } from '../../src/store/database.js';
import { createStoreDatabase, describeEachStore } from '../helpers/store-kinds.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += String(chunk);
    done();
  }
}

async function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCli(args, { stdout, stderr, env });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('warden user, apikey and audit', () => {
  let server: TestServer;
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => run(args, { WARDEN_URL: server.url, WARDEN_API_KEY: server.apiKey, ...env });

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  it('adds, lists, grants and revokes', async () => {
    const added = await cli(['user', 'add', 'ivy', '--permission', 'CREATE_DATA_SOURCE', '--group', 'analysts']);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toContain('Added user "ivy" (CREATE_DATA_SOURCE)');
    expect((await cli(['user', 'grant', 'ivy', 'GOVERNANCE'])).stdout).toBe('User "ivy" now has GOVERNANCE, CREATE_DATA_SOURCE.\n');
    expect((await cli(['user', 'grant', 'analysts', 'APPLICATION_ADMIN', '--group'])).stdout).toBe('Group "analysts" now has APPLICATION_ADMIN.\n');
    expect((await cli(['user', 'revoke', 'ivy', 'CREATE_DATA_SOURCE'])).stdout).toBe('User "ivy" now has GOVERNANCE, and APPLICATION_ADMIN through groups.\n');
    const list = await cli(['user', 'list']);
    expect(list.stdout).toMatch(/^USER\s+PERMISSIONS\s+GROUPS\nadmin \(built-in\)\s+APPLICATION_ADMIN, GOVERNANCE, CREATE_DATA_SOURCE, USER_ADMIN\s+-\nivy\s+APPLICATION_ADMIN, GOVERNANCE\s+analysts\n/);
    expect(list.stdout).toMatch(/GROUP\s+PERMISSIONS\s+MEMBERS\nanalysts\s+APPLICATION_ADMIN\s+ivy/);
    expect(JSON.parse((await cli(['user', 'list', '--json'])).stdout).users).toHaveLength(2);
  });

  it('exits 2 on a permission that does not exist, 1 on an unknown user', async () => {
    const bad = await cli(['user', 'grant', 'ivy', 'ROOT']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Allowed choices are APPLICATION_ADMIN, GOVERNANCE, CREATE_DATA_SOURCE/);
    const unknown = await cli(['user', 'grant', 'nobody', 'GOVERNANCE']);
    expect(unknown).toMatchObject({ code: 1, stderr: 'error: No user named "nobody"\n' });
  });

  it('creates a key shown once, lists prefixes only, revokes it, and the key stops working', async () => {
    await cli(['user', 'add', 'jack', '--permission', 'GOVERNANCE']);
    const created = await cli(['apikey', 'create', 'jack', '--name', 'ci', '--expires-in-days', '30']);
    expect(created.code).toBe(0);
    const key = /^\s+(wdn_\S+)$/m.exec(created.stdout)![1]!;
    expect(created.stdout).toContain('shown this once');
    const me = await run(['audit', '--size', '1'], { WARDEN_URL: server.url, WARDEN_API_KEY: key });
    expect(me.code).toBe(0);
    const list = await cli(['apikey', 'list', 'jack']);
    expect(list.stdout).toContain(`${key.slice(0, 12)}…`);
    expect(list.stdout).not.toContain(key);
    expect(list.stdout).toMatch(/ci\s+active/);
    const id = JSON.parse((await cli(['apikey', 'list', 'jack', '--json'])).stdout)[0].id as string;
    expect((await cli(['apikey', 'revoke', 'jack', id])).stdout).toContain(`Revoked API key ${id}`);
    const refused = await run(['audit'], { WARDEN_URL: server.url, WARDEN_API_KEY: key });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Missing or invalid API key/);
    expect((await cli(['apikey', 'create', 'jack', '--expires-in-days', '1', '--expires-at', '2030-01-01'])).code).toBe(2);
  });

  it('shows the audit log with filters, and refuses a malformed instant with exit 2', async () => {
    await cli(['user', 'add', 'kate']);
    const all = await cli(['audit', '--actor', 'user:admin', '--action', 'user.created']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^AT\s+ACTOR\s+ACTION\s+ON\s+CHANGE\n/);
    expect(all.stdout).toMatch(/user:admin\s+user\.created\s+user:kate/);
    const json = JSON.parse((await cli(['audit', '--action', 'user.created', '--json', '--size', '1'])).stdout);
    expect(json.hits[0]).toMatchObject({ action: 'user.created', target: 'user:kate', before: null });
    expect((await cli(['audit', 'No Such Connection'])).stdout).toBe('No audit entries.\n');
    expect((await cli(['audit', '--since', 'yesterday'])).code).toBe(2);
    const noRight = await cli(['audit'], { WARDEN_API_KEY: (await server.request('POST', '/users/kate/api-keys', {})).body.key });
    expect(noRight.code).toBe(1);
    expect(noRight.stderr).toMatch(/User "kate" may not GET \/audit: it needs APPLICATION_ADMIN or GOVERNANCE/);
  });
});

/** The rotation works on the store the server uses: SQLite in the data directory, or PostgreSQL. */
describeEachStore('warden secrets rotate', (kind) => {
  const password = 'rotate-me-Pw-7731';
  let dataDir: string;
  let database: { url: string; cleanup(): Promise<void> } | null = null;

  /** The environment of a command run on this store (WARDEN_DATABASE_URL for PostgreSQL). */
  const envOf = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ WARDEN_DATA_DIR: dataDir, ...(database && { WARDEN_DATABASE_URL: database.url }), ...env });
  const rotate = (args: string[] = [], env: NodeJS.ProcessEnv = {}) => run(['secrets', 'rotate', ...args], envOf(env));

  async function withCatalog<T>(body: (catalog: CatalogStore) => Promise<T>): Promise<T> {
    const store = await openStore({ dataDir, databaseUrl: database?.url ?? null });
    try {
      return await body(new CatalogStore(store));
    } finally {
      await store.close();
    }
  }

  /** A store with one connection sealed with the current key, as the server would have written it. */
  async function seed(secretKey: string | null): Promise<void> {
    const box = SecretBox.load(dataDir, secretKey);
    const { details, secretsCiphertext } = sealConnection({ technology: 'PostgreSQL', hostname: 'h', port: 5432, username: 'u', password }, ['password'], box);
    await withCatalog((catalog) => catalog.connections.insert({ connectionKey: 'Sealed', technology: 'PostgreSQL', details, secretsCiphertext, createdBy: 'test' }, new Date().toISOString()));
  }

  const storedPassword = (box: SecretBox): Promise<string> =>
    withCatalog(async (catalog) => {
      const record = (await catalog.connections.findByKey('Sealed'))!;
      return (openConnection(record.details, record.secretsCiphertext, box) as unknown as { password: string }).password;
    });

  const startWith = (secretKey: string | null) =>
    createContainer({ ...loadConfig({}), dataDir, demo: false, secretKey, databaseUrl: database?.url ?? null }, { logger: createLogger('silent') }).then((c) => c.close());

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'warden-rotate-'));
    if (kind === 'postgres') database = await createStoreDatabase();
  });
  afterAll(async () => {
    await database?.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('re-encrypts every secret with a new key file and records it in the audit log', async () => {
    await seed(null);
    // An integration is sealed the same way and re-encrypted with the connections.
    const sealed = sealConnection({ technology: 'MariaDB', hostname: 'h', port: 3306, username: 'u', password }, ['password'], SecretBox.load(dataDir, null));
    const integration = await withCatalog((catalog) => catalog.integrations.insert({ technology: 'MariaDB', status: 'enabled', ...sealed, createdBy: 'test' }, new Date().toISOString()));
    const oldKey = readFileSync(join(dataDir, 'secret.key'), 'utf8');
    const result = await rotate();
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/connections\s+1 re-encrypted/);
    expect(result.stdout).toMatch(kind === 'postgres' ? /store\s+postgres:\/\// : /store\s+sqlite:/);
    expect(readFileSync(join(dataDir, 'secret.key'), 'utf8')).not.toBe(oldKey);
    expect(existsSync(join(dataDir, 'secret.key.next'))).toBe(false);
    expect(await storedPassword(SecretBox.load(dataDir, null))).toBe(password);
    const rotatedIntegration = await withCatalog(async (catalog) => (await catalog.integrations.findById(integration.id))!);
    expect(openConnection(rotatedIntegration.details, rotatedIntegration.secretsCiphertext, SecretBox.load(dataDir, null))).toMatchObject({ password });
    await withCatalog((catalog) => catalog.integrations.delete(integration.id));
    await startWith(null);
    const audit = await withCatalog((catalog) => catalog.audit.search({ action: 'secrets.rotated', offset: 0, size: 10 }));
    expect(audit.hits[0]).toMatchObject({ actor: 'system:secrets-rotate', after: { connections: 1 } });
    // With WARDEN_DATABASE_URL nothing goes to an SQLite store in the data directory.
    expect(existsSync(join(dataDir, 'warden.db'))).toBe(kind === 'sqlite');
  });

  it('changes nothing when one secret does not open: every secret is re-encrypted in one transaction', async () => {
    // "Sealed" (first) opens with the current key; "Foreign", sealed with another key, fails the transaction.
    const foreign = sealConnection({ technology: 'PostgreSQL', hostname: 'h', port: 5432, username: 'u', password }, ['password'], SecretBox.fromPassphrase('another-key'));
    const inserted = await withCatalog((catalog) =>
      catalog.connections.insert({ connectionKey: 'Foreign', technology: 'PostgreSQL', ...foreign, createdBy: 'test' }, new Date().toISOString()),
    );
    const key = readFileSync(join(dataDir, 'secret.key'), 'utf8');
    const before = await withCatalog(async (catalog) => (await catalog.connections.findByKey('Sealed'))!.secretsCiphertext);
    const failed = await rotate();
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('Foreign');
    expect(readFileSync(join(dataDir, 'secret.key'), 'utf8')).toBe(key);
    expect(existsSync(join(dataDir, 'secret.key.next'))).toBe(false);
    expect(await withCatalog(async (catalog) => (await catalog.connections.findByKey('Sealed'))!.secretsCiphertext)).toBe(before);
    expect(await withCatalog((catalog) => catalog.audit.search({ action: 'secrets.rotated', offset: 0, size: 10 }))).toMatchObject({ count: 1 });
    await withCatalog((catalog) => catalog.connections.delete(inserted.id));
  });

  it('refuses to start over an interrupted rotation, and finishes it when run again', async () => {
    // Interrupted after the commit: the store is sealed with the next key, the rename did not happen.
    const next = SecretBox.generateKeyText();
    writeFileSync(join(dataDir, 'secret.key.next'), next, { mode: 0o600 });
    await withCatalog(async (catalog) => {
      const record = (await catalog.connections.findByKey('Sealed'))!;
      const current = SecretBox.fromKeyFile(join(dataDir, 'secret.key'));
      await catalog.connections.updateSecrets(record.id, SecretBox.fromKeyFile(join(dataDir, 'secret.key.next')).seal(current.open(record.secretsCiphertext!)));
    });
    await expect(startWith(null)).rejects.toMatchObject({ code: 'SECRET_ROTATION_INTERRUPTED' });
    const again = await rotate();
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/interrupted rotation\s+finished/);
    expect(readFileSync(join(dataDir, 'secret.key'), 'utf8')).toBe(next);
    expect(await storedPassword(SecretBox.load(dataDir, null))).toBe(password);
  });

  it('rolls back an interrupted rotation that had not committed, then rotates', async () => {
    // Interrupted before the commit: the next-key file exists, the store is still sealed with the current key.
    const current = readFileSync(join(dataDir, 'secret.key'), 'utf8');
    const stale = SecretBox.generateKeyText();
    writeFileSync(join(dataDir, 'secret.key.next'), stale, { mode: 0o600 });
    const again = await rotate();
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/interrupted rotation\s+rolled back, then rotated again/);
    const rotated = readFileSync(join(dataDir, 'secret.key'), 'utf8');
    expect([current, stale]).not.toContain(rotated);
    expect(existsSync(join(dataDir, 'secret.key.next'))).toBe(false);
    expect(await storedPassword(SecretBox.load(dataDir, null))).toBe(password);
  });

  // Keys of 32 random bytes (base64 and hex), as WARDEN_SECRET_KEY must be; the store ends on keyTwo.
  const [keyOne, keyTwo, keyFour] = [randomBytes(32).toString('base64'), randomBytes(32).toString('hex'), randomBytes(32).toString('base64')];

  it('with WARDEN_SECRET_KEY: needs --new-key-env, re-encrypts, and the old value no longer starts the server', async () => {
    // The current key may be a weak one from before keys were checked; a new one must be 32 random bytes.
    const weak = await rotate(['--new-key-env', 'NEW_KEY'], { NEW_KEY: 'env-key-one' });
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toContain('openssl rand -base64 32');
    const first = await rotate(['--new-key-env', 'NEW_KEY'], { NEW_KEY: keyOne });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Now set WARDEN_SECRET_KEY to the value of NEW_KEY');
    expect(existsSync(join(dataDir, 'secret.key'))).toBe(false);
    const usage = await rotate([], { WARDEN_SECRET_KEY: keyOne });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--new-key-env/);
    const second = await rotate(['--new-key-env', 'NEW_KEY'], { WARDEN_SECRET_KEY: keyOne, NEW_KEY: keyTwo });
    expect(second.code).toBe(0);
    await expect(startWith(keyOne)).rejects.toMatchObject({ code: 'SECRET_KEY_MISMATCH' });
    await startWith(keyTwo);
    expect(await storedPassword(SecretBox.fromPassphrase(keyTwo))).toBe(password);
    // A wrong current key changes nothing.
    const wrong = await rotate(['--new-key-env', 'NEW_KEY'], { WARDEN_SECRET_KEY: 'not-the-key', NEW_KEY: randomBytes(32).toString('base64') });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/does not decrypt/);
    expect(await storedPassword(SecretBox.fromPassphrase(keyTwo))).toBe(password);
  });

  it(kind === 'sqlite' ? 'refuses while a server holds the data directory, naming its process' : 'runs while other processes use the store (they share it by design)', async () => {
    // The tests above left the store on WARDEN_SECRET_KEY=keyTwo.
    const running = await createContainer({ ...loadConfig({}), dataDir, demo: false, secretKey: keyTwo, databaseUrl: database?.url ?? null }, { logger: createLogger('silent') });
    try {
      const result = await rotate(['--new-key-env', 'NEW_KEY'], { WARDEN_SECRET_KEY: keyTwo, NEW_KEY: keyFour });
      if (kind === 'sqlite') {
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(`in use by another Warden process (pid ${process.pid}`);
      } else {
        expect(result).toMatchObject({ code: 0, stderr: '' });
      }
    } finally {
      await running.close();
    }
    expect(await storedPassword(SecretBox.fromPassphrase(kind === 'sqlite' ? keyTwo : keyFour))).toBe(password);
  });
});
