import type { CrawledObject } from '../domain/catalog-types.js';
import type { ColumnChange } from '../domain/column-diff.js';
import { NEW_TAG, type CrawledTag } from '../domain/tag.js';
import { diffPlatformTags, uniqueTags } from '../domain/tag-diff.js';
import { auditEntry, systemActor } from '../services/actor.js';
import type { Repositories } from '../store/catalog-store.js';
import type { SyncChange } from '../store/repositories/sync-change-repository.js';
import type { NewTag, StoredTag } from '../store/repositories/tag-repository.js';

/**
 * The tag writes of one listing: platform tags made equal to the crawl's, `New` on added and
 * retyped columns, and tags following renamed columns. Rows are collected and written together
 * at the end of the listing's transaction; each change is recorded on the run (SYNC_CHANGE_KINDS).
 * User and system tags are never removed by a sync.
 */
export class ListingTags {
  private readonly inserts: NewTag[] = [];
  private readonly deletes: number[] = [];
  private readonly revalues: { id: number; value: string | null }[] = [];

  constructor(
    private readonly repos: Repositories,
    private readonly run: { syncRunId: string; now: string },
    private readonly changes: SyncChange[],
  ) {}

  /** A new object's platform tags (nothing stored yet, so no query). */
  added(objectId: number, path: string[], crawled: CrawledObject): void {
    this.addAll(objectId, path, null, crawled.tags ?? []);
    for (const column of crawled.columns ?? []) this.addAll(objectId, path, column.name, column.tags ?? []);
  }

  /**
   * An existing object after its dictionary diff: tags of renamed columns follow them, the
   * platform tags of the object and of every column whose tags were read become the crawl's,
   * and (when `markNew`) added and retyped columns get `New`. Reads the object's stored tags
   * only when there is something to do.
   */
  async changed(objectId: number, path: string[], crawled: CrawledObject, options: { tags: boolean; columns: readonly ColumnChange[]; markNew: boolean }): Promise<void> {
    const renames = options.columns.flatMap((c) => (c.change === 'renamed' ? [{ from: c.from, to: c.column }] : []));
    await this.repos.tags.renameColumns(objectId, renames);
    for (const { from, to } of renames) this.changes.push({ objectId, objectPath: path, change: 'columnRenamed', details: { from, to } });
    const fresh = options.markNew ? newColumns(options.columns) : [];
    if (!options.tags && fresh.length === 0) return;
    const stored = await this.repos.tags.listFor(objectId);
    const at = (column: string | null) => stored.filter((t) => t.column === column);
    if (options.tags) {
      this.diff(objectId, path, null, at(null), crawled.tags);
      for (const column of crawled.columns ?? []) this.diff(objectId, path, column.name, at(column.name), column.tags);
    }
    for (const column of fresh) {
      if (at(column).some((t) => t.source === 'system' && t.name === NEW_TAG)) continue;
      this.inserts.push({ objectId, column, name: NEW_TAG, value: null, source: 'system', addedBy: null, addedAt: this.run.now });
      await this.repos.audit.insert({
        ...auditEntry(systemActor('sync'), 'object.tags', {
          objectPath: path,
          target: `column:${column}`,
          before: null,
          after: { added: { name: NEW_TAG, value: null, source: 'system' }, syncRunId: this.run.syncRunId },
        }),
        at: this.run.now,
      });
    }
  }

  /** Writes what the listing collected; call once, after the objects and before the run's changes. */
  async write(): Promise<void> {
    await this.repos.tags.delete(this.deletes);
    for (const { id, value } of this.revalues) await this.repos.tags.updateValue(id, value);
    await this.repos.tags.insert(this.inserts);
  }

  private addAll(objectId: number, path: string[], column: string | null, tags: readonly CrawledTag[]): void {
    // Most columns have no tags: no set to dedupe them (a first sync calls this per column).
    if (tags.length === 0) return;
    for (const tag of uniqueTags(tags)) {
      this.inserts.push({ objectId, column, name: tag.name, value: tag.value, source: 'platform', addedBy: null, addedAt: this.run.now });
      this.record(objectId, path, 'tagAdded', column, { name: tag.name, value: tag.value });
    }
  }

  private diff(objectId: number, path: string[], column: string | null, stored: readonly StoredTag[], crawled: readonly CrawledTag[] | undefined): void {
    const { added, removed, revalued } = diffPlatformTags(stored, crawled);
    const platform = new Map(stored.filter((t) => t.source === 'platform').map((t) => [t.name, t]));
    this.addAll(objectId, path, column, added);
    for (const tag of removed) {
      this.deletes.push(platform.get(tag.name)!.id);
      this.record(objectId, path, 'tagRemoved', column, { name: tag.name, value: tag.value });
    }
    for (const { name, from, to } of revalued) {
      this.revalues.push({ id: platform.get(name)!.id, value: to });
      this.record(objectId, path, 'tagChanged', column, { name, from, to });
    }
  }

  private record(objectId: number, path: string[], change: 'tagAdded' | 'tagRemoved' | 'tagChanged', column: string | null, details: Record<string, unknown>): void {
    this.changes.push({ objectId, objectPath: path, change, details: { ...details, ...(column !== null && { column }) } });
  }
}

/** The columns that get `New` (guide: "a column being added or a column type being updated"). */
function newColumns(changes: readonly ColumnChange[]): string[] {
  return changes.flatMap((c) => (c.change === 'added' || ((c.change === 'modified' || c.change === 'renamed') && c.fields.type) ? [c.column] : []));
}
