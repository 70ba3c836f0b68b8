import pg from 'pg';
import { WardenError, isWardenError } from '../../errors.js';

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
/** Socket errors that mean an established connection broke. */
const BROKEN_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
/** Socket and resolver errors that mean the host could not be reached at all. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ETIMEDOUT',
  'EADDRNOTAVAIL',
]);
/** OpenSSL certificate verification codes Node reports as `error.code`. */
const CERTIFICATE_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'HOSTNAME_MISMATCH',
  'EPROTO',
]);

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
  const cause = redact(describe(error), context.password);
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
  if (CERTIFICATE_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_')) {
    return new WardenError('TLS_FAILED', { cause }, options);
  }
  return new WardenError('PLATFORM_ERROR', { cause }, options);
}

/**
 * The Node error code of a socket/resolver error. With several addresses to try, Node reports
 * an AggregateError whose own code may be missing; the first inner error's code then speaks.
 */
function nodeErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code !== '') return code;
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const innerCode = nodeErrorCode(inner);
      if (innerCode !== undefined) return innerCode;
    }
  }
  return undefined;
}

function describe(error: unknown): string {
  if (error instanceof Error && error.message !== '') return error.message;
  return String(error);
}

/** An object path for messages: `"db"."schema"`, unambiguous whatever the names contain. */
export function formatObjectPath(path: readonly string[] | undefined): string {
  return path === undefined || path.length === 0 ? 'the connection' : path.map((name) => JSON.stringify(name)).join('.');
}

/** Removes the password from text that came from outside our code. */
export function redact(text: string, password: string | undefined): string {
  if (password === undefined || password === '') return text;
  return text.split(password).join('[REDACTED]');
}
