import { expect, it } from 'vitest';
import { AuditRepository } from '../../src/store/repositories/audit-repository.js';
import { addUserWithKey, auditOf } from '../helpers/access-fixtures.js';
import { connectionInput, grantCrawlAccess, registerTestConnection, sqlIn } from '../helpers/catalog-fixtures.js';
import { PostgresTestContext } from '../helpers/postgres-server.js';
import { signInWith } from '../helpers/session-fixtures.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { urlPath, useServerWithPostgres } from '../helpers/test-server.js';

/** Every change leaves one audit row: who, when, what object, before and after. */
describeEachStore(
  'audit log',
  (kind) => {
    const { server, pg } = useServerWithPostgres(() => new PostgresTestContext(), kind);

    it('records exactly one row with before and after for every mutating route (walking the route table)', { timeout: 60_000 }, async () => {
      const s = server();
      const { db, role } = await registerTestConnection(s, pg, {
        connectionKey: 'Audited',
        sql: 'CREATE SCHEMA s; CREATE TABLE s.t (id int); CREATE TABLE s.doomed (id int); CREATE TABLE s.".." (id int);',
      });
      const other = await pg.createDatabase();
      const otherRole = await pg.createRole({ connect: [other.name] });
      await addUserWithKey(s, 'keyholder');
      await s.request('POST', '/users', { name: 'leaving' });
      await s.request('PUT', '/groups/short-lived', { permissions: [] });
      await s.request('PUT', '/groups/readers', { permissions: [] });
      const keyId = (await s.request('GET', '/users/keyholder/api-keys')).body[0].id as string;
      const path = (...names: string[]) => urlPath('Audited', db.name, ...names);
      expect((await s.request('PUT', `/data/settings/${path('s', 't')}`, { settings: { isActive: true } })).status).toBe(200);
      const dataSourceId = (await s.request('GET', `/data/object/${path('s', 't')}`)).body.dataSourceId as number;
      const table = ['Audited', db.name, 's', 't'];

      const { technology: _technology, ...integrationConfig } = connectionInput(db, role);
      const integration = async () => (await s.request('POST', '/integrations', { type: 'PostgreSQL', config: integrationConfig })).body.id as number;
      const [integrationId, doomedIntegrationId] = [await integration(), await integration()];

      const doomedHandler = (await s.request('POST', '/pg/handler', { handler: { metadata: { ...integrationConfig, schema: 's', table: 'doomed', dataSourceName: 'Audited doomed' } } })).body as { id: number; dataSourceId: number };
      // A connection string with one data source, for the bulk edit.
      await sqlIn(other, 'CREATE TABLE public.x (id int)');
      await grantCrawlAccess(other.name, otherRole);
      const { technology: _otherTechnology, ...otherConfig } = connectionInput(other, otherRole);
      const lone = (await s.request('POST', '/pg/handler', { handler: { metadata: { ...otherConfig, schema: 'public', table: 'x', dataSourceName: 'Audited lone' } } })).body as { dataSourceId: number; connectionString: string };

      // A legacy data source for the legacy edits, and two pending requests of another user to deny.
      await sqlIn(db, 'CREATE TABLE s.edits (id int)');
      await grantCrawlAccess(db.name, role);
      const legacy = await s.request('POST', '/pg/handler', { handler: { metadata: { ...integrationConfig, schema: 's', table: 'edits', dataSourceName: 'Audited legacy edits' } } });
      expect(legacy.status, JSON.stringify(legacy.body)).toBe(200);
      const legacyId = legacy.body.dataSourceId as number;
      const request = async (user: string) => (await s.request('POST', '/dataSource/subscribe', { dataSourceIds: [legacyId] }, { apiKey: await addUserWithKey(s, user) })).body.requests[0].id as number;
      const [requestId] = [await request('requester'), await request('bulk-requester')];
      const adminRecord = async () => (await s.server.container.catalogStore.dataSourceAccess.listFor(legacyId)).find((r) => r.principal.name === 'admin')!.id;
      const legacyTarget = `dataSource:${legacyId}`;

      const session = await signInWith(s.request, s.apiKey);
      const adminKeyId = (await s.request('GET', '/users/admin/api-keys')).body[0].id as string;

      /** `rows`: the upgrade also leaves its connection's registration and one row per data source it moved (the handler sample's and the legacy edits' table). */
      const samples: Record<string, { url: string | (() => Promise<string>); body?: unknown; headers?: Record<string, string | null>; action: string; objectPath?: string[]; target?: string; rows?: number }> = {
        'POST /session': { url: '/session', body: { apiKey: s.apiKey }, action: 'session.created', target: `apikey:${adminKeyId}` },
        'DELETE /session': { url: '/session', headers: session.headers(), action: 'session.ended', target: `apikey:${adminKeyId}` },
        'POST /data/connection': { url: '/data/connection', body: { connectionKey: 'Audited Two', connection: connectionInput(other, otherRole) }, action: 'connection.registered', objectPath: ['Audited Two'] },
        'PUT /data/connection/:connectionKey': { url: '/data/connection/Audited', body: { connection: { port: connectionInput(db, role).port } }, action: 'connection.updated', objectPath: ['Audited'] },
        'POST /data/connection/:connectionKey/test': { url: '/data/connection/Audited/test', action: 'connection.tested', objectPath: ['Audited'] },
        'POST /integrations': { url: '/integrations', body: { type: 'PostgreSQL', config: integrationConfig }, action: 'integration.created' },
        'PUT /integrations/:id': { url: `/integrations/${integrationId}`, body: { config: {} }, action: 'integration.updated', target: `integration:${integrationId}` },
        'DELETE /integrations/:id': { url: `/integrations/${doomedIntegrationId}`, action: 'integration.deleted', target: `integration:${doomedIntegrationId}` },
        'POST /integrations/:id/upgrade': { url: `/integrations/${integrationId}/upgrade`, body: { connectionKey: 'Audited Upgrade' }, action: 'integration.upgraded', target: `integration:${integrationId}`, rows: 4 },
        'POST /:prefix/handler': { url: '/pg/handler', body: { handler: { metadata: { ...integrationConfig, schema: 's', table: 't', dataSourceName: 'Audited legacy' } } }, action: 'legacy.registered' },
        'PUT /:prefix/handler/:handlerId': { url: `/pg/handler/${doomedHandler.id}`, body: { metadata: { ...integrationConfig, schema: 's', table: 'doomed' } }, action: 'legacy.updated', target: `dataSource:${doomedHandler.dataSourceId}` },
        'PUT /:prefix/bulk': { url: '/pg/bulk', body: { connectionString: lone.connectionString, handler: { metadata: otherConfig } }, action: 'legacy.updated', target: `dataSource:${lone.dataSourceId}` },
        'DELETE /:prefix/handler/:handlerId': { url: `/pg/handler/${doomedHandler.id}`, action: 'legacy.removed', target: `dataSource:${doomedHandler.dataSourceId}` },
        // One V2 key through its life: declared with one table, renamed, removed (the routes run in this order).
        'POST /api/v2/data': { url: '/api/v2/data', body: { connectionKey: 'audited-v2', connection: { ...integrationConfig, handler: 'PostgreSQL' }, sources: [{ schema: 's', table: '..' }] }, action: 'legacy.registered' },
        'POST /api/v2/data/:connectionKey': { url: '/api/v2/data/audited-v2', body: { sources: [{ schema: 's', table: '..', naming: { datasource: 'dots' } }] }, action: 'legacy.renamed' },
        'DELETE /api/v2/data/:connectionKey': { url: '/api/v2/data/audited-v2', action: 'legacy.removed' },
        'PUT /data/settings/*': { url: `/data/settings/${path('s')}`, body: { settings: { isActive: true, dataOwners: [{ type: 'user', name: 'keyholder' }] } }, action: 'object.settings', objectPath: ['Audited', db.name, 's'] },
        'DELETE /data/object/*': { url: `/data/object/${path('s', 'doomed')}`, action: 'object.deleted', objectPath: ['Audited', db.name, 's', 'doomed'] },
        'POST /data/crawl/*': { url: `/data/crawl/${path('s')}`, body: {}, action: 'sync.requested', objectPath: ['Audited', db.name, 's'] },
        'PUT /data/settings': { url: '/data/settings', body: { objectPath: ['Audited', db.name, 's', '..'], settings: { isActive: false } }, action: 'object.settings', objectPath: ['Audited', db.name, 's', '..'] },
        'DELETE /data/object': { url: '/data/object', body: { objectPath: ['Audited', db.name, 's', '..'] }, action: 'object.deleted', objectPath: ['Audited', db.name, 's', '..'] },
        'POST /data/crawl': { url: '/data/crawl', body: { objectPath: ['Audited', db.name, 's', 't'] }, action: 'sync.requested', objectPath: ['Audited', db.name, 's', 't'] },
        'POST /data/tags/*': { url: `/data/tags/${path('s', 't')}`, body: { column: 'id', tags: [{ name: 'PII' }] }, action: 'object.tags', objectPath: table, target: 'column:id' },
        'POST /data/tags': { url: '/data/tags', body: { objectPath: table, tags: [{ name: 'Finance', value: 'cc-1' }] }, action: 'object.tags', objectPath: table },
        'DELETE /data/tags/*': { url: `/data/tags/${path('s', 't')}`, body: { column: 'id', name: 'PII' }, action: 'object.tags', objectPath: table, target: 'column:id' },
        'DELETE /data/tags': { url: '/data/tags', body: { objectPath: table, name: 'Finance' }, action: 'object.tags', objectPath: table },
        'POST /tag/:modelType/:modelId': { url: `/tag/datasource/${dataSourceId}`, body: [{ name: 'Legacy' }], action: 'object.tags', objectPath: table },
        'DELETE /tag/:modelType/:modelId/:tag': { url: `/tag/datasource/${dataSourceId}/Legacy`, action: 'object.tags', objectPath: table },
        'PUT /dataSource/detectRemoteChanges': { url: '/dataSource/detectRemoteChanges', body: {}, action: 'legacy.detection' },
        'PUT /dataSource/:id': { url: `/dataSource/${legacyId}`, body: { name: 'Audited legacy renamed' }, action: 'legacy.edited', target: legacyTarget },
        'DELETE /dataSource/:id': { url: `/dataSource/${legacyId}`, action: 'legacy.disabled', target: legacyTarget },
        'PUT /dataSource/bulk/:type': { url: '/dataSource/bulk/restore', body: { ids: [legacyId] }, action: 'legacy.bulk.restore', target: `dataSources:${legacyId}` },
        'PUT /dataSource/:id/overrideHost': { url: `/dataSource/${legacyId}/overrideHost`, body: { host: 'replica.example.com' }, action: 'legacy.hostOverridden', target: legacyTarget },
        'POST /dictionary/:dataSourceId': { url: `/dictionary/${legacyId}`, body: { metadata: [{ name: 'id', description: 'first' }] }, action: 'legacy.dictionary', target: legacyTarget },
        'PUT /dictionary/:dataSourceId': { url: `/dictionary/${legacyId}`, body: { metadata: [{ name: 'id', description: 'second' }] }, action: 'legacy.dictionary', target: legacyTarget },
        'DELETE /dictionary/:dataSourceId': { url: `/dictionary/${legacyId}`, action: 'legacy.dictionary', target: legacyTarget },
        'POST /dataSource/subscribe': { url: '/dataSource/subscribe', body: { dataSourceIds: [legacyId] }, action: 'legacy.accessRequested', target: `dataSources:${legacyId}` },
        'PUT /dataSource/:id/access/:accessId': { url: async () => `/dataSource/${legacyId}/access/${await adminRecord()}`, body: { state: 'owner' }, action: 'legacy.access', target: legacyTarget },
        'DELETE /dataSource/:id/unsubscribe': { url: `/dataSource/${legacyId}/unsubscribe`, action: 'legacy.unsubscribed', target: legacyTarget },
        'POST /subscription/deny': { url: '/subscription/deny', body: { requests: [{ id: requestId, denialReasoning: 'audited' }] }, action: 'legacy.requestsDenied' },
        'POST /subscription/deny/bulk': { url: '/subscription/deny/bulk', body: { type: 'profile', id: 'bulk-requester', denialReasoning: 'audited' }, action: 'legacy.requestsDenied' },
        'POST /users': { url: '/users', body: { name: 'newcomer', permissions: ['GOVERNANCE'] }, action: 'user.created', target: 'user:newcomer' },
        'PUT /users/:name': { url: '/users/keyholder', body: { permissions: ['CREATE_DATA_SOURCE'], groups: ['readers'] }, action: 'user.updated', target: 'user:keyholder' },
        'DELETE /users/:name': { url: '/users/leaving', action: 'user.deleted', target: 'user:leaving' },
        'PUT /groups/:name': { url: '/groups/readers', body: { permissions: ['CREATE_DATA_SOURCE'] }, action: 'group.updated', target: 'group:readers' },
        'DELETE /groups/:name': { url: '/groups/short-lived', action: 'group.deleted', target: 'group:short-lived' },
        'POST /users/:name/api-keys': { url: '/users/keyholder/api-keys', body: { name: 'ci' }, action: 'apikey.created' },
        'DELETE /users/:name/api-keys/:id': { url: `/users/keyholder/api-keys/${keyId}`, action: 'apikey.revoked', target: `apikey:${keyId}` },
      };

      const routes = s.server.app.guardedRoutes.filter((r) => r.method !== 'GET');
      for (const route of routes) expect(typeof route.rule.mutates, `${route.method} ${route.url} must say whether it changes anything`).toBe('boolean');
      const mutating = routes.filter((r) => r.rule.mutates).map((r) => `${r.method} ${r.url}`);
      expect([...mutating].sort()).toEqual(Object.keys(samples).sort());

      // The upgrade last: afterwards the host's legacy registrations and integrations are the connection's (blocked).
      const upgrade = 'POST /integrations/:id/upgrade';
      for (const route of [...mutating.filter((r) => r !== upgrade), upgrade]) {
        const sample = samples[route]!;
        const before = await auditOf(s, '&actor=user:admin');
        const response = await s.request(route.split(' ')[0]!, typeof sample.url === 'string' ? sample.url : await sample.url(), sample.body, { headers: sample.headers ?? {} });
        expect(response.status, `${route}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
        const after = await auditOf(s, '&actor=user:admin');
        expect(after.count - before.count, route).toBe(sample.rows ?? 1);
        const row = after.hits[0];
        expect(row, route).toMatchObject({ actor: 'user:admin', action: sample.action, clientAddress: expect.any(String) });
        expect(row).toHaveProperty('before');
        expect(row).toHaveProperty('after');
        expect(row.before !== null || row.after !== null, route).toBe(true);
        if (route.startsWith('PUT')) expect(row.before, route).not.toBeNull();
        if (sample.objectPath) expect(row.objectPath, route).toEqual(sample.objectPath);
        if (sample.target) expect(row.target, route).toBe(sample.target);
        expect(Date.parse(row.at)).toBeGreaterThan(Date.now() - 60_000);
      }

      // Reads and searches leave nothing.
      const count = (await auditOf(s, '&actor=user:admin')).count;
      for (const route of routes.filter((r) => r.rule.mutates === false)) expect(route.method).toBe('POST');
      await s.request('POST', '/data/object/search', {});
      await s.request('POST', '/integrations/scripts/create', { type: 'PostgreSQL' });
      await s.request('GET', `/data/object/${path('s')}`);
      await s.request('GET', `/data/object?objectPath=${encodeURIComponent(JSON.stringify(['Audited', db.name, 's']))}`);
      await s.request('POST', '/data/object/search', { objectPath: ['Audited', db.name, 's'] });
      expect((await auditOf(s, '&actor=user:admin')).count).toBe(count);
      await s.server.container.worker.whenIdle();
    });

    it('records settings before and after, secrets redacted, and sync results by the system', async () => {
      const s = server();
      const { db, role } = await registerTestConnection(s, pg, { connectionKey: 'Detailed', sql: 'CREATE SCHEMA x; CREATE TABLE x.t (id int);' });
      await s.request('PUT', `/data/settings/${urlPath('Detailed', db.name, 'x')}`, { settings: { isActive: true } });
      await s.request('PUT', `/data/settings/${urlPath('Detailed', db.name, 'x')}`, { settings: { isActive: null } });
      const settings = (await auditOf(s, `&action=object.settings&objectPath=${urlPath('Detailed')}`)).hits;
      expect(settings.map((h) => [h.before.overrides, h.after.overrides])).toEqual([
        [{ isActive: true }, { isActive: null }],
        [{ isActive: null }, { isActive: true }],
      ]);
      const registered = (await auditOf(s, `&action=connection.registered&objectPath=Detailed`)).hits[0];
      expect(registered.after.connection).toMatchObject({ username: role.name, password: '[REDACTED]' });
      const rotated = await s.request('PUT', '/data/connection/Detailed', { connection: { password: role.password } });
      expect(rotated.status).toBe(200);
      const updated = (await auditOf(s, '&action=connection.updated&objectPath=Detailed')).hits[0];
      expect(updated.before.connection.password).toBe('[REDACTED]');
      expect(updated.after).toMatchObject({ credentialsChanged: false, connection: { password: '[REDACTED]' } });
      const syncs = (await auditOf(s, '&actor=system:sync&objectPath=Detailed')).hits;
      expect(syncs[0]).toMatchObject({ action: 'sync.completed', objectPath: ['Detailed'], after: { trigger: 'registration', requestedBy: 'user:admin', counts: { added: expect.any(Number) } } });
    });

    it('filters by object path prefix, actor, action and time range, and pages', async () => {
      const s = server();
      const { db } = await registerTestConnection(s, pg, { connectionKey: 'Filter Me', sql: 'CREATE SCHEMA p; CREATE SCHEMA q;' });
      const started = new Date().toISOString();
      const gov = await addUserWithKey(s, 'filter-gov', { permissions: ['GOVERNANCE'] });
      for (const schema of ['p', 'q', 'p']) {
        expect((await s.request('PUT', `/data/settings/${urlPath('Filter Me', db.name, schema)}`, { settings: { activateNewChildren: true } }, { apiKey: gov })).status).toBe(200);
      }
      const underP = await auditOf(s, `&objectPath=${encodeURIComponent(urlPath('Filter Me', db.name, 'p'))}`);
      expect(underP.count).toBe(2);
      expect(underP.hits.every((h) => h.objectPath[2] === 'p')).toBe(true);
      // A prefix matches whole names only: "Filter" is not "Filter Me".
      expect((await auditOf(s, '&objectPath=Filter')).count).toBe(0);
      const byGov = await auditOf(s, '&actor=user:filter-gov&action=object.settings');
      expect(byGov.count).toBe(3);
      const page = await s.request('GET', '/audit?actor=user:filter-gov&offset=1&size=1');
      expect(page.body).toMatchObject({ count: 3, hits: [{ objectPath: ['Filter Me', db.name, 'q'] }] });
      expect((await auditOf(s, `&actor=user:filter-gov&from=${encodeURIComponent(started)}`)).count).toBe(3);
      expect((await auditOf(s, `&actor=user:filter-gov&to=${encodeURIComponent(started)}`)).count).toBe(0);
      expect((await s.request('GET', '/audit?from=yesterday')).status).toBe(400);
    });

    it('is append-only for every role: no route changes it, and the repository can only insert and search', async () => {
      const s = server();
      const routes = s.server.app.guardedRoutes.filter((r) => r.url.startsWith('/audit'));
      expect(routes.map((r) => r.method)).toEqual(['GET']);
      for (const method of ['PUT', 'DELETE', 'PATCH', 'POST']) expect((await s.request(method, '/audit', method === 'DELETE' ? undefined : {})).status).toBe(404);
      expect(Object.getOwnPropertyNames(AuditRepository.prototype).sort()).toEqual(['constructor', 'insert', 'search', 'with']);
    });

    it('records failed authentications with the client address, never the key', async () => {
      const s = server();
      const wrong = 'wdn_this-is-not-a-valid-key-0123456789';
      expect((await s.request('GET', '/me', undefined, { apiKey: wrong })).status).toBe(401);
      const failed = (await auditOf(s, '&action=auth.failed')).hits[0];
      expect(failed).toMatchObject({ actor: 'anonymous', clientAddress: expect.stringMatching(/127\.0\.0\.1/), after: { reason: 'unknown', keyPrefix: wrong.slice(0, 12) } });
      expect(JSON.stringify(failed)).not.toContain(wrong);
    });
  },
  // The suite crawls a PostgreSQL source on either store.
  { needs: ['PostgreSQL'] },
);
