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
 * Diffs a container's stored children against one crawled listing (SPEC 1.4).
 *
 * Matching: by name first (a table dropped and re-created under the same name is the same
 * data object, so it keeps its settings), then by stable id among the unmatched (a rename).
 * When `only` is given the listing covers just that child, so only stored children with that
 * name or stable id can be removed.
 */
export function diffChildren(
  stored: readonly StoredChild[],
  crawled: readonly FingerprintedObject[],
  only?: ScopeStep,
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

  const byStableId = new Map<string, StoredChild>();
  for (const s of stored) {
    // A stored child whose name is still crawled was matched by name and cannot be renamed.
    if (s.stableId !== null && !matched.has(s.id) && !unique.has(s.name)) byStableId.set(s.stableId, s);
  }
  for (const object of unmatched) {
    const previous = object.stableId === null ? undefined : byStableId.get(object.stableId);
    if (previous && !matched.has(previous.id)) {
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
