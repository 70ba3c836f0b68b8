import { expect, it } from 'vitest';
import { addUserWithKey } from '../helpers/access-fixtures.js';
import { registerTestConnection } from '../helpers/catalog-fixtures.js';
import { PostgresTestContext } from '../helpers/postgres-server.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { urlPath, useServerWithPostgres, type ApiResponse } from '../helpers/test-server.js';

const KEY = 'Bad Input';
const LEAP_SECOND = '2016-12-31T23:59:60Z';

/**
 * Input that passes a lax reading of the schemas but that nothing behind them can hold: a 400
 * naming the field on both stores, never a 5xx, and nothing written (SPEC 2).
 */
describeEachStore(
  'bad input the stores cannot hold',
  (kind) => {
    const { server, pg } = useServerWithPostgres(() => new PostgresTestContext(), kind);
    let db = '';
    let runId = '';

    const expectRefused = (response: ApiResponse, field: RegExp) => {
      expect(response.status, JSON.stringify(response.body)).toBe(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(response.body.message).toMatch(field);
    };
    /** What a refused request must leave as it was: the runs, the audit log, the catalog. */
    const snapshot = async () => {
      const s = server();
      const [jobs, audit, objects] = await Promise.all([
        s.request('GET', '/jobs?size=1000'),
        s.request('GET', '/audit?size=1000'),
        s.request('POST', '/data/object/search', { objectPath: [KEY, db, 's'] }),
      ]);
      return { jobs: jobs.body, audit: audit.body.count, objects: objects.body };
    };

    it('registers a connection to read from', async () => {
      const registered = await registerTestConnection(server(), pg, { connectionKey: KEY, sql: 'CREATE SCHEMA s; CREATE TABLE s.t (id int);' });
      db = registered.db.name;
      runId = registered.firstSync.id;
    });

    it('refuses a leap second, which a Date cannot hold, naming the field', async () => {
      const s = server();
      const before = await snapshot();
      expectRefused(await s.request('POST', '/users/admin/api-keys', { expiresAt: LEAP_SECOND }), /body\.expiresAt.*date-time/);
      expectRefused(await s.request('GET', `/audit?from=${LEAP_SECOND}`), /querystring\.from.*date-time/);
      expectRefused(await s.request('GET', `/audit?to=${LEAP_SECOND}`), /querystring\.to.*date-time/);
      expect(await snapshot()).toEqual(before);
      // An ordinary instant still works.
      expect((await s.request('GET', '/audit?from=2016-12-31T23:59:59Z&to=2099-01-01T00:00:00%2B01:00')).status).toBe(200);
    });

    const pagingExtremes = [
      ['offset=1e20', /querystring\.offset/],
      ['offset=99999999999999999999', /querystring\.offset/],
      ['offset=Infinity', /querystring\.offset.*finite/],
      ['offset=-1', /querystring\.offset/],
      ['offset=1.5', /querystring\.offset/],
      ['size=Infinity', /querystring\.size.*finite/],
      ['size=1e400', /querystring\.size.*finite/],
      ['size=-Infinity', /querystring\.size/],
      ['size=-1', /querystring\.size/],
      ['size=0.5', /querystring\.size/],
    ] as const;
    const listings = () => ['/jobs', '/jobs/search', `/data/sync-runs/${runId}/changes`, '/dataSource', '/audit'];

    it.each(pagingExtremes)('refuses %s on every listing', async (query, field) => {
      for (const listing of listings()) expectRefused(await server().request('GET', `${listing}?${query}`), field);
    });

    it('refuses paging extremes in the object search body, both forms', async () => {
      const s = server();
      for (const [url, extra] of [['/data/object/search', {}], [`/data/object/search/${urlPath(KEY)}`, {}], ['/data/object/search', { objectPath: [KEY] }]] as const) {
        for (const [field, value] of [['offset', 1e20], ['offset', 'Infinity'], ['size', 'Infinity'], ['size', '1e400'], ['offset', -1], ['size', 0.5]] as const) {
          expectRefused(await s.request('POST', url, { ...extra, [field]: value }), new RegExp(`body\\.${field}`));
        }
      }
      // The largest offset still answers: an empty page.
      expect((await s.request('GET', `/jobs?offset=${Number.MAX_SAFE_INTEGER}`)).body.hits).toEqual([]);
    });

    it('refuses non-finite and oversized ids', async () => {
      const s = server();
      for (const url of ['/dataSource/Infinity', '/dataSource/1e400', '/dictionary/Infinity']) expectRefused(await s.request('GET', url), /params\.\w+.*finite/);
      for (const url of ['/dataSource/2147483648', '/dictionary/2147483648', '/dataSource/1e20']) expectRefused(await s.request('GET', url), /params\.\w+ must be <= 2147483647/);
    });

    it('refuses a NUL character anywhere in the URL or the body, before anything reads it', async () => {
      const s = server();
      const before = await snapshot();
      const table = urlPath(KEY, db, 's', 't');
      for (const [method, url, body] of [
        ['GET', `/data/object/${table}%00`, undefined],
        ['POST', `/data/object/search/${urlPath(KEY)}%00`, {}],
        ['PUT', `/data/settings/${table}%00`, { settings: { isActive: true } }],
        ['DELETE', `/data/object/${table}%00`, undefined],
        ['POST', `/data/crawl/${urlPath(KEY, db)}/s%00`, undefined],
        ['GET', `/data/connection/${urlPath(KEY)}%00`, undefined],
        ['GET', '/jobs/a%00', undefined],
        ['GET', '/data/sync-runs/a%00/changes', undefined],
        ['GET', '/users/a%00', undefined],
        ['GET', '/dataSource?searchText=t%00', undefined],
        ['GET', '/jobs?connectionKey=a%00', undefined],
        ['GET', '/audit?actor=a%00', undefined],
        ['GET', `/data/object?objectPath=${encodeURIComponent(JSON.stringify([KEY, 'a\u0000']))}`, undefined],
        ['POST', '/data/object/search', { searchText: 't\u0000' }],
        ['POST', '/data/object/search', { objectPath: [KEY, 'a\u0000'] }],
        ['POST', '/data/crawl', { objectPath: [KEY, db, 's\u0000'] }],
        ['PUT', '/data/settings', { objectPath: [KEY, 'a\u0000'], settings: { isActive: true } }],
        ['PUT', `/data/settings/${table}`, { settings: { dataOwners: [{ type: 'user', name: 'a\u0000' }] } }],
        ['DELETE', '/data/object', { objectPath: [KEY, db, 's\u0000'] }],
      ] as const) {
        expectRefused(await s.request(method, url, body), /NUL/);
      }
      expect(await snapshot()).toEqual(before);
    });

    it('walks a deeply nested body on a route without a body schema, and still finds a NUL at the bottom', async () => {
      const s = server();
      const before = await snapshot();
      // 50,000 levels is 100 kB of valid JSON, under the body limit: the walk overflowed the stack (a 500).
      const nested = (inner: string) => `${'['.repeat(50_000)}${inner}${']'.repeat(50_000)}`;
      const url = `/data/object/${urlPath(KEY, db, 's', 'absent')}`;
      expect((await s.request('DELETE', url, nested('1'))).body).toMatchObject({ statusCode: 404, code: 'OBJECT_NOT_FOUND' });
      expectRefused(await s.request('DELETE', url, nested('"a\\u0000"')), /body(\.0)+ must not contain a NUL/);
      expect(await snapshot()).toEqual(before);
    });

    it("refuses a data owner's NUL or impossible id before its access is looked up", async () => {
      const s = server();
      await s.request('PUT', `/data/settings/${urlPath(KEY, db)}`, { settings: { dataOwners: [{ type: 'user', name: 'nul-owner' }] } });
      const owner = await addUserWithKey(s, 'nul-owner');
      for (const [method, url] of [['GET', `/data/object/${urlPath(KEY, db)}/s%00`], ['POST', `/data/crawl/${urlPath(KEY, db)}/s%00`], ['GET', `/data/connection/${urlPath(KEY)}%00`]]) {
        expectRefused(await s.request(method!, url!, undefined, { apiKey: owner }), /params\.\w+ must not contain a NUL/);
      }
      // Its access to a data source is looked up by the id before the id is validated: no such id, no access.
      expect((await s.request('GET', '/dataSource/2147483648', undefined, { apiKey: owner })).status).toBe(403);
    });
  },
  { needs: ['PostgreSQL'] },
);
