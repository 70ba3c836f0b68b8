import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AuditLogTable, StoreSchema } from '../store-schema.js';

/** One recorded change: who, when, what, and the state before and after. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  objectPath: string[] | null;
  target: string | null;
  before: unknown;
  after: unknown;
  clientAddress: string | null;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

export interface AuditSearch {
  /** Entries about this object or anything below it. */
  objectPath?: readonly string[];
  actor?: string;
  action?: string;
  /** Inclusive lower bound (ISO-8601). */
  from?: string;
  /** Exclusive upper bound (ISO-8601). */
  to?: string;
  offset: number;
  size: number;
}

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/**
 * The audit log. Append-only by construction: this repository, the only code that touches the
 * table, offers insert and search and nothing that updates or deletes.
 */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  with(trx: Transaction<StoreSchema>): AuditRepository {
    return new AuditRepository(trx);
  }

  async insert(entry: NewAuditEntry): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        at: entry.at,
        actor: entry.actor,
        action: entry.action,
        object_path_json: entry.objectPath === null ? null : JSON.stringify(entry.objectPath),
        object_path_key: entry.objectPath === null ? null : auditPathKey(entry.objectPath),
        target: entry.target,
        before_json: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
        after_json: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
        client_address: entry.clientAddress,
      })
      .execute();
  }

  /** Newest first. */
  async search(search: AuditSearch): Promise<{ count: number; hits: AuditEntry[] }> {
    let query = this.db.selectFrom('audit_log');
    if (search.objectPath !== undefined && search.objectPath.length > 0) {
      const prefix = auditPathKey(search.objectPath);
      // substr + equality rather than a range: the same answer whatever the database's collation.
      query = query.where(sql<boolean>`substr(object_path_key, 1, ${prefix.length}) = ${prefix}`);
    }
    if (search.actor !== undefined) query = query.where('actor', '=', search.actor);
    if (search.action !== undefined) query = query.where('action', '=', search.action);
    if (search.from !== undefined) query = query.where('at', '>=', search.from);
    if (search.to !== undefined) query = query.where('at', '<', search.to);
    const { count } = await query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    const rows = await query.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').offset(search.offset).limit(search.size).execute();
    return { count: Number(count), hits: rows.map(toEntry) };
  }
}

/** `a/b%2Fc/` style: each segment percent-encoded and followed by `/`, so a subtree is a prefix. */
export function auditPathKey(path: readonly string[]): string {
  return path.map((segment) => `${encodeURIComponent(segment)}/`).join('');
}

function toEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: Number(row.id),
    at: row.at,
    actor: row.actor,
    action: row.action,
    objectPath: row.object_path_json === null ? null : (JSON.parse(row.object_path_json) as string[]),
    target: row.target,
    before: row.before_json === null ? null : (JSON.parse(row.before_json) as unknown),
    after: row.after_json === null ? null : (JSON.parse(row.after_json) as unknown),
    clientAddress: row.client_address,
  };
}
