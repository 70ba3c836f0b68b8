import type { Clock } from '../clock.js';
import { diffChildren, fingerprint, type ChildrenChangeSet, type FingerprintedObject, type StoredChild } from '../domain/catalog-diff.js';
import type { CrawlBatch, CrawledColumn } from '../domain/catalog-types.js';
import { diffColumns } from '../domain/column-diff.js';
import { overridesForNewObject, resolveSettings } from '../domain/settings.js';
import type { CatalogStore, Repositories } from '../store/catalog-store.js';
import type { ObjectRecord } from '../store/repositories/object-repository.js';
import type { SyncChange } from '../store/repositories/sync-change-repository.js';
import type { SyncCounts, SyncRunError } from '../store/repositories/sync-run-repository.js';
import { holdLease, type RunLease } from './run-lease.js';
import { mapYielding } from './yielding-map.js';

/** What apply needs to know about the run it works for. */
export interface ApplyContext {
  syncRunId: string;
  connectionId: number;
  connectionKey: string;
  /** Objects of the first sync inherit their status; later ones follow activateNewChildren. */
  firstSync: boolean;
  /** Number of levels below the connection: a child at this depth is a leaf. */
  leafDepth: number;
  /** False when the technology has no stable ids: renames are then recognised by column fingerprint (catalog-diff.ts). Default true. */
  stableIds?: boolean;
  /** The run's clock: the time written on what this listing changes. */
  clock: Clock;
  /** Each listing's transaction writes only while the run is still this worker's. */
  lease: RunLease;
}

/** The outcome of applying one listing, added into the run's totals by the engine. */
export interface ApplyResult {
  counts: SyncCounts;
  errors: SyncRunError[];
  objectsSeen: number;
}

type ListingBatch = Extract<CrawlBatch, { type: 'listing' }>;

/**
 * Codes a sync run's `errors` may carry besides the connector's (which are catalogue codes
 * such as PERMISSION_DENIED or CONNECTION_LOST for a subtree that was not crawled).
 */
export const SYNC_ERROR_CODES = {
  /** Two crawled objects share a path; the first was kept. */
  OBJECT_UNIQUENESS_VIOLATION: 'OBJECT_UNIQUENESS_VIOLATION',
  /** A listing arrived for a container no longer in the catalog (deleted during the sync). */
  PARENT_MISSING: 'PARENT_MISSING',
} as const;

/**
 * Applies one crawled listing to the catalog in one transaction, so a crash leaves that
 * container's children as before or as after. The only writer of catalog rows.
 */
export async function applyListing(store: CatalogStore, context: ApplyContext, batch: ListingBatch): Promise<ApplyResult> {
  const crawled = await mapYielding(batch.objects, fingerprint);
  return store.transaction(async (repos) => {
    await holdLease(repos, context.lease);
    const chain = await repos.objects.findChain(context.connectionId, batch.parent);
    const path = [context.connectionKey, ...batch.parent];
    if (!chain) {
      return {
        counts: emptyCounts(),
        errors: [{ objectPath: path, code: SYNC_ERROR_CODES.PARENT_MISSING, message: 'The parent object is not in the catalog (deleted during the sync?); its children were not applied' }],
        objectsSeen: crawled.length,
      };
    }
    const parent = chain[chain.length - 1]!;
    const stored = await repos.objects.listChildren(parent.id);
    const diff = diffChildren(stored.map(toStoredChild), crawled, batch.only, { renameBy: context.stableIds === false ? 'columnsFingerprint' : 'stableId' });
    const writer = new ListingWriter(repos, context, parent, resolveSettings(chain.map((o) => o.overrides)), path);
    await writer.write(diff);
    return { counts: countsOf(diff), errors: writer.errors, objectsSeen: crawled.length };
  });
}

class ListingWriter {
  readonly errors: SyncRunError[] = [];
  private readonly changes: SyncChange[] = [];
  /** Dictionaries of objects added by this listing (nothing to delete first) and of changed ones. */
  private readonly newDictionaries = new Map<number, readonly CrawledColumn[]>();
  private readonly changedDictionaries = new Map<number, readonly CrawledColumn[]>();
  private readonly now: string;
  private readonly isLeafLevel: boolean;

  constructor(
    private readonly repos: Repositories,
    private readonly context: ApplyContext,
    private readonly parent: ObjectRecord,
    private readonly parentSettings: ReturnType<typeof resolveSettings>,
    private readonly parentPath: string[],
  ) {
    this.isLeafLevel = parent.depth + 1 === context.leafDepth;
    this.now = context.clock.nowIso();
  }

  async write(diff: ChildrenChangeSet): Promise<void> {
    await this.add(diff.added);
    for (const { stored, crawled } of diff.renamed) {
      await this.update(stored, crawled, 'renamed', { from: stored.name, to: crawled.name });
    }
    for (const { stored, crawled } of diff.restored) await this.update(stored, crawled, 'restored', {});
    for (const { stored, crawled, fields } of diff.changed) await this.update(stored, crawled, 'changed', { fields });
    await this.repos.objects.touchSynced(diff.unchanged.map((s) => s.id), this.context.syncRunId, this.now);
    for (const stored of diff.removed) {
      const count = await this.repos.objects.markSubtreeRemoved(await this.record(stored), this.context.syncRunId, this.now);
      this.changes.push({ objectId: stored.id, objectPath: this.pathOf(stored.name), change: 'removed', details: { objectsRemoved: count } });
    }
    for (const { kept, dropped } of diff.conflicts) {
      const message = `Two objects named ${JSON.stringify(dropped.name)} (stable ids ${kept.stableId ?? 'none'} and ${dropped.stableId ?? 'none'}); the first was kept`;
      this.errors.push({ objectPath: this.pathOf(dropped.name), code: SYNC_ERROR_CODES.OBJECT_UNIQUENESS_VIOLATION, message });
      this.changes.push({ objectId: null, objectPath: this.pathOf(dropped.name), change: 'conflict', details: { message } });
    }
    await this.repos.columns.replace(this.newDictionaries, true);
    await this.repos.columns.replace(this.changedDictionaries);
    await this.repos.syncChanges.insertMany(this.context.syncRunId, this.changes);
  }

  private async add(objects: readonly FingerprintedObject[]): Promise<void> {
    if (objects.length === 0) return;
    const overrides = overridesForNewObject(this.parentSettings, this.context.firstSync);
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
    }
  }

  private async update(
    stored: StoredChild,
    crawled: FingerprintedObject,
    change: 'renamed' | 'restored' | 'changed',
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.repos.objects.updateMetadata(
      stored.id,
      {
        name: crawled.name,
        kind: crawled.kind,
        stableId: crawled.stableId,
        comment: crawled.comment,
        columnsFingerprint: crawled.columnsFingerprint,
        removed: false,
      },
      this.context.syncRunId,
      this.now,
    );
    if (crawled.comment !== stored.comment) details.comment = { from: stored.comment, to: crawled.comment };
    if (crawled.kind !== stored.kind) details.kind = { from: stored.kind, to: crawled.kind };
    if (crawled.columns && crawled.columnsFingerprint !== stored.columnsFingerprint) {
      details.columns = diffColumns(await this.repos.columns.listFor(stored.id), crawled.columns);
      this.changedDictionaries.set(stored.id, crawled.columns);
    }
    this.changes.push({ objectId: stored.id, objectPath: this.pathOf(crawled.name), change, details });
  }

  private async record(stored: StoredChild): Promise<ObjectRecord> {
    return (await this.repos.objects.findById(stored.id))!;
  }

  private pathOf(name: string): string[] {
    return [...this.parentPath, name];
  }
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
  };
}

function countsOf(diff: ChildrenChangeSet): SyncCounts {
  return {
    added: diff.added.length,
    removed: diff.removed.length,
    restored: diff.restored.length,
    renamed: diff.renamed.length,
    changed: diff.changed.length,
    unchanged: diff.unchanged.length,
    conflicts: diff.conflicts.length,
  };
}

export function emptyCounts(): SyncCounts {
  return { added: 0, removed: 0, restored: 0, renamed: 0, changed: 0, unchanged: 0, conflicts: 0 };
}

/** Adds `more` into `total`. */
export function addCounts(total: SyncCounts, more: SyncCounts): void {
  for (const key of Object.keys(total) as (keyof SyncCounts)[]) total[key] += more[key];
}
