import { nowIso } from '../clock.js';
import type { NewAuditEntry } from '../store/repositories/audit-repository.js';

/** Who makes a change, as the audit log records it. */
export interface Actor {
  /** `user:<name>` for a person or program with an API key, `system:<part>` for Warden itself. */
  id: string;
  /** The client address of the request, when the change came over HTTP. */
  clientAddress: string | null;
}

/** Warden itself acting (the scheduler, the demo, a command run on the server's machine). */
export function systemActor(part: string): Actor {
  return { id: `system:${part}`, clientAddress: null };
}

/** The actor id of a user. */
export function userActorId(name: string): string {
  return `user:${name}`;
}

/** An audit row for `actor` doing `action` now. */
export function auditEntry(
  actor: Actor,
  action: string,
  fields: { objectPath?: readonly string[]; target?: string; before?: unknown; after?: unknown },
): NewAuditEntry {
  return {
    at: nowIso(),
    actor: actor.id,
    action,
    objectPath: fields.objectPath ? [...fields.objectPath] : null,
    target: fields.target ?? null,
    before: fields.before ?? null,
    after: fields.after ?? null,
    clientAddress: actor.clientAddress,
  };
}
