import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachStore } from '../helpers/store-kinds.js';
import { registerTestConnection, sqlIn } from '../helpers/catalog-fixtures.js';
import { PostgresTestContext, type TestDatabase } from '../helpers/postgres-server.js';
import { syncThroughApi, urlPath, useServerWithPostgres, type TestServer } from '../helpers/test-server.js';

const TABLES = ['alpha', 'beta', 'gamma'];

/**
 * Re-syncs of schemas whose every table is unchanged (the crawl's `unchanged` batch, issue 17):
 * end to end, through the real PostgreSQL connector and the engine, nothing stored may move, and
 * any change in the schema must still be found.
 */
describeEachStore('re-syncing unchanged PostgreSQL schemas', (kind) => {
  const suite = useServerWithPostgres(() => new PostgresTestContext(), kind);
  const pg = suite.pg;
  let server: TestServer;
  let db: TestDatabase;
  const key = 'Steady';
  const sync = () => syncThroughApi(server, key);
  const object = async (...path: string[]) => (await server.request('GET', `/data/object/${urlPath(key, db.name, ...path)}`)).body;
  const tagsOf = async (...path: string[]) => (await server.request('GET', `/data/tags/${urlPath(key, db.name, ...path)}`)).body;
  /** Everything a person sees of the tables of `schema`, except when a sync last saw them. */
  const snapshot = async (schema: string, names: string[]) =>
    Promise.all(names.map(async (name) => ({ object: withoutLastSync(await object(schema, name)), tags: await tagsOf(schema, name) })));

  beforeAll(async () => {
    server = suite.server();
    const sql = ['CREATE SCHEMA steady', ...TABLES.flatMap((name) => [`CREATE TABLE steady.${name} (id integer NOT NULL, note text DEFAULT 'x')`, `CREATE TABLE public.${name} (id integer)`])].join(';\n');
    db = (await registerTestConnection(server, pg, { connectionKey: key, sql, settings: { isActive: true } })).db;
    await server.request('PUT', `/data/settings/${urlPath(key, db.name, 'steady', 'alpha')}`, { settings: { dataOwners: [{ type: 'group', name: 'finance' }] } });
    await server.request('PUT', `/data/settings/${urlPath(key, db.name, 'steady', 'beta')}`, { settings: { isActive: false } });
    expect((await server.request('POST', `/data/tags/${urlPath(key, db.name, 'steady', 'alpha')}`, { tags: [{ name: 'Reviewed' }] })).status).toBe(200);
    expect((await server.request('POST', `/data/tags/${urlPath(key, db.name, 'steady', 'gamma')}`, { tags: [{ name: 'PII' }], column: 'note' })).status).toBe(200);
  });

  it('keeps every object, override, data source and tag of an unchanged schema, and marks them seen', async () => {
    const before = await snapshot('steady', TABLES);
    const { job, changes } = await sync();
    expect(job).toMatchObject({ state: 'completed', errors: [] });
    expect(job.counts).toMatchObject({ added: 0, removed: 0, renamed: 0, changed: 0, restored: 0 });
    expect(job.counts.unchanged).toBeGreaterThanOrEqual(2 * TABLES.length);
    expect(changes).toEqual([]);
    expect(await snapshot('steady', TABLES)).toEqual(before);
    for (const name of TABLES) expect((await object('steady', name)).lastSync.syncRunId).toBe(job.id);
  });

  it('finds a change in one table of a schema that was unchanged', async () => {
    await sqlIn(db, 'ALTER TABLE steady.gamma ALTER COLUMN note SET DEFAULT \'y\'');
    const { job, changes } = await sync();
    expect(job.counts).toMatchObject({ changed: 1, added: 0, removed: 0 });
    expect(changes).toEqual([expect.objectContaining({ change: 'changed', objectPath: [key, db.name, 'steady', 'gamma'] })]);
    expect((await object('steady', 'gamma')).columns.map((c: any) => c.defaultValue)).toEqual([null, "'y'::text"]);
    // Unchanged since: the tags and the new dictionary stay.
    const before = await snapshot('steady', TABLES);
    expect((await sync()).changes).toEqual([]);
    expect(await snapshot('steady', TABLES)).toEqual(before);
  });

  it('finds a dropped, an added and a renamed table', async () => {
    await sqlIn(db, 'DROP TABLE steady.beta; CREATE TABLE steady.delta (id integer); ALTER TABLE steady.alpha RENAME TO omega');
    const { job, changes } = await sync();
    expect(job.counts).toMatchObject({ added: 1, removed: 1, renamed: 1, changed: 0 });
    expect(changes.map((c: any) => [c.change, c.objectPath.at(-1)]).sort()).toEqual([['added', 'delta'], ['removed', 'beta'], ['renamed', 'omega']]);
    const omega = await object('steady', 'omega');
    expect(omega.settings.dataOwners.value).toEqual([{ type: 'group', name: 'finance' }]);
    expect((await tagsOf('steady', 'omega')).tags.map((t: any) => t.name)).toContain('Reviewed');
    expect((await object('steady', 'beta')).removed).toBe(true);
    // And the schema is unchanged again afterwards: the removed table stays removed, nothing moves.
    const after = await snapshot('steady', ['omega', 'gamma', 'delta']);
    expect((await sync()).changes).toEqual([]);
    expect(await snapshot('steady', ['omega', 'gamma', 'delta'])).toEqual(after);
    expect((await object('steady', 'beta')).removed).toBe(true);
  });
});

function withoutLastSync({ lastSync: _lastSync, ...object }: Record<string, unknown>) {
  return object;
}
