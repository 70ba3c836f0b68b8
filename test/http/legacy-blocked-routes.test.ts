import { afterAll, beforeAll, expect, it } from 'vitest';
import { LEGACY_BLOCKED_ROUTES, type BlockedRoute } from '../../src/domain/legacy-blocked-routes.js';
import { grantCrawlAccess, sqlIn } from '../helpers/catalog-fixtures.js';
import { legacyMariadbSetup, legacyPostgresSetup, type LegacySetup } from '../helpers/legacy-fixtures.js';
import { integrationOf } from '../helpers/legacy-upgrade-fixtures.js';
import { addUserWithKey } from '../helpers/access-fixtures.js';
import { MariadbTestContext, mariadbAdmin, quoteName } from '../helpers/mariadb-server.js';
import { PostgresTestContext } from '../helpers/postgres-server.js';
import { hashStore } from '../helpers/store-hash.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** What a sample call is about: the upgraded PostgreSQL side, or the MariaDB integration that was not upgraded. */
interface Side {
  setup: LegacySetup;
  integrationId: number;
  /** A table of the source that no data source holds yet. */
  freshTable: string;
  schema: string;
  /** A V2 key declaring one table (`v2Table`). */
  v2Key: string;
  v2Table: string;
  /** A data source for the /dataSource routes (the V2 one: no handler route removes it), and pending access requests on it. */
  dataSourceId: number;
  requestIds: number[];
}

/** The V2 declaration of a side's V2 key: its one table. */
function v2Declaration(side: Side): Record<string, unknown> {
  const { table: _t, schema: _s, dataSourceName: _n, tls: _tls, ...fields } = side.setup.metadata(side.schema, side.v2Table);
  const schema = side.setup.prefix === 'pg' ? { schema: 'v2' } : {};
  return {
    connectionKey: side.v2Key,
    connection: { ...fields, handler: side.setup.prefix === 'pg' ? 'PostgreSQL' : 'MariaDB', tls: { mode: 'disable' }, ...schema },
    sources: [{ table: side.v2Table, ...schema }],
  };
}

/** One request: method from the route, this URL and body. */
type Sample = (side: Side) => { url: string; body?: unknown; status: number } | Promise<{ url: string; body?: unknown; status: number }>;

/**
 * A request for every blocked route this build serves. A route the list names without a sample
 * here fails the test: whoever adds one of the legacy routes adds its sample.
 */
const SAMPLES: Record<string, Sample> = {
  'POST /:prefix/handler': (side) => ({ url: `/${side.setup.prefix}/handler`, body: { handler: { metadata: side.setup.metadata(side.schema, side.freshTable, { dataSourceName: `fresh ${side.setup.database}` }) } }, status: 200 }),
  'POST /integrations': (side) => {
    const { schema: _s, table: _t, ...config } = side.setup.metadata(side.schema, side.freshTable);
    return { url: '/integrations', body: { type: side.setup.prefix === 'pg' ? 'PostgreSQL' : 'MariaDB', config }, status: 201 };
  },
  'PUT /:prefix/handler/:handlerId': (side) => ({ url: `/${side.setup.prefix}/handler/${side.setup.tables[0]!.id}`, body: { metadata: side.setup.metadata(side.schema, side.setup.tables[0]!.table) }, status: 200 }),
  'PUT /:prefix/bulk': (side) => ({ url: `/${side.setup.prefix}/bulk`, body: { connectionString: side.setup.connectionString, handler: { metadata: side.setup.metadata(side.schema, side.setup.tables[0]!.table) } }, status: 200 }),
  'DELETE /:prefix/handler/:handlerId': (side) => ({ url: `/${side.setup.prefix}/handler/${side.setup.tables[0]!.id}`, status: 200 }),
  'POST /api/v2/data': (side) => ({ url: '/api/v2/data', body: v2Declaration(side), status: 200 }),
  'POST /api/v2/data/:connectionKey': (side) => ({ url: `/api/v2/data/${encodeURIComponent(side.v2Key)}`, body: { sources: [{ table: side.v2Table, schema: side.schema === 's' ? 'v2' : side.schema, naming: { datasource: `${side.v2Key} renamed` } }] }, status: 200 }),
  'DELETE /api/v2/data/:connectionKey': (side) => ({ url: `/api/v2/data/${encodeURIComponent(side.v2Key)}?dryRun=true`, status: 200 }),
  'PUT /dataSource/detectRemoteChanges': (side) => ({ url: '/dataSource/detectRemoteChanges', body: { dataSourceIds: [side.dataSourceId] }, status: 200 }),
  'PUT /dataSource/:id': (side) => ({ url: `/dataSource/${side.dataSourceId}`, body: { name: `${side.v2Key} edited` }, status: 200 }),
  'DELETE /dataSource/:id': (side) => ({ url: `/dataSource/${side.dataSourceId}`, status: 200 }),
  'PUT /dataSource/bulk/:type': (side) => ({ url: '/dataSource/bulk/restore', body: { ids: [side.dataSourceId] }, status: 200 }),
  'PUT /dataSource/:id/overrideHost': (side) => ({ url: `/dataSource/${side.dataSourceId}/overrideHost`, body: { host: 'replica.example.com' }, status: 200 }),
  'POST /dictionary/:dataSourceId': (side) => ({ url: `/dictionary/${side.dataSourceId}`, body: { metadata: [{ name: 'id', description: 'first' }] }, status: 200 }),
  'PUT /dictionary/:dataSourceId': (side) => ({ url: `/dictionary/${side.dataSourceId}`, body: { metadata: [{ name: 'id', description: 'second' }] }, status: 200 }),
  'DELETE /dictionary/:dataSourceId': (side) => ({ url: `/dictionary/${side.dataSourceId}`, status: 200 }),
  'POST /dataSource/subscribe': (side) => ({ url: '/dataSource/subscribe', body: { dataSourceIds: [side.dataSourceId] }, status: 200 }),
  'PUT /dataSource/:id/access/:accessId': (side) => ({ url: `/dataSource/${side.dataSourceId}/access/${side.requestIds[0]}`, body: { state: 'owner' }, status: 200 }),
  'DELETE /dataSource/:id/unsubscribe': (side) => ({ url: `/dataSource/${side.dataSourceId}/unsubscribe`, status: 200 }),
  'POST /subscription/deny': (side) => ({ url: '/subscription/deny', body: { requests: [{ id: side.requestIds[1], denialReasoning: 'blocked test' }] }, status: 200 }),
  'POST /subscription/deny/bulk': (side) => ({ url: '/subscription/deny/bulk', body: { requestIds: [side.requestIds[2]], denialReasoning: 'blocked test' }, status: 200 }),
  'PUT /integrations/:id': (side) => ({ url: `/integrations/${side.integrationId}`, body: { config: {} }, status: 200 }),
  'DELETE /integrations/:id': (side) => ({ url: `/integrations/${side.integrationId}`, status: 200 }),
};

/**
 * The blocked legacy endpoints (issue 11, the upgrade guide's API changes): on what belongs to
 * an upgraded connection each answers the 400 and changes nothing; the same call for an
 * integration that was not upgraded works. The table is the list in the code.
 */
describeEachStore(
  'legacy endpoints blocked after the upgrade',
  (kind) => {
    const pg = new PostgresTestContext();
    const maria = new MariadbTestContext();
    let server: TestServer;
    let upgraded: Side;
    let legacy: Side;
    const key = `Blocked ${kind}`;

    beforeAll(async () => {
      server = await startTestServer({}, { store: kind });
      const pgSetup = await legacyPostgresSetup(server, pg, { schemas: { s: ['t1'] }, name: (s, t) => `blocked ${kind} ${s} ${t}` });
      await sqlIn(pgSetup.db, 'CREATE TABLE s.fresh (id int)');
      await grantCrawlAccess(pgSetup.db.name, pgSetup.role);
      const mariaSetup = await legacyMariadbSetup(server, maria, { schemas: { any: ['t1'] }, name: (_s, t) => `blocked maria ${kind} ${t}` });
      await mariadbAdmin(`CREATE TABLE ${quoteName(mariaSetup.database)}.fresh (id int)`);
      await sqlIn(pgSetup.db, 'CREATE SCHEMA v2; CREATE TABLE v2.declared (id int)');
      await grantCrawlAccess(pgSetup.db.name, pgSetup.role);
      await mariadbAdmin(`CREATE TABLE ${quoteName(mariaSetup.database)}.declared (id int)`);
      upgraded = { setup: pgSetup, integrationId: await integrationOf(server, 'PostgreSQL', pgSetup.metadata('s', 't1')), freshTable: 'fresh', schema: 's', v2Key: `pg v2 ${kind}`, v2Table: 'declared', dataSourceId: 0, requestIds: [] };
      legacy = { setup: mariaSetup, integrationId: await integrationOf(server, 'MariaDB', mariaSetup.metadata(mariaSetup.database, 't1')), freshTable: 'fresh', schema: mariaSetup.database, v2Key: `maria v2 ${kind}`, v2Table: 'declared', dataSourceId: 0, requestIds: [] };
      for (const side of [upgraded, legacy]) {
        const declared = await server.request('POST', '/api/v2/data', v2Declaration(side));
        expect(declared.status, JSON.stringify(declared.body)).toBe(200);
        side.dataSourceId = (await server.server.container.catalogStore.legacyHandlers.listByV2ConnectionKey(side.v2Key))[0]!.dataSourceId;
        for (const user of ['asker-1', 'asker-2', 'asker-3'].map((u) => `${u}-${side.setup.prefix}`)) {
          const asked = await server.request('POST', '/dataSource/subscribe', { dataSourceIds: [side.dataSourceId] }, { apiKey: await addUserWithKey(server, user) });
          expect(asked.status, JSON.stringify(asked.body)).toBeLessThan(300);
          side.requestIds.push(asked.body.requests[0].id as number);
        }
      }
      const upgrade = await server.request('POST', `/integrations/${upgraded.integrationId}/upgrade`, { connectionKey: key });
      expect(upgrade.body, JSON.stringify(upgrade.body)).toMatchObject({ state: 'complete', upgraded: 2 });
    }, 120_000);
    afterAll(async () => {
      await server?.close();
      await pg.cleanup();
      await maria.cleanup();
    }, 120_000);

    it('has a sample for every blocked route this server serves', () => {
      const served = new Set(server.server.app.guardedRoutes.map((r) => `${r.method} ${r.url}`));
      const missing = LEGACY_BLOCKED_ROUTES.filter((entry) => served.has(entry.route) && !SAMPLES[entry.route]).map((entry) => entry.route);
      expect(missing).toEqual([]);
      expect(LEGACY_BLOCKED_ROUTES.filter((entry) => served.has(entry.route)).length).toBeGreaterThanOrEqual(Object.keys(SAMPLES).length);
    });

    it('answers each blocked route on the upgraded connection with the 400 and changes nothing; the same call on the integration not upgraded works', { timeout: 120_000 }, async () => {
      const served = new Set(server.server.app.guardedRoutes.map((r) => `${r.method} ${r.url}`));
      const db = server.server.container.catalogStore.store.db;
      for (const entry of LEGACY_BLOCKED_ROUTES.filter((e: BlockedRoute) => served.has(e.route))) {
        const method = entry.route.split(' ')[0]!;
        const blocked = await SAMPLES[entry.route]!(upgraded);
        const before = await hashStore(db);
        const refused = await server.request(method, blocked.url, blocked.body);
        expect(refused.body, entry.route).toEqual({
          statusCode: 400,
          error: 'Bad Request',
          code: 'LEGACY_ENDPOINT_BLOCKED',
          message: `${entry.what} is not supported for data sources of connection ${key}. Use the /data endpoint: ${entry.replacement}.`,
        });
        expect(await hashStore(db), `${entry.route} changed the store`).toBe(before);

        const allowed = await SAMPLES[entry.route]!(legacy);
        const answer = await server.request(method, allowed.url, allowed.body);
        expect(answer.status, `${entry.route}: ${JSON.stringify(answer.body)}`).toBe(allowed.status);
      }
    });

    it('leaves GET routes and the connection API alone', async () => {
      expect((await server.request('GET', `/integrations/${upgraded.integrationId}`)).status).toBe(200);
      expect((await server.request('GET', `/data/connection/${encodeURIComponent(key)}`)).status).toBe(200);
    });
  },
  { needs: ['PostgreSQL', 'MariaDB'] },
);
