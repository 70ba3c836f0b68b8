/**
 * One legacy `/dataSource`-family route (legacy-api.md §1): what it does in words and what to
 * use instead on a connection's data sources (connections-upgrade-guide.txt's table).
 */
export interface LegacyDataSourceRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** As registered (Fastify's `:param` form). */
  url: string;
  /** What the route does, as a sentence's subject ("Disabling or renaming a data source"). */
  what: string;
  /** The replacement on the /data endpoints, or why there is none. */
  instead: string;
  /** Whether it changes something; reads and searches keep working on every data source. */
  edits: boolean;
}

const SETTINGS = 'PUT /data/settings/{objectPath} with settings';

/**
 * Every legacy data-source route Warden serves beyond `POST /{prefix}/handler`, in one list:
 * the routes module registers them, the editing ones look their data source up by its `url`
 * (the one place a guard for a connection's data sources sits), and the upgrade's table of
 * blocked endpoints is generated from it.
 */
export const LEGACY_DATA_SOURCE_ROUTES = [
  { method: 'GET', url: '/dataSource', what: 'Searching data sources', instead: 'search by the new (generated) name: GET /dataSource?searchText=', edits: false },
  { method: 'GET', url: '/dataSource/:id', what: 'Reading a data source', instead: 'GET /data/object/{objectPath}', edits: false },
  { method: 'PUT', url: '/dataSource/:id', what: 'Editing a data source (enable, disable, rename)', instead: `${SETTINGS} isActive; data source names are generated from the platform`, edits: true },
  { method: 'DELETE', url: '/dataSource/:id', what: 'Deleting a data source', instead: `${SETTINGS} isActive: false`, edits: true },
  { method: 'PUT', url: '/dataSource/bulk/:type', what: 'Bulk deleting, restoring or disabling data sources', instead: `${SETTINGS} isActive`, edits: true },
  {
    method: 'PUT',
    url: '/dataSource/:id/overrideHost',
    what: 'Overriding a host name',
    instead: 'no substitute: data sources no longer have connection details of their own but are tied to the parent connection',
    edits: true,
  },
  { method: 'GET', url: '/dictionary/:dataSourceId', what: 'Reading a data dictionary', instead: 'GET /data/object/{objectPath}', edits: false },
  {
    method: 'POST',
    url: '/dictionary/:dataSourceId',
    what: 'Updating a data dictionary',
    instead: 'no substitute: data source dictionaries are generated from the platform',
    edits: true,
  },
  {
    method: 'PUT',
    url: '/dictionary/:dataSourceId',
    what: 'Updating a data dictionary',
    instead: 'no substitute: data source dictionaries are generated from the platform',
    edits: true,
  },
  {
    method: 'DELETE',
    url: '/dictionary/:dataSourceId',
    what: 'Deleting a data dictionary',
    instead: 'no substitute: data source dictionaries are generated from the platform',
    edits: true,
  },
  { method: 'POST', url: '/dataSource/subscribe', what: 'Requesting access to a data source', instead: `ask an owner or GOVERNANCE to ${SETTINGS} dataOwners`, edits: true },
  { method: 'PUT', url: '/dataSource/:id/access/:accessId', what: 'Updating a data source owner', instead: `${SETTINGS} dataOwners`, edits: true },
  { method: 'DELETE', url: '/dataSource/:id/unsubscribe', what: 'Leaving a data source', instead: `${SETTINGS} dataOwners`, edits: true },
  { method: 'POST', url: '/subscription/deny', what: 'Responding to a data source owner request', instead: `${SETTINGS} dataOwners`, edits: true },
  { method: 'POST', url: '/subscription/deny/bulk', what: 'Responding to data source owner requests', instead: `${SETTINGS} dataOwners`, edits: true },
  {
    method: 'GET',
    url: '/schemas',
    what: 'Searching schema names',
    instead: 'this endpoint does not search the schemas of connection data sources; use GET /data/object/{objectPath}',
    edits: false,
  },
] as const satisfies readonly LegacyDataSourceRoute[];

/** A route of the list, by `METHOD url`. */
type KeyOf<R> = R extends { method: infer M extends string; url: infer U extends string } ? `${M} ${U}` : never;
export type LegacyRouteKey = KeyOf<(typeof LEGACY_DATA_SOURCE_ROUTES)[number]>;

export function legacyRoute(key: LegacyRouteKey): LegacyDataSourceRoute {
  return LEGACY_DATA_SOURCE_ROUTES.find((r) => `${r.method} ${r.url}` === key)!;
}
