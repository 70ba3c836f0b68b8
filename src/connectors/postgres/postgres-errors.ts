import pg from 'pg';
import { WardenError, isWardenError } from '../../errors.js';
import {
  BROKEN_SOCKET_CODES,
  UNREACHABLE_CODES,
  formatObjectPath,
  isTlsErrorCode,
  loggedCause,
  nodeErrorCode,
} from '../shared/network-errors.js';

/** What the translator needs to know besides the error itself. */
export interface PostgresErrorContext {
  hostname: string;
  port: number;
  username: string;
  /** The database the session is (or was going) to be connected to. */
  database: string;
  /** Never shown; removed from the driver's text before it is logged. */
  password?: string;
  /** The object path the failing query was reading, for QUERY_TIMEOUT messages. */
  path?: readonly string[];
  /** `connect` while establishing the session, `query` once it is established. */
  phase: 'connect' | 'query';
  /** TLS was requested for this session. */
  tlsRequested: boolean;
  /** The client's socket is gone (it ended, was destroyed, or the server closed it). */
  clientEnded: boolean;
}

/** SQLSTATEs of a rejected login: invalid_password, invalid_authorization_specification. */
const AUTHENTICATION_STATES = new Set(['28P01', '28000']);
/** admin_shutdown, crash_shutdown, cannot_connect_now: the server ended or refused the session. */
const SHUTDOWN_STATES = new Set(['57P01', '57P02', '57P03']);
/**
 * Turns anything the `pg` driver (or Node's socket layer under it) throws into a WardenError,
 * by SQLSTATE or Node error code — never by message text, which changes with the server's
 * language and version. The message a user sees is the catalogue's, with codes and our own
 * words as its `cause`; the driver's text goes to the log only, as the error's cause with the
 * password removed (see {@link loggedCause}).
 *
 * Errors `pg` raises without any code:
 * - "Connection terminated (unexpectedly)" when the socket closes under a session, and "Client
 *   has encountered a connection error and is not queryable" afterwards. We recognise them by
 *   the error having no code while the client has ended (`context.clientEnded`, which the
 *   session tracks from the client's `end` event and its socket's state): CONNECTION_LOST.
 * - "The server does not support SSL connections" during connect with TLS requested:
 *   TLS_FAILED (a code-less error while connecting with TLS can only come from the TLS step or
 *   from the server closing the socket, and in both cases TLS is what to check). Without TLS,
 *   a code-less error while connecting means the server closed the socket during start-up:
 *   CONNECTION_LOST.
 * - Its own timers ("timeout expired", "Query read timeout"): our timers fire before them and
 *   produce CONNECT_TIMEOUT / QUERY_TIMEOUT directly; pg's are only backstops (see
 *   postgres-config.ts).
 * Anything else code-less is PLATFORM_ERROR.
 */
export function translatePostgresError(error: unknown, context: PostgresErrorContext): WardenError {
  if (isWardenError(error)) return error;
  const options = { cause: loggedCause(error, context.password) };

  if (error instanceof pg.DatabaseError && typeof error.code === 'string') {
    return translateSqlState(error.code, context, options);
  }
  const code = nodeErrorCode(error);
  if (code !== undefined) return translateNodeCode(code, context, options);

  if (context.phase === 'connect' && context.tlsRequested) {
    return new WardenError('TLS_FAILED', { cause: 'the server refused TLS or broke off the handshake' }, options);
  }
  if (context.phase === 'connect' || context.clientEnded) return new WardenError('CONNECTION_LOST', { cause: 'the server closed the connection' }, options);
  return new WardenError('PLATFORM_ERROR', { cause: 'an error without a SQLSTATE (Warden\'s log has its text)' }, options);
}

function translateSqlState(state: string, context: PostgresErrorContext, options: { cause: unknown }): WardenError {
  const cause = `SQLSTATE ${state}`;
  if (AUTHENTICATION_STATES.has(state)) {
    return new WardenError('AUTHENTICATION_FAILED', { username: context.username }, options);
  }
  if (state === '3D000') return new WardenError('DATABASE_NOT_FOUND', { database: context.database }, options);
  if (state === '57014') return new WardenError('QUERY_TIMEOUT', { path: formatObjectPath(context.path), cause }, options);
  if (state === '42501') return new WardenError('PERMISSION_DENIED', { cause: `reading ${formatObjectPath(context.path)} (${cause})` }, options);
  if (SHUTDOWN_STATES.has(state) || state.startsWith('08')) return new WardenError('CONNECTION_LOST', { cause }, options);
  return new WardenError('PLATFORM_ERROR', { cause }, options);
}

/** Node's codes (ECONNRESET, CERT_HAS_EXPIRED, …) are ours to show: they name the failure, not the driver's text. */
function translateNodeCode(code: string, context: PostgresErrorContext, options: { cause: unknown }): WardenError {
  const cause = code;
  // Once the session is up, a socket that times out or loses its route is a lost connection.
  if (context.phase === 'query' && (UNREACHABLE_CODES.has(code) || BROKEN_SOCKET_CODES.has(code))) {
    return new WardenError('CONNECTION_LOST', { cause }, options);
  }
  if (UNREACHABLE_CODES.has(code)) {
    return new WardenError('HOST_UNREACHABLE', { hostname: context.hostname, port: context.port, cause }, options);
  }
  if (BROKEN_SOCKET_CODES.has(code)) return new WardenError('CONNECTION_LOST', { cause }, options);
  if (isTlsErrorCode(code)) {
    return new WardenError('TLS_FAILED', { cause }, options);
  }
  return new WardenError('PLATFORM_ERROR', { cause }, options);
}
