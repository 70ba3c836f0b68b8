import { createHash } from 'node:crypto';
import type { CrawledColumn } from './catalog-types.js';

/**
 * A digest of everything the dictionary stores about a table's columns. Equal fingerprints
 * mean an unchanged dictionary, so an unchanged table costs one comparison.
 */
export function columnsFingerprint(columns: readonly CrawledColumn[]): string {
  const hash = createHash('sha1');
  for (const c of columns) {
    // \u0000 cannot occur in platform identifiers or types, so fields cannot run into each other.
    hash.update(`${c.name}\u0000${c.ordinal}\u0000${c.type}\u0000${c.nullable ? 1 : 0}\u0000${c.defaultValue ?? '\u0001'}\u0000${c.comment ?? '\u0001'}\u0000`);
  }
  return hash.digest('base64');
}

/** One column-level change of a table's dictionary, as recorded on a sync run. */
export type ColumnChange =
  | { change: 'added'; column: string; type: string }
  | { change: 'dropped'; column: string; type: string }
  | { change: 'modified'; column: string; fields: Partial<Record<ModifiableField, { from: unknown; to: unknown }>> };

type ModifiableField = 'type' | 'nullable' | 'defaultValue' | 'comment' | 'ordinal';
const MODIFIABLE_FIELDS: readonly ModifiableField[] = ['type', 'nullable', 'defaultValue', 'comment', 'ordinal'];

/** What changed between the stored and the crawled dictionary of one table, column by column. */
export function diffColumns(stored: readonly CrawledColumn[], crawled: readonly CrawledColumn[]): ColumnChange[] {
  const before = new Map(stored.map((c) => [c.name, c]));
  const changes: ColumnChange[] = [];
  for (const column of crawled) {
    const old = before.get(column.name);
    before.delete(column.name);
    if (!old) {
      changes.push({ change: 'added', column: column.name, type: column.type });
      continue;
    }
    const fields: Partial<Record<ModifiableField, { from: unknown; to: unknown }>> = {};
    for (const field of MODIFIABLE_FIELDS) {
      if (old[field] !== column[field]) fields[field] = { from: old[field], to: column[field] };
    }
    if (Object.keys(fields).length > 0) changes.push({ change: 'modified', column: column.name, fields });
  }
  for (const old of before.values()) changes.push({ change: 'dropped', column: old.name, type: old.type });
  return changes;
}
