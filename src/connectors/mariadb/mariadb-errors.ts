import { WardenError, isWardenError, type ErrorCode } from '../../errors.js';
import { BROKEN_SOCKET_CODES, UNREACHABLE_CODES, formatObjectPath, isTlsErrorCode, loggedCause, nodeErrorCode } from '../shared/network-errors.js';

/** What the translator needs to know besides the error itself. */
export interface MariadbErrorContext {
  hostname: string;
  port: number;
  username: string;
  /** The database the session connects to (`connection.database`), if any. */
  database: string | undefined;
  /** Never shown; removed from the driver's text before it is logged. */
  password?: string;
  /** The object path the failing query was reading, for QUERY_TIMEOUT messages. */
  path?: readonly string[];
  /** `connect` while establishing the session, `query` once it is established. */
  phase: 'connect' | 'query';
  /** TLS was requested for this session. */
  tlsRequested: boolean;
}

/**
 * Server error numbers (`errno`) and what they mean for Warden. Numbers are the same on MariaDB
 * and MySQL unless noted; they do not change with the server's language, unlike the text.
 */
const SERVER_ERRORS: ReadonlyMap<number, ErrorCode> = new Map([
  [1045, 'AUTHENTICATION_FAILED'], // ER_ACCESS_DENIED_ERROR: wrong user or password
  [1698, 'AUTHENTICATION_FAILED'], // ER_ACCESS_DENIED_NO_PASSWORD_ERROR
  [1130, 'AUTHENTICATION_FAILED'], // ER_HOST_NOT_PRIVILEGED: the user may not log in from this host
  [1862, 'AUTHENTICATION_FAILED'], // ER_MUST_CHANGE_PASSWORD_LOGIN
  [3118, 'AUTHENTICATION_FAILED'], // ER_ACCOUNT_HAS_BEEN_LOCKED (MySQL)
  [4151, 'AUTHENTICATION_FAILED'], // ER_ACCOUNT_HAS_BEEN_LOCKED (MariaDB)
  [1049, 'DATABASE_NOT_FOUND'], // ER_BAD_DB_ERROR
  [1044, 'PERMISSION_DENIED'], // ER_DBACCESS_DENIED_ERROR
  [1142, 'PERMISSION_DENIED'], // ER_TABLEACCESS_DENIED_ERROR
  [1143, 'PERMISSION_DENIED'], // ER_COLUMNACCESS_DENIED_ERROR
  [1227, 'PERMISSION_DENIED'], // ER_SPECIFIC_ACCESS_DENIED_ERROR
  [1969, 'QUERY_TIMEOUT'], // ER_STATEMENT_TIMEOUT (MariaDB max_statement_time)
  [3024, 'QUERY_TIMEOUT'], // ER_QUERY_TIMEOUT (MySQL max_execution_time)
  [1053, 'CONNECTION_LOST'], // ER_SERVER_SHUTDOWN
  [1927, 'CONNECTION_LOST'], // ER_CONNECTION_KILLED (MariaDB: KILL CONNECTION)
  [2006, 'CONNECTION_LOST'], // CR_SERVER_GONE_ERROR
  [2013, 'CONNECTION_LOST'], // CR_SERVER_LOST
]);

/** mysql2's own codes (no errno) for a connection that broke under a running query. */
const DRIVER_BROKEN_CODES = new Set(['PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'PROTOCOL_PACKETS_OUT_OF_ORDER']);

/**
 * Turns anything mysql2 (or Node's socket layer under it) throws into a WardenError, by the
 * server's `errno` or the driver's/Node's `code` — never by message text. The message a user
 * sees is the catalogue's, with those numbers and codes as its `cause`; the driver's text goes
 * to the log only, as the error's cause with the password removed (see {@link loggedCause}).
 */
export function translateMariadbError(error: unknown, context: MariadbErrorContext): WardenError {
  if (isWardenError(error)) return error;
  const options = { cause: loggedCause(error, context.password) };
  const errno = numberProperty(error, 'errno');
  const code = nodeErrorCode(error);
  // errno and the driver's/Node's codes name the failure without the driver's text.
  const cause = errno !== undefined && errno > 0 ? `errno ${errno}` : (code ?? 'an error without a code (Warden\'s log has its text)');

  // mysql2 copies Node's negative errno onto socket errors; server errors are positive.
  const mapped = errno !== undefined && errno > 0 ? SERVER_ERRORS.get(errno) : undefined;
  if (mapped !== undefined) return fromServerError(mapped, cause, context, options);
  if (code !== undefined) {
    const broken = BROKEN_SOCKET_CODES.has(code) || DRIVER_BROKEN_CODES.has(code);
    // Once the session is up, a socket that times out or loses its route is a lost connection.
    if (broken || (context.phase === 'query' && UNREACHABLE_CODES.has(code))) return new WardenError('CONNECTION_LOST', { cause }, options);
    if (UNREACHABLE_CODES.has(code)) {
      return new WardenError('HOST_UNREACHABLE', { hostname: context.hostname, port: context.port, cause }, options);
    }
    if (code === 'HANDSHAKE_NO_SSL_SUPPORT' || isTlsErrorCode(code)) return new WardenError('TLS_FAILED', { cause }, options);
  }
  return new WardenError('PLATFORM_ERROR', { cause }, options);
}

function fromServerError(code: ErrorCode, cause: string, context: MariadbErrorContext, options: { cause: unknown }): WardenError {
  switch (code) {
    case 'AUTHENTICATION_FAILED':
      return new WardenError(code, { username: context.username }, options);
    case 'DATABASE_NOT_FOUND':
      return new WardenError(code, { database: context.database ?? '' }, options);
    case 'QUERY_TIMEOUT':
      return new WardenError(code, { path: formatObjectPath(context.path), cause }, options);
    case 'PERMISSION_DENIED':
      return new WardenError(code, { cause: `reading ${formatObjectPath(context.path)} (${cause})` }, options);
    default:
      return new WardenError(code, { cause }, options);
  }
}

function numberProperty(error: unknown, key: string): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const value = (error as Record<string, unknown>)[key];
  return typeof value === 'number' ? value : undefined;
}
