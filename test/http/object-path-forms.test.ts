import { expect, it } from 'vitest';
import { registerTestConnection } from '../helpers/catalog-fixtures.js';
import { PostgresTestContext } from '../helpers/postgres-server.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { urlPath, useServerWithPostgres } from '../helpers/test-server.js';

const KEY = 'Dots';
const query = (path: readonly string[]) => `objectPath=${encodeURIComponent(JSON.stringify(path))}`;

/**
 * Names "." and ".." travel only as JSON arrays: URL parsers resolve such path segments before
 * sending, so the URL form refuses them (sent raw here: the test client does not normalise).
 */
describeEachStore(
  'object paths as JSON arrays, and dot segments in URLs',
  (kind) => {
    const { server, pg } = useServerWithPostgres(() => new PostgresTestContext(), kind);
    let db = '';
    const path = (...names: string[]) => [KEY, db, ...names];

    it('reads, lists, changes, syncs and deletes objects named "." and ".." through the JSON-array routes', async () => {
      const s = server();
      db = (
        await registerTestConnection(s, pg, {
          connectionKey: KEY,
          sql: 'CREATE SCHEMA s; CREATE TABLE s."." (id int); CREATE TABLE s.".." (id int); CREATE TABLE s."a/b" (id int); CREATE SCHEMA "..";',
        })
      ).db.name;

      const read = await s.request('GET', `/data/object?${query(path('s', '..'))}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ objectPath: path('s', '..'), kind: 'table', dataSourceName: `${KEY}.${db}.s...` });
      expect((await s.request('GET', `/data/object?${query(path('..'))}`)).body).toMatchObject({ objectPath: path('..'), kind: 'schema' });

      const children = await s.request('POST', '/data/object/search', { objectPath: path('s') });
      expect(children.body.hits.map((hit: { objectPath: string[] }) => hit.objectPath.at(-1))).toEqual(['.', '..', 'a/b']);
      expect((await s.request('POST', '/data/object/search', {})).body.hits.map((hit: { objectPath: string[] }) => hit.objectPath)).toEqual([[KEY]]);

      const enabled = await s.request('PUT', '/data/settings', { objectPath: path('s', '..'), settings: { isActive: true } });
      expect(enabled.body).toMatchObject({ objectPath: path('s', '..'), state: 'active', overrides: { isActive: true } });
      expect((await s.request('GET', `/data/object/${urlPath(...path('s'))}`)).body).toMatchObject({ state: 'inactive', overrides: {} });

      const crawl = await s.request('POST', '/data/crawl', { objectPath: path('s', '..'), forceRecursiveCrawl: true });
      expect(crawl.status).toBe(202);
      expect(await s.waitForJob(crawl.body.syncRunId)).toMatchObject({ state: 'completed', objectPath: path('s', '..'), forceRecursiveCrawl: true });

      const deleted = await s.request('DELETE', '/data/object', { objectPath: path('s', '.') });
      expect(deleted.body).toEqual({ objectPath: path('s', '.'), childCount: 0 });
      expect((await s.request('POST', '/data/object/search', { objectPath: path('s') })).body.count).toBe(2);
    });

    it.each(['..', '.', '%2E', '%2e%2E', '.%2E', '%2E.'])('refuses the URL segment %s on every route and changes nothing', async (segment) => {
      const s = server();
      const before = await s.request('POST', '/data/object/search', { objectPath: path('s') });
      const raw = `${urlPath(KEY, db, 's')}/${segment}`;
      for (const [method, url, body] of [
        ['DELETE', `/data/object/${raw}`, undefined],
        ['GET', `/data/object/${raw}`, undefined],
        ['POST', `/data/object/search/${raw}`, {}],
        ['PUT', `/data/settings/${raw}`, { settings: { isActive: true } }],
        ['POST', `/data/crawl/${raw}`, {}],
      ] as const) {
        const response = await s.request(method, url, body);
        expect(response.status, `${method} ${url}`).toBe(400);
        expect(response.body.code).toBe('DOT_SEGMENT_IN_URL');
        expect(response.body.message).toContain('segment 4 in the URL is "');
        const jsonRoute = url.slice(0, url.indexOf(`/${urlPath(KEY)}`));
        expect(response.body.message).toContain(
          method === 'GET' ? `GET ${jsonRoute}?objectPath=` : `${method} ${jsonRoute} with the body {"objectPath": ["Dots","${db}","s","`,
        );
      }
      expect((await s.request('POST', '/data/object/search', { objectPath: path('s') })).body).toEqual(before.body);
      expect((await s.request('GET', `/data/object/${urlPath(KEY)}`)).status).toBe(200);
      expect((await s.request('GET', '/jobs?size=1000')).body.hits.filter((job: { state: string }) => job.state !== 'completed')).toEqual([]);
    });

    it('refuses a malformed objectPath query or body with a 400 naming it', async () => {
      const s = server();
      for (const [url, code, message] of [
        ['/data/object?objectPath=not-json', 'INVALID_OBJECT_PATH', /objectPath is not JSON/],
        [`/data/object?objectPath=${encodeURIComponent('[]')}`, 'VALIDATION_FAILED', /querystring\.objectPath/],
        [`/data/object?objectPath=${encodeURIComponent('{"a":1}')}`, 'VALIDATION_FAILED', /querystring\.objectPath/],
        [`/data/object?objectPath=${encodeURIComponent('["a",""]')}`, 'VALIDATION_FAILED', /querystring\.objectPath/],
        ['/data/object', 'VALIDATION_FAILED', /objectPath/],
        [`/data/object?${query([KEY])}&${query([KEY])}`, 'INVALID_OBJECT_PATH', /more than once/],
      ] as const) {
        const response = await s.request('GET', url);
        expect(response.status, url).toBe(400);
        expect(response.body, url).toMatchObject({ code });
        expect(response.body.message, url).toMatch(message);
      }
      const noPath = await s.request('DELETE', '/data/object', {});
      expect(noPath.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(noPath.body.message).toMatch(/objectPath/);
      expect((await s.request('PUT', '/data/settings', { objectPath: { key: KEY }, settings: {} })).status).toBe(400);
      expect((await s.request('GET', `/data/object/${urlPath(KEY)}`)).status).toBe(200);
    });
  },
  { needs: ['PostgreSQL'] },
);
