import pg from 'pg';
import { WardenError, isWardenError } from '../../errors.js';
import {
  BROKEN_SOCKET_CODES,
  UNREACHABLE_CODES,
  describeError,
  formatObjectPath,
  isTlsErrorCode,
  nodeErrorCode,
  redact,
} from '../shared/network-errors.js';

/** What the translator needs to know besides the error itself. */
export interface PostgresErrorContext {
  hostname: string;
  port: number;
  username: string;
  /** The database the session is (or was going) to be connected to. */
  database: string;
  /** Never shown; removed from any driver text that would otherwise reach a message. */
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
 * language and version. The driver's text is only carried as the `cause` shown to the user,
 * with the password removed in case some layer ever echoed it.
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
  const cause = redact(describeError(error), context.password);
  const options = { cause: error };

  if (error instanceof pg.DatabaseError && typeof error.code === 'string') {
    return translateSqlState(error.code, cause, context, options);
  }
  const code = nodeErrorCode(error);
  if (code !== undefined) return translateNodeCode(code, cause, context, options);

  if (context.phase === 'connect' && context.tlsRequested) return new WardenError('TLS_FAILED', { cause }, options);
  if (context.phase === 'connect' || context.clientEnded) return new WardenError('CONNECTION_LOST', { cause }, options);
  return new WardenError('PLATFORM_ERROR', { cause }, options);
}

function translateSqlState(
  state: string,
  cause: string,
  context: PostgresErrorContext,
  options: { cause: unknown },
): WardenError {
  if (AUTHENTICATION_STATES.has(state)) {
    return new WardenError('AUTHENTICATION_FAILED', { username: context.username }, options);
  }
  if (state === '3D000') return new WardenError('DATABASE_NOT_FOUND', { database: context.database }, options);
  if (state === '57014') return new WardenError('QUERY_TIMEOUT', { path: formatObjectPath(context.path), cause }, options);
  if (state === '42501') return new WardenError('PERMISSION_DENIED', { cause }, options);
  if (SHUTDOWN_STATES.has(state) || state.startsWith('08')) {
    return new WardenError('CONNECTION_LOST', { cause: `${cause} (SQLSTATE ${state})` }, options);
  }
  return new WardenError('PLATFORM_ERROR', { cause: `${cause} (SQLSTATE ${state})` }, options);
}

function translateNodeCode(
  code: string,
  cause: string,
  context: PostgresErrorContext,
  options: { cause: unknown },
): WardenError {
  // Once the session is up, a socket that times out or loses its route is a lost connection.
  if (context.phase === 'query' && (UNREACHABLE_CODES.has(code) || BROKEN_SOCKET_CODES.has(code))) {
    return new WardenError('CONNECTION_LOST', { cause }, options);
  }
  if (UNREACHABLE_CODES.has(code)) {
    return new WardenError('HOST_UNREACHABLE', { hostname: context.hostname, port: context.port, cause: code }, options);
  }
  if (BROKEN_SOCKET_CODES.has(code)) return new WardenError('CONNECTION_LOST', { cause }, options);
  if (isTlsErrorCode(code)) {
    return new WardenError('TLS_FAILED', { cause }, options);
  }
  return new WardenError('PLATFORM_ERROR', { cause }, options);
}
