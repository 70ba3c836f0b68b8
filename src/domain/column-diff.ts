import { createHash } from 'node:crypto';
import type { CrawledColumn, GeneratedColumn } from './catalog-types.js';

/**
 * A digest of everything the dictionary stores about a table's columns. Equal fingerprints
 * mean an unchanged dictionary, so an unchanged table costs one comparison. Column stable ids
 * are not in it (catalogs stored before they were recorded keep their fingerprints): PostgreSQL's
 * is the `attnum` the ordinal already is, and a rename changes the name, which is.
 */
export function columnsFingerprint(columns: readonly CrawledColumn[]): string {
  // One text hashed at once (the digest of the parts one after the other): one call into the
  // hash per table, not one or two per column.
  let text = '';
  for (const c of columns) {
    // \u0000 cannot occur in platform identifiers or types, so fields cannot run into each other.
    text += `${c.name}\u0000${c.ordinal}\u0000${c.type}\u0000${c.nullable ? 1 : 0}\u0000${c.defaultValue ?? '\u0001'}\u0000${c.comment ?? '\u0001'}\u0000`;
    // Only generated columns add a field: a dictionary without any keeps the fingerprint it had
    // before Warden recorded generation, so upgrading does not report every table as changed.
    if (c.generated !== null) text += `\u0002${c.generated.stored ? 1 : 0}${c.generated.expression}\u0000`;
  }
  return createHash('sha1').update(text).digest('base64');
}

/** One column-level change of a table's dictionary, as recorded on a sync run. */
export type ColumnChange =
  | { change: 'added'; column: string; type: string }
  | { change: 'dropped'; column: string; type: string }
  | { change: 'modified'; column: string; fields: ColumnFieldChanges }
  /** Same stable id under a new name (`column` is the new one); `fields` holds what else changed. */
  | { change: 'renamed'; column: string; from: string; fields: ColumnFieldChanges };

export type ColumnFieldChanges = Partial<Record<ModifiableField, { from: unknown; to: unknown }>>;

type ModifiableField = 'type' | 'nullable' | 'defaultValue' | 'generated' | 'comment' | 'ordinal';
const MODIFIABLE_FIELDS: readonly ModifiableField[] = ['type', 'nullable', 'defaultValue', 'generated', 'comment', 'ordinal'];

/**
 * What changed between the stored and the crawled dictionary of one table, column by column.
 * A column is the stored one with its stable id where both sides have one (a rename), else the
 * one with its name — unless both have ids and they differ: then it was dropped and re-added.
 */
export function diffColumns(stored: readonly CrawledColumn[], crawled: readonly CrawledColumn[]): ColumnChange[] {
  const pairs = matchColumns(stored, crawled);
  const changes: ColumnChange[] = [];
  for (const column of crawled) {
    const old = pairs.get(column);
    if (!old) {
      changes.push({ change: 'added', column: column.name, type: column.type });
      continue;
    }
    const fields: ColumnFieldChanges = {};
    for (const field of MODIFIABLE_FIELDS) {
      if (!sameValue(old[field], column[field])) fields[field] = { from: old[field], to: column[field] };
    }
    if (old.name !== column.name) changes.push({ change: 'renamed', column: column.name, from: old.name, fields });
    else if (Object.keys(fields).length > 0) changes.push({ change: 'modified', column: column.name, fields });
  }
  const matched = new Set(pairs.values());
  for (const old of stored) if (!matched.has(old)) changes.push({ change: 'dropped', column: old.name, type: old.type });
  return changes;
}

/** Pairs each crawled column with the stored column it is: by stable id first, then by name. */
function matchColumns(stored: readonly CrawledColumn[], crawled: readonly CrawledColumn[]): Map<CrawledColumn, CrawledColumn> {
  const pairs = new Map<CrawledColumn, CrawledColumn>();
  const taken = new Set<CrawledColumn>();
  const byId = new Map(stored.flatMap((c) => (hasId(c) ? [[c.stableId, c] as const] : [])));
  for (const column of crawled) {
    const old = hasId(column) ? byId.get(column.stableId) : undefined;
    if (old && !taken.has(old)) {
      pairs.set(column, old);
      taken.add(old);
    }
  }
  const byName = new Map(stored.map((c) => [c.name, c]));
  for (const column of crawled) {
    if (pairs.has(column)) continue;
    const old = byName.get(column.name);
    if (!old || taken.has(old) || (hasId(old) && hasId(column) && old.stableId !== column.stableId)) continue;
    pairs.set(column, old);
    taken.add(old);
  }
  return pairs;
}

function hasId(column: CrawledColumn): column is CrawledColumn & { stableId: string } {
  return column.stableId !== undefined && column.stableId !== null;
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
