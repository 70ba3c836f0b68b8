/**
 * What every connector's error translation shares: Node's socket, resolver and TLS error
 * codes (the same whichever driver sits on top), and the two rules for driver text that
 * reaches a message — objects are named unambiguously, and the password never appears.
 */

/** Socket errors that mean an established connection broke. */
export const BROKEN_SOCKET_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/** Socket and resolver errors that mean the host could not be reached at all. */
export const UNREACHABLE_CODES: ReadonlySet<string> = new Set([
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
const CERTIFICATE_CODES: ReadonlySet<string> = new Set([
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

/** A Node code that means the TLS handshake or the certificate check failed. */
export function isTlsErrorCode(code: string): boolean {
  return CERTIFICATE_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_');
}

/**
 * The Node error code of a socket/resolver error. With several addresses to try, Node reports
 * an AggregateError whose own code may be missing; the first inner error's code then speaks.
 */
export function nodeErrorCode(error: unknown): string | undefined {
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

/** An object path for messages: `"db"."schema"`, unambiguous whatever the names contain. */
export function formatObjectPath(path: readonly string[] | undefined): string {
  return path === undefined || path.length === 0 ? 'the connection' : path.map((name) => JSON.stringify(name)).join('.');
}

/**
 * The driver's error for the log (a WardenError's `cause`), its text with the password removed.
 * Driver text never goes into a message a user sees: replacing every occurrence of a short
 * password would turn the text into an oracle for it (with password `p`: `unex[REDACTED]ected`).
 */
export function loggedCause(error: unknown, ...secrets: (string | undefined)[]): Error {
  let text = describeError(error);
  for (const secret of secrets) if (secret !== undefined && secret !== '') text = text.split(secret).join('[REDACTED]');
  return new Error(text);
}

/** The message of an error from a driver, or its string form. */
export function describeError(error: unknown): string {
  if (error instanceof Error && error.message !== '') return error.message;
  return String(error);
}
