import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemActor } from '../../src/services/actor.js';
import { addUserWithKey } from '../helpers/access-fixtures.js';
import { disableSource, registerHandlers, sourceState, tagSource, upgradeWhilePolling, type SourceState } from '../helpers/legacy-upgrade-fixtures.js';
import { SnowflakeTestServer } from '../helpers/snowflake-server.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { DatabricksTestWorkspace } from '../protocol-servers/databricks/server.js';

/**
 * POST /integrations/{id}/upgrade (issue 11) for Snowflake and Databricks, against their
 * protocol servers (test/protocol-servers: not the real platforms): a legacy setup through the
 * legacy API only (`POST /snowflake/handler`, `/databricks/handler`), a dry run, the upgrade
 * while every enabled data source is polled, and the data sources compared before and after.
 * Both integrations stay listed after the upgrade (only Trino's go).
 */
describeEachStore('upgrade of Snowflake and Databricks integrations to a connection', (kind) => {
  let server: TestServer;
  const store = () => server.server.container.catalogStore;

  // A server per test: after an upgrade, the host's legacy registrations are blocked (it is the connection's).
  beforeEach(async () => {
    server = await startTestServer({}, { store: kind });
    await addUserWithKey(server, 'alice');
  });
  afterEach(async () => {
    await server?.close();
  });

  const register = (prefix: string, handler: Record<string, unknown>[], body?: Record<string, unknown>) => registerHandlers(server, prefix, handler, body);
  const disable = (id: number) => disableSource(server, id);
  const tag = (id: number, name: string) => tagSource(server, id, name);
  const integration = async (type: string, config: Record<string, unknown>) => {
    const created = await server.request('POST', '/integrations', { type, config });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.status).toBe('enabled');
    return created.body.id as number;
  };
  const states = async (ids: readonly number[]) => new Map<number, SourceState>(await Promise.all(ids.map(async (id) => [id, (await sourceState(server, id))!] as const)));
  const counts = async () => ({
    connections: (await store().store.db.selectFrom('connections').select('id').execute()).length,
    objects: (await store().store.db.selectFrom('objects').select('id').execute()).length,
    handlers: (await store().store.db.selectFrom('legacy_handlers').select('id').execute()).length,
    upgrades: (await store().store.db.selectFrom('integration_upgrades').select('id').execute()).length,
  });
  const object = async (path: string[]) => (await server.request('GET', `/data/object?objectPath=${encodeURIComponent(JSON.stringify(path))}`)).body;
  const owner = { dataSource: { owner: { profiles: ['alice'] } } };

  /**
   * The shared scenario after the setup: each upgraded id keeps its status, owners and user
   * tags, and lands on `[key, ...remotePath]` named `<key>.<DB>.<SCHEMA>.<TABLE>`.
   */
  const expectKept = async (key: string, before: Map<number, SourceState>, remote: Map<number, string[]>) => {
    for (const [id, path] of remote) {
      const now = (await sourceState(server, id))!;
      const was = before.get(id)!;
      expect(now.objectPath, String(id)).toEqual([key, ...path]);
      expect([now.state, now.owners, now.userTags], String(id)).toEqual([was.state, was.owners, was.userTags]);
      if (now.state === 'active') expect(now.name).toBe(`${key}.${path.join('.')}`);
    }
  };

  it('Snowflake: schema projects with monitoring on, off and mixed, handler and V2 registrations, owners, tags, a disabled and a colliding data source — dry run, upgrade, before and after, in upper case', { timeout: 240_000 }, async () => {
    const snowflake = await SnowflakeTestServer.start();
    try {
      const account = snowflake.account;
      account.createDatabase('SALES_DB');
      account.createSchema('SALES_DB', 'MON');
      account.createSchema('SALES_DB', 'OFF');
      account.createSchema('SALES_DB', 'MIXED');
      account.createSchema('SALES_DB', 'VTWO');
      account.execute('SALES_DB', 'CREATE TABLE MON.M1 (ID int);\nCREATE TABLE MON.M2 (ID int);\nCREATE TABLE MON.M3 (ID int);\nCREATE TABLE OFF.O1 (ID int);\nCREATE TABLE OFF.O2 (ID int);\nCREATE TABLE OFF.O3 (ID int)');
      account.execute('SALES_DB', 'CREATE TABLE MIXED.X1 (ID int);\nCREATE TABLE MIXED.X2 (ID int);\nCREATE TABLE MIXED.X3 (ID int)');
      account.execute('SALES_DB', 'CREATE TABLE VTWO.V1 (ID int)');
      const { technology: _t, authenticationType: _a, ...connection } = snowflake.adminDetails();
      const metadata = (schema: string, table: string, extra: Record<string, unknown> = {}) => ({ ...connection, database: 'SALES_DB', schema, table, dataSourceName: `sf ${kind} ${schema} ${table}`, ...extra });
      const [m1, m2] = await register('snowflake', [metadata('MON', 'M1'), metadata('MON', 'M2')], { ...owner, schemaEvolution: { disabled: false } });
      const [o1, o2] = await register('snowflake', [metadata('OFF', 'O1'), metadata('OFF', 'O2')], { ...owner, schemaEvolution: { disabled: true } });
      // The mixed schema project: monitoring on, a disabled data source and a table that is none.
      const [x1, x2] = await register('snowflake', [metadata('MIXED', 'X1'), metadata('MIXED', 'X2')], { schemaEvolution: { disabled: false } });
      // The collision: OFF.O1 once more, with another user's credentials (another connection string, the same place).
      const other = snowflake.createUser('Other-pw-1');
      account.grantTable(other.role, 'SALES_DB', 'OFF', 'O1');
      const [dup] = await register('snowflake', [metadata('OFF', 'O1', { role: other.role, username: other.user, password: 'Other-pw-1', dataSourceName: `sf ${kind} OFF O1 again` })]);
      // A V2 declaration (POST /api/v2/data) with the same account and credentials: it belongs to the integration too.
      const v2Key = `sf v2 ${kind}`;
      const declared = await server.request('POST', '/api/v2/data', {
        connectionKey: v2Key,
        connection: { ...connection, handler: 'Snowflake', database: 'SALES_DB' },
        owners: [{ type: 'user', name: 'alice' }],
        sources: [{ schema: 'VTWO', table: 'V1', naming: { datasource: `sf ${kind} VTWO V1` } }],
      });
      expect(declared.status, JSON.stringify(declared.body)).toBe(200);
      const [v1] = await server.server.container.legacySources.sourcesOfV2Key(v2Key);
      await tag(v1!.dataSourceId, 'Legacy.V2');
      await tag(m1!.dataSourceId, 'Legacy.Kept');
      await tag(x2!.dataSourceId, 'Legacy.Disabled');
      await disable(x2!.dataSourceId);
      const integrationId = await integration('Snowflake', connection);
      const remote = new Map([
        [m1!.dataSourceId, ['SALES_DB', 'MON', 'M1']],
        [m2!.dataSourceId, ['SALES_DB', 'MON', 'M2']],
        [o1!.dataSourceId, ['SALES_DB', 'OFF', 'O1']],
        [o2!.dataSourceId, ['SALES_DB', 'OFF', 'O2']],
        [x1!.dataSourceId, ['SALES_DB', 'MIXED', 'X1']],
        [x2!.dataSourceId, ['SALES_DB', 'MIXED', 'X2']],
        [v1!.dataSourceId, ['SALES_DB', 'VTWO', 'V1']],
      ]);
      const before = await states([...remote.keys(), dup!.dataSourceId]);
      expect(before.get(x2!.dataSourceId)!.state).toBe('inactive');
      const key = `Snow ${kind}`;

      const unchanged = await counts();
      const plan = await server.request('POST', `/integrations/${integrationId}/upgrade`, { connectionKey: key, dryRun: true });
      expect(plan.status, JSON.stringify(plan.body)).toBe(200);
      expect(await counts()).toEqual(unchanged);
      expect(plan.body).toMatchObject({ dryRun: true, refused: false, conflicts: [] });
      const planned = new Map((plan.body.dataSources as { dataSourceId: number }[]).map((p) => [p.dataSourceId, p]));
      expect(planned.get(m1!.dataSourceId)).toMatchObject({ newName: `${key}.SALES_DB.MON.M1`, upgraded: true, enabled: true, schemaMonitoring: true });
      expect(planned.get(m2!.dataSourceId)).toMatchObject({ newName: `${key}.SALES_DB.MON.M2`, upgraded: true, enabled: true });
      expect(planned.get(x2!.dataSourceId)).toMatchObject({ newName: `${key}.SALES_DB.MIXED.X2`, upgraded: true, enabled: false, schemaMonitoring: true });
      expect(planned.get(o1!.dataSourceId)).toMatchObject({ upgraded: true, schemaMonitoring: false });
      expect(planned.get(v1!.dataSourceId)).toMatchObject({ newName: `${key}.SALES_DB.VTWO.V1`, upgraded: true, enabled: true });
      expect(planned.get(dup!.dataSourceId)).toMatchObject({ upgraded: false, notUpgraded: { reason: 'uniquenessViolation', remotePath: ['SALES_DB', 'OFF', 'O1'] } });
      const schemas = Object.fromEntries((plan.body.schemas as { path: string[] }[]).map((s) => [s.path.join('.'), s]));
      expect(schemas['SALES_DB.MON']).toMatchObject({ monitoring: 'on', visibleTables: 3, upgradedDataSources: 2, newObjectsEnabled: 1, newObjectsDisabled: 0 });
      expect(schemas['SALES_DB.OFF']).toMatchObject({ monitoring: 'off', visibleTables: 3, upgradedDataSources: 2, newObjectsEnabled: 0, newObjectsDisabled: 1 });
      expect(schemas['SALES_DB.MIXED']).toMatchObject({ monitoring: 'on', visibleTables: 3, upgradedDataSources: 2, newObjectsEnabled: 1, newObjectsDisabled: 0 });

      const enabled = [...before].filter(([, s]) => s.state === 'active').map(([id]) => id);
      const { upgrade, polls } = await upgradeWhilePolling(server, integrationId, { connectionKey: key }, enabled);
      expect(upgrade.status, JSON.stringify(upgrade.body)).toBe(200);
      expect(polls).toBeGreaterThan(enabled.length);
      expect(upgrade.body).toMatchObject({ state: 'partiallyComplete', total: 8, upgraded: 7 });
      expect(upgrade.body.notUpgraded).toEqual([
        { dataSourceId: dup!.dataSourceId, name: `sf ${kind} OFF O1 again`, remotePath: ['SALES_DB', 'OFF', 'O1'], reason: 'uniquenessViolation', suggestedAction: expect.stringContaining(`DELETE /dataSource/${dup!.dataSourceId}`) },
      ]);
      await expectKept(key, before, remote);
      expect((await sourceState(server, m1!.dataSourceId))!).toMatchObject({ owners: [{ type: 'user', name: 'alice' }], userTags: ['Legacy.Kept'] });
      expect(await sourceState(server, dup!.dataSourceId)).toEqual(before.get(dup!.dataSourceId));
      expect((await object([key, 'SALES_DB', 'MON', 'M3'])).state).toBe('active');
      expect((await object([key, 'SALES_DB', 'OFF', 'O3'])).state).toBe('inactive');
      expect((await object([key, 'SALES_DB', 'MIXED', 'X3'])).state).toBe('active');
      expect((await sourceState(server, x2!.dataSourceId))!).toMatchObject({ state: 'inactive', userTags: ['Legacy.Disabled'] });
      expect((await sourceState(server, v1!.dataSourceId))!).toMatchObject({ state: 'active', owners: [{ type: 'user', name: 'alice' }], userTags: ['Legacy.V2'] });
      expect(await server.server.container.legacySources.sourcesOfV2Key(v2Key)).toEqual([]);
      expect((await server.request('GET', `/dataSource?searchText=${encodeURIComponent(`sf ${kind} MON M1`)}`)).body.count).toBe(0);

      // The catalog changes between syncs: a new table of the monitored schema arrives enabled, of the other disabled.
      account.execute('SALES_DB', 'CREATE TABLE MON.M4 (ID int);\nCREATE TABLE OFF.O4 (ID int)');
      const crawl = await server.request('POST', '/data/crawl', { objectPath: [key] });
      expect(await server.waitForJob(crawl.body.syncRunId)).toMatchObject({ state: 'completed' });
      expect((await object([key, 'SALES_DB', 'MON', 'M4'])).state).toBe('active');
      expect((await object([key, 'SALES_DB', 'OFF', 'O4'])).state).toBe('inactive');

      // The cause fixed (the duplicate removed), the upgrade runs again and completes; Snowflake integrations stay listed.
      await server.server.container.legacySources.remove(dup!.dataSourceId, systemActor('test'));
      const rerun = await server.request('POST', `/integrations/${integrationId}/upgrade`, { connectionKey: key });
      expect(rerun.body).toMatchObject({ state: 'complete', notUpgraded: [], upgraded: 7 });
      expect((await server.request('GET', `/integrations/${integrationId}`)).status).toBe(200);
      expect((await server.request('GET', '/integrations')).body.map((i: { id: number }) => i.id)).toContain(integrationId);
    } finally {
      await snowflake.close();
    }
  });

  it('Snowflake: a data source with the private key file password in its connection string options is refused with the reason, before anything changes', { timeout: 120_000 }, async () => {
    const snowflake = await SnowflakeTestServer.start();
    try {
      snowflake.account.createDatabase('KEYS_DB');
      snowflake.account.execute('KEYS_DB', 'CREATE TABLE PUBLIC.K1 (ID int);\nCREATE TABLE PUBLIC.K2 (ID int)');
      const { technology: _t, authenticationType: _a, ...connection } = snowflake.adminDetails();
      const at = (table: string, extra: Record<string, unknown> = {}) => ({ ...connection, database: 'KEYS_DB', schema: 'PUBLIC', table, dataSourceName: `sfk ${kind} ${table}`, ...extra });
      // The legacy method takes the option (the guide: "there is a field for Additional Connection String Options").
      const [plain] = await register('snowflake', [at('K1')]);
      // Another user (another connection string): the details of one connection string serve all its tables.
      const keyUser = snowflake.createUser('Key-user-pw-1');
      snowflake.account.grantTable(keyUser.role, 'KEYS_DB', 'PUBLIC', 'K2');
      const keyedDetails = { role: keyUser.role, username: keyUser.user, password: 'Key-user-pw-1', connectionStringOptions: 'private_key_file_pwd=Key-pass-1' };
      const [keyed] = await register('snowflake', [at('K2', keyedDetails)]);
      const integrationId = await integration('Snowflake', connection);
      const unchanged = await counts();
      const before = await states([plain!.dataSourceId, keyed!.dataSourceId]);

      const plan = await server.request('POST', `/integrations/${integrationId}/upgrade`, { connectionKey: `Keys ${kind}`, dryRun: true });
      expect(plan.status, JSON.stringify(plan.body)).toBe(200);
      expect(plan.body).toMatchObject({ refused: true, notUpgraded: [{ dataSourceId: keyed!.dataSourceId, reason: 'unsupportedOption', suggestedAction: expect.stringContaining('private_key_file_pwd') }] });
      const refused = await server.request('POST', `/integrations/${integrationId}/upgrade`, { connectionKey: `Keys ${kind}` });
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect(refused.body.code).toBe('UPGRADE_REFUSED');
      expect(refused.body.message).toContain(`data source ${keyed!.dataSourceId}`);
      expect(refused.body.message).toContain('"private_key_file_pwd" (the private key file password)');
      expect(refused.body.message).toContain('privateKeyPassword');
      expect(refused.body.message).not.toContain('Key-pass-1');
      expect(await counts()).toEqual(unchanged);
      expect(await states([plain!.dataSourceId, keyed!.dataSourceId])).toEqual(before);
      // The option's value is a secret the legacy field kept in clear: no answer shows it.
      expect(JSON.stringify((await server.request('GET', `/dataSource/${keyed!.dataSourceId}`)).body)).not.toContain('Key-pass-1');
      expect((await server.request('GET', `/integrations/${integrationId}/upgrade`)).status).toBe(404);
    } finally {
      await snowflake.close();
    }
  });

  it('Databricks: schema projects with monitoring on, off and mixed, handler and V2 registrations, owners, tags, a disabled data source — dry run, upgrade, before and after', { timeout: 240_000 }, async () => {
    const workspace = await DatabricksTestWorkspace.start();
    try {
      const INT = { type_text: 'int', type_name: 'INT' };
      workspace.createCatalog('main');
      workspace.createSchema('main', 'mon');
      workspace.createSchema('main', 'off');
      workspace.createSchema('main', 'mixed');
      workspace.createSchema('main', 'vtwo');
      for (const [schema, table] of [['mon', 'm1'], ['mon', 'm2'], ['mon', 'm3'], ['off', 'o1'], ['off', 'o2'], ['off', 'o3'], ['mixed', 'x1'], ['mixed', 'x2'], ['mixed', 'x3'], ['vtwo', 'v1']] as const) workspace.createTable('main', schema, table, [{ name: 'id', ...INT }]);
      const { technology: _t, authenticationType: _a, ...connection } = workspace.details('token');
      const metadata = (schema: string, table: string) => ({ ...connection, database: 'main', schema, table, dataSourceName: `dbx ${kind} ${schema} ${table}` });
      const [m1, m2] = await register('databricks', [metadata('mon', 'm1'), metadata('mon', 'm2')], { ...owner, schemaEvolution: { disabled: false } });
      const [o1, o2] = await register('databricks', [metadata('off', 'o1'), metadata('off', 'o2')], { ...owner, schemaEvolution: { disabled: true } });
      // The mixed schema project: monitoring on, a disabled data source and a table that is none.
      const [x1, x2] = await register('databricks', [metadata('mixed', 'x1'), metadata('mixed', 'x2')], { schemaEvolution: { disabled: false } });
      // No collision can be built: a Databricks connection string has no user (host:port/catalog), so
      // a second registration of a table is the same connection's, refused before it exists.
      const again = await server.request('POST', '/databricks/handler', { handler: [{ metadata: { ...metadata('off', 'o1'), dataSourceName: `dbx ${kind} off o1 again` } }] });
      expect(again.body).toMatchObject({ statusCode: 409, code: 'TABLE_ALREADY_REGISTERED' });
      // A V2 declaration (POST /api/v2/data) of the same workspace and catalog: it belongs to the integration too.
      const v2Key = `dbx v2 ${kind}`;
      const declared = await server.request('POST', '/api/v2/data', {
        connectionKey: v2Key,
        connection: { ...connection, handler: 'Databricks', database: 'main' },
        owners: [{ type: 'user', name: 'alice' }],
        sources: [{ schema: 'vtwo', table: 'v1', naming: { datasource: `dbx ${kind} vtwo v1` } }],
      });
      expect(declared.status, JSON.stringify(declared.body)).toBe(200);
      const [v1] = await server.server.container.legacySources.sourcesOfV2Key(v2Key);
      await tag(v1!.dataSourceId, 'Legacy.V2');
      await tag(m1!.dataSourceId, 'Legacy.Kept');
      await tag(x2!.dataSourceId, 'Legacy.Disabled');
      await disable(x2!.dataSourceId);
      const integrationId = await integration('Databricks', connection);
      const remote = new Map([
        [m1!.dataSourceId, ['main', 'mon', 'm1']],
        [m2!.dataSourceId, ['main', 'mon', 'm2']],
        [o1!.dataSourceId, ['main', 'off', 'o1']],
        [o2!.dataSourceId, ['main', 'off', 'o2']],
        [x1!.dataSourceId, ['main', 'mixed', 'x1']],
        [x2!.dataSourceId, ['main', 'mixed', 'x2']],
        [v1!.dataSourceId, ['main', 'vtwo', 'v1']],
      ]);
      const before = await states([...remote.keys()]);
      const key = `Bricks ${kind}`;

      const unchanged = await counts();
      const plan = await server.request('POST', `/integrations/${integrationId}/upgrade`, { connectionKey: key, dryRun: true });
      expect(plan.status, JSON.stringify(plan.body)).toBe(200);
      expect(await counts()).toEqual(unchanged);
      expect(plan.body).toMatchObject({ dryRun: true, refused: false, notUpgraded: [] });
      const schemas = Object.fromEntries((plan.body.schemas as { path: string[] }[]).map((s) => [s.path.join('.'), s]));
      expect(schemas['main.mon']).toMatchObject({ monitoring: 'on', visibleTables: 3, upgradedDataSources: 2, newObjectsEnabled: 1 });
      expect(schemas['main.off']).toMatchObject({ monitoring: 'off', visibleTables: 3, upgradedDataSources: 2, newObjectsDisabled: 1 });
      expect(schemas['main.mixed']).toMatchObject({ monitoring: 'on', visibleTables: 3, upgradedDataSources: 2, newObjectsEnabled: 1 });

      const enabled = [...before].filter(([, s]) => s.state === 'active').map(([id]) => id);
      expect(enabled).toHaveLength(6);
      const { upgrade, polls } = await upgradeWhilePolling(server, integrationId, { connectionKey: key }, enabled);
      expect(polls).toBeGreaterThan(enabled.length);
      expect(upgrade.body, JSON.stringify(upgrade.body)).toMatchObject({ state: 'complete', total: 7, upgraded: 7, notUpgraded: [] });
      await expectKept(key, before, remote);
      expect((await sourceState(server, m1!.dataSourceId))!).toMatchObject({ owners: [{ type: 'user', name: 'alice' }], userTags: ['Legacy.Kept'] });
      expect((await object([key, 'main', 'mon', 'm3'])).state).toBe('active');
      expect((await object([key, 'main', 'off', 'o3'])).state).toBe('inactive');
      expect((await object([key, 'main', 'mixed', 'x3'])).state).toBe('active');
      expect((await sourceState(server, v1!.dataSourceId))!).toMatchObject({ state: 'active', owners: [{ type: 'user', name: 'alice' }], userTags: ['Legacy.V2'] });
      expect(await server.server.container.legacySources.sourcesOfV2Key(v2Key)).toEqual([]);
      expect((await sourceState(server, x2!.dataSourceId))!).toMatchObject({ state: 'inactive', userTags: ['Legacy.Disabled'] });

      // The catalog changes between syncs: a new monitored table arrives enabled, an unmonitored one disabled.
      workspace.createTable('main', 'mon', 'm4', [{ name: 'id', ...INT }]);
      workspace.createTable('main', 'off', 'o4', [{ name: 'id', ...INT }]);
      const crawl = await server.request('POST', '/data/crawl', { objectPath: [key] });
      expect(await server.waitForJob(crawl.body.syncRunId)).toMatchObject({ state: 'completed' });
      expect((await object([key, 'main', 'mon', 'm4'])).state).toBe('active');
      expect((await object([key, 'main', 'off', 'o4'])).state).toBe('inactive');

      // Databricks integrations stay listed after the upgrade.
      expect((await server.request('GET', `/integrations/${integrationId}`)).status).toBe(200);
      expect((await server.request('GET', '/integrations')).body.map((i: { id: number }) => i.id)).toContain(integrationId);
    } finally {
      await workspace.close();
    }
  });
});
