import type { CrawledObject, ScopeStep } from './catalog-types.js';
import { columnsFingerprint } from './column-diff.js';
import { tagsFingerprint } from './tag-diff.js';

/** What the catalog holds about one child of a container, as much as the diff needs. */
export interface StoredChild {
  id: number;
  name: string;
  kind: string;
  stableId: string | null;
  comment: string | null;
  removed: boolean;
  columnsFingerprint: string | null;
  /** Of the platform tags last read for it and its columns; null or absent when never read. */
  tagsFingerprint?: string | null;
}

/** A crawled object with its columns' and tags' fingerprints computed once. */
export interface FingerprintedObject extends CrawledObject {
  columnsFingerprint: string | null;
  /** Null or absent when none of its tags were read: then its stored platform tags stay as they are. */
  tagsFingerprint?: string | null;
}

export type ObjectUpdateField = 'kind' | 'comment' | 'columns' | 'stableId' | 'tags';

/** A stored object and the crawled object it turned out to be. */
export interface Match {
  stored: StoredChild;
  crawled: FingerprintedObject;
}

/** The difference between a container's stored children and one crawled listing of it. */
export interface ChildrenChangeSet {
  added: FingerprintedObject[];
  /** Same object (by stable id, or by the column heuristic where an id is missing) under a new name. */
  renamed: Match[];
  /** Same object (by stable id) that was stored under another parent: it moves here, its subtree with it. */
  moved: Match[];
  /** Was marked removed and is back under its name. */
  restored: Match[];
  /** Present on both sides with different metadata (a new stable id included: dropped and re-created). */
  changed: (Match & { fields: ObjectUpdateField[] })[];
  unchanged: StoredChild[];
  removed: StoredChild[];
  /**
   * Stored children that stay (or become) removed while their name now belongs to another
   * object of this listing, or whose object lost a name collision to it (its stable id is on
   * a dropped duplicate): they must give the name up (see `displacedName` in apply).
   */
  displaced: StoredChild[];
  /** Crawled objects whose name collides with one already taken in this listing (first one wins). */
  conflicts: { kept: FingerprintedObject; dropped: FingerprintedObject }[];
}

/** Adds the fingerprints an object is compared by: its columns' (leaves) and its platform tags'. */
export function fingerprint(object: CrawledObject): FingerprintedObject {
  return {
    ...object,
    columnsFingerprint: object.columns ? columnsFingerprint(object.columns) : null,
    tagsFingerprint: tagsFingerprint(object.tags, object.columns),
  };
}

/**
 * Diffs a container's stored children against one crawled listing (SPEC 1.4). Identity
 * follows the platform, decided per object pair, not per technology (some platforms give ids
 * through some APIs only):
 *
 * 1. **Stable id** where both sides have one: the stored child with the crawled object's id is
 *    that object, whatever the names say (a name swap is two renames; a table renamed away
 *    while a new one took its name is a rename plus an addition).
 * 2. **Stable id elsewhere**: an object of `elsewhere` (stored under another parent of the
 *    same id scope, see apply) with the crawled object's id has moved here.
 * 3. **Name** for the rest, unless the stored child's id is in this listing under another
 *    name: a stored child whose id vanished and a crawled object with its name and another id
 *    were dropped and re-created (dbt and ETL jobs do it on every run) — the same data object,
 *    so governance survives the rebuild; recorded as changed with its new `stableId`.
 * 4. **Column fingerprint** ({@link matchRenamesByColumns}) between a disappeared child and
 *    an appeared object that do not both have a stable id (MariaDB, MySQL).
 *
 * When `only` is given the listing covers just that child, so only stored children with that
 * name or stable id, or with the name the listing shows, can be removed. A stored child whose
 * stable id only a duplicate dropped as a conflict carries is still there: it is not removed.
 */
export function diffChildren(
  stored: readonly StoredChild[],
  crawled: readonly FingerprintedObject[],
  only?: ScopeStep,
  elsewhere: readonly StoredChild[] = [],
): ChildrenChangeSet {
  const steps = diffChildrenInSteps(stored, crawled, only, elsewhere);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * How many objects a pass of the diff goes through between two pauses of
 * {@link diffChildrenInSteps}: a few milliseconds of work, so that a caller that gives the event
 * loop a turn at each pause does not hold it for a 10,000-child listing's whole diff.
 */
export const DIFF_OBJECTS_PER_STEP = 1_000;

/** Whether the `index`-th item of a pass ends a step. */
const endsStep = (index: number) => index % DIFF_OBJECTS_PER_STEP === DIFF_OBJECTS_PER_STEP - 1;

/**
 * {@link diffChildren} as a generator that pauses (yields nothing) every
 * {@link DIFF_OBJECTS_PER_STEP} objects of each pass and returns the change set: the same
 * computation, for a caller that wants to give the event loop turns in between.
 */
export function* diffChildrenInSteps(
  stored: readonly StoredChild[],
  crawled: readonly FingerprintedObject[],
  only?: ScopeStep,
  elsewhere: readonly StoredChild[] = [],
): Generator<void, ChildrenChangeSet> {
  const result: ChildrenChangeSet = { added: [], renamed: [], moved: [], restored: [], changed: [], unchanged: [], removed: [], displaced: [], conflicts: [] };
  const unique = new Map<string, FingerprintedObject>();
  for (const [i, object] of crawled.entries()) {
    const kept = unique.get(object.name);
    if (kept) result.conflicts.push({ kept, dropped: object });
    else unique.set(object.name, object);
    if (endsStep(i)) yield;
  }
  const objects = [...unique.values()];
  const collided = collidedIds(objects, result.conflicts);
  const inScope = only
    ? stored.filter((s) => s.name === only.name || (only.stableId !== null && s.stableId === only.stableId) || unique.has(s.name))
    : stored;

  // Matching uses every stored child: a scoped listing's object may be known under its new name.
  const { pairs, movers, taken } = yield* matchObjects(stored, objects, elsewhere, only !== undefined, collided);
  for (const [i, object] of objects.entries()) {
    const child = pairs.get(object);
    if (!child) result.added.push(object);
    else if (movers.has(object)) result.moved.push({ stored: child, crawled: object });
    else if (child.name !== object.name) result.renamed.push({ stored: child, crawled: object });
    else classifyMatch(result, child, object);
    if (endsStep(i)) yield;
  }
  for (const s of inScope) {
    if (!taken.has(s.id) && !s.removed && !isCollided(s, collided)) result.removed.push(s);
  }
  yield;
  for (const s of stored) {
    if (!taken.has(s.id) && unique.has(s.name)) result.displaced.push(s);
  }
  return result;
}

/**
 * Stable ids that only duplicates dropped as conflicts carry. Their stored children are still on
 * the platform (they lost a name collision, SPEC 1.2): such a child is neither removed (safe
 * deletion, SPEC 1.4) nor a disappeared partner for the column heuristic; it stays as it is.
 */
function collidedIds(kept: readonly FingerprintedObject[], conflicts: ChildrenChangeSet['conflicts']): ReadonlySet<string> {
  const keptIds = new Set(kept.flatMap((o) => (o.stableId === null ? [] : [o.stableId])));
  return new Set(conflicts.flatMap(({ dropped }) => (dropped.stableId === null || keptIds.has(dropped.stableId) ? [] : [dropped.stableId])));
}

const isCollided = (child: StoredChild, collided: ReadonlySet<string>) => child.stableId !== null && collided.has(child.stableId);

/** Pairs crawled objects with stored ones by the steps of {@link diffChildren}, in order. */
function* matchObjects(stored: readonly StoredChild[], objects: readonly FingerprintedObject[], elsewhere: readonly StoredChild[], scoped: boolean, collided: ReadonlySet<string>) {
  const pairs = new Map<FingerprintedObject, StoredChild>();
  const movers = new Set<FingerprintedObject>();
  const taken = new Set<number>();
  const pair = (object: FingerprintedObject, child: StoredChild | undefined) => {
    if (!child) return;
    pairs.set(object, child);
    taken.add(child.id);
  };
  // 1. Stable id, among this parent's children.
  const here = byStableId(stored);
  yield;
  for (const [i, object] of objects.entries()) {
    if (object.stableId !== null) pair(object, preferred(here.get(object.stableId), object.name, taken));
    if (endsStep(i)) yield;
  }
  // 2. Stable id, under another parent: a move.
  const away = byStableId(elsewhere);
  for (const [i, object] of objects.entries()) {
    if (endsStep(i)) yield;
    if (pairs.has(object) || object.stableId === null) continue;
    pair(object, preferred(away.get(object.stableId), object.name, taken));
    if (pairs.has(object)) movers.add(object);
  }
  // 3. Name, unless the stored child's id is in the listing (it is another object's name now).
  const crawledIds = new Set(objects.flatMap((o) => (o.stableId === null ? [] : [o.stableId])));
  const byName = new Map(stored.map((s) => [s.name, s]));
  yield;
  for (const [i, object] of objects.entries()) {
    const same = pairs.has(object) ? undefined : byName.get(object.name);
    if (same && !taken.has(same.id) && !(same.stableId !== null && crawledIds.has(same.stableId))) pair(object, same);
    if (endsStep(i)) yield;
  }
  // 4. Columns. A scoped listing covers one name, so it cannot show a disappearance and an appearance.
  if (!scoped) {
    const names = new Set(objects.map((o) => o.name));
    const disappeared = stored.filter((s) => !taken.has(s.id) && !s.removed && !names.has(s.name) && !isCollided(s, collided));
    const appeared = objects.filter((o) => !pairs.has(o) && !byName.has(o.name));
    yield;
    for (const [object, child] of matchRenamesByColumns(disappeared, appeared)) pair(object, child);
  }
  return { pairs, movers, taken };
}

function byStableId(children: readonly StoredChild[]): Map<string, StoredChild[]> {
  const index = new Map<string, StoredChild[]>();
  for (const child of children) {
    if (child.stableId === null) continue;
    const list = index.get(child.stableId);
    if (list) list.push(child);
    else index.set(child.stableId, [child]);
  }
  return index;
}

/**
 * Of several stored objects with one stable id (ids are reused after a wraparound; older
 * catalogs matched by name), the one with the crawled name, else one still present, else the
 * first; never one already matched.
 */
function preferred(candidates: readonly StoredChild[] | undefined, name: string, taken: ReadonlySet<number>): StoredChild | undefined {
  const free = candidates?.filter((c) => !taken.has(c.id)) ?? [];
  return free.find((c) => c.name === name) ?? free.find((c) => !c.removed) ?? free[0];
}

/**
 * The rename heuristic for objects without stable identifiers. Within one complete listing
 * of a container, a stored child that *disappeared* (no crawled object has its name; it was
 * not already removed) and a crawled object that *appeared* (no stored child has its name) are
 * the same object renamed when:
 * - not both have a stable id (where both do, the ids have already decided: different ids are
 *   different objects);
 * - both have a column fingerprint (leaves only: containers have no columns) and they are
 *   identical — same column names, ordinals, types, nullability, defaults and comments, in
 *   the same order;
 * - both are of the same kind (a table stays a table); and
 * - the match is unambiguous: each of the two has exactly one such partner.
 * Anything else stays an addition plus a removal: two identical tables renamed in the same
 * sync, a rename combined with a column change, or a rename seen through a scoped listing
 * (which covers one name only) are not recognised. A wrong guess would hand one table's
 * settings and owners to another, so ambiguity never guesses.
 */
export function matchRenamesByColumns(
  disappeared: readonly StoredChild[],
  appeared: readonly FingerprintedObject[],
): Map<FingerprintedObject, StoredChild> {
  const keyOf = (kind: string, fingerprint: string | null): string | null => (fingerprint === null ? null : `${kind}\u0000${fingerprint}`);
  const partners = new Map<FingerprintedObject | StoredChild, (FingerprintedObject | StoredChild)[]>();
  const link = (a: FingerprintedObject | StoredChild, b: FingerprintedObject | StoredChild) => {
    const list = partners.get(a);
    if (list) list.push(b);
    else partners.set(a, [b]);
  };
  const gone = new Map<string, StoredChild[]>();
  for (const s of disappeared) {
    const key = keyOf(s.kind, s.columnsFingerprint);
    if (key !== null) gone.set(key, [...(gone.get(key) ?? []), s]);
  }
  for (const object of appeared) {
    const key = keyOf(object.kind, object.columnsFingerprint);
    for (const s of (key === null ? undefined : gone.get(key)) ?? []) {
      if (s.stableId !== null && object.stableId !== null) continue;
      link(object, s);
      link(s, object);
    }
  }
  const renames = new Map<FingerprintedObject, StoredChild>();
  for (const object of appeared) {
    const [only, ...more] = partners.get(object) ?? [];
    if (only && more.length === 0 && partners.get(only)?.length === 1) renames.set(object, only as StoredChild);
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
  // No fingerprint on a crawled leaf: its columns were not read (a Trino case twin), not emptied.
  if (crawled.columnsFingerprint !== null && stored.columnsFingerprint !== crawled.columnsFingerprint) fields.push('columns');
  if (stored.stableId !== crawled.stableId) fields.push('stableId');
  if (tagsChanged(stored, crawled)) fields.push('tags');
  return fields;
}

/** Whether the crawl read platform tags that differ from the ones last read; not read is no change. */
export function tagsChanged(stored: StoredChild, crawled: FingerprintedObject): boolean {
  return crawled.tagsFingerprint != null && (stored.tagsFingerprint ?? null) !== crawled.tagsFingerprint;
}
