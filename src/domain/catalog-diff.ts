import type { CrawledObject, ScopeStep } from './catalog-types.js';
import { columnsFingerprint } from './column-diff.js';

/** What the catalog holds about one child of a container, as much as the diff needs. */
export interface StoredChild {
  id: number;
  name: string;
  kind: string;
  stableId: string | null;
  comment: string | null;
  removed: boolean;
  columnsFingerprint: string | null;
}

/** A crawled object with its columns' fingerprint computed once. */
export interface FingerprintedObject extends CrawledObject {
  columnsFingerprint: string | null;
}

export type ObjectUpdateField = 'kind' | 'comment' | 'columns' | 'stableId';

/** The difference between a container's stored children and one crawled listing of it. */
export interface ChildrenChangeSet {
  added: FingerprintedObject[];
  /** Same object (by stable id) under a new name. */
  renamed: { stored: StoredChild; crawled: FingerprintedObject }[];
  /** Was marked removed and is back. */
  restored: { stored: StoredChild; crawled: FingerprintedObject }[];
  /** Present on both sides with different metadata. */
  changed: { stored: StoredChild; crawled: FingerprintedObject; fields: ObjectUpdateField[] }[];
  unchanged: StoredChild[];
  removed: StoredChild[];
  /** Crawled objects whose name collides with one already taken in this listing (first one wins). */
  conflicts: { kept: FingerprintedObject; dropped: FingerprintedObject }[];
}

/** Adds the column fingerprint a leaf is compared by. */
export function fingerprint(object: CrawledObject): FingerprintedObject {
  return { ...object, columnsFingerprint: object.columns ? columnsFingerprint(object.columns) : null };
}

/**
 * How renames are recognised among the children that no name matched:
 * - `stableId`: the stored and the crawled object have the same platform identifier (OID, …);
 * - `columnsFingerprint`: for platforms without stable ids (MariaDB, MySQL), see
 *   {@link matchRenamesByColumns}.
 */
export type RenameMatching = 'stableId' | 'columnsFingerprint';

export interface DiffOptions {
  /** Default `stableId`. */
  renameBy?: RenameMatching;
}

/**
 * Diffs a container's stored children against one crawled listing (SPEC 1.4).
 *
 * Matching: by name first (a table dropped and re-created under the same name is the same
 * data object, so it keeps its settings), then, among the unmatched, renames by
 * `options.renameBy`. When `only` is given the listing covers just that child, so only stored
 * children with that name or stable id can be removed.
 */
export function diffChildren(
  stored: readonly StoredChild[],
  crawled: readonly FingerprintedObject[],
  only?: ScopeStep,
  options: DiffOptions = {},
): ChildrenChangeSet {
  const result: ChildrenChangeSet = { added: [], renamed: [], restored: [], changed: [], unchanged: [], removed: [], conflicts: [] };
  const inScope = only
    ? stored.filter((s) => s.name === only.name || (only.stableId !== null && s.stableId === only.stableId))
    : stored;

  const unique = new Map<string, FingerprintedObject>();
  for (const object of crawled) {
    const kept = unique.get(object.name);
    if (kept) result.conflicts.push({ kept, dropped: object });
    else unique.set(object.name, object);
  }

  // Matching uses every stored child: a scoped listing's object may be known under its new name.
  const byName = new Map(stored.map((s) => [s.name, s]));
  const matched = new Set<number>();
  const unmatched: FingerprintedObject[] = [];
  for (const object of unique.values()) {
    const same = byName.get(object.name);
    if (same) {
      matched.add(same.id);
      classifyMatch(result, same, object);
    } else {
      unmatched.push(object);
    }
  }

  let renames: Map<FingerprintedObject, StoredChild>;
  if (options.renameBy !== 'columnsFingerprint') renames = matchRenamesByStableId(stored, matched, unique, unmatched);
  // A scoped listing covers one name, so it cannot show a disappearance and an appearance.
  else if (only) renames = new Map();
  else renames = matchRenamesByColumns(stored.filter((s) => !matched.has(s.id) && !s.removed), unmatched);
  for (const object of unmatched) {
    const previous = renames.get(object);
    if (previous) {
      matched.add(previous.id);
      result.renamed.push({ stored: previous, crawled: object });
    } else {
      result.added.push(object);
    }
  }

  for (const s of inScope) {
    if (!matched.has(s.id) && !s.removed) result.removed.push(s);
  }
  return result;
}

/** Renames by platform identifier: each unmatched crawled object → the stored child with its stable id. */
function matchRenamesByStableId(
  stored: readonly StoredChild[],
  matched: ReadonlySet<number>,
  crawledByName: ReadonlyMap<string, FingerprintedObject>,
  unmatched: readonly FingerprintedObject[],
): Map<FingerprintedObject, StoredChild> {
  const byStableId = new Map<string, StoredChild>();
  for (const s of stored) {
    // A stored child whose name is still crawled was matched by name and cannot be renamed.
    if (s.stableId !== null && !matched.has(s.id) && !crawledByName.has(s.name)) byStableId.set(s.stableId, s);
  }
  const renames = new Map<FingerprintedObject, StoredChild>();
  for (const object of unmatched) {
    const previous = object.stableId === null ? undefined : byStableId.get(object.stableId);
    if (previous) {
      renames.set(object, previous);
      byStableId.delete(object.stableId!);
    }
  }
  return renames;
}

/**
 * The rename heuristic for platforms without stable identifiers. Within one complete listing
 * of a container, a stored child that *disappeared* (no crawled object has its name; it was
 * not already removed) and a crawled object that *appeared* (no stored child has its name) are
 * the same object renamed when:
 * - both have a column fingerprint (leaves only: containers have no columns) and they are
 *   identical — same column names, ordinals, types, nullability, defaults and comments, in
 *   the same order;
 * - both are of the same kind (a table stays a table); and
 * - the match is unambiguous: exactly one disappeared child and exactly one appeared object
 *   share that kind and fingerprint.
 * Anything else stays an addition plus a removal: two identical tables renamed in the same
 * sync, a rename combined with a column change, or a rename seen through a scoped listing
 * (which covers one name only) are not recognised. A wrong guess would hand one table's
 * settings and owners to another, so ambiguity never guesses.
 */
export function matchRenamesByColumns(
  disappeared: readonly StoredChild[],
  appeared: readonly FingerprintedObject[],
): Map<FingerprintedObject, StoredChild> {
  const keyOf = (kind: string, fingerprint: string): string => `${kind}\u0000${fingerprint}`;
  const gone = new Map<string, StoredChild[]>();
  for (const s of disappeared) {
    if (s.columnsFingerprint === null) continue;
    const key = keyOf(s.kind, s.columnsFingerprint);
    gone.set(key, [...(gone.get(key) ?? []), s]);
  }
  const found = new Map<string, FingerprintedObject[]>();
  for (const object of appeared) {
    if (object.columnsFingerprint === null) continue;
    const key = keyOf(object.kind, object.columnsFingerprint);
    found.set(key, [...(found.get(key) ?? []), object]);
  }
  const renames = new Map<FingerprintedObject, StoredChild>();
  for (const [key, objects] of found) {
    const candidates = gone.get(key);
    if (objects.length === 1 && candidates?.length === 1) renames.set(objects[0]!, candidates[0]!);
  }
  return renames;
}

function classifyMatch(result: ChildrenChangeSet, stored: StoredChild, crawled: FingerprintedObject): void {
  if (stored.removed) {
    result.restored.push({ stored, crawled });
    return;
  }
  const fields = changedFields(stored, crawled);
  if (fields.length > 0) result.changed.push({ stored, crawled, fields });
  else result.unchanged.push(stored);
}

/** Which stored fields a crawl changes; renamed and restored objects use it too. */
export function changedFields(stored: StoredChild, crawled: FingerprintedObject): ObjectUpdateField[] {
  const fields: ObjectUpdateField[] = [];
  if (stored.kind !== crawled.kind) fields.push('kind');
  if (stored.comment !== crawled.comment) fields.push('comment');
  if (stored.columnsFingerprint !== crawled.columnsFingerprint) fields.push('columns');
  if (stored.stableId !== crawled.stableId) fields.push('stableId');
  return fields;
}
