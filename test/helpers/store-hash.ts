import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { StoreSchema } from '../../src/store/store-schema.js';

type Row = Record<string, unknown>;

/**
 * Which rows of each table a hash covers. A mapped type over the schema, so a new table fails
 * to compile here until someone decides whether a rejected request may change it.
 * A failed authentication is *meant* to write (SPEC: counted per address and key prefix, and
 * audited), so its counters and its `auth.failed` audit rows are left out: a request without a
 * key or with a bogus one is still checked for every other write.
 */
const HASHED: { [T in keyof StoreSchema]: ((row: Row) => boolean) | 'all' | 'none' } = {
  connections: 'all',
  objects: 'all',
  columns: 'all',
  data_sources: 'all',
  sync_runs: 'all',
  sync_changes: 'all',
  api_keys: 'all',
  principals: 'all',
  group_members: 'all',
  audit_log: (row) => row.action !== 'auth.failed',
  auth_failures: 'none',
  tags: 'all',
  integrations: 'all',
  legacy_handlers: 'all',
  sessions: 'all',
  schema_projects: 'all',
  integration_upgrades: 'all',
  upgraded_legacy_sources: 'all',
  column_descriptions: 'all',
  data_source_access: 'all',
};

/**
 * A digest of every row of every store table (as {@link HASHED} filters them), independent of
 * row order: equal before and after a request means the request wrote nothing.
 */
export async function hashStore(db: Kysely<StoreSchema>): Promise<string> {
  const hash = createHash('sha256');
  for (const [table, filter] of Object.entries(HASHED)) {
    if (filter === 'none') continue;
    const rows = (await db.selectFrom(table as keyof StoreSchema).selectAll().execute()) as Row[];
    const lines = rows.filter((row) => filter === 'all' || filter(row)).map(canonicalRow).sort();
    hash.update(`${table}\n${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}

/** A row as text with its columns in name order (the two dialects return them in their own order and types). */
function canonicalRow(row: Row): string {
  return JSON.stringify(Object.keys(row).sort().map((column) => [column, String(row[column])]));
}
