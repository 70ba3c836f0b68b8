import { expect } from 'vitest';
import type { LegacySetup } from './legacy-fixtures.js';
import type { TestServer } from './test-server.js';

/** What a data source is, by id, as the API shows it: where, its status, owners and user tags. */
export interface SourceState {
  dataSourceId: number;
  objectPath: string[];
  name: string | undefined;
  state: 'active' | 'inactive';
  owners: unknown;
  userTags: string[];
}

/** The data source `id` wherever it is (enabled or not): its object through GET /data/object. */
export async function sourceState(server: TestServer, id: number): Promise<SourceState | null> {
  const path = await server.server.container.dataSources.pathOf(id);
  if (!path) return null;
  const object = await server.request('GET', `/data/object?objectPath=${encodeURIComponent(JSON.stringify(path))}`);
  expect(object.status, JSON.stringify(object.body)).toBe(200);
  const body = object.body as { objectPath: string[]; dataSourceName?: string; state: 'active' | 'inactive'; settings: { dataOwners: { value: unknown } }; tags: { name: string; source: string }[] };
  return {
    dataSourceId: id,
    objectPath: body.objectPath,
    name: body.state === 'active' ? body.dataSourceName : undefined,
    state: body.state,
    owners: body.settings.dataOwners.value,
    userTags: body.tags.filter((t) => t.source === 'user').map((t) => t.name).sort(),
  };
}

/** The integration of a legacy setup's host: POST /integrations with the setup's connection fields. */
export async function integrationOf(server: TestServer, type: string, metadata: Record<string, unknown>): Promise<number> {
  const { schema: _schema, table: _table, dataSourceName: _name, ...config } = metadata;
  const created = await server.request('POST', '/integrations', { type, config });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect(created.body.status).toBe('enabled');
  return created.body.id as number;
}

/**
 * Runs the upgrade while polling, as fast as answers come and with no pause, the status of
 * every data source in `enabledIds` (GET /dataSource/{id}): each answer must be 200 and
 * `active`. Resolves the upgrade's answer and how many polls ran.
 */
export async function upgradeWhilePolling(server: TestServer, integrationId: number, body: Record<string, unknown>, enabledIds: readonly number[]) {
  let done = false;
  const seen: string[] = [];
  let polls = 0;
  const poll = (async () => {
    while (!done) {
      for (const id of enabledIds) {
        const answer = await server.request('GET', `/dataSource/${id}`);
        polls += 1;
        if (answer.status !== 200 || answer.body.state !== 'active') seen.push(`${id}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    }
  })();
  const upgrade = await server.request('POST', `/integrations/${integrationId}/upgrade`, body).finally(() => {
    done = true;
  });
  await poll;
  expect(seen, 'a previously enabled data source was disabled or missing during the upgrade').toEqual([]);
  return { upgrade, polls };
}

/** A data source a registration answered. */
export interface RegisteredSource {
  id: number;
  dataSourceId: number;
  name: string;
}

/** One POST /{prefix}/handler with a handler per metadata object; answers its body. */
export async function registerHandlers(server: TestServer, prefix: string, metadata: Record<string, unknown>[], body: Record<string, unknown> = {}): Promise<RegisteredSource[]> {
  const response = await server.request('POST', `/${prefix}/handler`, { ...body, handler: metadata.map((m) => ({ metadata: m })) });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as RegisteredSource[];
}

/** Registers more tables of a setup's source with one POST /{prefix}/handler; answers its body. */
export function registerTables(server: TestServer, setup: LegacySetup, tables: { schema: string; table: string; name: string; extra?: Record<string, unknown> }[], body: Record<string, unknown> = {}): Promise<RegisteredSource[]> {
  return registerHandlers(server, setup.prefix, tables.map((t) => setup.metadata(t.schema, t.table, { dataSourceName: t.name, ...t.extra })), body);
}

/** Disables a data source the connections way (its object's own isActive: false). */
export async function disableSource(server: TestServer, id: number): Promise<void> {
  const path = (await server.server.container.dataSources.pathOf(id))!;
  const response = await server.request('PUT', '/data/settings', { objectPath: path, settings: { isActive: false } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

/** Adds a user tag to a data source through the legacy tag route. */
export async function tagSource(server: TestServer, id: number, name: string): Promise<void> {
  expect((await server.request('POST', `/tag/datasource/${id}`, [{ name }])).status).toBe(200);
}
