import type { ConnectionDetails } from '../connectors/connector.js';
import { isJsonObject as isObject, putAt, valueAt } from '../domain/dotted-path.js';
import type { SecretBox } from './secret-box.js';

/**
 * A connection's secrets are the values at its authentication type's `secretFields` (dotted
 * paths, at any depth). They are sealed together as one JSON document shaped like the
 * connection itself (`{password}`, `{oAuthClientConfig: {clientSecret}}`), so opening is a
 * deep merge and redaction needs no descriptor: the sealed document names its own paths.
 */

/** Shown in place of a secret in every response. */
export const REDACTED = '[REDACTED]';

type Details = Record<string, unknown>;

/** Splits connection input into what may be stored in clear and the sealed secrets at `secretFields`. */
export function sealConnection(
  input: Details,
  secretFields: readonly string[],
  box: SecretBox,
): { details: Details; secretsCiphertext: string | null } {
  const details = withoutUndefined(input);
  const secrets: Details = {};
  for (const path of secretFields) {
    const value = take(details, path.split('.'));
    if (value !== undefined) putAt(secrets, path.split('.'), value);
  }
  const secretsCiphertext = Object.keys(secrets).length > 0 ? box.seal(JSON.stringify(secrets)) : null;
  return { details, secretsCiphertext };
}

/** The full details a connector needs, secrets decrypted. */
export function openConnection(details: Details, secretsCiphertext: string | null, box: SecretBox): ConnectionDetails {
  if (secretsCiphertext === null) return { ...details } as ConnectionDetails;
  return merge(details, JSON.parse(box.open(secretsCiphertext)) as Details) as ConnectionDetails;
}

/** The stored details as a response shows them: every secret the connection has is `[REDACTED]`. */
export function redactedDetails(details: Details, secretsCiphertext: string | null, box: SecretBox): Details {
  if (secretsCiphertext === null) return { ...details };
  return merge(details, redact(JSON.parse(box.open(secretsCiphertext)) as Details));
}

/** The secret paths whose values differ between two versions of a connection (a credential rotation). */
export function changedSecrets(before: Details, after: Details, secretFields: readonly string[]): string[] {
  return secretFields.filter((path) => valueAt(before, path.split('.')) !== valueAt(after, path.split('.')));
}

/** Removes the value at `path` from `details` (copying the objects on the way) and returns it. */
function take(details: Details, path: readonly string[]): unknown {
  const [key, ...rest] = path as [string, ...string[]];
  const value = details[key];
  if (rest.length === 0) {
    delete details[key];
    return value;
  }
  if (!isObject(value)) return undefined;
  const copy = { ...value };
  details[key] = copy;
  return take(copy, rest);
}

/** `base` with `overlay`'s values laid over it, objects merged key by key. */
function merge(base: Details, overlay: Details): Details {
  const merged: Details = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    const current = merged[key];
    merged[key] = isObject(value) && isObject(current) ? merge(current, value) : value;
  }
  return merged;
}

/** The same shape with every leaf value replaced by {@link REDACTED}. */
function redact(secrets: Details): Details {
  return Object.fromEntries(Object.entries(secrets).map(([key, value]) => [key, isObject(value) ? redact(value) : REDACTED]));
}

function withoutUndefined(input: Details): Details {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}
