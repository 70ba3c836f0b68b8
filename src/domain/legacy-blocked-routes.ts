/**
 * What a blocked legacy route is about, and where its request names it: the data source of a
 * URL parameter, the data sources of a body field (bulk), a legacy handler id, a V2
 * `connectionKey`, an integration id, or the tables a registration's `handler[].metadata`
 * names (by technology and host, like an integration's data sources).
 */
export type BlockedTarget =
  | { kind: 'dataSource'; param: string }
  | { kind: 'dataSources'; field: string }
  | { kind: 'handler'; param: string }
  | { kind: 'v2ConnectionKey'; param: string }
  | { kind: 'v2Declaration' }
  | { kind: 'integration'; param: string }
  // `handler[].metadata` (or `handler.metadata`) at the place of an upgraded connection (POST /{prefix}/handler, PUT /{prefix}/bulk).
  | { kind: 'registration' }
  | { kind: 'integrationConfig' }
  // Access request ids (`requests[].id`, `requestIds`) name their data sources.
  | { kind: 'subscriptionRequests' };

/** One legacy endpoint the connections upgrade guide blocks for data sources of connections. */
export interface BlockedRoute {
  /** `METHOD url` as the route is registered (Fastify's parameter syntax). */
  route: string;
  /** What the endpoint does, as the guide's table says: the start of the 400's message. */
  what: string;
  /** The guide's replacement, or (no substitute) why there is none. */
  replacement: string;
  target: BlockedTarget;
}

const CREATE =
  'grant the connection\'s system user access to the table, then wait for the next object sync or crawl it now with POST /data/crawl/{objectPath*}; if its schema has activateNewChildren: false, enable it with PUT /data/settings/{objectPath*} with settings: isActive: true';
const NO_OWN_CONNECTION = 'there is no substitute: data sources no longer have their own connection details but are tied to the parent connection (PUT /data/connection/{connectionKey})';
const ENABLE = 'PUT /data/settings/{objectPath*} with settings: isActive: true';
const DISABLE = 'PUT /data/settings/{objectPath*} with settings: isActive: false';
const OWNERS = 'PUT /data/settings/{objectPath*} with settings: dataOwners';
const DELETE =
  'disable it with PUT /data/settings/{objectPath*} with settings: isActive: false; a table the connection\'s system user can no longer see is removed by the next object sync (POST /data/crawl/{objectPath*}), and DELETE /data/object/{objectPath*} deletes a removed one';

/**
 * Every legacy endpoint the connections upgrade guide (`connections-upgrade-guide.txt`, "API
 * changes") lists, with what it does and its replacement. For a data source of a connection
 * (origin `connection`: registered by one, or upgraded), or a handler, V2 key or integration
 * whose sources were upgraded, one guard (plugins/legacy-route-block.ts) answers these with
 * LEGACY_ENDPOINT_BLOCKED and changes nothing; every other call goes through. A route listed
 * here that this build does not serve is simply not guarded (the test table is generated from
 * this list and the routes the server has).
 */
export const LEGACY_BLOCKED_ROUTES: readonly BlockedRoute[] = [
  { route: 'POST /:prefix/handler', what: 'Creating data sources with POST /{technology}/handler', replacement: CREATE, target: { kind: 'registration' } },
  { route: 'POST /api/v2/data', what: 'Creating or editing data sources with POST /api/v2/data', replacement: `${CREATE} (editing their connection: ${NO_OWN_CONNECTION})`, target: { kind: 'v2Declaration' } },
  { route: 'PUT /:prefix/handler/:handlerId', what: "Editing a data source's connection with PUT /{technology}/handler/{handlerId}", replacement: NO_OWN_CONNECTION, target: { kind: 'handler', param: 'handlerId' } },
  { route: 'PUT /:prefix/bulk', what: "Bulk editing data sources' connections with PUT /{technology}/bulk", replacement: NO_OWN_CONNECTION, target: { kind: 'registration' } },
  { route: 'DELETE /:prefix/handler/:handlerId', what: 'Deleting a data source with DELETE /{technology}/handler/{handlerId}', replacement: DELETE, target: { kind: 'handler', param: 'handlerId' } },
  { route: 'POST /api/v2/data/:connectionKey', what: 'Editing a display name with POST /api/v2/data/{connectionKey}', replacement: NO_OWN_CONNECTION, target: { kind: 'v2ConnectionKey', param: 'connectionKey' } },
  { route: 'DELETE /api/v2/data/:connectionKey', what: 'Deleting data sources with DELETE /api/v2/data/{connectionKey}', replacement: DELETE, target: { kind: 'v2ConnectionKey', param: 'connectionKey' } },
  { route: 'PUT /dataSource/detectRemoteChanges', what: 'Schema detection with PUT /dataSource/detectRemoteChanges', replacement: 'POST /data/crawl/{objectPath*} (object sync)', target: { kind: 'dataSources', field: 'dataSourceIds' } },
  {
    route: 'PUT /dataSource/:id',
    what: 'Enabling, disabling or renaming a data source with PUT /dataSource/{dataSourceId}',
    replacement: `${ENABLE} or isActive: false (names have no substitute: data source names are generated from the platform's database, schema and table names)`,
    target: { kind: 'dataSource', param: 'id' },
  },
  { route: 'DELETE /dataSource/:id', what: 'Deleting a data source with DELETE /dataSource/{dataSourceId}', replacement: DELETE, target: { kind: 'dataSource', param: 'id' } },
  { route: 'PUT /dataSource/bulk/:type', what: 'Bulk deleting, restoring or disabling data sources with PUT /dataSource/bulk/{type}', replacement: `${ENABLE} or isActive: false, on each object or on a schema or database above them`, target: { kind: 'dataSources', field: 'ids' } },
  { route: 'PUT /dataSource/:id/overrideHost', what: 'Overriding a host name with PUT /dataSource/{dataSourceId}/overrideHost', replacement: NO_OWN_CONNECTION, target: { kind: 'dataSource', param: 'id' } },
  ...(['POST', 'PUT', 'DELETE'] as const).map((method) => ({
    route: `${method} /dictionary/:dataSourceId`,
    what: `Changing a data dictionary with ${method} /dictionary/{dataSourceId}`,
    replacement: "there is no substitute: data source dictionaries are generated from the platform's columns (GET /data/object/{objectPath*} shows them)",
    target: { kind: 'dataSource', param: 'dataSourceId' } as const,
  })),
  { route: 'POST /dataSource/subscribe', what: 'Requesting access to a data source with POST /dataSource/subscribe', replacement: `ask an owner or GOVERNANCE to ${OWNERS}`, target: { kind: 'dataSources', field: 'dataSourceIds' } },
  { route: 'PUT /dataSource/:id/access/:accessId', what: "Changing a data source's owners with PUT /dataSource/{dataSourceId}/access/{id}", replacement: OWNERS, target: { kind: 'dataSource', param: 'id' } },
  { route: 'DELETE /dataSource/:id/unsubscribe', what: 'Leaving a data source with DELETE /dataSource/{dataSourceId}/unsubscribe', replacement: OWNERS, target: { kind: 'dataSource', param: 'id' } },
  { route: 'POST /subscription/deny', what: 'Answering data owner requests with POST /subscription/deny', replacement: OWNERS, target: { kind: 'subscriptionRequests' } },
  { route: 'POST /subscription/deny/bulk', what: 'Answering data owner requests with POST /subscription/deny/bulk', replacement: OWNERS, target: { kind: 'subscriptionRequests' } },
  { route: 'POST /integrations', what: 'Creating an integration of an upgraded host with POST /integrations', replacement: 'PUT /data/connection/{connectionKey} changes the connection of this host', target: { kind: 'integrationConfig' } },
  { route: 'PUT /integrations/:id', what: 'Updating an upgraded integration with PUT /integrations/{integrationId}', replacement: 'PUT /data/connection/{connectionKey}', target: { kind: 'integration', param: 'id' } },
  { route: 'DELETE /integrations/:id', what: 'Deleting an upgraded integration with DELETE /integrations/{integrationId}', replacement: 'DELETE /data/object/{connectionKey} (the connection and everything below it)', target: { kind: 'integration', param: 'id' } },
];

/** The entry of a route the list must hold (`METHOD url`); a missing one is a programming error. */
export function blockedRouteOf(route: string): BlockedRoute {
  const entry = LEGACY_BLOCKED_ROUTES.find((e) => e.route === route);
  if (!entry) throw new Error(`${route} is not in LEGACY_BLOCKED_ROUTES`);
  return entry;
}

/** The blocked route registered as `method url`, if it is one. */
export function blockedRoute(method: string, url: string): BlockedRoute | undefined {
  return LEGACY_BLOCKED_ROUTES.find((entry) => entry.route === `${method} ${url}`);
}
