import { WardenError, isWardenError } from '../../errors.js';
import {
  BROKEN_SOCKET_CODES,
  UNREACHABLE_CODES,
  formatObjectPath,
  isTlsErrorCode,
  loggedCause,
  nodeErrorCode,
} from '../shared/network-errors.js';
import type { DatabricksConnectionDetails } from './databricks-config.js';

/** A non-2xx answer of the workspace or its token endpoint: the status and Databricks' `error_code` (or OAuth's `error`). */
export class DatabricksHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string | undefined,
    /** True when the token endpoint answered, not the workspace API. */
    readonly fromTokenEndpoint = false,
  ) {
    super(`HTTP ${status}${errorCode === undefined ? '' : ` ${errorCode}`}`);
  }
}

/** What a translation needs to name the cause (and what it must never show). */
export interface DatabricksErrorContext {
  details: DatabricksConnectionDetails;
  /** The object path being read. */
  path: readonly string[];
  tokenUrl: string;
}

/** undici's code for a socket the server closed mid-answer. */
const UNDICI_SOCKET_CODES: ReadonlySet<string> = new Set(['UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/**
 * Turns what the REST client or fetch throws into a WardenError: by HTTP status, Databricks'
 * `error_code` (or OAuth's `error`) and Node's error code — never by message text. The
 * message a user sees is built from those; anything else goes to the log only, without the
 * token or the client secret.
 */
export function translateDatabricksError(error: unknown, context: DatabricksErrorContext): WardenError {
  if (isWardenError(error)) return error;
  const options = { cause: loggedCause(error, context.details.token, context.details.oAuthClientConfig?.clientSecret) };
  const where = formatObjectPath(context.path);
  if (error instanceof DatabricksHttpError) {
    const answered = `${error.fromTokenEndpoint ? 'the token endpoint' : 'Databricks'} answered ${error.message}`;
    if (error.fromTokenEndpoint || (error.status === 401 && context.details.authenticationType === 'oAuthM2M')) {
      return new WardenError('OAUTH_TOKEN_REFUSED', { clientId: context.details.oAuthClientConfig?.clientId ?? '', tokenUrl: context.tokenUrl, cause: answered }, options);
    }
    if (error.status === 401) return new WardenError('TOKEN_REJECTED', { cause: answered }, options);
    if (error.status === 403) return new WardenError('PERMISSION_DENIED', { cause: `${answered} on ${where}` }, options);
    // Dropped between its parent's listing and its own: the subtree is unread, not removed.
    if (error.status === 404) return new WardenError('PLATFORM_ERROR', { cause: `${answered}: ${where} was not found (dropped while it was crawled?)` }, options);
    if (error.status === 429) return new WardenError('PLATFORM_ERROR', { cause: `${answered} (rate limited) until the deadline on ${where}` }, options);
    return new WardenError('PLATFORM_ERROR', { cause: `${answered} on ${where}` }, options);
  }
  // fetch reports socket failures as a TypeError whose cause carries the code.
  const code = nodeErrorCode((error as { cause?: unknown } | null)?.cause) ?? nodeErrorCode(error);
  if (code !== undefined) {
    const cause = `${code} (Warden's log has the details)`;
    if (BROKEN_SOCKET_CODES.has(code) || UNDICI_SOCKET_CODES.has(code)) return new WardenError('CONNECTION_LOST', { cause }, options);
    if (UNREACHABLE_CODES.has(code)) {
      return new WardenError('HOST_UNREACHABLE', { hostname: context.details.hostname, port: context.details.port, cause: code }, options);
    }
    if (isTlsErrorCode(code)) return new WardenError('TLS_FAILED', { cause }, options);
  }
  // A body that is not JSON: something other than Databricks answers there.
  if (error instanceof SyntaxError) return new WardenError('PLATFORM_ERROR', { cause: 'not a Databricks answer (the body is not JSON)' }, options);
  return new WardenError('PLATFORM_ERROR', { cause: code === undefined ? "see Warden's log" : `${code} (Warden's log has the details)` }, options);
}
