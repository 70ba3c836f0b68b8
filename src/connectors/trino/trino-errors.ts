import { WardenError, isWardenError, type ErrorCode } from '../../errors.js';
import {
  BROKEN_SOCKET_CODES,
  UNREACHABLE_CODES,
  formatObjectPath,
  isTlsErrorCode,
  nodeErrorCode,
  loggedCause,
} from '../shared/network-errors.js';
import { TokenRequestError } from './trino-auth.js';
import { TrinoHttpError, TrinoStatementError } from './trino-client.js';
import type { TrinoConnectionDetails } from './trino-config.js';

/** What a translation needs to name the cause (and what it must never show). */
export interface TrinoErrorContext {
  details: TrinoConnectionDetails;
  /** The object path being read. */
  path: readonly string[];
  phase: 'connect' | 'query';
}

/**
 * Trino's error names (StandardErrorCode) → WardenErrors. Names, not numbers: a name is stable
 * across releases and connectors, and connector codes (JDBC_ERROR = 0x0400_0000, …) are only
 * known by name. Anything else is PLATFORM_ERROR with Trino's name and code: a catalog whose
 * backend is gone (JDBC_ERROR), a catalog or schema that vanished (CATALOG_NOT_FOUND,
 * SCHEMA_NOT_FOUND), Trino's own failures (GENERIC_INTERNAL_ERROR).
 */
const QUERY_ERRORS: ReadonlyMap<string, ErrorCode> = new Map([
  ['PERMISSION_DENIED', 'PERMISSION_DENIED'],
  ['EXCEEDED_TIME_LIMIT', 'QUERY_TIMEOUT'],
]);

/**
 * Turns anything the REST client, the token request or Node's sockets throw into a
 * WardenError: by HTTP status, Trino's error name or Node's error code — never by message
 * text. The message a user sees is built from those alone; Trino's or the driver's text goes
 * to the log only, as the error's cause, without the password or the client secret.
 */
export function translateTrinoError(error: unknown, context: TrinoErrorContext): WardenError {
  if (isWardenError(error)) return error;
  const options = { cause: loggedCause(error, context.details.password, context.details.oAuthClientConfig?.clientSecret) };
  if (error instanceof TokenRequestError) {
    // Our own wording (status and the OAuth error code), never the endpoint's text.
    const reason = error.oauthError === undefined ? error.message : `${error.message} (${error.oauthError})`;
    return tokenRefused(context.details, reason, options);
  }
  if (error instanceof TrinoHttpError) return fromHttpStatus(error, `Trino answered HTTP ${error.status}`, context, options);
  const code = nodeErrorCode(error);
  if (error instanceof TrinoStatementError) {
    const { errorName, errorCode } = error.queryError;
    const mapped = QUERY_ERRORS.get(errorName);
    const described = `Trino ${errorName} (${errorCode}; Warden's log has Trino's text)`;
    if (mapped === 'QUERY_TIMEOUT') return new WardenError(mapped, { path: formatObjectPath(context.path), cause: described }, options);
    if (mapped !== undefined) return new WardenError(mapped, { cause: described }, options);
    // Trino's name kept apart from the text, for a reader that works around one (trino-catalog.ts).
    return new WardenError('PLATFORM_ERROR', { cause: described, trinoError: errorName }, options);
  }
  const cause = code === undefined ? 'see Warden\'s log' : `${code} (Warden's log has the details)`;
  if (code !== undefined) {
    if (BROKEN_SOCKET_CODES.has(code) || (context.phase === 'query' && UNREACHABLE_CODES.has(code))) {
      return new WardenError('CONNECTION_LOST', { cause }, options);
    }
    if (UNREACHABLE_CODES.has(code)) {
      return new WardenError('HOST_UNREACHABLE', { hostname: context.details.hostname, port: context.details.port, cause: code }, options);
    }
    if (isTlsErrorCode(code)) return new WardenError('TLS_FAILED', { cause }, options);
  }
  // A body that is not JSON: something other than Trino answers on that port.
  if (error instanceof SyntaxError) return new WardenError('PLATFORM_ERROR', { cause: 'not a Trino answer (the body is not JSON)' }, options);
  return new WardenError('PLATFORM_ERROR', { cause }, options);
}

/** Whether `error` is Trino's answer `errorName` to a statement (a PLATFORM_ERROR translated above). */
export function isTrinoError(error: unknown, errorName: string): boolean {
  return isWardenError(error) && error.params.trinoError === errorName;
}

function fromHttpStatus(error: TrinoHttpError, cause: string, context: TrinoErrorContext, options: { cause: unknown }): WardenError {
  if (error.status === 401) {
    if (context.details.authenticationType === 'oAuth2') return tokenRefused(context.details, `Trino answered HTTP 401`, options);
    return new WardenError('AUTHENTICATION_FAILED', { username: context.details.username ?? '' }, options);
  }
  // 403 on a statement: the user may not act as X-Trino-User (impersonation) or reach the API.
  if (error.status === 403) return new WardenError('PERMISSION_DENIED', { cause }, options);
  return new WardenError('PLATFORM_ERROR', { cause }, options);
}

function tokenRefused(details: TrinoConnectionDetails, cause: string, options: { cause: unknown }): WardenError {
  const config = details.oAuthClientConfig;
  return new WardenError('OAUTH_TOKEN_REFUSED', { clientId: config?.clientId ?? '', tokenUrl: config?.tokenUrl ?? '', cause }, options);
}
