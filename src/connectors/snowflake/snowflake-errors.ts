import { WardenError, isWardenError } from '../../errors.js';
import { BROKEN_SOCKET_CODES, UNREACHABLE_CODES, formatObjectPath, isTlsErrorCode, loggedCause, nodeErrorCode } from '../shared/network-errors.js';
import { principalOf, type SnowflakeConnectionDetails } from './snowflake-config.js';

/** What a translation needs to name the cause (and what it must never show). */
export interface SnowflakeErrorContext {
  details: SnowflakeConnectionDetails;
  path: readonly string[];
  phase: 'connect' | 'query';
}

/** Snowflake's login codes that mean the credentials were refused (wire-protocols.md §2.3, §2.6). */
const CREDENTIALS_REFUSED = new Set(['390100', '390101', '390102', '390144']);
/** The OAuth access token was refused: invalid, expired. */
const TOKEN_REFUSED = new Set(['390303', '390318']);
/** The session is gone on the server: invalid or expired token, disconnected. */
const SESSION_GONE = new Set(['390104', '390111', '390112', '390114']);
/** SQL errors that mean the role lacks a privilege: 002003 "does not exist or not authorized" (Snowflake does not tell the two apart), 003001 insufficient privileges, 390189 / 003013 role not granted. */
const NOT_AUTHORIZED = new Set(['002003', '003001', '390189', '003013']);
/** The driver's own codes for a private key it refuses: ERR_CONN_CREATE_INVALID_PRIVATE_KEY, …_PASS (error_code.ts). */
const DRIVER_KEY_CODES = new Set([404026, 404028]);

/**
 * The cause of Snowflake's 090030, "Information schema query returned too much data": the
 * catalog reader asks again per schema when it sees it.
 */
export const TOO_MUCH_DATA_CAUSE = 'Snowflake 090030: the information schema result is too large for one query';

/** Snowflake's SQL error code of a driver error (`002003`), when it has one. */
/** Snowflake says the session itself is gone (an unknown or expired token the driver could not renew): no query can succeed on it. */
export function isSessionGone(error: unknown): boolean {
  const code = snowflakeCode(error);
  return code !== undefined && SESSION_GONE.has(code);
}

export function snowflakeCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^\d{6}$/.test(code) ? code : undefined;
}

/**
 * Turns what snowflake-sdk, the token endpoint or Node's sockets throw into a WardenError, by
 * Snowflake's error codes and Node's error codes — never by message text. Snowflake's and the
 * driver's text goes to the log only, as the cause, without the password, key, passphrase or
 * client secret.
 */
export function translateSnowflakeError(error: unknown, context: SnowflakeErrorContext): WardenError {
  if (isWardenError(error)) return error;
  const { details } = context;
  const options = {
    cause: loggedCause(error, details.password, details.privateKey?.content, details.privateKeyPassword, details.oAuthClientConfig?.clientSecret),
  };
  const code = snowflakeCode(error);
  if (code !== undefined) {
    const described = `Snowflake ${code}${sqlStateOf(error)} (Warden's log has Snowflake's text)`;
    if (TOKEN_REFUSED.has(code) || (details.authenticationType === 'oAuthClientCredentials' && CREDENTIALS_REFUSED.has(code))) {
      return tokenRefused(details, described, options);
    }
    if (CREDENTIALS_REFUSED.has(code)) return new WardenError('AUTHENTICATION_FAILED', { username: principalOf(details) }, options);
    if (code === '090030') return new WardenError('PLATFORM_ERROR', { cause: TOO_MUCH_DATA_CAUSE }, options);
    if (SESSION_GONE.has(code)) return new WardenError('CONNECTION_LOST', { cause: described }, options);
    if (NOT_AUTHORIZED.has(code)) {
      return new WardenError('PERMISSION_DENIED', { cause: `${described} on ${formatObjectPath(context.path)}: it does not exist or the role may not see it` }, options);
    }
    return new WardenError('PLATFORM_ERROR', { cause: described }, options);
  }
  const driverCode = (error as { code?: unknown } | null)?.code;
  if (typeof driverCode === 'number' && DRIVER_KEY_CODES.has(driverCode)) {
    return new WardenError('AUTHENTICATION_FAILED', { username: principalOf(details) }, options);
  }
  // A key Node cannot decrypt or parse (a wrong passphrase): the credentials, not the platform.
  const cryptoCode = nodeErrorCode(error);
  if (details.authenticationType === 'keyPair' && cryptoCode !== undefined && /^ERR_(OSSL|CRYPTO)/.test(cryptoCode)) {
    return new WardenError('AUTHENTICATION_FAILED', { username: principalOf(details) }, options);
  }
  // The token endpoint's refusal: the driver reports the HTTP status as a response on the error.
  if (details.authenticationType === 'oAuthClientCredentials' && context.phase === 'connect' && oauthStatus(error) !== undefined) {
    return tokenRefused(details, `the token endpoint answered HTTP ${oauthStatus(error)}`, options);
  }
  const socketCode = nodeErrorCode((error as { cause?: unknown } | null)?.cause) ?? nodeErrorCode(error);
  const cause = socketCode === undefined ? "see Warden's log" : `${socketCode} (Warden's log has the details)`;
  if (socketCode !== undefined) {
    if (BROKEN_SOCKET_CODES.has(socketCode) || (context.phase === 'query' && UNREACHABLE_CODES.has(socketCode))) {
      return new WardenError('CONNECTION_LOST', { cause }, options);
    }
    if (UNREACHABLE_CODES.has(socketCode)) {
      return new WardenError('HOST_UNREACHABLE', { hostname: details.hostname, port: details.port, cause: socketCode }, options);
    }
    if (isTlsErrorCode(socketCode)) return new WardenError('TLS_FAILED', { cause }, options);
  }
  return new WardenError('PLATFORM_ERROR', { cause }, options);
}

function sqlStateOf(error: unknown): string {
  const state = (error as { sqlState?: unknown } | null)?.sqlState;
  return typeof state === 'string' ? `, SQL state ${state}` : '';
}

/** The HTTP status of a failed token request, as the driver's error carries it. */
function oauthStatus(error: unknown): number | undefined {
  const seen = new Set<unknown>();
  let current = error as { status?: unknown; response?: { status?: unknown }; cause?: unknown } | null | undefined;
  while (current !== null && current !== undefined && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    for (const status of [current.status, current.response?.status]) if (typeof status === 'number' && status >= 400) return status;
    current = current.cause as typeof current;
  }
  return undefined;
}

function tokenRefused(details: SnowflakeConnectionDetails, cause: string, options: { cause: unknown }): WardenError {
  const config = details.oAuthClientConfig;
  return new WardenError('OAUTH_TOKEN_REFUSED', { clientId: config?.clientId ?? '', tokenUrl: config?.authorityUrl ?? '', cause }, options);
}
