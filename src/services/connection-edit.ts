import { isDeepStrictEqual } from 'node:util';
import type { ConnectionDetails } from '../connectors/connector.js';
import type { AuthenticationType } from '../connectors/technology.js';
import { WardenError } from '../errors.js';
import { isJsonObject, putAt, valueAt } from '../domain/dotted-path.js';

/**
 * The details an edit (PUT /data/connection/{key}) leads to: the stored details with the
 * changed fields replaced, field by field as in a JSON merge.
 *
 * - A secret the edit does not send again is kept while the authentication type stays, also
 *   inside an object the edit replaces (`oAuthClientConfig` with a new `clientId` keeps its
 *   `clientSecret`): clients only ever see `[REDACTED]`, so they cannot send it back.
 *   {@link assertCredentialsResent} says when that is not allowed.
 * - Switching the authentication type drops the fields of the old type that the new one
 *   does not have (a password does not linger after a switch to a key pair).
 */
export function editedConnection(
  current: ConnectionDetails,
  changes: Record<string, unknown>,
  before: AuthenticationType,
  after: AuthenticationType,
): ConnectionDetails {
  const edited: Record<string, unknown> = { ...current };
  if (before !== after) {
    for (const field of Object.keys(before.fields)) if (!(field in after.fields)) delete edited[field];
  }
  for (const [field, value] of Object.entries(changes)) if (value !== undefined) edited[field] = value;
  if (before === after) {
    for (const path of unsentSecrets(current, changes, before)) restoreSecret(edited, current, path.split('.'));
  }
  return edited as ConnectionDetails;
}

/**
 * CREDENTIALS_REQUIRED unless an edit that changes a field of `credentialRoute` (where and how
 * the secrets travel: host, port, TLS) sends every stored secret again. Otherwise whoever may
 * edit a connection could point it at a listener of theirs and read the stored password.
 */
export function assertCredentialsResent(
  current: ConnectionDetails,
  edited: ConnectionDetails,
  changes: Record<string, unknown>,
  authentication: AuthenticationType,
  credentialRoute: readonly string[],
): void {
  const unsent = unsentSecrets(current, changes, authentication);
  const moved = credentialRoute.filter((field) => !isDeepStrictEqual(current[field], edited[field]));
  if (unsent.length > 0 && moved.length > 0) {
    throw new WardenError('CREDENTIALS_REQUIRED', { changed: fieldList(moved), secrets: fieldList(unsent) });
  }
}

/** The secret paths of `authentication` that `current` has a value at and `changes` does not. */
function unsentSecrets(current: ConnectionDetails, changes: Record<string, unknown>, authentication: AuthenticationType): string[] {
  return authentication.secretFields.filter(
    (path) => valueAt(current, path.split('.')) !== undefined && valueAt(changes, path.split('.')) === undefined,
  );
}

function fieldList(fields: readonly string[]): string {
  return fields.map((field) => `connection.${field}`).join(', ');
}

/** Puts `current`'s secret at `path` back into `edited` (copying the objects on the way), unless the edit left no object there to hold it. */
function restoreSecret(edited: Record<string, unknown>, current: ConnectionDetails, path: readonly string[]): void {
  const parents = path.slice(0, -1);
  if (parents.length > 0 && !isJsonObject(valueAt(edited, parents))) return;
  putAt(edited, path, valueAt(current, path));
}
