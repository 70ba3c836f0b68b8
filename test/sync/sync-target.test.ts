import { expect, it } from 'vitest';
import { addUserWithKey } from '../helpers/access-fixtures.js';
import { registerTestConnection, sqlIn } from '../helpers/catalog-fixtures.js';
import { PostgresTestContext, type TestDatabase } from '../helpers/postgres-server.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { syncThroughApi, urlPath, useServerWithPostgres } from '../helpers/test-server.js';

/** A scoped sync names its target: new on the platform is fine, absent from it is an error. */
describeEachStore(
  'syncing one target',
  (kind) => {
    const { server, pg } = useServerWithPostgres(() => new PostgresTestContext(), kind);
    let db: TestDatabase;

    it('fails with OBJECT_NOT_FOUND for a path the platform does not have, changing nothing', async () => {
      ({ db } = await registerTestConnection(server(), pg, { connectionKey: 'Target', sql: 'CREATE SCHEMA s; CREATE TABLE s.t (id int);' }));
      for (const path of [['Target', db.name, 's', 'nope'], ['Target', db.name, 'no_schema'], ['Target', 'no_database', 's']]) {
        const { job, changes } = await syncThroughApi(server(), ...path);
        expect(job).toMatchObject({ state: 'failed', objectPath: path, errors: [{ objectPath: path, code: 'OBJECT_NOT_FOUND' }] });
        expect(job.failureMessage).toMatch(/The platform has no object at .*check the names/);
        expect(changes).toEqual([]);
      }
      expect((await server().request('GET', '/data/connection/Target')).body.state).not.toBe('UNHEALTHY');
    });

    it('adds a table not yet in the catalog, and marks a vanished known one removed, without that error', async () => {
      await sqlIn(db, 'CREATE TABLE s.granted_later (id int)');
      const added = await syncThroughApi(server(), 'Target', db.name, 's', 'granted_later');
      expect(added.job).toMatchObject({ state: 'completed', errors: [], counts: { added: 1 } });
      await sqlIn(db, 'DROP TABLE s.t');
      const removed = await syncThroughApi(server(), 'Target', db.name, 's', 't');
      expect(removed.job).toMatchObject({ state: 'completed', errors: [], counts: { removed: 1 } });
      // Asked again, the removed table is not on the platform: now that is the answer.
      expect((await syncThroughApi(server(), 'Target', db.name, 's', 't')).job).toMatchObject({ state: 'failed', errors: [{ code: 'OBJECT_NOT_FOUND' }] });
    });

    it("refuses a path deeper than the technology's levels at request time, in both forms, so a data owner cannot fail the connection", async () => {
      const s = server();
      await s.request('PUT', `/data/settings/${urlPath('Target', db.name)}`, { settings: { dataOwners: [{ type: 'user', name: 'deep-owner' }] } });
      const owner = await addUserWithKey(s, 'deep-owner');
      const runsBefore = (await s.request('GET', '/jobs?connectionKey=Target')).body.count;
      for (const [url, body] of [
        [`/data/crawl/${urlPath('Target', db.name, 's', 't', 'x', 'y')}`, {}],
        [`/data/crawl/${urlPath('Target', db.name, 's', 't', 'x')}`, { forceRecursiveCrawl: true }],
        ['/data/crawl', { objectPath: ['Target', db.name, 's', 't', 'x'] }],
      ] as const) {
        const refused = await s.request('POST', url, body, { apiKey: owner });
        expect(refused.status, JSON.stringify(refused.body)).toBe(400);
        expect(refused.body).toMatchObject({ code: 'INVALID_OBJECT_PATH' });
        expect(refused.body.message).toMatch(/PostgreSQL has 3 \(database > schema > table\)/);
      }
      expect((await s.request('GET', '/jobs?connectionKey=Target')).body.count).toBe(runsBefore);
      expect((await s.request('GET', '/data/connection/Target')).body.state).not.toBe('UNHEALTHY');
      // The deepest path the technology has is still a sync target.
      expect((await s.request('POST', '/data/crawl', { objectPath: ['Target', db.name, 's', 'granted_later'] }, { apiKey: owner })).status).toBe(202);
    });
  },
  { needs: ['PostgreSQL'] },
);
