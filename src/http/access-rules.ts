import type { GlobalPermission } from '../services/auth-service.js';

/**
 * Where an object-scoped rule finds the object whose owners may act: the path in the URL after
 * `prefixSegments` segments, the validated `objectPath` field of a JSON-array route (its query
 * on GET, its body otherwise), a connection key parameter, the scope of the sync run named by a
 * parameter, the data source (enabled leaf) named by a parameter, or the data source a legacy
 * tag route's `modelType` and `modelId` name.
 */
export type ObjectScope =
  | { from: 'urlPath'; prefixSegments: number }
  | { from: 'objectPathField' }
  | { from: 'connectionKey'; param: string }
  | { from: 'syncRun'; param: string }
  | { from: 'dataSource'; param: string }
  | { from: 'tagModel' };

/**
 * Who may call one route. A principal is let through when it holds any of `anyOf`, or owns
 * the object named by `owner` (its user or one of its groups is in the object's effective
 * `dataOwners`), or is the user named by the `:name` parameter (`self`), or is any valid key
 * (`anyUser`). Everyone else with a valid key gets 403; without one, 401.
 */
export interface AccessRule {
  /** Reachable without a key. */
  public?: true;
  anyOf: readonly GlobalPermission[];
  /** Also let through: a principal holding every one of these. */
  allOf?: readonly GlobalPermission[];
  owner?: ObjectScope;
  self?: true;
  anyUser?: true;
  /**
   * For every method but GET: true when the route changes something (and so leaves exactly one
   * audit row), false when it only reads (a search with a body, a generated script).
   */
  mutates?: boolean;
}

const ADMIN: readonly GlobalPermission[] = ['APPLICATION_ADMIN'];
const GOVERNANCE: readonly GlobalPermission[] = ['GOVERNANCE'];
/** Managing users, groups and other users' keys; an APPLICATION_ADMIN may look. */
const USER_ADMIN: readonly GlobalPermission[] = ['USER_ADMIN'];
const USER_READERS: readonly GlobalPermission[] = ['USER_ADMIN', 'APPLICATION_ADMIN'];
/** SPEC 1.6: CREATE_DATA_SOURCE, GOVERNANCE and APPLICATION_ADMIN may read (and owners, inside their subtrees). */
const READERS: readonly GlobalPermission[] = ['CREATE_DATA_SOURCE', 'GOVERNANCE', 'APPLICATION_ADMIN'];

/** Who may register legacy data sources (the legacy API's CREATE_DATA_SOURCE), and the administrator. */
const REGISTRARS: readonly GlobalPermission[] = ['CREATE_DATA_SOURCE', 'APPLICATION_ADMIN'];

const PUBLIC: AccessRule = { public: true, anyOf: [] };
const urlPath = (prefixSegments: number): ObjectScope => ({ from: 'urlPath', prefixSegments });
const objectPathField: ObjectScope = { from: 'objectPathField' };
const connectionKey: ObjectScope = { from: 'connectionKey', param: 'connectionKey' };
const syncRun = (param: string): ObjectScope => ({ from: 'syncRun', param });
const dataSource = (param: string): ObjectScope => ({ from: 'dataSource', param });
const tagModel: ObjectScope = { from: 'tagModel' };

/**
 * The one table of who may call what, keyed by `METHOD url` as the route is registered.
 * Every route must have a rule: the server refuses to start otherwise (and a test says which).
 */
export const ACCESS_RULES: Readonly<Record<string, AccessRule>> = {
  'GET /health': PUBLIC,
  'GET /openapi.json': PUBLIC,
  // The web UI's files: the page signs in with a key itself (POST /session).
  'GET /': PUBLIC,
  'GET /ui': PUBLIC,
  'GET /ui/*': PUBLIC,

  'POST /data/connection': { anyOf: ADMIN, mutates: true },
  'GET /data/connection': { anyOf: READERS },
  'GET /data/connection/:connectionKey': { anyOf: READERS, owner: connectionKey },
  'PUT /data/connection/:connectionKey': { anyOf: ADMIN, mutates: true },
  'POST /data/connection/:connectionKey/test': { anyOf: ADMIN, mutates: true },
  // Step 1 of registering a connection, APPLICATION_ADMIN's as in the legacy API.
  'POST /integrations/scripts/create': { anyOf: ADMIN, mutates: false },
  // Integrations are APPLICATION_ADMIN's, as in the legacy API; reading them too (they name hosts and users).
  'POST /integrations': { anyOf: ADMIN, mutates: true },
  'GET /integrations': { anyOf: ADMIN },
  'GET /integrations/:id': { anyOf: ADMIN },
  'PUT /integrations/:id': { anyOf: ADMIN, mutates: true },
  'DELETE /integrations/:id': { anyOf: ADMIN, mutates: true },
  // The Upgrade Manager needs both (legacy-api.md §5): it configures the connection and governs its data sources.
  'POST /integrations/:id/upgrade': { anyOf: [], allOf: [...ADMIN, ...GOVERNANCE], mutates: true },
  'GET /integrations/:id/upgrade': { anyOf: ADMIN },
  // Registering legacy data sources: CREATE_DATA_SOURCE, as in the legacy API, or APPLICATION_ADMIN.
  'POST /:prefix/handler': { anyOf: REGISTRARS, mutates: true },
  // Any user may ask; the service decides what: everything for APPLICATION_ADMIN or GOVERNANCE
  // (the global run), the data sources they own for others (the selection is in the body).
  'PUT /dataSource/detectRemoteChanges': { anyOf: [], anyUser: true, mutates: true },
  // A handler names a host and a user (no secret): readable like a connection.
  'GET /:prefix/handler/:handlerId': { anyOf: READERS },
  'PUT /:prefix/handler/:handlerId': { anyOf: REGISTRARS, mutates: true },
  'PUT /:prefix/bulk': { anyOf: REGISTRARS, mutates: true },
  'DELETE /:prefix/handler/:handlerId': { anyOf: REGISTRARS, mutates: true },
  'POST /api/v2/data': { anyOf: REGISTRARS, mutates: true },
  'DELETE /api/v2/data/:connectionKey': { anyOf: REGISTRARS, mutates: true },
  'POST /api/v2/data/:connectionKey': { anyOf: REGISTRARS, mutates: true },

  // Each object route twice: the path in the URL, and (same URL without it) as a JSON array.
  'GET /data/object/*': { anyOf: READERS, owner: urlPath(2) },
  'GET /data/object': { anyOf: READERS, owner: objectPathField },
  'POST /data/object/search/*': { anyOf: READERS, owner: urlPath(3), mutates: false },
  // Without objectPath it lists the connections: no owner scope, so owners are refused.
  'POST /data/object/search': { anyOf: READERS, owner: objectPathField, mutates: false },
  'PUT /data/settings/*': { anyOf: GOVERNANCE, owner: urlPath(2), mutates: true },
  'PUT /data/settings': { anyOf: GOVERNANCE, owner: objectPathField, mutates: true },
  'DELETE /data/object/*': { anyOf: ADMIN, mutates: true },
  'DELETE /data/object': { anyOf: ADMIN, mutates: true },
  'POST /data/crawl/*': { anyOf: ADMIN, owner: urlPath(2), mutates: true },
  'POST /data/crawl': { anyOf: ADMIN, owner: objectPathField, mutates: true },

  // Tags (SPEC 1.6): readers see them; GOVERNANCE and owners of the subtree change them.
  'GET /data/tags/*': { anyOf: READERS, owner: urlPath(2) },
  'GET /data/tags': { anyOf: READERS, owner: objectPathField },
  'POST /data/tags/*': { anyOf: GOVERNANCE, owner: urlPath(2), mutates: true },
  'POST /data/tags': { anyOf: GOVERNANCE, owner: objectPathField, mutates: true },
  'DELETE /data/tags/*': { anyOf: GOVERNANCE, owner: urlPath(2), mutates: true },
  'DELETE /data/tags': { anyOf: GOVERNANCE, owner: objectPathField, mutates: true },
  'GET /tag': { anyOf: READERS },
  'POST /tag/:modelType/:modelId': { anyOf: GOVERNANCE, owner: tagModel, mutates: true },
  'DELETE /tag/:modelType/:modelId/:tag': { anyOf: GOVERNANCE, owner: tagModel, mutates: true },

  'GET /jobs': { anyOf: READERS },
  'GET /jobs/search': { anyOf: READERS },
  'GET /jobs/:id': { anyOf: READERS, owner: syncRun('id') },
  'GET /data/sync-runs/:id/changes': { anyOf: READERS, owner: syncRun('id') },

  'GET /dataSource': { anyOf: READERS },
  'GET /dataSource/:id': { anyOf: READERS, owner: dataSource('id') },
  'GET /dictionary/:dataSourceId': { anyOf: READERS, owner: dataSource('dataSourceId') },
  // Legacy data-source edits (blocked for a connection's: LEGACY_BLOCKED_ROUTES): GOVERNANCE or the data source's owners,
  // as PUT /data/settings; removing one also APPLICATION_ADMIN's (as DELETE /data/object).
  'PUT /dataSource/:id': { anyOf: GOVERNANCE, owner: dataSource('id'), mutates: true },
  'DELETE /dataSource/:id': { anyOf: [...GOVERNANCE, ...ADMIN], owner: dataSource('id'), mutates: true },
  // Ids in the body name many data sources: no single owner scope, so the global permissions only.
  'PUT /dataSource/bulk/:type': { anyOf: [...GOVERNANCE, ...ADMIN], mutates: true },
  // Connection details are APPLICATION_ADMIN's, and the data source's owners'.
  'PUT /dataSource/:id/overrideHost': { anyOf: ADMIN, owner: dataSource('id'), mutates: true },
  'POST /dictionary/:dataSourceId': { anyOf: GOVERNANCE, owner: dataSource('dataSourceId'), mutates: true },
  'PUT /dictionary/:dataSourceId': { anyOf: GOVERNANCE, owner: dataSource('dataSourceId'), mutates: true },
  'DELETE /dictionary/:dataSourceId': { anyOf: GOVERNANCE, owner: dataSource('dataSourceId'), mutates: true },
  'GET /schemas': { anyOf: READERS },
  // Anyone may ask for ownership, or leave a data source; owners and GOVERNANCE answer.
  'POST /dataSource/subscribe': { anyOf: [], anyUser: true, mutates: true },
  'PUT /dataSource/:id/access/:accessId': { anyOf: GOVERNANCE, owner: dataSource('id'), mutates: true },
  'DELETE /dataSource/:id/unsubscribe': { anyOf: [], anyUser: true, mutates: true },
  // The requests in the body may be of many data sources: the service checks each (owner, GOVERNANCE or APPLICATION_ADMIN) and lists the refused as failures.
  'POST /subscription/deny': { anyOf: [], anyUser: true, mutates: true },
  'POST /subscription/deny/bulk': { anyOf: [], anyUser: true, mutates: true },

  'GET /me': { anyOf: [], anyUser: true },
  // Web UI sign-in takes the key in its body (checked, counted and limited like a bearer key).
  'POST /session': { ...PUBLIC, mutates: true },
  'GET /session': { anyOf: [], anyUser: true },
  'DELETE /session': { anyOf: [], anyUser: true, mutates: true },
  'GET /users': { anyOf: USER_READERS },
  'POST /users': { anyOf: USER_ADMIN, mutates: true },
  'GET /users/:name': { anyOf: USER_READERS, self: true },
  'PUT /users/:name': { anyOf: USER_ADMIN, mutates: true },
  'DELETE /users/:name': { anyOf: USER_ADMIN, mutates: true },
  'GET /groups': { anyOf: USER_READERS },
  'PUT /groups/:name': { anyOf: USER_ADMIN, mutates: true },
  'DELETE /groups/:name': { anyOf: USER_ADMIN, mutates: true },
  'GET /users/:name/api-keys': { anyOf: USER_ADMIN, self: true },
  'POST /users/:name/api-keys': { anyOf: USER_ADMIN, self: true, mutates: true },
  'DELETE /users/:name/api-keys/:id': { anyOf: USER_ADMIN, self: true, mutates: true },

  'GET /audit': { anyOf: [...ADMIN, ...GOVERNANCE] },
};

/** Routes registered by Swagger UI under this prefix are public (the interactive docs and their assets). */
export const PUBLIC_PREFIX = '/docs';

/** The rule of a route; HEAD routes (added by Fastify for each GET) follow the GET rule. */
export function ruleFor(method: string, url: string): AccessRule | undefined {
  if (url === PUBLIC_PREFIX || url.startsWith(`${PUBLIC_PREFIX}/`)) return PUBLIC;
  return ACCESS_RULES[`${method === 'HEAD' ? 'GET' : method} ${url}`];
}

/** What a rule asks for, in words, for the FORBIDDEN message. */
export function describeRule(rule: AccessRule): string {
  const options: string[] = [...rule.anyOf];
  if (rule.allOf) options.push(rule.allOf.join(' and '));
  if (rule.owner) options.push('ownership of the object (dataOwners)');
  if (rule.self) options.push('to be that user');
  return options.length === 0 ? 'nothing' : options.join(' or ');
}
