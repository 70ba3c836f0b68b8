import { createHash } from 'node:crypto';
import type { CrawledColumn, GeneratedColumn } from './catalog-types.js';

/**
 * A digest of everything the dictionary stores about a table's columns. Equal fingerprints
 * mean an unchanged dictionary, so an unchanged table costs one comparison.
 */
export function columnsFingerprint(columns: readonly CrawledColumn[]): string {
  const hash = createHash('sha1');
  for (const c of columns) {
    // \u0000 cannot occur in platform identifiers or types, so fields cannot run into each other.
    hash.update(`${c.name}\u0000${c.ordinal}\u0000${c.type}\u0000${c.nullable ? 1 : 0}\u0000${c.defaultValue ?? '\u0001'}\u0000${c.comment ?? '\u0001'}\u0000`);
    // Only generated columns add a field: a dictionary without any keeps the fingerprint it had
    // before Warden recorded generation, so upgrading does not report every table as changed.
    if (c.generated !== null) hash.update(`\u0002${c.generated.stored ? 1 : 0}${c.generated.expression}\u0000`);
  }
  return hash.digest('base64');
}

/** One column-level change of a table's dictionary, as recorded on a sync run. */
export type ColumnChange =
  | { change: 'added'; column: string; type: string }
  | { change: 'dropped'; column: string; type: string }
  | { change: 'modified'; column: string; fields: Partial<Record<ModifiableField, { from: unknown; to: unknown }>> };

type ModifiableField = 'type' | 'nullable' | 'defaultValue' | 'generated' | 'comment' | 'ordinal';
const MODIFIABLE_FIELDS: readonly ModifiableField[] = ['type', 'nullable', 'defaultValue', 'generated', 'comment', 'ordinal'];

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
      if (!sameValue(old[field], column[field])) fields[field] = { from: old[field], to: column[field] };
    }
    if (Object.keys(fields).length > 0) changes.push({ change: 'modified', column: column.name, fields });
  }
  for (const old of before.values()) changes.push({ change: 'dropped', column: old.name, type: old.type });
  return changes;
}

/** Field values are scalars, null or a {@link GeneratedColumn}. */
function sameValue(a: CrawledColumn[ModifiableField], b: CrawledColumn[ModifiableField]): boolean {
  if (a === b) return true;
  if (!isGenerated(a) || !isGenerated(b)) return false;
  return a.expression === b.expression && a.stored === b.stored;
}

function isGenerated(value: CrawledColumn[ModifiableField]): value is GeneratedColumn {
  return typeof value === 'object' && value !== null;
}
