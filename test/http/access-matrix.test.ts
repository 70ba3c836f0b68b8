import { expect, it } from 'vitest';
import type { GuardedRoute } from '../../src/http/plugins/access-control.js';
import { addUserWithKey } from '../helpers/access-fixtures.js';
import { connectionInput, registerTestConnection } from '../helpers/catalog-fixtures.js';
import { PostgresTestContext } from '../helpers/postgres-server.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { urlPath, useServerWithPostgres } from '../helpers/test-server.js';

/** The subjects of the matrix: who sends the request. */
const SUBJECTS = ['anonymous', 'noPermission', 'createDataSource', 'governance', 'applicationAdmin', 'owner', 'siblingOwner', 'userAdmin'] as const;
type Subject = (typeof SUBJECTS)[number];

const ALL: Subject[] = [...SUBJECTS];
const AUTHENTICATED: Subject[] = SUBJECTS.filter((s) => s !== 'anonymous');
const READERS: Subject[] = ['createDataSource', 'governance', 'applicationAdmin'];
const OBJECT_READERS: Subject[] = [...READERS, 'owner'];
const ADMIN: Subject[] = ['applicationAdmin'];
/** Managing users, groups and others' keys is USER_ADMIN's; an APPLICATION_ADMIN may look. */
const USER_ADMIN: Subject[] = ['userAdmin'];
const USER_READERS: Subject[] = ['userAdmin', 'applicationAdmin'];

/** One request per route, and who must get its success status (SPEC 1.6); everyone else 403, or 401 without a key. */
interface Sample {
  method: string;
  url: string;
  body?: unknown;
  status: number;
  allowed: Subject[];
  /** A delete that succeeds once per subject: what each subject sends instead of url and body. */
  forSubject?: (subject: Subject) => { url?: string; body?: unknown };
}

/**
 * Every route × every subject gets exactly the expected status. The expectations are written
 * here from SPEC 1.6, independently of the rule table; the test fails when the server has a
 * route this table does not list (or the other way round).
 */
describeEachStore(
  'RBAC matrix',
  (kind) => {
    const { server, pg } = useServerWithPostgres(() => new PostgresTestContext(), kind);

    it('gives every route and subject exactly the expected status', { timeout: 120_000 }, async () => {
      const s = server();
      // The hierarchy: the connection is owned by the group "matrix-owners" (inherited by the
      // schema "owned"); the schema "sibling" overrides its owners with the user "sibling-owner".
      const { db, role } = await registerTestConnection(s, pg, {
        connectionKey: 'Matrix',
        sql: `CREATE SCHEMA owned; CREATE TABLE owned.t1 (id int); CREATE TABLE owned.doomed (id int); CREATE TABLE owned.doomed2 (id int);
              CREATE SCHEMA sibling; CREATE TABLE sibling.t2 (id int);
              CREATE SCHEMA legacy; CREATE TABLE legacy.v2 (id int); CREATE TABLE legacy.h1 (id int); CREATE TABLE legacy.h2 (id int);
              CREATE TABLE legacy.l1 (id int); CREATE TABLE legacy.l2 (id int); CREATE TABLE legacy.l3 (id int); CREATE TABLE legacy.l4 (id int);`,
      });
      const path = (...names: string[]) => urlPath('Matrix', db.name, ...names);
      const names = (...rest: string[]) => ['Matrix', db.name, ...rest];
      expect((await s.request('PUT', `/data/settings/${urlPath('Matrix')}`, { settings: { dataOwners: [{ type: 'group', name: 'matrix-owners' }] } })).status).toBe(200);
      expect((await s.request('PUT', `/data/settings/${path('sibling')}`, { settings: { dataOwners: [{ type: 'user', name: 'sibling-owner' }] } })).status).toBe(200);
      expect((await s.request('PUT', `/data/settings/${path('owned')}`, { settings: { isActive: true } })).status).toBe(200);
      const dataSourceId = (await s.request('GET', `/data/object/${path('owned', 't1')}`)).body.dataSourceId as number;
      expect(dataSourceId).toBeGreaterThan(0);
      const crawl = await s.request('POST', `/data/crawl/${path('owned')}`, {});
      const runId = crawl.body.syncRunId as string;
      await s.waitForJob(runId);

      const keys: Record<Subject, string | null> = {
        anonymous: null,
        noPermission: await addUserWithKey(s, 'no-permission'),
        createDataSource: await addUserWithKey(s, 'cds', { permissions: ['CREATE_DATA_SOURCE'] }),
        governance: await addUserWithKey(s, 'gov', { permissions: ['GOVERNANCE'] }),
        applicationAdmin: await addUserWithKey(s, 'app-admin', { permissions: ['APPLICATION_ADMIN'] }),
        owner: await addUserWithKey(s, 'owner', { groups: ['matrix-owners'] }),
        siblingOwner: await addUserWithKey(s, 'sibling-owner'),
        userAdmin: await addUserWithKey(s, 'user-admin', { permissions: ['USER_ADMIN'] }),
      };
      await addUserWithKey(s, 'victim');
      expect((await s.request('POST', '/users', { name: 'doomed-user' })).status).toBe(201);
      expect((await s.request('PUT', '/groups/doomed-group', { permissions: [] })).status).toBe(200);
      const victimKeyId = (await s.request('GET', '/users/victim/api-keys')).body[0].id as string;
      // Tags the delete samples remove, one per subject allowed to.
      const tagEditors: Subject[] = ['governance', 'owner'];
      for (const subject of tagEditors) {
        expect((await s.request('POST', `/data/tags/${path('owned', 't1')}`, { tags: [{ name: `Gone.Url.${subject}` }, { name: `Gone.Json.${subject}` }] })).status).toBe(200);
        expect((await s.request('POST', `/data/tags/${path('owned', 't1')}`, { column: 'id', tags: [{ name: `Gone.Legacy.${subject}` }] })).status).toBe(200);
      }

      const { technology: _technology, ...integrationConfig } = connectionInput(db, role);
      const integration = async () => (await s.request('POST', '/integrations', { type: 'PostgreSQL', config: integrationConfig })).body.id as number;
      const [integrationId, doomedIntegrationId] = [await integration(), await integration()];

      // The legacy handler route registers a table once: each allowed subject registers its own.
      const legacyHandler = (schema: string, table: string) => {
        const { technology: _t, ...connection } = connectionInput(db, role);
        return { handler: { metadata: { ...connection, schema, table, dataSourceName: `Matrix ${schema}.${table}` } } };
      };

      const [doomedHandler, doomedHandler2] = [
        (await s.request('POST', '/pg/handler', legacyHandler('legacy', 'h1'))).body.id as number,
        (await s.request('POST', '/pg/handler', legacyHandler('legacy', 'h2'))).body.id as number,
      ];
      const { technology: _technology2, ...v2Connection } = connectionInput(db, role);
      const v2 = { connectionKey: 'matrix-v2', connection: { ...v2Connection, handler: 'PostgreSQL' }, sources: [{ schema: 'legacy', table: 'v2' }] };
      // Legacy data sources owned by the group "matrix-owners": one the edits share, one per subject allowed to delete.
      const legacySource = async (table: string) => {
        const { technology: _t, ...connection } = connectionInput(db, role);
        const body = { dataSource: { owner: { groups: ['matrix-owners'] } }, handler: { metadata: { ...connection, schema: 'legacy', table, dataSourceName: `Matrix legacy ${table}` } } };
        const registered = await s.request('POST', '/pg/handler', body);
        expect(registered.status, JSON.stringify(registered.body)).toBe(200);
        return registered.body.dataSourceId as number;
      };
      const legacyId = await legacySource('l1');
      const doomedLegacy: Partial<Record<Subject, number>> = { governance: await legacySource('l2'), owner: await legacySource('l3'), applicationAdmin: await legacySource('l4') };
      const accessId = (await s.request('POST', '/dataSource/subscribe', { dataSourceIds: [legacyId] }, { apiKey: keys.noPermission })).body.requests[0].id as number;

      const samples: Record<string, Sample> = {
        'GET /health': { method: 'GET', url: '/health', status: 200, allowed: ALL },
        'GET /openapi.json': { method: 'GET', url: '/openapi.json', status: 200, allowed: ALL },
        'GET /': { method: 'GET', url: '/', status: 302, allowed: ALL },
        'GET /ui': { method: 'GET', url: '/ui', status: 301, allowed: ALL },
        'GET /ui/*': { method: 'GET', url: '/ui/connections', status: 200, allowed: ALL },
        // The key is in the body; the session routes act on the cookie, so with a key they are a 400 (test/http/session.test.ts).
        'POST /session': { method: 'POST', url: '/session', body: { apiKey: keys.governance }, status: 201, allowed: ALL },
        'GET /session': { method: 'GET', url: '/session', status: 400, allowed: AUTHENTICATED },
        'DELETE /session': { method: 'DELETE', url: '/session', status: 400, allowed: AUTHENTICATED },
        'POST /data/connection': { method: 'POST', url: '/data/connection?dryRun=true', body: { connectionKey: 'Matrix Two', connection: connectionInput(db, role) }, status: 200, allowed: ADMIN },
        'GET /data/connection': { method: 'GET', url: '/data/connection', status: 200, allowed: READERS },
        // The group "matrix-owners" owns the connection itself; "sibling-owner" owns only a schema below it.
        'GET /data/connection/:connectionKey': { method: 'GET', url: '/data/connection/Matrix', status: 200, allowed: OBJECT_READERS },
        'PUT /data/connection/:connectionKey': { method: 'PUT', url: '/data/connection/Matrix', body: { connection: {} }, status: 200, allowed: ADMIN },
        'POST /data/connection/:connectionKey/test': { method: 'POST', url: '/data/connection/Matrix/test', status: 200, allowed: ADMIN },
        'POST /integrations/scripts/create': { method: 'POST', url: '/integrations/scripts/create', body: { type: 'PostgreSQL' }, status: 200, allowed: ADMIN },
        'POST /integrations': { method: 'POST', url: '/integrations', body: { type: 'PostgreSQL', config: integrationConfig }, status: 201, allowed: ADMIN },
        'GET /integrations': { method: 'GET', url: '/integrations', status: 200, allowed: ADMIN },
        'GET /integrations/:id': { method: 'GET', url: `/integrations/${integrationId}`, status: 200, allowed: ADMIN },
        'PUT /integrations/:id': { method: 'PUT', url: `/integrations/${integrationId}`, body: { config: {} }, status: 200, allowed: ADMIN },
        'DELETE /integrations/:id': { method: 'DELETE', url: `/integrations/${doomedIntegrationId}`, status: 200, allowed: ADMIN },
        // APPLICATION_ADMIN and GOVERNANCE together (the built-in admin): no single-permission subject may.
        'POST /integrations/:id/upgrade': { method: 'POST', url: `/integrations/${integrationId}/upgrade`, body: { connectionKey: 'Matrix upgrade', dryRun: true }, status: 200, allowed: [] },
        // An upgrade never started: its administrators get the 404 that says how to start one.
        'GET /integrations/:id/upgrade': { method: 'GET', url: `/integrations/${integrationId}/upgrade`, status: 404, allowed: ADMIN },
        'POST /:prefix/handler': {
          method: 'POST', url: '/pg/handler', body: legacyHandler('owned', 't1'), status: 200, allowed: ['createDataSource', 'applicationAdmin'],
          forSubject: (subject) => ({ body: subject === 'applicationAdmin' ? legacyHandler('sibling', 't2') : legacyHandler('owned', 't1') }),
        },
        // The global run is APPLICATION_ADMIN's or GOVERNANCE's; owners may run it for their own data sources (test/http/schema-monitor.test.ts).
        'PUT /dataSource/detectRemoteChanges': { method: 'PUT', url: '/dataSource/detectRemoteChanges', body: {}, status: 200, allowed: ['governance', 'applicationAdmin'] },
        'GET /:prefix/handler/:handlerId': { method: 'GET', url: `/pg/handler/${doomedHandler}`, status: 200, allowed: READERS },
        'PUT /:prefix/handler/:handlerId': { method: 'PUT', url: `/pg/handler/${doomedHandler}`, body: { metadata: legacyHandler('legacy', 'h1').handler.metadata }, status: 200, allowed: ['createDataSource', 'applicationAdmin'] },
        'PUT /:prefix/bulk': {
          method: 'PUT', url: '/pg/bulk', status: 200, allowed: ['createDataSource', 'applicationAdmin'],
          body: { connectionString: `${role.name}@${v2Connection.hostname}:${v2Connection.port}/${db.name}`, handler: { metadata: { ...v2Connection } } },
        },
        'DELETE /:prefix/handler/:handlerId': {
          method: 'DELETE', url: `/pg/handler/${doomedHandler}`, status: 200, allowed: ['createDataSource', 'applicationAdmin'],
          forSubject: (subject) => ({ url: `/pg/handler/${subject === 'applicationAdmin' ? doomedHandler2 : doomedHandler}` }),
        },
        // The second declaration changes nothing; the key is renamed twice, probed, then removed by the last subject.
        'POST /api/v2/data': { method: 'POST', url: '/api/v2/data', body: v2, status: 200, allowed: ['createDataSource', 'applicationAdmin'] },
        'POST /api/v2/data/:connectionKey': { method: 'POST', url: '/api/v2/data/matrix-v2', body: { nameTemplate: { dataSourceFormat: 'matrix_<tablename>' } }, status: 200, allowed: ['createDataSource', 'applicationAdmin'] },
        'DELETE /api/v2/data/:connectionKey': {
          method: 'DELETE', url: '/api/v2/data/matrix-v2?dryRun=true', status: 200, allowed: ['createDataSource', 'applicationAdmin'],
          forSubject: (subject) => ({ url: `/api/v2/data/matrix-v2${subject === 'applicationAdmin' ? '' : '?dryRun=true'}` }),
        },
        'GET /data/object/*': { method: 'GET', url: `/data/object/${path('owned', 't1')}`, status: 200, allowed: OBJECT_READERS },
        'GET /data/object': { method: 'GET', url: `/data/object?objectPath=${encodeURIComponent(JSON.stringify(names('owned', 't1')))}`, status: 200, allowed: OBJECT_READERS },
        // Without objectPath: the connections, which no owner may list.
        'POST /data/object/search': { method: 'POST', url: '/data/object/search', body: {}, status: 200, allowed: READERS },
        'POST /data/object/search/*': { method: 'POST', url: `/data/object/search/${path('owned')}`, body: {}, status: 200, allowed: OBJECT_READERS },
        'PUT /data/settings/*': { method: 'PUT', url: `/data/settings/${path('owned', 't1')}`, body: { settings: { activateNewChildren: true } }, status: 200, allowed: ['governance', 'owner'] },
        'DELETE /data/object/*': { method: 'DELETE', url: `/data/object/${path('owned', 'doomed')}`, status: 200, allowed: ADMIN },
        'POST /data/crawl/*': { method: 'POST', url: `/data/crawl/${path('owned')}`, body: {}, status: 202, allowed: ['applicationAdmin', 'owner'] },
        'PUT /data/settings': { method: 'PUT', url: '/data/settings', body: { objectPath: names('owned', 't1'), settings: { activateNewChildren: false } }, status: 200, allowed: ['governance', 'owner'] },
        'DELETE /data/object': { method: 'DELETE', url: '/data/object', body: { objectPath: names('owned', 'doomed2') }, status: 200, allowed: ADMIN },
        'POST /data/crawl': { method: 'POST', url: '/data/crawl', body: { objectPath: names('owned') }, status: 202, allowed: ['applicationAdmin', 'owner'] },
        'GET /jobs': { method: 'GET', url: '/jobs', status: 200, allowed: READERS },
        'GET /jobs/search': { method: 'GET', url: '/jobs/search', status: 200, allowed: READERS },
        'GET /jobs/:id': { method: 'GET', url: `/jobs/${runId}`, status: 200, allowed: OBJECT_READERS },
        'GET /data/sync-runs/:id/changes': { method: 'GET', url: `/data/sync-runs/${runId}/changes`, status: 200, allowed: OBJECT_READERS },
        'GET /dataSource': { method: 'GET', url: '/dataSource', status: 200, allowed: READERS },
        'GET /dataSource/:id': { method: 'GET', url: `/dataSource/${dataSourceId}`, status: 200, allowed: OBJECT_READERS },
        'GET /dictionary/:dataSourceId': { method: 'GET', url: `/dictionary/${dataSourceId}`, status: 200, allowed: OBJECT_READERS },
        'PUT /dataSource/:id': { method: 'PUT', url: `/dataSource/${legacyId}`, body: { deleted: false }, status: 200, allowed: ['governance', 'owner'] },
        'DELETE /dataSource/:id': {
          method: 'DELETE', url: `/dataSource/${legacyId}`, status: 200, allowed: ['governance', 'owner', 'applicationAdmin'],
          forSubject: (subject) => ({ url: `/dataSource/${doomedLegacy[subject] ?? legacyId}` }),
        },
        'PUT /dataSource/bulk/:type': { method: 'PUT', url: '/dataSource/bulk/restore', body: { ids: [legacyId] }, status: 200, allowed: ['governance', 'applicationAdmin'] },
        'PUT /dataSource/:id/overrideHost': { method: 'PUT', url: `/dataSource/${legacyId}/overrideHost`, body: { host: 'replica.example.com' }, status: 200, allowed: ['applicationAdmin', 'owner'] },
        'POST /dictionary/:dataSourceId': { method: 'POST', url: `/dictionary/${legacyId}`, body: { metadata: [{ name: 'id', description: 'the id' }] }, status: 200, allowed: ['governance', 'owner'] },
        'PUT /dictionary/:dataSourceId': { method: 'PUT', url: `/dictionary/${legacyId}`, body: { metadata: [] }, status: 200, allowed: ['governance', 'owner'] },
        'DELETE /dictionary/:dataSourceId': { method: 'DELETE', url: `/dictionary/${legacyId}`, status: 200, allowed: ['governance', 'owner'] },
        'GET /schemas': { method: 'GET', url: '/schemas?searchText=leg', status: 200, allowed: READERS },
        'POST /dataSource/subscribe': { method: 'POST', url: '/dataSource/subscribe', body: { dataSourceIds: [legacyId] }, status: 200, allowed: AUTHENTICATED },
        'PUT /dataSource/:id/access/:accessId': { method: 'PUT', url: `/dataSource/${legacyId}/access/${accessId}`, body: { state: 'denied' }, status: 200, allowed: ['governance', 'owner'] },
        'DELETE /dataSource/:id/unsubscribe': { method: 'DELETE', url: `/dataSource/${legacyId}/unsubscribe`, status: 200, allowed: AUTHENTICATED },
        // Anyone may send one; only owners and GOVERNANCE deny (the others' come back as failures).
        'POST /subscription/deny': { method: 'POST', url: '/subscription/deny', body: { requests: [{ id: accessId, denialReasoning: 'matrix' }] }, status: 200, allowed: AUTHENTICATED },
        'POST /subscription/deny/bulk': { method: 'POST', url: '/subscription/deny/bulk', body: { requestIds: [accessId], denialReasoning: 'matrix' }, status: 200, allowed: AUTHENTICATED },
        'GET /data/tags/*': { method: 'GET', url: `/data/tags/${path('owned', 't1')}`, status: 200, allowed: OBJECT_READERS },
        'GET /data/tags': { method: 'GET', url: `/data/tags?objectPath=${encodeURIComponent(JSON.stringify(names('owned', 't1')))}`, status: 200, allowed: OBJECT_READERS },
        'POST /data/tags/*': { method: 'POST', url: `/data/tags/${path('owned', 't1')}`, body: { column: 'id', tags: [{ name: 'Matrix.Url' }] }, status: 200, allowed: tagEditors },
        'POST /data/tags': { method: 'POST', url: '/data/tags', body: { objectPath: names('owned', 't1'), tags: [{ name: 'Matrix.Json' }] }, status: 200, allowed: tagEditors },
        'DELETE /data/tags/*': {
          method: 'DELETE', url: `/data/tags/${path('owned', 't1')}`, body: { name: 'Gone.Url.x' }, status: 200, allowed: tagEditors,
          forSubject: (subject) => ({ body: { name: `Gone.Url.${subject}` } }),
        },
        'DELETE /data/tags': {
          method: 'DELETE', url: '/data/tags', body: { objectPath: names('owned', 't1'), name: 'Gone.Json.x' }, status: 200, allowed: tagEditors,
          forSubject: (subject) => ({ body: { objectPath: names('owned', 't1'), name: `Gone.Json.${subject}` } }),
        },
        'GET /tag': { method: 'GET', url: '/tag?searchText=gone', status: 200, allowed: READERS },
        'POST /tag/:modelType/:modelId': { method: 'POST', url: `/tag/datasource/${dataSourceId}`, body: [{ name: 'Matrix.Legacy' }], status: 200, allowed: tagEditors },
        'DELETE /tag/:modelType/:modelId/:tag': {
          method: 'DELETE', url: `/tag/column/${dataSourceId}_id/Gone.Legacy.x`, status: 200, allowed: tagEditors,
          forSubject: (subject) => ({ url: `/tag/column/${dataSourceId}_id/Gone.Legacy.${subject}` }),
        },
        'GET /me': { method: 'GET', url: '/me', status: 200, allowed: AUTHENTICATED },
        'GET /users': { method: 'GET', url: '/users', status: 200, allowed: USER_READERS },
        'POST /users': { method: 'POST', url: '/users', body: { name: 'created-in-matrix' }, status: 201, allowed: USER_ADMIN },
        'GET /users/:name': { method: 'GET', url: '/users/victim', status: 200, allowed: USER_READERS },
        'PUT /users/:name': { method: 'PUT', url: '/users/victim', body: { permissions: [] }, status: 200, allowed: USER_ADMIN },
        'DELETE /users/:name': { method: 'DELETE', url: '/users/doomed-user', status: 200, allowed: USER_ADMIN },
        'GET /groups': { method: 'GET', url: '/groups', status: 200, allowed: USER_READERS },
        'PUT /groups/:name': { method: 'PUT', url: '/groups/matrix-extra', body: { permissions: [] }, status: 200, allowed: USER_ADMIN },
        'DELETE /groups/:name': { method: 'DELETE', url: '/groups/doomed-group', status: 200, allowed: USER_ADMIN },
        'GET /users/:name/api-keys': { method: 'GET', url: '/users/victim/api-keys', status: 200, allowed: USER_ADMIN },
        'POST /users/:name/api-keys': { method: 'POST', url: '/users/victim/api-keys', body: {}, status: 201, allowed: USER_ADMIN },
        'DELETE /users/:name/api-keys/:id': { method: 'DELETE', url: `/users/victim/api-keys/${victimKeyId}`, status: 200, allowed: USER_ADMIN },
        'GET /audit': { method: 'GET', url: '/audit', status: 200, allowed: ['governance', 'applicationAdmin'] },
      };

      const routes: GuardedRoute[] = s.server.app.guardedRoutes;
      const docs = routes.filter((r) => r.url === '/docs' || r.url.startsWith('/docs/'));
      for (const route of docs) expect(route.rule.public, route.url).toBe(true);
      const guarded = routes.filter((r) => !docs.includes(r)).map((r) => `${r.method} ${r.url}`);
      expect([...guarded].sort()).toEqual(Object.keys(samples).sort());

      const failures: string[] = [];
      for (const [route, sample] of Object.entries(samples)) {
        // The admins go last: a delete succeeds once, after everyone else was refused.
        for (const subject of [...SUBJECTS].sort((a, b) => Number(a === 'applicationAdmin') - Number(b === 'applicationAdmin'))) {
          const { url, body } = { url: sample.url, body: sample.body, ...sample.forSubject?.(subject) };
          const response = await s.request(sample.method, url, body, { apiKey: keys[subject] });
          const expected = sample.allowed.includes(subject) ? sample.status : subject === 'anonymous' ? 401 : 403;
          if (response.status !== expected) failures.push(`${route} as ${subject}: ${response.status}, expected ${expected} ${JSON.stringify(response.body).slice(0, 200)}`);
          if (expected === 403) expect(response.body.code).toBe('FORBIDDEN');
        }
      }
      expect(failures).toEqual([]);
      for (const route of docs) {
        const response = await s.request('GET', route.url.replace('*', 'swagger-ui.css'), undefined, { apiKey: null });
        expect([200, 302], route.url).toContain(response.status);
      }
      await s.server.container.worker.whenIdle();
    });

    it('lets an owner act only inside the subtrees they own, by user or by group, inherited downwards', async () => {
      const s = server();
      const { db } = await registerTestConnection(s, pg, {
        connectionKey: 'Owned Tree',
        sql: 'CREATE SCHEMA a; CREATE TABLE a.t (id int); CREATE SCHEMA b; CREATE TABLE b.t (id int);',
      });
      const path = (...names: string[]) => urlPath('Owned Tree', db.name, ...names);
      const alice = await addUserWithKey(s, 'alice-owner');
      const bob = await addUserWithKey(s, 'bob-in-group', { groups: ['team-b'] });
      await s.request('PUT', `/data/settings/${path('a')}`, { settings: { dataOwners: [{ type: 'user', name: 'alice-owner' }] } });
      await s.request('PUT', `/data/settings/${path('b')}`, { settings: { dataOwners: [{ type: 'group', name: 'team-b' }] } });

      // Inherited: the table below "a" is alice's; she may enable it, not the one below "b".
      expect((await s.request('PUT', `/data/settings/${path('a', 't')}`, { settings: { isActive: true } }, { apiKey: alice })).status).toBe(200);
      expect((await s.request('PUT', `/data/settings/${path('b', 't')}`, { settings: { isActive: true } }, { apiKey: alice })).status).toBe(403);
      expect((await s.request('PUT', `/data/settings/${path('b', 't')}`, { settings: { isActive: true } }, { apiKey: bob })).status).toBe(200);
      // The JSON-array routes are scoped by the same object path.
      const jsonPath = (...rest: string[]) => ['Owned Tree', db.name, ...rest];
      expect((await s.request('PUT', '/data/settings', { objectPath: jsonPath('a', 't'), settings: { isActive: true } }, { apiKey: alice })).status).toBe(200);
      expect((await s.request('PUT', '/data/settings', { objectPath: jsonPath('b', 't'), settings: { isActive: true } }, { apiKey: alice })).status).toBe(403);
      expect((await s.request('POST', '/data/object/search', { objectPath: jsonPath('a') }, { apiKey: alice })).status).toBe(200);
      expect((await s.request('POST', '/data/object/search', { objectPath: jsonPath() }, { apiKey: alice })).status).toBe(403);
      expect((await s.request('POST', '/data/crawl', { objectPath: jsonPath('b', 'not_yet') }, { apiKey: alice })).status).toBe(403);
      const forbidden = await s.request('GET', `/data/object?objectPath=${encodeURIComponent(JSON.stringify(jsonPath('b')))}`, undefined, { apiKey: alice });
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.message).toMatch(/may not GET \/data\/object on .*"b": it needs/);
      // Not above their subtree: neither may change the database or the connection.
      expect((await s.request('PUT', `/data/settings/${path()}`, { settings: { isActive: true } }, { apiKey: alice })).status).toBe(403);
      expect((await s.request('GET', `/data/object/${urlPath('Owned Tree')}`, undefined, { apiKey: bob })).status).toBe(403);
      // A path not in the catalog yet (a table just granted) is judged by its deepest known ancestor.
      expect((await s.request('POST', `/data/crawl/${path('a', 'not_yet')}`, {}, { apiKey: alice })).status).toBe(202);
      expect((await s.request('POST', `/data/crawl/${path('b', 'not_yet')}`, {}, { apiKey: alice })).status).toBe(403);
      // An override below the owned subtree takes it away: ownership is the effective value.
      await s.request('PUT', `/data/settings/${path('a', 't')}`, { settings: { dataOwners: [{ type: 'user', name: 'someone-else' }] } });
      const refused = await s.request('PUT', `/data/settings/${path('a', 't')}`, { settings: { isActive: false } }, { apiKey: alice });
      expect(refused.status).toBe(403);
      expect(refused.body.message).toMatch(/User "alice-owner" may not PUT \/data\/settings\/\* on .*"t": it needs GOVERNANCE or ownership/);
      // Leaving the group takes its ownership away at once.
      await s.request('PUT', '/users/bob-in-group', { groups: [] });
      expect((await s.request('GET', `/data/object/${path('b', 't')}`, undefined, { apiKey: bob })).status).toBe(403);
      await s.server.container.worker.whenIdle();
    });
  },
  // The suite crawls a PostgreSQL source on either store.
  { needs: ['PostgreSQL'] },
);
