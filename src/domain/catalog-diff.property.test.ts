import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScopeStep } from './catalog-types.js';
import { changedFields, diffChildren, type ChildrenChangeSet, type FingerprintedObject, type StoredChild } from './catalog-diff.js';

// Fixed seeds keep CI deterministic; a failure prints its seed and shrunk counterexample.
const RUNS = { seed: 1604, numRuns: 1000 } as const;

/**
 * Which identifiers the platform gives: every object has a stable id (PostgreSQL, Snowflake),
 * none has (MariaDB, MySQL), or some have (ids through some APIs only).
 */
type Mode = 'ids' | 'none' | 'mixed';

// A small pool of names, with case variants, so that operations collide with stored names often.
const NAMES = ['a', 'b', 'c', 'd', 'A', 'B', 'ab', 'Ab'] as const;
// Names no stored child has, so that renames and creations also appear (the column heuristic's half).
const NEW_NAMES = [...NAMES, 'x', 'y', 'X'] as const;
const FINGERPRINTS = ['f1', 'f2', 'f3'] as const;
const KINDS = ['table', 'table', 'view', 'schema'] as const;
const isLeaf = (kind: string) => kind !== 'schema';

/** A remote operation between the last sync and this one; indices wrap around the current listing. */
type Op =
  | { op: 'rename'; at: number; to: string }
  | { op: 'swap'; at: number; with: number }
  | { op: 'drop'; at: number }
  | { op: 'recreate'; at: number; fp: string; id: boolean }
  | { op: 'create'; name: string; kind: string; fp: string; id: boolean }
  | { op: 'retype'; at: number }
  | { op: 'twin'; at: number; exact: boolean; before: boolean; id: boolean }
  | { op: 'moveIn'; from: number; name: string };

const index = fc.nat({ max: 20 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('rename' as const), at: index, to: fc.constantFrom(...NEW_NAMES) }),
  fc.record({ op: fc.constant('swap' as const), at: index, with: index }),
  fc.record({ op: fc.constant('drop' as const), at: index }),
  fc.record({ op: fc.constant('recreate' as const), at: index, fp: fc.constantFrom(...FINGERPRINTS), id: fc.boolean() }),
  fc.record({ op: fc.constant('create' as const), name: fc.constantFrom(...NEW_NAMES), kind: fc.constantFrom(...KINDS), fp: fc.constantFrom(...FINGERPRINTS), id: fc.boolean() }),
  fc.record({ op: fc.constant('retype' as const), at: index }),
  fc.record({ op: fc.constant('twin' as const), at: index, exact: fc.boolean(), before: fc.boolean(), id: fc.boolean() }),
  fc.record({ op: fc.constant('moveIn' as const), from: index, name: fc.constantFrom(...NEW_NAMES) }),
);

const raw = fc.record({
  mode: fc.constantFrom<Mode>('ids', 'none', 'mixed'),
  stored: fc.uniqueArray(
    fc.record({ name: fc.constantFrom(...NAMES), kind: fc.constantFrom(...KINDS), fp: fc.constantFrom(...FINGERPRINTS), removed: fc.boolean(), id: fc.boolean() }),
    { selector: (s) => s.name, maxLength: 7 },
  ),
  elsewhere: fc.array(fc.record({ kind: fc.constantFrom(...KINDS), fp: fc.constantFrom(...FINGERPRINTS), removed: fc.boolean() }), { maxLength: 2 }),
  ops: fc.array(op, { maxLength: 8 }),
  scope: fc.option(fc.record({ pick: index, useId: fc.boolean(), stray: fc.boolean() }), { freq: 3 }),
  // Stable ids are reused after a wraparound: some catalogs hold two children with one id.
  reuseId: fc.boolean(),
});

type Raw = typeof raw extends fc.Arbitrary<infer T> ? T : never;

/** One remote object and where it came from: the model's knowledge, hidden from the diff. */
interface Remote {
  object: FingerprintedObject;
  /** The stored child this object is (same platform object, maybe renamed or retyped). */
  origin: StoredChild | null;
  /** The stored child of another parent that moved here. */
  movedFrom: StoredChild | null;
  /** The stored child this object replaced by drop + create under its name. */
  replaced: StoredChild | null;
}

interface World {
  mode: Mode;
  stored: StoredChild[];
  elsewhere: StoredChild[];
  remote: Remote[];
  crawled: FingerprintedObject[];
  only: ScopeStep | undefined;
  reusedIds: boolean;
}

/** Builds the stored children, applies the remote operations, and lists (or scopes) the result. */
function world(r: Raw): World {
  let rowId = 0;
  let platformId = 0;
  const idFor = (has: boolean) => (r.mode === 'ids' || (r.mode === 'mixed' && has) ? `n${++platformId}` : null);
  const stored: StoredChild[] = r.stored.map((s) => ({
    id: ++rowId,
    name: s.name,
    kind: s.kind,
    stableId: r.mode === 'ids' || (r.mode === 'mixed' && s.id) ? `s${rowId}` : null,
    comment: null,
    removed: s.removed,
    columnsFingerprint: isLeaf(s.kind) ? s.fp : null,
  }));
  const withIds = stored.filter((s) => s.stableId !== null);
  const reusedIds = r.reuseId && withIds.length >= 2;
  if (reusedIds) withIds[withIds.length - 1]!.stableId = withIds[0]!.stableId;
  const elsewhere: StoredChild[] =
    r.mode === 'none'
      ? []
      : r.elsewhere.map((e) => ({ id: ++rowId, name: `moved${rowId}`, kind: e.kind, stableId: `e${rowId}`, comment: null, removed: e.removed, columnsFingerprint: isLeaf(e.kind) ? e.fp : null }));

  const asObject = (s: StoredChild): FingerprintedObject => ({ name: s.name, kind: s.kind, stableId: s.stableId, comment: s.comment, columnsFingerprint: s.columnsFingerprint });
  const remote: Remote[] = stored.filter((s) => !s.removed).map((s) => ({ object: asObject(s), origin: s, movedFrom: null, replaced: null }));
  const live = (name: string) => remote.some((x) => x.object.name === name);
  // A platform refuses a second object under a live name; only `twin` (a case-folding collision) makes one.
  const freeName = (wanted: string) => (live(wanted) ? `fresh${++platformId}` : wanted);
  const fresh = (name: string, kind: string, fp: string, id: boolean): FingerprintedObject => ({
    name, kind, stableId: idFor(id), comment: null, columnsFingerprint: isLeaf(kind) ? fp : null,
  });
  const at = (i: number) => remote[i % remote.length]!;
  for (const o of r.ops) {
    if (o.op === 'create') {
      remote.push({ object: fresh(freeName(o.name), o.kind, o.fp, o.id), origin: null, movedFrom: null, replaced: null });
      continue;
    }
    if (o.op === 'moveIn') {
      const e = elsewhere[o.from % Math.max(1, elsewhere.length)];
      if (!e || remote.some((x) => x.object.stableId === e.stableId)) continue;
      remote.push({ object: { ...asObject(e), name: freeName(o.name) }, origin: null, movedFrom: e, replaced: null });
      continue;
    }
    if (remote.length === 0) continue;
    const target = at(o.at);
    if (o.op === 'rename') target.object = { ...target.object, name: freeName(o.to) };
    else if (o.op === 'swap') {
      const other = at(o.with);
      [target.object, other.object] = [{ ...target.object, name: other.object.name }, { ...other.object, name: target.object.name }];
    } else if (o.op === 'drop') remote.splice(remote.indexOf(target), 1);
    else if (o.op === 'recreate') {
      const next: Remote = { object: fresh(target.object.name, target.object.kind, o.fp, o.id), origin: null, movedFrom: null, replaced: target.origin };
      remote.splice(remote.indexOf(target), 1, next);
    } else if (o.op === 'retype') {
      const fp = target.object.columnsFingerprint;
      if (fp !== null) target.object = { ...target.object, columnsFingerprint: FINGERPRINTS[(FINGERPRINTS.indexOf(fp as (typeof FINGERPRINTS)[number]) + 1) % FINGERPRINTS.length]! };
    } else {
      const name = o.exact ? target.object.name : swapCase(target.object.name);
      const twin: Remote = { object: { ...target.object, name, stableId: idFor(o.id) }, origin: null, movedFrom: null, replaced: null };
      remote.splice(remote.indexOf(target) + (o.before ? 0 : 1), 0, twin);
    }
  }

  let only: ScopeStep | undefined;
  if (r.scope) {
    const pick = stored[r.scope.pick % Math.max(1, stored.length)];
    only = pick && !r.scope.stray ? { name: pick.name, stableId: r.scope.useId ? pick.stableId : null } : { name: NAMES[r.scope.pick % NAMES.length]!, stableId: null };
  }
  const covered = (o: FingerprintedObject) => !only || o.name === only.name || (only.stableId !== null && o.stableId === only.stableId);
  return { mode: r.mode, stored, elsewhere, remote, crawled: remote.map((x) => x.object).filter(covered), only, reusedIds };
}

const swapCase = (name: string) => [...name].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
const worlds = raw.map(world);

/** What became of each crawled object and each stored child, in a form both the diff and the model give. */
interface Outcome {
  /** Per kept crawled object (by position in the listing): its class and the stored row it is. */
  objects: Map<FingerprintedObject, { as: 'added' | 'renamed' | 'moved' | 'restored' | 'changed' | 'unchanged'; row: number | null; fields?: string[] }>;
  removed: number[];
  displaced: number[];
  dropped: FingerprintedObject[];
}

function outcomeOf(diff: ChildrenChangeSet, crawled: readonly FingerprintedObject[]): Outcome {
  const objects: Outcome['objects'] = new Map();
  const put = (object: FingerprintedObject, entry: Outcome['objects'] extends Map<unknown, infer V> ? V : never) => {
    // Every crawled object is accounted for once: a second entry is a defect of the diff.
    expect(objects.has(object), `crawled ${JSON.stringify(object)} classified twice`).toBe(false);
    objects.set(object, entry);
  };
  for (const o of diff.added) put(o, { as: 'added', row: null });
  for (const m of diff.renamed) put(m.crawled, { as: 'renamed', row: m.stored.id });
  for (const m of diff.moved) put(m.crawled, { as: 'moved', row: m.stored.id });
  for (const m of diff.restored) put(m.crawled, { as: 'restored', row: m.stored.id });
  for (const m of diff.changed) put(m.crawled, { as: 'changed', row: m.stored.id, fields: m.fields });
  for (const s of diff.unchanged) {
    // Unchanged children carry no crawled object: the one of the same name is theirs.
    const object = crawled.find((o) => o.name === s.name && !diff.conflicts.some((c) => c.dropped === o));
    expect(object, `unchanged ${s.name} has no crawled object`).toBeDefined();
    put(object!, { as: 'unchanged', row: s.id });
  }
  return { objects, removed: diff.removed.map((s) => s.id), displaced: diff.displaced.map((s) => s.id), dropped: diff.conflicts.map((c) => c.dropped) };
}

/**
 * The model: docs/connectors.md §3, written object by object in listing order. 1. same id here
 * (of several rows with a reused id: the one with the crawled name, else a present one, else
 * the first); 2. same id under another parent; 3. same name, unless the stored child's id is in
 * the listing; 4. on a complete listing, the one partner of the same kind and columns among
 * what disappeared and appeared, not both with ids.
 */
function model(w: World): Outcome {
  const { kept, dropped, collided } = duplicates(w.crawled);
  const ids = new Set(kept.map((o) => o.stableId).filter((id) => id !== null));
  const keptNames = new Set(kept.map((o) => o.name));
  const storedNames = new Set(w.stored.map((s) => s.name));
  const row = new Map<FingerprintedObject, StoredChild>();
  const moved = new Set<FingerprintedObject>();
  const free = (s: StoredChild) => ![...row.values()].includes(s);
  const withId = (among: StoredChild[], o: FingerprintedObject) => {
    const candidates = among.filter((s) => o.stableId !== null && s.stableId === o.stableId && free(s));
    return candidates.find((s) => s.name === o.name) ?? candidates.find((s) => !s.removed) ?? candidates[0];
  };
  for (const o of kept) {
    const here = withId(w.stored, o);
    if (here) row.set(o, here);
  }
  for (const o of kept) {
    const away = row.has(o) ? undefined : withId(w.elsewhere, o);
    if (away) row.set(o, away), moved.add(o);
  }
  for (const o of kept) {
    const byName = row.has(o) ? undefined : w.stored.find((s) => s.name === o.name && free(s) && (s.stableId === null || !ids.has(s.stableId)));
    if (byName) row.set(o, byName);
  }
  if (!w.only) {
    const taken = new Set(row.values());
    const gone = w.stored.filter((s) => !taken.has(s) && !s.removed && !keptNames.has(s.name) && !collided(s));
    const come = kept.filter((o) => !row.has(o) && !storedNames.has(o.name));
    type Side = Pick<StoredChild, 'kind' | 'columnsFingerprint' | 'stableId'>;
    const partners = <T extends Side>(a: Side, among: readonly T[]): T[] =>
      among.filter((b) => a.columnsFingerprint !== null && b.kind === a.kind && b.columnsFingerprint === a.columnsFingerprint && (a.stableId === null || b.stableId === null));
    for (const o of come) {
      const [s, ...more] = partners(o, gone);
      if (s && more.length === 0 && partners(s, come).length === 1) row.set(o, s);
    }
  }
  const objects: Outcome['objects'] = new Map();
  for (const o of kept) {
    const s = row.get(o);
    if (!s) objects.set(o, { as: 'added', row: null });
    else if (moved.has(o)) objects.set(o, { as: 'moved', row: s.id });
    else if (s.name !== o.name) objects.set(o, { as: 'renamed', row: s.id });
    else if (s.removed) objects.set(o, { as: 'restored', row: s.id });
    else {
      const fields = (['kind', 'comment', 'columns', 'stableId'] as const).filter((f) =>
        // A crawled object without a fingerprint did not have its columns read: they are kept.
        f === 'columns' ? o.columnsFingerprint !== null && s.columnsFingerprint !== o.columnsFingerprint : s[f] !== o[f],
      );
      objects.set(o, fields.length > 0 ? { as: 'changed', row: s.id, fields: [...fields] } : { as: 'unchanged', row: s.id });
    }
  }
  const matched = new Set([...row.values()].map((s) => s.id));
  const only = w.only;
  const inScope = (s: StoredChild) => !only || s.name === only.name || (only.stableId !== null && s.stableId === only.stableId) || keptNames.has(s.name);
  return {
    objects,
    removed: w.stored.filter((s) => !matched.has(s.id) && !s.removed && inScope(s) && !collided(s)).map((s) => s.id),
    displaced: w.stored.filter((s) => !matched.has(s.id) && keptNames.has(s.name)).map((s) => s.id),
    dropped,
  };
}

/**
 * The first object of each name is kept, later ones dropped. A stored child whose stable id
 * only dropped objects carry is still on the platform (collided): never removed, never a
 * disappeared rename partner.
 */
function duplicates(crawled: readonly FingerprintedObject[]) {
  const kept: FingerprintedObject[] = [];
  const dropped: FingerprintedObject[] = [];
  for (const o of crawled) (kept.some((k) => k.name === o.name) ? dropped : kept).push(o);
  const keptIds = new Set(kept.map((o) => o.stableId));
  const lost = new Set(dropped.map((o) => o.stableId).filter((id) => id !== null && !keptIds.has(id)));
  return { kept, dropped, collided: (s: StoredChild) => s.stableId !== null && lost.has(s.stableId) };
}

const diffOf = (w: World) => diffChildren(w.stored, w.crawled, w.only, w.elsewhere);

describe('diffChildren over random remote changes (property)', () => {
  it('accounts for every crawled object exactly once and matches no stored child twice', () => {
    fc.assert(
      fc.property(worlds, (w) => {
        const diff = diffOf(w);
        const outcome = outcomeOf(diff, w.crawled);
        // Kept or dropped as a conflict, never both, never neither.
        expect(outcome.objects.size + outcome.dropped.length).toBe(w.crawled.length);
        for (const o of outcome.dropped) expect(outcome.objects.has(o)).toBe(false);
        const rows = [...outcome.objects.values()].flatMap((e) => (e.row === null ? [] : [e.row]));
        expect(new Set(rows).size).toBe(rows.length);
        for (const id of outcome.removed) expect(rows).not.toContain(id);
        expect(new Set(outcome.removed).size).toBe(outcome.removed.length);
      }),
      RUNS,
    );
  });

  it('keeps the first object of a duplicate name and drops every later one as a conflict', () => {
    fc.assert(
      fc.property(worlds, (w) => {
        const diff = diffOf(w);
        const first = (o: FingerprintedObject) => w.crawled.find((k) => k.name === o.name)!;
        expect(diff.conflicts.map((c) => c.dropped)).toEqual(w.crawled.filter((o) => first(o) !== o));
        for (const c of diff.conflicts) expect(c.kept).toBe(first(c.dropped));
      }),
      RUNS,
    );
  });

  it('removes only unmatched present children, and on a scoped listing none outside its scope', () => {
    fc.assert(
      fc.property(worlds, (w) => {
        const diff = diffOf(w);
        const { objects, removed } = outcomeOf(diff, w.crawled);
        const matched = new Set([...objects.values()].map((e) => e.row));
        const names = new Set(w.crawled.map((o) => o.name));
        const { collided } = duplicates(w.crawled);
        const only = w.only;
        for (const s of w.stored) {
          const inScope = !only || s.name === only.name || (only.stableId !== null && s.stableId === only.stableId) || names.has(s.name);
          // A complete listing removes every present child it did not match; a scoped one only those it covers.
          expect(removed.includes(s.id)).toBe(!s.removed && !matched.has(s.id) && inScope && !collided(s));
        }
      }),
      RUNS,
    );
  });

  it('never removes a stored child whose stable id the listing shows, even on a duplicate it dropped', () => {
    // SPEC 1.4 safe deletion: an object still on the platform is not removed; losing a name collision is a conflict, not a drop.
    fc.assert(
      fc.property(worlds, (w) => {
        const listed = new Set(w.crawled.map((o) => o.stableId).filter((id) => id !== null));
        // Where a reused id sits on two rows, one object can be only one of them: the other may go.
        const own = (s: StoredChild) => s.stableId !== null && w.stored.filter((t) => t.stableId === s.stableId).length === 1;
        for (const s of diffOf(w).removed) expect(own(s) && listed.has(s.stableId!), `removed ${JSON.stringify(s)}`).toBe(false);
      }),
      RUNS,
    );
  });

  it('keeps the stored row of an object whose stable id is on both sides: renamed, changed, unchanged or restored, never added', () => {
    fc.assert(
      fc.property(worlds, (w) => {
        const { objects } = outcomeOf(diffOf(w), w.crawled);
        for (const [o, entry] of objects) {
          const here = w.stored.filter((s) => o.stableId !== null && s.stableId === o.stableId);
          if (here.length === 0) continue;
          expect(entry.as).not.toBe('added');
          expect(entry.as).not.toBe('moved');
          expect(here.map((s) => s.id)).toContain(entry.row);
        }
      }),
      RUNS,
    );
  });

  it('classifies every crawled object and stored child as the model of docs/connectors.md §3 does', () => {
    fc.assert(
      fc.property(
        worlds,
        (w) => {
          const actual = outcomeOf(diffOf(w), w.crawled);
          const expected = model(w);
          const named = (o: Outcome) => ({
            // In listing order: the diff groups by class, the model goes object by object.
            objects: w.crawled.flatMap((object) => { const entry = o.objects.get(object); return entry ? [{ object, ...entry }] : []; }),
            removed: [...o.removed].sort(),
            displaced: [...o.displaced].sort(),
            dropped: o.dropped,
          });
          expect(named(actual)).toEqual(named(expected));
        },
      ),
      RUNS,
    );
  });
});

describe('diffChildren against what happened on the platform (property)', () => {
  it('keeps each object that went on existing under its stored row; a platform with ids also keeps replaced and moved ones', () => {
    fc.assert(
      fc.property(
        worlds.filter((w) => !w.reusedIds),
        (w) => {
          const { objects } = outcomeOf(diffOf(w), w.crawled);
          for (const r of w.remote) {
            const entry = objects.get(r.object);
            if (!entry) continue; // outside a scoped listing, or dropped as a conflict
            if (r.origin && (r.origin.stableId !== null || r.object.name === r.origin.name)) {
              // Same id, or (without ids) the same name: nothing can take it from its row.
              expect(entry.row).toBe(r.origin.id);
              expect(entry.as).toBe(r.object.name === r.origin.name ? (changedFields(r.origin, r.object).length ? 'changed' : 'unchanged') : 'renamed');
            }
            if (r.movedFrom) expect(entry).toEqual({ as: 'moved', row: r.movedFrom.id });
            if (w.mode === 'ids' && r.replaced && r.replaced.name === r.object.name) {
              // Dropped and re-created under its name (dbt, ETL): governance survives, the new id is recorded.
              expect(entry.row).toBe(r.replaced.id);
              expect(entry.fields).toContain('stableId');
            }
          }
        },
      ),
      RUNS,
    );
  });

  it('is fed a sample that reaches every class of the diff, so the properties above are not vacuous', () => {
    // Guards the generator: if a change made some class unreachable, the properties would pass on nothing.
    const seen = new Set<string>();
    for (const w of fc.sample(worlds, { seed: RUNS.seed, numRuns: RUNS.numRuns })) {
      const diff = diffOf(w);
      for (const key of ['added', 'renamed', 'moved', 'restored', 'changed', 'unchanged', 'removed', 'displaced', 'conflicts'] as const) {
        if (diff[key].length > 0) seen.add(w.only && key === 'removed' ? 'removed (scoped)' : key);
      }
      if (diff.renamed.some((m) => m.stored.stableId === null || m.crawled.stableId === null)) seen.add('renamed by columns');
      if (diff.changed.some((m) => m.fields.includes('stableId'))) seen.add('re-created');
      if (w.reusedIds) seen.add('reused id');
    }
    expect([...seen].sort()).toEqual(
      ['added', 'changed', 'conflicts', 'displaced', 'moved', 're-created', 'removed', 'removed (scoped)', 'renamed', 'renamed by columns', 'restored', 'reused id', 'unchanged'].sort(),
    );
  });
});
