import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { encodeObjectPath } from '../../src/domain/object-path.js';
import { adminServer, PostgresTestContext, quoteIdent, withAdminClient, type TestDatabase, type TestRole } from '../helpers/postgres-server.js';
import { eventually } from '../helpers/polling.js';
import { describeIfServer } from '../helpers/server-availability.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written to it. */
class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += String(chunk);
    done();
  }
}

/** Runs the CLI in-process with only the given environment (nothing leaks in from the test process). */
async function run(args: string[], env: NodeJS.ProcessEnv, options: { stdin?: Readable; signal?: AbortSignal; stdout?: Capture } = {}): Promise<CliResult> {
  const stdout = options.stdout ?? new Capture();
  const stderr = new Capture();
  const code = await runCli(args, {
    stdout,
    stderr,
    env,
    ...(options.stdin && { stdin: options.stdin }),
    ...(options.signal && { signal: options.signal }),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function expectNoStackTrace(result: CliResult): void {
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe('warden CLI against a real server', () => {
  let server: TestServer;
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}, options: { stdin?: Readable } = {}) =>
    run(args, { WARDEN_URL: server.url, WARDEN_API_KEY: server.apiKey, ...env }, options);

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  describe('reads', () => {
    it('lists no connections on an empty server', async () => {
      const result = await cli(['object', 'ls']);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toBe('No connections.\n');
      expect(JSON.parse((await cli(['object', 'ls', '--json'])).stdout)).toEqual({ count: 0, hits: [] });
      expect((await cli(['connection', 'list'])).stdout).toMatch(/^No connections/);
      expect(JSON.parse((await cli(['connection', 'list', '--json'])).stdout)).toEqual([]);
      expect(JSON.parse((await cli(['datasource', 'ls', '--json'])).stdout)).toEqual({ count: 0, hits: [], facets: { blobHandlerTypes: [], statuses: [], tags: [] } });
    });

    it('prints the API message for an unknown job, object and connection, with exit 1', async () => {
      const job = await cli(['job', 'show', 'no-such-job']);
      expect(job.code).toBe(1);
      expect(job.stdout).toBe('');
      expect(job.stderr).toBe('error: No job with id "no-such-job"\n');

      const object = await cli(['object', 'show', 'Nowhere', 'db.x', 'a/b']);
      expect(object.code).toBe(1);
      expect(object.stderr).toContain('No data object at path "Nowhere" / "db.x" / "a/b"');
      expectNoStackTrace(object);

      const connection = await cli(['connection', 'show', 'Nowhere']);
      expect(connection.code).toBe(1);
      expect(connection.stderr).toContain('No connection with connectionKey "Nowhere"');

      const sync = await cli(['sync', 'Nowhere', 'db']);
      expect(sync.code).toBe(1);
      expect(sync.stderr).toMatch(/^error: /);
    });

    it('sends a name holding "/" as one segment (--url-path and separate arguments agree)', async () => {
      const separate = await cli(['object', 'show', 'Nowhere', 'a/b', 'c%2Fd']);
      const urlForm = await cli(['object', 'show', '--url-path', 'Nowhere/a%2Fb/c%252Fd']);
      expect(separate.stderr).toContain('"Nowhere" / "a/b" / "c%2Fd"');
      expect(urlForm.stderr).toBe(separate.stderr);
    });
  });

  describe('connection add', () => {
    const add = ['connection', 'add', 'Bad Port', '--technology', 'PostgreSQL', '--hostname', '127.0.0.1', '--port', '1', '--username', 'u'];
    const secret = 'S3cret-never-printed';

    it('prints the 422 of an unreachable platform and exits 1, storing nothing and printing no secret', async () => {
      const result = await cli([...add, '--password-env', 'TEST_PG_PASSWORD'], { TEST_PG_PASSWORD: secret });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^error: Could not reach 127\.0\.0\.1:1 .*check connection\.hostname, connection\.port/);
      expectNoStackTrace(result);
      expect(result.stdout + result.stderr).not.toContain(secret);
      expect(server.logs.join('')).not.toContain(secret);
      expect((await cli(['connection', 'list', '--json'])).stdout.trim()).toBe('[]');
    });

    it('reads the password from stdin and checks with --dry-run', async () => {
      const result = await cli([...add, '--password-stdin', '--dry-run'], {}, { stdin: Readable.from([`${secret}\n`]) });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Could not reach 127.0.0.1:1');
      expect(result.stdout + result.stderr).not.toContain(secret);
    });

    it('passes the API validation message through (400, exit 1)', async () => {
      const result = await cli(['connection', 'add', 'Bad Tech', '--technology', 'Oracle', '--hostname', 'h', '--port', '1521', '--username', 'u']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/connection\.technology "Oracle" is not supported; use one of: PostgreSQL/);
    });

    it('refuses a password given twice, an unset variable and an unreadable CA file (exit 2)', async () => {
      expect((await cli([...add, '--password-env', 'X', '--password-stdin'], { X: 'p' })).code).toBe(2);
      const unset = await cli([...add, '--password-env', 'NOT_SET_ANYWHERE']);
      expect(unset.code).toBe(2);
      expect(unset.stderr).toContain('NOT_SET_ANYWHERE is not set');
      expect((await cli([...add, '--tls-mode', 'require', '--tls-ca-file', '/nonexistent.pem'])).code).toBe(2);
      expect((await cli([...add, '--tls-ca-file', '/nonexistent.pem'])).stderr).toContain('cannot be read');
    });
  });

  describe('usage errors exit 2 without calling the API', () => {
    it.each([
      ['an unknown command', ['bogus'], /unknown command 'bogus'/],
      ['an unknown option', ['object', 'ls', '--bogus'], /unknown option '--bogus'/],
      ['a missing argument', ['job', 'show'], /missing required argument 'id'/],
      ['a missing required option', ['connection', 'add', 'k', '--hostname', 'h', '--port', '1', '--username', 'u'], /--technology/],
      ['a port that is not a number', ['connection', 'add', 'k', '--technology', 'PostgreSQL', '--hostname', 'h', '--port', 'many', '--username', 'u'], /--port.*whole number/],
      ['a size out of range', ['object', 'ls', '--size', '5000'], /--size.*1 to 1000/],
      ['a bad --state', ['object', 'ls', '--state', 'on'], /--state.*active, inactive/],
      ['a bad --setting', ['object', 'enable', 'c', '--setting', 'dataOwners'], /--setting.*isActive/],
      ['no object path', ['object', 'show'], /missing object path/],
      ['an empty name', ['object', 'show', 'c', ''], /name 2 is empty/],
      ['both path forms', ['object', 'show', 'c', '--url-path', 'c'], /not both/],
      ['bad percent-encoding', ['object', 'show', '--url-path', 'c/%ZZ'], /--url-path segment 2 \("%ZZ"\) is not valid percent-encoding/],
      ['an empty URL segment', ['sync', '--url-path', 'c//t'], /segment 2 is empty/],
      ['remove without --yes', ['connection', 'remove', 'Some Conn'], /without --yes/],
      ['too many arguments', ['job', 'show', 'a', 'b'], /too many arguments/],
      ['a server URL that is not one', ['object', 'ls', '--url', 'not a url'], /--url "not a url" is not a URL/],
    ])('%s', async (_, args, message) => {
      const result = await cli(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
      expectNoStackTrace(result);
    });

    it('prints help to stdout with exit 0, documenting both path forms', async () => {
      const result = await cli(['object', 'show', '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Object paths:');
      expect(result.stdout).toContain('--url-path');
      expect(result.stdout).toContain('--json');
      expect((await cli(['--version'])).code).toBe(0);
    });

    it('prints the help to stderr with exit 2 when no command is given', async () => {
      const result = await cli([]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Usage: warden');
    });
  });

  describe('server and key', () => {
    it('says how to start a server that is not running', async () => {
      const result = await run(['object', 'ls'], { WARDEN_URL: 'http://127.0.0.1:1', WARDEN_API_KEY: 'k' });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Cannot reach the Warden API at http://127.0.0.1:1 (connection refused)');
      expect(result.stderr).toContain('start it with `warden serve`');
    });

    it('passes a 401 through, naming where the key came from but never the key', async () => {
      const result = await cli(['object', 'ls', '--api-key', 'wrong-key-value']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Missing or invalid API key');
      expect(result.stderr).toContain('the CLI sent the key from --api-key');
      expect(result.stderr).not.toContain('wrong-key-value');
    });

    it('reads the admin key file of WARDEN_DATA_DIR, and says where it looked when there is none', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'warden-cli-key-'));
      try {
        const env = { WARDEN_URL: server.url, WARDEN_DATA_DIR: dataDir };
        const missing = await run(['object', 'ls'], env);
        expect(missing.code).toBe(1);
        expect(missing.stderr).toContain(`No API key: set WARDEN_API_KEY`);
        expect(missing.stderr).toContain(join(dataDir, 'admin-api-key'));
        writeFileSync(join(dataDir, 'admin-api-key'), `${server.apiKey}\n`, { mode: 0o600 });
        expect(await run(['object', 'ls'], env)).toMatchObject({ code: 0, stdout: 'No connections.\n' });
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
});

describe('warden serve', () => {
  it('starts, prints where everything is, serves other commands from its key file, and stops on abort', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'warden-cli-serve-'));
    const stdout = new Capture();
    const abort = new AbortController();
    try {
      const env = { WARDEN_DATA_DIR: dataDir, WARDEN_DEMO: '0', WARDEN_LOG_LEVEL: 'warn' };
      const serving = run(['serve', '--port', '0'], env, { stdout, signal: abort.signal });
      const url = await eventually(() => /API\s+(http:\/\/\S+)/.exec(stdout.text)?.[1], { what: 'the API line' });
      // The UI is built by vitest's globalSetup: the banner says where to sign in.
      expect(stdout.text).toMatch(new RegExp(`web UI\\s+${url}/ui/ \\(sign in with the admin API key below\\)`));
      expect(stdout.text).toContain(`${url}/docs`);
      expect(stdout.text).toContain(`${url}/openapi.json`);
      expect(stdout.text).toContain(join(dataDir, 'admin-api-key'));
      // Not a terminal: the generated key is not printed.
      expect(stdout.text).toContain('a new key was generated; read it from that file');
      expect(stdout.text).not.toMatch(/wdn_/);

      expect(await run(['object', 'ls'], { WARDEN_URL: url, WARDEN_DATA_DIR: dataDir })).toMatchObject({ code: 0, stdout: 'No connections.\n' });

      abort.abort();
      const result = await serving;
      expect(result.code).toBe(0);
      expect(stdout.text).toContain('Warden stopped.');
    } finally {
      abort.abort();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('warden as a child process', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  it('exits 1 with the API message, 2 on bad usage, 0 on success', async () => {
    const env = { WARDEN_URL: server.url, WARDEN_API_KEY: server.apiKey };
    const missing = await spawnCli(['job', 'show', 'nope'], env);
    expect(missing).toMatchObject({ code: 1, stdout: '', stderr: 'error: No job with id "nope"\n' });
    const usage = await spawnCli(['object', 'ls', '--bogus'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("unknown option '--bogus'");
    expect(await spawnCli(['object', 'ls'], env)).toMatchObject({ code: 0, stdout: 'No connections.\n', stderr: '' });
  });

  // A start through tsx takes ~10 s on a loaded 2-core machine.
  it('serve stops cleanly on SIGTERM', { timeout: 90_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'warden-cli-child-'));
    try {
      const child = startChild(['serve'], { WARDEN_DATA_DIR: dataDir, WARDEN_DEMO: '0', WARDEN_PORT: '0', WARDEN_LOG_LEVEL: 'warn' });
      const url = await eventually(() => /API\s+(http:\/\/\S+)/.exec(child.stdout())?.[1], { timeout: 60_000, what: 'the API line' });
      expect(await run(['connection', 'list'], { WARDEN_URL: url, WARDEN_DATA_DIR: dataDir })).toMatchObject({ code: 0 });
      child.process.kill('SIGTERM');
      const code = await child.exited;
      expect(code).toBe(0);
      expect(child.stdout()).toContain('Warden stopped.');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describeIfServer(['PostgreSQL'], 'warden CLI with a real PostgreSQL connection and hostile names', () => {
  const pg = new PostgresTestContext();
  const KEY = 'Hostile Conn';
  const password = 'pw-Must-Not-Show-1';
  let server: TestServer;
  let db: TestDatabase;
  let role: TestRole;
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}, options: { stdin?: Readable } = {}) =>
    run(args, { WARDEN_URL: server.url, WARDEN_API_KEY: server.apiKey, ...env }, options);
  // Names the dot-segment rules of URL parsers would rewrite or a shell would mangle.
  const extraTables = ['..', '.', '%2F and %20', '-starts-with-dash', 'a+b'];

  beforeAll(async () => {
    db = await pg.createDatabase({ label: 'Dé "q".x/y', seed: 'hostile-names.sql' });
    role = await pg.createRole({ label: 'cli', password, connect: [db.name] });
    await withAdminClient(db.name, async (client) => {
      for (const table of extraTables) await client.query(`CREATE TABLE "Mixed Case".${quoteIdent(table)} (id integer)`);
      const schemas = (await client.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname !~ '^(pg_|information_schema)'`)).rows;
      for (const { nspname } of schemas) {
        await client.query(`GRANT USAGE ON SCHEMA ${quoteIdent(nspname)} TO ${quoteIdent(role.name)}`);
        await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA ${quoteIdent(nspname)} TO ${quoteIdent(role.name)}`);
      }
    });
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
    await pg.cleanup();
  });

  it('registers the connection with the password from stdin and waits for the first sync', async () => {
    const result = await cli(
      ['connection', 'add', KEY, '--technology', 'PostgreSQL', '--hostname', adminServer.host, '--port', String(adminServer.port)]
        .concat(['--database', db.name, '--username', role.name, '--password-stdin', '--tls-mode', 'disable', '--wait']),
      {},
      { stdin: Readable.from([`${password}\n`]) },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Registered connection "${KEY}" (PostgreSQL)`);
    expect(result.stdout).toMatch(/Sync \S+ completed in [\d.]+ s: \d+ added, 0 removed/);
    const shown = await cli(['connection', 'show', KEY]);
    expect(shown.stdout).toMatch(/password\s+\[REDACTED\]/);
    const everything = [result.stdout, shown.stdout, (await cli(['connection', 'show', KEY, '--json'])).stdout, server.logs.join('')].join('');
    expect(everything).not.toContain(password);
    expect((await cli(['connection', 'list'])).stdout).toMatch(new RegExp(`^${KEY}\\s+PostgreSQL\\s+INACTIVE`, 'm'));
  });

  const hostilePaths = () => [
    [KEY, db.name],
    [KEY, db.name, 'dots.and/slashes', 'table.with.dots/and/slash'],
    [KEY, db.name, 'with "quotes" and spaces', 'a "quoted" table'],
    [KEY, db.name, 'Ünïcødé 表', 'Ünïcødé 表'],
    [KEY, db.name, 'Case', 'T'],
    [KEY, db.name, 'case', 't'],
    ...extraTables.map((table) => [KEY, db.name, 'Mixed Case', table]),
  ];

  it('shows every hostile path exactly, given as separate arguments or in URL form', async () => {
    for (const path of hostilePaths()) {
      const separate = await cli(['object', 'show', '--json', '--', ...path]);
      expect(separate.stderr).toBe('');
      expect(JSON.parse(separate.stdout).objectPath).toEqual(path);
      const urlForm = await cli(['object', 'show', '--json', '--url-path', encodeObjectPath(path)]);
      expect(JSON.parse(urlForm.stdout).objectPath).toEqual(path);
    }
    const human = await cli(['object', 'show', KEY, db.name, 'Mixed Case', 'Typed Columns']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('"Mixed Case" / "Typed Columns"');
    expect(human.stdout).toMatch(/Short Name\s+character varying\(20\)\s+no\s+'anon'::character varying\s+At most 20 characters/);
    expect(human.stdout).toMatch(/Doubled\s+numeric\(10,2\)\s+yes\s+generated stored: \("Amount" \* \(2\)::numeric\)/);
  });

  it('syncs hostile subtrees with --wait and reports the run', async () => {
    for (const path of [
      [KEY, db.name, 'dots.and/slashes'],
      [KEY, db.name, 'Mixed Case', '..'],
      [KEY, db.name, 'Ünïcødé 表', 'Ünïcødé 表'],
    ]) {
      const result = await cli(['sync', '--wait', '--force-recursive', '--', ...path]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Sync (\S+) completed in [\d.]+ s: 0 added, 0 removed, 0 restored, 0 renamed, 0 moved, 0 changed, \d+ unchanged, 0 conflicts/);
      const id = /Sync (\S+) completed/.exec(result.stdout)![1]!;
      const job = JSON.parse((await cli(['job', 'show', id, '--json'])).stdout);
      expect(job).toMatchObject({ id, state: 'completed', objectPath: path, forceRecursiveCrawl: true });
      expect((await cli(['job', 'show', id])).stdout).toMatch(/state\s+completed/);
    }
    // On a terminal the progress line is rewritten in place and cleared before the summary.
    const tty = Object.assign(new Capture(), { isTTY: true });
    const live = await run(['sync', KEY, db.name, 'Case', '--wait'], { WARDEN_URL: server.url, WARDEN_API_KEY: server.apiKey }, { stdout: tty });
    expect(live.code).toBe(0);
    expect(live.stdout).toMatch(/queued\n(\r\u001b\[2K(queued|syncing) .*)*\r\u001b\[2KSync \S+ completed in/);
    const json = await cli(['sync', '--json', '--wait', '--url-path', encodeObjectPath([KEY, db.name, 'with "quotes" and spaces'])]);
    expect(JSON.parse(json.stdout)).toMatchObject({ state: 'completed', objectPath: [KEY, db.name, 'with "quotes" and spaces'] });
    const missing = await cli(['sync', '--wait', KEY, db.name, 'Mixed Case', 'no such table']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/ queued\nSync \S+ failed in [\d.]+ s: 0 added, 0 removed, .*\n  not found: .*"no such table": The platform has no object at .* \(OBJECT_NOT_FOUND\)\n$/);
    expect(missing.stderr).toMatch(/^error: Sync \S+ failed: The platform has no object at .*"no such table"/);
  });

  it('lists children, enables, disables and inherits, and finds the data sources', async () => {
    const ls = await cli(['object', 'ls', KEY, db.name]);
    expect(ls.code).toBe(0);
    for (const schema of ['Mixed Case', 'with "quotes" and spaces', 'dots.and/slashes', 'Ünïcødé 表']) {
      expect(ls.stdout).toMatch(new RegExp(`^${schema.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+schema\\s+inactive`, 'm'));
    }
    const noneActive = await cli(['object', 'ls', KEY, db.name, '--state', 'active']);
    expect(noneActive).toMatchObject({ code: 0, stderr: '' });
    expect(noneActive.stdout).toMatch(/^No active objects below "Hostile Conn" \/ ".*" \(\d+ objects in other states\)\.\n$/);
    expect(noneActive.stdout).toContain(JSON.stringify(db.name));
    const schema = [KEY, db.name, 'Ünïcødé 表'];
    const enabled = await cli(['object', 'enable', ...schema]);
    expect(enabled.stdout).toContain('"Ünïcødé 表": isActive = true (set on this object); state active');
    const table = JSON.parse((await cli(['object', 'show', '--json', ...schema, 'Ünïcødé 表'])).stdout);
    expect(table).toMatchObject({ state: 'active', dataSourceName: `${KEY}.${db.name}.Ünïcødé 表.Ünïcødé 表` });

    const sources = JSON.parse((await cli(['datasource', 'ls', '--json', '--connection', KEY, '--search', '表'])).stdout);
    expect(sources.hits.map((s: { objectPath: string[] }) => s.objectPath)).toEqual([[...schema, 'Ünïcødé 表']]);
    expect((await cli(['datasource', 'ls', '--search', '表'])).stdout).toContain(`${KEY}.${db.name}.Ünïcødé 表.Ünïcødé 表`);

    const disabled = JSON.parse((await cli(['object', 'disable', '--json', ...schema, 'Ünïcødé 表'])).stdout);
    expect(disabled).toMatchObject({ state: 'inactive', overrides: { isActive: false } });
    const parent = await cli(['object', 'show', ...schema]);
    expect(parent.stdout).toMatch(/isActive\s+true \(set here, overridden below\)/);
  });

  it('inherits: clears an override with --cascade, and refuses to on the connection', async () => {
    const schema = [KEY, db.name, 'Ünïcødé 表'];
    const cascade = await cli(['object', 'inherit', '--cascade', ...schema]);
    expect(cascade.stdout).toContain('isActive = false (inherited); state inactive');
    expect(cascade.stdout).toContain('Overrides of isActive below it were cleared.');
    expect(JSON.parse((await cli(['object', 'show', '--json', ...schema, 'Ünïcødé 表'])).stdout).overrides).toEqual({});
    expect((await cli(['object', 'inherit', KEY])).stderr).toContain('cannot be null on the connection itself');
  });

  it('tests and removes the connection', async () => {
    expect((await cli(['connection', 'test', KEY])).stdout).toMatch(new RegExp(`Connection "${KEY}" is healthy`));
    const removed = await cli(['connection', 'remove', KEY, '--yes']);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toMatch(new RegExp(`Deleted connection "${KEY}" and the \\d+ objects below it\\.`));
    expect((await cli(['connection', 'show', KEY])).code).toBe(1);
  });
});

/** Starts `node --import tsx src/cli/main.ts …` with only `env` (plus PATH). */
function startChild(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { process: child, exited, stdout: () => stdout, stderr: () => stderr };
}

async function spawnCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const child = startChild(args, env);
  const code = await child.exited;
  return { code: code ?? -1, stdout: child.stdout(), stderr: child.stderr() };
}
