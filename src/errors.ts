/**
 * The one catalogue of errors Warden raises. Each entry has a stable code (what automation
 * matches on), the HTTP status the API answers with, whether retrying can help, and a message
 * template whose `{placeholders}` are filled from the error's params. `docs/errors.md` lists
 * every code; a test keeps the two in step.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, retryable: false, message: '{detail}' },
  INVALID_CONNECTION_KEY: { status: 400, retryable: false, message: 'connectionKey {reason}' },
  INVALID_OBJECT_PATH: { status: 400, retryable: false, message: 'objectPath {reason}' },
  DOT_SEGMENT_IN_URL: {
    status: 400,
    retryable: false,
    message:
      'objectPath segment {index} in the URL is "{segment}": URL parsers drop "." and ".." segments (also as %2E), so clients cannot send them reliably; send the path as a JSON array instead: {alternative}',
  },
  UNSUPPORTED_TECHNOLOGY: {
    status: 400,
    retryable: false,
    message: 'connection.technology "{technology}" is not supported; use one of: {supported}',
  },
  LEGACY_TECHNOLOGY: {
    status: 400,
    retryable: false,
    message: 'connection.technology "{technology}" is {what}, which connections do not support; register {instead} instead',
  },
  UNSUPPORTED_AUTHENTICATION: {
    status: 400,
    retryable: false,
    message: 'connection.authenticationType "{authenticationType}" is not supported for {technology}; use one of: {supported}',
  },
  UNSUPPORTED_CONNECTION_STRING_OPTION: {
    status: 400,
    retryable: false,
    message: 'connection.connectionStringOptions sets {option}, which {technology} connections do not support: {useInstead}',
  },
  CREDENTIALS_REQUIRED: {
    status: 400,
    retryable: false,
    message: 'Changing {changed} changes where or how the credentials are sent: send {secrets} again in the same request',
  },
  UPGRADE_REFUSED: {
    status: 400,
    retryable: false,
    message: 'Integration {id} cannot be upgraded to a connection: {reasons}. Nothing was changed',
  },
  LEGACY_ENDPOINT_BLOCKED: {
    status: 400,
    retryable: false,
    message: '{what} is not supported for data sources of connection {connectionKey}. Use the /data endpoint: {replacement}.',
  },
  INVALID_TAG_MODEL_ID: {
    status: 400,
    retryable: false,
    message: 'modelId "{modelId}" does not name a {modelType}: {expected}',
  },
  UNSUPPORTED_ACCESS_STATE: {
    status: 400,
    retryable: false,
    message: 'state "{state}" is not supported: Warden has data owners and access requests only; send owner, or denied to remove the user or group',
  },
  ROOT_CANNOT_INHERIT: {
    status: 400,
    retryable: false,
    message: 'settings.{key} cannot be null on the connection itself: the connection is the root and has nothing to inherit from',
  },
  UNAUTHENTICATED: {
    status: 401,
    retryable: false,
    message: 'Missing or invalid API key: send "Authorization: Bearer <api key>"',
  },
  FORBIDDEN: {
    status: 403,
    retryable: false,
    message: '{actor} may not {operation}: it needs {needs}',
  },
  CSRF_TOKEN_INVALID: {
    status: 403,
    retryable: false,
    message: 'A request signed in with the session cookie that changes something must send the session\'s CSRF token in the x-csrf-token header (GET /session returns it)',
  },
  CONNECTION_NOT_FOUND: { status: 404, retryable: false, message: 'No connection with connectionKey "{connectionKey}"' },
  OBJECT_NOT_FOUND: { status: 404, retryable: false, message: 'No data object at path {path}' },
  JOB_NOT_FOUND: { status: 404, retryable: false, message: 'No job with id "{id}"' },
  DATA_SOURCE_NOT_FOUND: { status: 404, retryable: false, message: 'No data source with id "{id}"' },
  ACCESS_RECORD_NOT_FOUND: { status: 404, retryable: false, message: 'Data source {dataSourceId} has no access record {id}: POST /dataSource/subscribe makes a request' },
  INTEGRATION_NOT_FOUND: { status: 404, retryable: false, message: 'No integration with id "{id}"' },
  LEGACY_HANDLER_NOT_FOUND: { status: 404, retryable: false, message: 'No {technology} handler with id "{id}"' },
  LEGACY_CONNECTION_STRING_NOT_FOUND: { status: 404, retryable: false, message: 'No {technology} data sources have the connection string "{connectionString}"' },
  SCHEMA_PROJECT_NOT_FOUND: { status: 404, retryable: false, message: 'No schema project with id "{id}"' },
  INTEGRATION_BUSY: { status: 409, retryable: true, message: 'Integration {id} is {status}: wait until that finishes, then try again' },
  UPGRADE_NOT_FOUND: { status: 404, retryable: false, message: 'Integration {id} has no upgrade: start one with POST /integrations/{id}/upgrade' },
  UPGRADE_IN_PROGRESS: {
    status: 409,
    retryable: true,
    message: 'The upgrade of integration {id} is running (started {startedAt}): follow it with GET /integrations/{id}/upgrade, then run it again if it ends partially complete',
  },
  UPGRADE_KEY_MISMATCH: {
    status: 409,
    retryable: false,
    message: 'The upgrade of integration {id} continues under connectionKey "{connectionKey}": run it again with that key',
  },
  COLUMN_NOT_FOUND: { status: 404, retryable: false, message: 'No column "{column}" on {path}: GET /data/tags/… lists its columns' },
  TAG_NOT_FOUND: { status: 404, retryable: false, message: 'No {source} tag "{name}" on {place}' },
  USER_NOT_FOUND: { status: 404, retryable: false, message: 'No user named "{name}"' },
  GROUP_NOT_FOUND: { status: 404, retryable: false, message: 'No group named "{name}"' },
  API_KEY_NOT_FOUND: { status: 404, retryable: false, message: 'User "{user}" has no API key with id "{id}"' },
  ROUTE_NOT_FOUND: { status: 404, retryable: false, message: 'No route {method} {url}' },
  CONNECTION_KEY_TAKEN: {
    status: 409,
    retryable: false,
    message: 'connectionKey "{connectionKey}" is already registered; choose another key or update the existing connection with PUT /data/connection/{connectionKey}',
  },
  LEGACY_NAME_TAKEN: {
    status: 409,
    retryable: false,
    message: 'A data source named "{name}" already exists: data source names are unique within the instance; choose another name',
  },
  TABLE_ALREADY_REGISTERED: {
    status: 409,
    retryable: false,
    message: 'Table {table} of {connectionString} already exists as data source {dataSourceId} ("{name}"): change that one instead',
  },
  PLATFORM_TAG_READ_ONLY: {
    status: 409,
    retryable: false,
    message: 'Tag "{name}" on {place} comes from the platform and follows it: change it on the platform, and the next sync brings the change here',
  },
  USER_EXISTS: { status: 409, retryable: false, message: 'A user named "{name}" exists already; change it with PUT /users/{name}' },
  BUILTIN_USER: {
    status: 409,
    retryable: false,
    message: 'The built-in user "admin" cannot be changed or deleted and manages its own keys: it holds the bootstrap admin key, rotated only at start (WARDEN_ADMIN_API_KEY or the admin key file)',
  },
  STORE_IN_USE: {
    status: 409,
    retryable: false,
    message:
      'The data directory {dataDir} is in use by another Warden process (pid {pid}, lock file {lockFile}): stop that process first; several processes share a store only on PostgreSQL (WARDEN_DATABASE_URL)',
  },
  SYNC_LEASE_LOST: {
    status: 409,
    retryable: false,
    message: 'Sync run {syncRunId} is no longer held by this worker (its lease ran out and it was failed as abandoned); it stopped without writing more',
  },
  AUTHENTICATION_FAILED: {
    status: 422,
    retryable: false,
    message: 'The platform rejected the credentials for user "{username}": check connection.username and connection.password',
  },
  OAUTH_TOKEN_REFUSED: {
    status: 422,
    retryable: false,
    message: 'The access token of client "{clientId}" from {tokenUrl} was refused ({cause}): check connection.oAuthClientConfig',
  },
  TOKEN_REJECTED: {
    status: 422,
    retryable: false,
    message: 'The platform rejected connection.token ({cause}): check that the personal access token is valid, not expired and not revoked',
  },
  HOST_UNREACHABLE: {
    status: 422,
    retryable: true,
    message: 'Could not reach {hostname}:{port} ({cause}): check connection.hostname, connection.port and the network path',
  },
  CONNECT_TIMEOUT: {
    status: 422,
    retryable: true,
    message: 'No answer from {hostname}:{port} within {timeoutMs} ms: check connection.hostname, connection.port and firewalls',
  },
  DATABASE_NOT_FOUND: {
    status: 422,
    retryable: false,
    message: 'Database "{database}" does not exist on the platform: check connection.database',
  },
  TLS_FAILED: { status: 422, retryable: false, message: 'TLS negotiation failed: {cause}; check connection.tls (mode and ca)' },
  PERMISSION_DENIED: {
    status: 422,
    retryable: false,
    message: 'The system user lacks a privilege Warden needs: {cause}. POST /integrations/scripts/create gives the setup script',
  },
  QUERY_TIMEOUT: {
    status: 422,
    retryable: true,
    message: 'A catalog query on {path} did not finish in time: {cause}',
  },
  TABLE_NOT_VISIBLE: {
    status: 422,
    retryable: false,
    message: 'Table {table} is not visible to {connectionString} ({cause}): check the names (exact spelling and case) and that the user may read the table; nothing was registered',
  },
  CONNECTION_LOST: { status: 422, retryable: true, message: 'The connection to the platform was lost: {cause}' },
  PLATFORM_ERROR: { status: 422, retryable: true, message: 'The platform answered with an error: {cause}' },
  PAYLOAD_TOO_LARGE: { status: 413, retryable: false, message: 'Request body is larger than {limit} bytes' },
  TOO_MANY_AUTHENTICATION_FAILURES: {
    status: 429,
    retryable: true,
    message: 'Too many invalid API keys with this prefix from this address; try again in {seconds} s',
  },
  STORE_TOO_NEW: {
    status: 500,
    retryable: false,
    message: 'The store was migrated by a newer Warden (migration {migration}); upgrade Warden before starting it on this store',
  },
  SECRET_KEY_MISMATCH: {
    status: 500,
    retryable: false,
    message: 'The secret key does not decrypt the stored connection secrets ({detail}); start with the key the store was encrypted with',
  },
  SECRET_ROTATION_INTERRUPTED: {
    status: 500,
    retryable: false,
    message: 'A secret key rotation was interrupted ({file} exists); run `warden secrets rotate` again to finish it',
  },
  SYNC_RUN_ABANDONED: {
    status: 500,
    retryable: true,
    message: 'Abandoned: the worker running this sync stopped before it finished ({cause}); request the sync again',
  },
  INTERNAL: { status: 500, retryable: true, message: 'Internal error; the server log has the details (request id {requestId})' },
  UI_NOT_BUILT: { status: 503, retryable: false, message: 'The web UI is not built: run `npm run build` (it builds the server and the UI into dist/)' },
} as const satisfies Record<string, { status: number; retryable: boolean; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export type ErrorParams = Record<string, string | number>;

/** An error a user can act on: stable code, HTTP status and a message naming what to change. */
export class WardenError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly retryable: boolean;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}, options?: { cause?: unknown }) {
    const entry = ERROR_CATALOGUE[code];
    super(formatMessage(entry.message, params), options);
    this.name = 'WardenError';
    this.code = code;
    this.status = entry.status;
    this.retryable = entry.retryable;
    this.params = params;
  }
}

function formatMessage(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

export function isWardenError(error: unknown): error is WardenError {
  return error instanceof WardenError;
}
