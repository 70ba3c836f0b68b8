import type { Clock } from '../clock.js';
import { diffChildrenInSteps, fingerprint, tagsChanged, type ChildrenChangeSet, type FingerprintedObject, type StoredChild } from '../domain/catalog-diff.js';
import type { CrawlBatch, CrawledColumn } from '../domain/catalog-types.js';
import { diffColumns, type ColumnChange } from '../domain/column-diff.js';
import { inheritSettings, overridesForNewObject, resolveSettings } from '../domain/settings.js';
import type { CatalogStore, Repositories } from '../store/catalog-store.js';
import { RESERVED_NAME_MARK, type ObjectRecord } from '../store/repositories/object-repository.js';
import type { SyncChange } from '../store/repositories/sync-change-repository.js';
import { ZERO_COUNTS, type SyncCounts, type SyncRunError } from '../store/repositories/sync-run-repository.js';
import { ListingTags } from './listing-tags.js';
import { holdLease, type RunLease } from './run-lease.js';
import { forEachChunkYielding, mapYielding, runYielding } from './yielding-map.js';

/** What apply needs to know about the run it works for. */
export interface ApplyContext {
  syncRunId: string;
  connectionId: number;
  connectionKey: string;
  /** Objects of the first sync inherit their status; later ones follow activateNewChildren. */
  firstSync: boolean;
  /** Number of levels below the connection: a child at this depth is a leaf. */
  leafDepth: number;
  /**
   * Where the connector's stable ids are unique (`ConnectorCapabilities.stableIdsUniqueWithin`):
   * a moved object is looked for below the listing's ancestor at this level. Default 0, the
   * whole connection.
   */
  stableIdsUniqueWithin?: number;
  /** The run's clock: the time written on what this listing changes. */
  clock: Clock;
  /** Each listing's transaction writes only while the run is still this worker's. */
  lease: RunLease;
  /**
   * The connection's `tagNewColumns` (default true): a column added to, or retyped on, an
   * enabled leaf gets the system tag `New`.
   */
  tagNewColumns?: boolean;
}

/** The outcome of applying one listing, added into the run's totals by the engine. */
export interface ApplyResult {
  counts: SyncCounts;
  errors: SyncRunError[];
  objectsSeen: number;
}

type ListingBatch = Extract<CrawlBatch, { type: 'listing' }>;
type UnchangedBatch = Extract<CrawlBatch, { type: 'unchanged' }>;

/**
 * How much of a listing each step handles before the event loop gets a turn (the SQLite driver
 * is synchronous: its promises resolve without one), so API requests on the read connection are
 * answered while a 10,000-table listing is applied. Each is a few milliseconds on the bench machine.
 */
const FINGERPRINTS_PER_TURN = 200;
const OBJECTS_PER_TURN = 500;
const UPDATES_PER_TURN = 100;
const IDS_PER_TURN = 2_000;
const CHANGES_PER_TURN = 1_000;

/**
 * Codes a sync run's `errors` may carry besides the connector's (which are catalogue codes
 * such as PERMISSION_DENIED or CONNECTION_LOST for a subtree that was not crawled).
 */
export const SYNC_ERROR_CODES = {
  /** Two crawled objects share a path; the first was kept. */
  OBJECT_UNIQUENESS_VIOLATION: 'OBJECT_UNIQUENESS_VIOLATION',
  /** A listing arrived for a container no longer in the catalog (deleted during the sync). */
  PARENT_MISSING: 'PARENT_MISSING',
  /** An unchanged listing no longer matched the stored children when it was applied. */
  LISTING_NOT_APPLIED: 'LISTING_NOT_APPLIED',
} as const;

/**
 * Applies one crawled listing to the catalog in one transaction, so a crash leaves that
 * container's children as before or as after. The only writer of catalog rows.
 */
export async function applyListing(store: CatalogStore, context: ApplyContext, batch: ListingBatch): Promise<ApplyResult> {
  const crawled = await mapYielding(batch.objects, fingerprint, FINGERPRINTS_PER_TURN);
  return store.transaction(async (repos) => {
    await holdLease(repos, context.lease);
    const chain = await repos.objects.findChain(context.connectionId, batch.parent);
    const path = [context.connectionKey, ...batch.parent];
    if (!chain) {
      return { counts: emptyCounts(), errors: [parentMissing(path)], objectsSeen: crawled.length };
    }
    const parent = chain[chain.length - 1]!;
    const stored = await repos.objects.listChildren(parent.id);
    const elsewhere = await storedElsewhere(repos, context, chain, stored, crawled);
    const diff = await runYielding(diffChildrenInSteps(stored.map(toStoredChild), crawled, batch.only, elsewhere.map(toStoredChild)));
    const records = new Map([...stored, ...elsewhere].map((o) => [o.id, o]));
    const writer = new ListingWriter(repos, context, parent, resolveSettings(chain.map((o) => o.overrides)), path, records);
    const withdrawnRemovals = await writer.write(diff, crawled);
    const counts = countsOf(diff);
    counts.removed -= withdrawnRemovals;
    return { counts, errors: writer.errors, objectsSeen: crawled.length };
  });
}

/**
 * Applies an `unchanged` listing: its children, as stored, are marked seen by the run and
 * counted unchanged; nothing else is written. It is applied only when the stored children are
 * still exactly those the batch vouches for (every present child, by stable id, with its
 * fingerprint); otherwise nothing is written and the listing is reported not applied — never
 * read as an empty listing, which would remove them all.
 */
export async function applyUnchangedListing(store: CatalogStore, context: ApplyContext, batch: UnchangedBatch): Promise<ApplyResult> {
  return store.transaction(async (repos) => {
    await holdLease(repos, context.lease);
    const chain = await repos.objects.findChain(context.connectionId, batch.parent);
    const path = [context.connectionKey, ...batch.parent];
    const objectsSeen = batch.fingerprints.size;
    if (!chain) return { counts: emptyCounts(), errors: [parentMissing(path)], objectsSeen };
    const parentId = chain[chain.length - 1]!.id;
    const stored = await repos.objects.storedDictionaries(parentId);
    const same =
      stored.complete &&
      stored.fingerprints.size === batch.fingerprints.size &&
      [...batch.fingerprints].every(([stableId, fingerprint]) => stored.fingerprints.get(stableId) === fingerprint);
    if (!same) {
      const message = 'The stored children changed while the sync ran; this listing was not applied';
      return { counts: emptyCounts(), errors: [{ objectPath: path, code: SYNC_ERROR_CODES.LISTING_NOT_APPLIED, message }], objectsSeen };
    }
    await repos.objects.touchChildrenSynced(parentId, context.syncRunId, context.clock.nowIso());
    return { counts: { ...emptyCounts(), unchanged: objectsSeen }, errors: [], objectsSeen };
  });
}

function parentMissing(objectPath: string[]): SyncRunError {
  return { objectPath, code: SYNC_ERROR_CODES.PARENT_MISSING, message: 'The parent object is not in the catalog (deleted during the sync?); its children were not applied' };
}

/**
 * The objects a listing's crawled objects may have moved from: same level, a stable id the
 * parent does not hold, below the ancestor within which the connector's ids are unique
 * (PostgreSQL: the database — OIDs repeat across databases). One indexed query.
 */
async function storedElsewhere(
  repos: Repositories,
  context: ApplyContext,
  chain: readonly ObjectRecord[],
  stored: readonly ObjectRecord[],
  crawled: readonly FingerprintedObject[],
): Promise<ObjectRecord[]> {
  const held = new Set(stored.map((s) => s.stableId));
  const wanted = crawled.flatMap((c) => (c.stableId === null || held.has(c.stableId) ? [] : [c.stableId]));
  if (wanted.length === 0) return [];
  const scope = chain[Math.min(context.stableIdsUniqueWithin ?? 0, chain.length - 1)]!;
  return repos.objects.findByStableIds(scope, chain.length, wanted);
}

/**
 * The name a displaced child (removed, or still there but its stable id only on a duplicate
 * dropped as a conflict; its name now another object's) keeps: its own name, a
 * reserved mark and its id — no platform name, unique, and still telling what it was.
 */
function displacedName(child: StoredChild): string {
  return `${child.name}${RESERVED_NAME_MARK}${child.id}`;
}

class ListingWriter {
  readonly errors: SyncRunError[] = [];
  private readonly changes: SyncChange[] = [];
  /** Dictionaries of objects added by this listing (nothing to delete first) and of changed ones. */
  private readonly newDictionaries = new Map<number, readonly CrawledColumn[]>();
  private readonly changedDictionaries = new Map<number, readonly CrawledColumn[]>();
  private readonly now: string;
  private readonly isLeafLevel: boolean;
  private readonly tags: ListingTags;

  constructor(
    private readonly repos: Repositories,
    private readonly context: ApplyContext,
    private readonly parent: ObjectRecord,
    private readonly parentSettings: ReturnType<typeof resolveSettings>,
    private readonly parentPath: string[],
    /** The stored records of the listing's children and of the objects moving here, by id. */
    private readonly records: ReadonlyMap<number, ObjectRecord>,
  ) {
    this.isLeafLevel = parent.depth + 1 === context.leafDepth;
    this.now = context.clock.nowIso();
    this.tags = new ListingTags(repos, { syncRunId: context.syncRunId, now: this.now }, this.changes);
  }

  /**
   * Writes the change set. Returns how many `removed` changes of this run it withdrew (objects
   * that had only moved).
   */
  async write(diff: ChildrenChangeSet, crawled: readonly FingerprintedObject[]): Promise<number> {
    const { fromPaths, withdrawn } = await this.relocate(diff);
    await this.add(diff.added);
    await eachYielding(diff.renamed, ({ stored, crawled }) => this.update(stored, crawled, 'renamed', { from: stored.name, to: crawled.name }));
    await eachYielding(diff.moved, ({ stored, crawled }) =>
      this.update(stored, crawled, 'moved', { from: fromPaths.get(stored.id), to: this.pathOf(crawled.name), ...(stored.removed && { restored: true }) }),
    );
    await eachYielding(diff.restored, ({ stored, crawled }) => this.update(stored, crawled, 'restored', {}));
    await eachYielding(diff.changed, ({ stored, crawled, fields }) => this.update(stored, crawled, 'changed', { fields }));
    await forEachChunkYielding(diff.unchanged.map((s) => s.id), (ids) => this.repos.objects.touchSynced(ids, this.context.syncRunId, this.now), IDS_PER_TURN);
    await this.refreshDictionaryFingerprints(diff.unchanged, crawled);
    await this.remove(diff.removed);
    this.recordConflicts(diff.conflicts);
    await this.repos.columns.replace(this.newDictionaries, true);
    await this.repos.columns.replace(this.changedDictionaries);
    await this.tags.write();
    await forEachChunkYielding(this.changes, (slice) => this.repos.syncChanges.insertMany(this.context.syncRunId, slice), CHANGES_PER_TURN);
    return withdrawn;
  }

  /**
   * Clears the way for the listing's names, in an order no unique (parent_id, name) check can
   * trip over: displaced children step aside for good, renamed and moved ones park on unique
   * names, moved ones are re-parented with their subtrees. Additions then take their names,
   * and renamed and moved objects theirs last (in `update`) — all in the listing's one
   * transaction. A moved object the old parent's listing marked removed in this run gets that
   * `removed` change withdrawn.
   */
  private async relocate(diff: ChildrenChangeSet) {
    for (const child of diff.displaced) await this.repos.objects.updateMetadata(child.id, { name: displacedName(child) }, null, this.now);
    const fromPaths = await this.repos.objects.pathsOf(diff.moved.map((m) => this.records.get(m.stored.id)!));
    await this.repos.objects.parkNames([...diff.renamed, ...diff.moved].map((m) => m.stored.id), this.now);
    let withdrawn = 0;
    for (const { stored } of diff.moved) {
      const record = this.records.get(stored.id)!;
      await this.repos.objects.moveSubtree(record, this.parent, this.now);
      if (record.removed && record.lastSyncRunId === this.context.syncRunId) {
        withdrawn += await this.repos.syncChanges.deleteRemoval(this.context.syncRunId, stored.id);
      }
    }
    return { fromPaths, withdrawn };
  }

  /**
   * Unchanged leaves whose columns were read with a fingerprint other than the stored one (a
   * dictionary stored before fingerprints, or by a Warden with another FINGERPRINT_VERSION): the
   * stored columns are the crawled ones, so the crawled fingerprint describes them from now on.
   */
  private async refreshDictionaryFingerprints(unchanged: readonly StoredChild[], crawled: readonly FingerprintedObject[]): Promise<void> {
    const byName = new Map(crawled.map((o) => [o.name, o]));
    const stale: { id: number; fingerprint: string | null }[] = [];
    await forEachChunkYielding(unchanged, (slice) => {
      for (const stored of slice) {
        const object = byName.get(stored.name);
        const fingerprint = object?.columns ? (object.dictionaryFingerprint ?? null) : undefined;
        if (fingerprint !== undefined && fingerprint !== this.records.get(stored.id)!.dictionaryFingerprint) stale.push({ id: stored.id, fingerprint });
      }
    }, IDS_PER_TURN);
    await eachYielding(stale, ({ id, fingerprint }) => this.repos.objects.setDictionaryFingerprint(id, fingerprint));
  }

  private async remove(children: readonly StoredChild[]): Promise<void> {
    await eachYielding(children, async (stored) => {
      // The record read with the listing: a removed child was neither moved nor renamed here, so its id path holds.
      const count = await this.repos.objects.markSubtreeRemoved(this.records.get(stored.id)!, this.context.syncRunId, this.now);
      this.changes.push({ objectId: stored.id, objectPath: this.pathOf(stored.name), change: 'removed', details: { objectsRemoved: count } });
    });
  }

  private recordConflicts(conflicts: ChildrenChangeSet['conflicts']): void {
    for (const { kept, dropped } of conflicts) {
      const message = `Two objects named ${JSON.stringify(dropped.name)} (stable ids ${kept.stableId ?? 'none'} and ${dropped.stableId ?? 'none'}); the first was kept`;
      this.errors.push({ objectPath: this.pathOf(dropped.name), code: SYNC_ERROR_CODES.OBJECT_UNIQUENESS_VIOLATION, message });
      this.changes.push({ objectId: null, objectPath: this.pathOf(dropped.name), change: 'conflict', details: { message } });
    }
  }

  private async add(objects: readonly FingerprintedObject[]): Promise<void> {
    if (objects.length === 0) return;
    const overrides = overridesForNewObject(this.parentSettings, this.context.firstSync);
    // In slices, each inserted with its ids, changes and tags before the next: a bounded step each.
    await forEachChunkYielding(objects, (slice) => this.addSlice(slice, overrides), OBJECTS_PER_TURN);
  }

  private async addSlice(objects: readonly FingerprintedObject[], overrides: ReturnType<typeof overridesForNewObject>): Promise<void> {
    const ids = await this.repos.objects.insertChildren(
      this.parent,
      objects.map((o) => ({
        name: o.name,
        kind: o.kind,
        isLeaf: this.isLeafLevel,
        stableId: o.stableId,
        comment: o.comment,
        overrides,
        columnsFingerprint: o.columnsFingerprint,
        tagsFingerprint: o.tagsFingerprint ?? null,
        // Only with the columns it describes: an added object's dictionary is the one read now.
        dictionaryFingerprint: o.columns ? (o.dictionaryFingerprint ?? null) : null,
      })),
      this.now,
      this.context.syncRunId,
    );
    for (const object of objects) {
      const id = ids.get(object.name)!;
      if (object.columns) this.newDictionaries.set(id, object.columns);
      const details: Record<string, unknown> = { kind: object.kind };
      if (overrides.isActive !== null) details.isActive = overrides.isActive;
      this.changes.push({ objectId: id, objectPath: this.pathOf(object.name), change: 'added', details });
      this.tags.added(id, this.pathOf(object.name), object);
    }
  }

  private async update(
    stored: StoredChild,
    crawled: FingerprintedObject,
    change: 'renamed' | 'moved' | 'restored' | 'changed',
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.repos.objects.updateMetadata(
      stored.id,
      {
        name: crawled.name,
        kind: crawled.kind,
        stableId: crawled.stableId,
        comment: crawled.comment,
        columnsFingerprint: crawled.columnsFingerprint ?? stored.columnsFingerprint,
        // Tags not read leave the stored ones, and the digest of them, as they were.
        ...(crawled.tagsFingerprint != null && { tagsFingerprint: crawled.tagsFingerprint }),
        // Columns not read leave the stored dictionary, and its fingerprint, as they were.
        ...(crawled.columns && { dictionaryFingerprint: crawled.dictionaryFingerprint ?? null }),
        removed: false,
      },
      this.context.syncRunId,
      this.now,
    );
    if (crawled.comment !== stored.comment) details.comment = { from: stored.comment, to: crawled.comment };
    if (crawled.kind !== stored.kind) details.kind = { from: stored.kind, to: crawled.kind };
    if (crawled.stableId !== stored.stableId) details.stableId = { from: stored.stableId, to: crawled.stableId };
    let columns: ColumnChange[] = [];
    if (crawled.columns && crawled.columnsFingerprint !== stored.columnsFingerprint) {
      columns = diffColumns(await this.repos.columns.listFor(stored.id), crawled.columns);
      details.columns = columns;
      this.changedDictionaries.set(stored.id, crawled.columns);
    }
    this.changes.push({ objectId: stored.id, objectPath: this.pathOf(crawled.name), change, details });
    await this.tags.changed(stored.id, this.pathOf(crawled.name), crawled, { tags: tagsChanged(stored, crawled), columns, markNew: this.marksNewColumns(stored) });
  }

  /**
   * Whether added and retyped columns of this existing object get `New`: it is a data source
   * (an enabled leaf, its effective status under this parent) and the connection wants it.
   */
  private marksNewColumns(stored: StoredChild): boolean {
    const record = this.records.get(stored.id);
    if (!this.isLeafLevel || this.context.tagNewColumns === false || !record) return false;
    return inheritSettings(this.parentSettings, record.overrides).isActive;
  }

  private pathOf(name: string): string[] {
    return [...this.parentPath, name];
  }
}

/** Runs `step` on each item in order, a turn for the event loop every UPDATES_PER_TURN items (a row write or more each). */
function eachYielding<T>(items: readonly T[], step: (item: T) => Promise<void>): Promise<void> {
  return forEachChunkYielding(items, async (slice) => {
    for (const item of slice) await step(item);
  }, UPDATES_PER_TURN);
}

function toStoredChild(record: ObjectRecord): StoredChild {
  return {
    id: record.id,
    name: record.name,
    kind: record.kind,
    stableId: record.stableId,
    comment: record.comment,
    removed: record.removed,
    columnsFingerprint: record.columnsFingerprint,
    tagsFingerprint: record.tagsFingerprint,
  };
}

function countsOf(diff: ChildrenChangeSet): SyncCounts {
  return {
    added: diff.added.length,
    removed: diff.removed.length,
    restored: diff.restored.length,
    renamed: diff.renamed.length,
    moved: diff.moved.length,
    changed: diff.changed.length,
    unchanged: diff.unchanged.length,
    conflicts: diff.conflicts.length,
  };
}

export function emptyCounts(): SyncCounts {
  return { ...ZERO_COUNTS };
}

/** Adds `more` into `total`. */
export function addCounts(total: SyncCounts, more: SyncCounts): void {
  for (const key of Object.keys(total) as (keyof SyncCounts)[]) total[key] += more[key];
}
