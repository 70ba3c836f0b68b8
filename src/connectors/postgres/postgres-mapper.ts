import type { CrawledColumn, CrawledObject, LeafKind, ScopeStep } from '../../domain/catalog-types.js';
import type { ColumnRow, ColumnRows, ColumnTextRow, ContainerRow, RelationRow, RowVersionsRow } from './postgres-queries.js';

/** `pg_class.relkind` → the leaf kind Warden records. Other relkinds are never listed. */
export const RELKIND_TO_LEAF_KIND: Readonly<Record<string, LeafKind>> = {
  r: 'table',
  p: 'partitionedTable',
  v: 'view',
  m: 'materializedView',
  f: 'foreignTable',
};

/** Database or schema rows → container objects of kind `level`. */
export function mapContainers(rows: readonly ContainerRow[], level: 'database' | 'schema'): CrawledObject[] {
  return rows.map(([stableId, name, comment]) => ({ name, kind: level, stableId, comment }));
}

/**
 * Relation rows and the dictionary rows of those relations → leaves with their complete,
 * ordered column lists. Rows may arrive in any order (the queries do not sort them); a column
 * of a relation that is not in `relations` is ignored, and a relation without columns gets `[]`.
 */
export function mapLeaves(relations: readonly RelationRow[], dictionary: ColumnRows): CrawledObject[] {
  const grouping = new ColumnGrouping(dictionary);
  grouping.add(dictionary.columns);
  return grouping.leaves(relations);
}

/**
 * mapLeaves in steps, for a caller that gives the event loop a turn between them (a schema's
 * 500,000 column rows take hundreds of milliseconds): `add` the column rows chunk by chunk, then
 * read `leaves`. Pure: the result is mapLeaves' whatever the chunking.
 */
export class ColumnGrouping {
  private readonly defaultOf: Map<string, string>;
  private readonly commentOf: Map<string, string>;
  // Column names and types repeat across tables (id, created_at, text, …); one string each keeps
  // a 500k-column schema from holding 500k copies of them while it is applied.
  private readonly intern = new Map<string, string>();
  private readonly byRelation = new Map<string, CrawledColumn[]>();
  constructor({ defaults, comments }: Pick<ColumnRows, 'defaults' | 'comments'>) {
    this.defaultOf = byColumn(defaults);
    this.commentOf = byColumn(comments);
  }

  add(columns: readonly ColumnRow[]): void {
    for (const [relationId, rawName, ordinal, rawType, nullable, generation] of columns) {
      const name = this.shared(rawName);
      const type = this.shared(rawType);
      let list = this.byRelation.get(relationId);
      if (list === undefined) {
        list = [];
        this.byRelation.set(relationId, list);
      }
      const key = columnKey(relationId, ordinal);
      const expression = this.defaultOf.get(key) ?? null;
      // pg_attrdef holds a generated column's expression as if it were its default; it has none.
      const generated = generation === '' || expression === null ? null : { expression, stored: generation === 's' };
      // attnum survives a rename (and is never reused within the table): the column's stable id.
      const stableId = this.shared(String(ordinal));
      list.push({ name, ordinal, type, nullable, defaultValue: generated === null ? expression : null, generated, comment: this.commentOf.get(key) ?? null, stableId });
    }
  }

  /** The leaves of `relations` (a chunk of them or all) with the columns added so far, in ordinal order. */
  leaves(relations: readonly RelationRow[]): CrawledObject[] {
    return relations.map(([stableId, name, relkind, comment]) => {
      const columns = this.byRelation.get(stableId)?.sort((a, b) => a.ordinal - b.ordinal) ?? [];
      return { name, kind: leafKind(relkind), stableId, comment, columns };
    });
  }

  private shared(text: string): string {
    const known = this.intern.get(text);
    if (known !== undefined) return known;
    this.intern.set(text, text);
    return text;
  }
}

/**
 * Bumped whenever what the fingerprint covers changes (a new fact the crawl reports, another
 * spelling), so that dictionaries stored by an older Warden are read again rather than trusted.
 * `pg1` was the md5 of the columns' text; `pgrv1` is made of catalog row versions.
 */
const FINGERPRINT_VERSION = 'pgrv1';

/**
 * The dictionary fingerprints of a schema's relations, from what LIST_RELATION_FINGERPRINTS and
 * DICTIONARY_DEPENDENCIES return: `(relation oid, its own row versions) → fingerprint`. Only the
 * server can compute one (row versions are not in the columns), so a leaf read without them
 * carries none. Pure.
 */
export function relationFingerprints(dependencies: string, parts: Record<'defaults' | 'comments', readonly RowVersionsRow[]>): (relationId: string, versions: string) => string {
  const defaults = new Map(parts.defaults);
  const comments = new Map(parts.comments);
  return (relationId, versions) => `${FINGERPRINT_VERSION}:${dependencies}:${versions}:${defaults.get(relationId) ?? ''}:${comments.get(relationId) ?? ''}`;
}

/** The leaf kind of a relkind; throws on a relkind the relation queries never return. */
export function leafKind(relkind: string): LeafKind {
  const kind = RELKIND_TO_LEAF_KIND[relkind];
  if (kind === undefined) throw new Error(`Unexpected pg_class.relkind "${relkind}" in a relation listing`);
  return kind;
}

/** Defaults or comments by column; empty maps cost nothing when a schema has none. */
function byColumn(rows: readonly ColumnTextRow[]): Map<string, string> {
  return new Map(rows.map(([relationId, ordinal, text]) => [columnKey(relationId, ordinal), text]));
}

function columnKey(relationId: string, ordinal: number): string {
  return `${relationId}:${ordinal}`;
}

/**
 * Picks the object a scope step designates among the rows a FIND_* query returned (those whose
 * name or stable id matches). The stable id wins: when a table was renamed and a new one took
 * its old name, the step still means the renamed one. Undefined when nothing matched.
 */
export function pickScopedMatch(objects: readonly CrawledObject[], step: ScopeStep): CrawledObject | undefined {
  if (step.stableId !== null) {
    const byId = objects.find((object) => object.stableId === step.stableId);
    if (byId !== undefined) return byId;
  }
  return objects.find((object) => object.name === step.name);
}

/**
 * A scope step's stable id as a bind value for an `oid` parameter, or null when it cannot be
 * an oid (absent, or not an unsigned 32-bit integer — a value from another technology or a
 * corrupted record must not make the query fail).
 */
export function oidParameter(stableId: string | null): string | null {
  if (stableId === null || !/^\d{1,10}$/.test(stableId)) return null;
  return Number(stableId) <= 0xffff_ffff ? stableId : null;
}
