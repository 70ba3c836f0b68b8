import type { CrawledColumn, CrawledObject, LeafKind, ScopeStep } from '../../domain/catalog-types.js';
import type { ColumnRows, ColumnTextRow, ContainerRow, RelationRow } from './postgres-queries.js';

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
  const columnsByRelation = groupColumns(dictionary);
  return relations.map(([stableId, name, relkind, comment]) => ({
    name,
    kind: leafKind(relkind),
    stableId,
    comment,
    columns: columnsByRelation.get(stableId) ?? [],
  }));
}

/** The leaf kind of a relkind; throws on a relkind the relation queries never return. */
export function leafKind(relkind: string): LeafKind {
  const kind = RELKIND_TO_LEAF_KIND[relkind];
  if (kind === undefined) throw new Error(`Unexpected pg_class.relkind "${relkind}" in a relation listing`);
  return kind;
}

function groupColumns({ columns, defaults, comments }: ColumnRows): Map<string, CrawledColumn[]> {
  const defaultOf = byColumn(defaults);
  const commentOf = byColumn(comments);
  // Column names and types repeat across tables (id, created_at, text, …); one string each keeps
  // a 500k-column schema from holding 500k copies of them while it is applied.
  const intern = new Map<string, string>();
  const shared = (text: string) => {
    const known = intern.get(text);
    if (known !== undefined) return known;
    intern.set(text, text);
    return text;
  };
  const byRelation = new Map<string, CrawledColumn[]>();
  for (const [relationId, rawName, ordinal, rawType, nullable, generation] of columns) {
    const name = shared(rawName);
    const type = shared(rawType);
    let list = byRelation.get(relationId);
    if (list === undefined) {
      list = [];
      byRelation.set(relationId, list);
    }
    const key = columnKey(relationId, ordinal);
    const expression = defaultOf.get(key) ?? null;
    // pg_attrdef holds a generated column's expression as if it were its default; it has none.
    const generated = generation === '' || expression === null ? null : { expression, stored: generation === 's' };
    // attnum survives a rename (and is never reused within the table): the column's stable id.
    const stableId = shared(String(ordinal));
    list.push({ name, ordinal, type, nullable, defaultValue: generated === null ? expression : null, generated, comment: commentOf.get(key) ?? null, stableId });
  }
  for (const list of byRelation.values()) list.sort((a, b) => a.ordinal - b.ordinal);
  return byRelation;
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
