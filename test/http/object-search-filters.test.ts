import { expect, it } from 'vitest';
import { registerTestConnection, sqlIn } from '../helpers/catalog-fixtures.js';
import { PostgresTestContext } from '../helpers/postgres-server.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { syncThroughApi, useServerWithPostgres } from '../helpers/test-server.js';

const KEY = 'Filters';
const names = (body: { hits: { objectPath: string[] }[] }) => body.hits.map((hit) => hit.objectPath.at(-1));

/** The children search's kind and removed filters (the web UI's Data objects table filters on them server-side). */
describeEachStore(
  'searching children by kind and removed',
  (kind) => {
    const { server, pg } = useServerWithPostgres(() => new PostgresTestContext(), kind);

    it('keeps only children of the kind asked, and only removed or only present ones', async () => {
      const s = server();
      const { db } = await registerTestConnection(s, pg, {
        connectionKey: KEY,
        sql: 'CREATE SCHEMA s; CREATE TABLE s.a (id int); CREATE TABLE s.gone (id int); CREATE VIEW s.v AS SELECT 1 AS one;',
      });
      await sqlIn(db, 'DROP TABLE s.gone');
      await syncThroughApi(s, KEY, db.name, 's');
      const search = async (filters: Record<string, unknown>) => (await s.request('POST', '/data/object/search', { objectPath: [KEY, db.name, 's'], ...filters })).body;

      expect(names(await search({ kind: 'view' }))).toEqual(['v']);
      expect(await search({ kind: 'table' })).toMatchObject({ count: 2 });
      expect(names(await search({ removed: true }))).toEqual(['gone']);
      expect(names(await search({ removed: false, kind: 'table' }))).toEqual(['a']);
      expect(await search({ kind: 'nothing' })).toEqual({ count: 0, hits: [] });

      expect(names(await search({ objectPath: undefined, kind: 'connection', removed: false }))).toEqual([KEY]);
      expect((await search({ objectPath: undefined, removed: true })).hits).toEqual([]);
      expect((await search({ objectPath: undefined, kind: 'table' })).hits).toEqual([]);
    });

    it('refuses an empty kind and a removed that is not a boolean with a 400', async () => {
      const s = server();
      for (const body of [{ kind: '' }, { removed: 'yes' }]) {
        expect((await s.request('POST', '/data/object/search', body)).status).toBe(400);
      }
    });
  },
  { needs: ['PostgreSQL'] },
);
