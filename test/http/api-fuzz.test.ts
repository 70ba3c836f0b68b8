import fc from 'fast-check';
import { expect, it } from 'vitest';
import { addUserWithKey } from '../helpers/access-fixtures.js';
import { connectionInput, registerTestConnection } from '../helpers/catalog-fixtures.js';
import { operationsOf, requestFor, type FuzzRequest, type Hints } from '../helpers/openapi-fuzz.js';
import { eventually } from '../helpers/polling.js';
import { PostgresTestContext } from '../helpers/postgres-server.js';
import { hashStore } from '../helpers/store-hash.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { urlPath, useServerWithPostgres, type ApiResponse, type TestServer } from '../helpers/test-server.js';

/** Fixed for CI; a soak sets WARDEN_FUZZ_SEED and WARDEN_FUZZ_REQUESTS (per store) to look further. */
const SEED = Number(process.env.WARDEN_FUZZ_SEED ?? 20_161_231);
const REQUESTS_PER_STORE = Number(process.env.WARDEN_FUZZ_REQUESTS ?? 5_000);
/** Requests between two store hashes; a changed hash with nothing accepted is replayed one by one. */
const BATCH = 40;
const IN_FLIGHT = 12;
/** A password no response may ever carry, in any encoding we check. */
const SECRET = `FuzzSecret${Date.now().toString(36)}Pw`;
const KEY = 'Fuzz Secret';
/** A second connection and user the destructive routes may have: see {@link PROTECTED}. */
const SPARE_KEY = 'Fuzz Spare';

/**
 * Routes that would take away the fixtures every later request needs (the connection holding
 * the secret, its catalog, the reader's key): their valid-looking values name the spare
 * connection and user instead. Decided over re-creating fixtures between rounds: it keeps one
 * store state for the whole run, so a replayed request meets the store its batch met.
 */
const PROTECTED = (method: string, path: string) => method === 'DELETE' || path === '/data/connection/{connectionKey}' || path === '/users/{name}';

/**
 * API fuzzing (issue 16, suites 4): requests generated from the committed OpenAPI document
 * (test/helpers/openapi-fuzz.ts), seeded, on both stores. Every answer: no 5xx, JSON, the error
 * shape on a 4xx, no trace of {@link SECRET}. Every rejected request: no write, by a store hash
 * (test/helpers/store-hash.ts: failed-authentication counters and their audit rows are left out)
 * before and after each batch. Accepted requests may write: a batch that changed the store with
 * something accepted replays its rejected writes on their own; a batch of only rejected ones that
 * changed it replays them one at a time to name the writer. A changed store is only judged once
 * the sync runs that accepted crawls and registrations queued have ended.
 */
interface Outcome {
  request: FuzzRequest;
  response: ApiResponse;
}

describeEachStore(
  'API fuzzing from the OpenAPI document',
  (kind) => {
    const { server, pg } = useServerWithPostgres(() => new PostgresTestContext(), kind);

    it(`answers ${REQUESTS_PER_STORE} generated requests without a 5xx, a secret or a write from a rejected request`, { timeout: 120_000 + REQUESTS_PER_STORE * 20 }, async () => {
      const s = server();
      const started = Date.now();
      const { hints, spareHints, readerKey } = await setUpFixtures(s, pg);
      const generator = fc.oneof(...operationsOf().map((op) => requestFor(op, PROTECTED(op.method, op.path) ? spareHints : hints)));
      const requests = fc.sample(generator, { seed: SEED + (kind === 'postgres' ? 1 : 0), numRuns: REQUESTS_PER_STORE });
      // Those generated as the schema asks are likelier to succeed (and may write): batched apart
      // from the mutated ones, so a hashed batch is mostly all-rejected.
      const ordered = [...requests.filter((r) => r.shaped), ...requests.filter((r) => !r.shaped)];

      const send = (r: FuzzRequest) => sendOne(s, r, readerKey);
      const db = s.server.container.catalogStore.store.db;
      const settle = () => settled(s);
      const violations: string[] = [];
      const writers: string[] = [];
      const statuses = new Map<number, number>();
      let sent = 0;
      let unverified = 0;
      let unexplained = 0;

      /** Runs `batch`, checks every answer, and names any rejected request that changed the store. */
      const hashed = async (batch: FuzzRequest[], replay: boolean): Promise<void> => {
        const before = await hashStore(db);
        const outcomes = await inParallel(batch, send);
        sent += outcomes.length;
        for (const o of outcomes) {
          violations.push(...check(o));
          statuses.set(o.response.status, (statuses.get(o.response.status) ?? 0) + 1);
        }
        await settle();
        if ((await hashStore(db)) === before) return;
        const rejected = outcomes.filter((o) => o.response.status >= 400).map((o) => o.request);
        if (rejected.length === outcomes.length) {
          if (batch.length === 1) writers.push(describe(outcomes[0]!));
          else {
            const found = writers.length;
            for (const r of batch) await hashed([r], true);
            // The change did not come back one request at a time: said in the summary, not hidden.
            if (writers.length === found) unexplained += 1;
          }
        } else if (batch.length > 1) {
          // Something was accepted, so the change may be its: the rejected writes again, as a
          // batch the first time, then one by one. (A rejected read is checked in every
          // all-rejected batch; replaying those too doubled the run's time.)
          const writes = rejected.filter((r) => r.method !== 'GET');
          if (!replay && writes.length > 4) await hashed(writes, true);
          else for (const r of writes) await hashed([r], true);
        } else if (replay) {
          // Rejected the first time, accepted (and so allowed its write) on replay.
          unverified += 1;
        }
      };
      for (let i = 0; i < ordered.length; i += BATCH) await hashed(ordered.slice(i, i + BATCH), false);

      const seconds = (Date.now() - started) / 1000;
      const histogram = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}:${n}`).join(' ');
      console.info(
        `[api-fuzz ${kind}] ${sent} requests (${requests.length} generated, ${sent - requests.length} replays) in ${seconds.toFixed(1)} s; ` +
          `${unverified} rejected requests left unverified, ${unexplained} changed batches without a culprit; statuses ${histogram}`,
      );
      expect(violations).toEqual([]);
      expect(writers).toEqual([]);
      // The hash sees an accepted write (or the check above proves nothing).
      const quiet = await hashStore(db);
      expect((await s.request('PUT', '/groups/fz-hash-check', { permissions: [] })).status).toBe(200);
      expect(await hashStore(db)).not.toBe(quiet);
      // The fixtures survived the traffic: the secret was in the store, in use, the whole time.
      const tested = await s.request('POST', `/data/connection/${urlPath(KEY)}/test`);
      expect(tested.status, JSON.stringify(tested.body)).toBe(200);
      expect(tested.body.state).not.toBe('UNHEALTHY');
      await s.server.container.worker.whenIdle();
    });
  },
  // The fixture connection crawls a PostgreSQL source on either store.
  { needs: ['PostgreSQL'] },
);

/**
 * The connection holding {@link SECRET} (with a schema, a table and an enabled data source), a
 * spare connection and user for the destructive routes, and a read-only user; the hints that
 * point generated requests at them.
 */
async function setUpFixtures(s: TestServer, pg: PostgresTestContext): Promise<{ hints: Hints; spareHints: Hints; readerKey: string }> {
  const { db, role, firstSync } = await registerTestConnection(s, pg, {
    connectionKey: KEY,
    password: SECRET,
    sql: 'CREATE SCHEMA s; CREATE TABLE s.t (id int, name text); CREATE SCHEMA other; CREATE TABLE other.u (id int);',
  });
  const spare = await s.request('POST', '/data/connection', { connectionKey: SPARE_KEY, connection: connectionInput(db, role) });
  if (spare.status !== 201) throw new Error(`spare connection: ${spare.status} ${JSON.stringify(spare.body)}`);
  await s.waitForJob(spare.body.syncRunId);
  const table = urlPath(KEY, db.name, 's', 't');
  const enabled = await s.request('PUT', `/data/settings/${table}`, { settings: { isActive: true } });
  if (enabled.status !== 200) throw new Error(`enable: ${enabled.status} ${JSON.stringify(enabled.body)}`);
  const dataSourceId = String((await s.request('GET', `/data/object/${table}`)).body.dataSourceId);
  const readerKey = await addUserWithKey(s, 'fuzz-reader', { permissions: ['CREATE_DATA_SOURCE'] });
  await addUserWithKey(s, 'fuzz-spare');
  const keyId = (user: string) => s.request('GET', `/users/${user}/api-keys`).then((r) => String(r.body[0].id));
  const [readerKeyId, spareKeyId] = await Promise.all([keyId('fuzz-reader'), keyId('fuzz-spare')]);

  // Legacy data sources on the same source (the secret is their connection's too): one for each set of hints.
  const { technology: _technology, ...legacyConnection } = connectionInput(db, role);
  const legacySource = async (table: string, name: string) => {
    const registered = await s.request('POST', '/pg/handler', { handler: { metadata: { ...legacyConnection, schema: table === 'u' ? 'other' : 's', table, dataSourceName: name } } });
    if (registered.status !== 200) throw new Error(`legacy registration: ${registered.status} ${JSON.stringify(registered.body)}`);
    return String(registered.body.dataSourceId);
  };
  const [legacyId, spareLegacyId] = [await legacySource('u', 'Fuzz legacy'), await legacySource('t', 'Fuzz spare legacy')];
  const accessId = async (id: string) => String((await s.request('POST', '/dataSource/subscribe', { dataSourceIds: [Number(id)] }, { apiKey: readerKey })).body.requests[0].id);
  const [legacyAccessId, spareAccessId] = [await accessId(legacyId), await accessId(spareLegacyId)];

  const freshName = fc.stringMatching(/^fz[a-z0-9_-]{1,10}$/);
  const pathsOf = (key: string) => [[key], [key, db.name], [key, db.name, 's'], [key, db.name, 's', 't'], [key, db.name, 'other', 'u']];
  const hintsFor = (key: string, user: string, userKeyId: string, legacy: string, legacyAccess: string): Hints => ({
    params: {
      connectionKey: fc.constant(urlPath(key)),
      objectPath: fc.constantFrom(...pathsOf(key).map((p) => urlPath(...p))),
      id: fc.constantFrom(firstSync.id as string, dataSourceId, userKeyId, legacy),
      dataSourceId: fc.constantFrom(dataSourceId, legacy),
      accessId: fc.constant(legacyAccess),
      type: fc.constantFrom('delete', 'restore', 'disable'),
      name: fc.constantFrom(user, 'admin'),
      // The legacy tag routes: a data source, or one of its columns.
      modelType: fc.constantFrom('datasource', 'column'),
      modelId: fc.constantFrom(dataSourceId, `${dataSourceId}_id`, `${dataSourceId}_name`),
    },
    fields: {
      objectPath: fc.constantFrom(...pathsOf(key)),
      connectionKey: fc.oneof(fc.constant(key), freshName),
      // Registrations point nowhere that answers: a refused port fails their first sync at once.
      hostname: fc.constant('127.0.0.1'),
      port: fc.constant(1),
      name: fc.oneof(fc.constantFrom(user, 'admin'), freshName),
      technology: fc.constantFrom('PostgreSQL', 'MariaDB', 'MySQL', 'Trino'),
      column: fc.constantFrom('id', 'name'),
      ids: fc.constant([Number(legacy)]),
      dataSourceIds: fc.constant([Number(legacy)]),
      requestIds: fc.constant([Number(legacyAccess)]),
      host: fc.constantFrom('replica.example.com', 'a b'),
    },
  });
  return {
    hints: hintsFor(KEY, 'fuzz-reader', readerKeyId, legacyId, legacyAccessId),
    spareHints: hintsFor(SPARE_KEY, 'fuzz-spare', spareKeyId, spareLegacyId, spareAccessId),
    readerKey,
  };
}

async function sendOne(s: TestServer, r: FuzzRequest, readerKey: string): Promise<Outcome> {
  const apiKey = { admin: undefined, reader: readerKey, none: null, bogus: 'test_not-a-key-at-all' }[r.auth];
  const response = await s.request(r.method, r.url, r.body, { ...(apiKey !== undefined && { apiKey }), headers: r.headers });
  return { request: r, response };
}

/** Runs `work` over `items` with at most {@link IN_FLIGHT} at once, results in order. */
async function inParallel<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, lane));
  return results;
}

/** Accepted crawls and registrations write from the worker after their answer: wait until none is queued or running. */
async function settled(s: TestServer): Promise<void> {
  const db = s.server.container.catalogStore.store.db;
  await eventually(
    async () => {
      const running = await db.selectFrom('sync_runs').select('id').where('state', 'in', ['created', 'active']).execute();
      return running.length === 0 ? true : null;
    },
    { timeout: 30_000, what: 'every sync run to end' },
  );
}

const SECRET_FORMS = [SECRET, Buffer.from(SECRET).toString('hex'), Buffer.from(SECRET).toString('hex').toUpperCase(), Buffer.from(SECRET).toString('base64')];

/** The invariants every answer keeps: no 5xx, JSON, the error shape on 4xx, no secret anywhere. */
function check({ request, response }: Outcome): string[] {
  const problems: string[] = [];
  const { status, body, headers } = response;
  if (status >= 500) problems.push('5xx');
  if (typeof body !== 'object' || body === null || !String(headers['content-type']).startsWith('application/json')) problems.push('not JSON');
  else if (status >= 400 && status < 500) {
    const shaped = body.statusCode === status && typeof body.error === 'string' && typeof body.message === 'string' && typeof body.code === 'string';
    if (!shaped) problems.push('not the error shape');
  }
  const text = `${JSON.stringify(body)}${JSON.stringify(headers)}`;
  if (SECRET_FORMS.some((form) => text.includes(form))) problems.push('SECRET IN RESPONSE');
  return problems.map((p) => `${p}: ${describe({ request, response })}`);
}

function describe({ request, response }: Outcome): string {
  const clip = (text: string | undefined) => (text === undefined ? '-' : text.length > 300 ? `${text.slice(0, 300)}…(${text.length})` : text);
  const url = request.url.length > 300 ? `${request.url.slice(0, 300)}…(${request.url.length})` : request.url;
  return `${request.method} ${url} [${request.auth} ${JSON.stringify(request.headers)}] body=${clip(request.body)} -> ${response.status} ${clip(JSON.stringify(response.body))}`;
}
