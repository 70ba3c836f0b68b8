import type { ConnectionDetails } from '../connectors/connector.js';
import type { AuthenticationType } from '../connectors/technology.js';
import { valueAt } from './connection-secrets.js';

/**
 * The details an edit (PUT /data/connection/{key}) leads to: the stored details with the
 * changed fields replaced, field by field as in a JSON merge.
 *
 * - A secret the edit does not send again is kept while the authentication type stays, also
 *   inside an object the edit replaces (`oAuthClientConfig` with a new `clientId` keeps its
 *   `clientSecret`): clients only ever see `[REDACTED]`, so they cannot send it back.
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
    for (const path of before.secretFields) restoreSecret(edited, current, path.split('.'));
  }
  return edited as ConnectionDetails;
}

/** Puts `current`'s secret at `path` back where the edit left no value (copying the objects on the way). */
function restoreSecret(edited: Record<string, unknown>, current: ConnectionDetails, path: readonly string[]): void {
  const secret = valueAt(current, path);
  if (secret === undefined || valueAt(edited, path) !== undefined) return;
  let node = edited;
  for (const key of path.slice(0, -1)) {
    const child = node[key];
    if (typeof child !== 'object' || child === null || Array.isArray(child)) return;
    node = node[key] = { ...(child as Record<string, unknown>) };
  }
  node[path[path.length - 1]!] = secret;
}
