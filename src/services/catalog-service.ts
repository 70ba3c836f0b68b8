import { nowIso } from '../clock.js';
import type { CrawledColumn } from '../domain/catalog-types.js';
import { dataSourceName, describePath } from '../domain/object-path.js';
import {
  inheritSettings,
  objectState,
  resolveSettings,
  SETTING_KEYS,
  type EffectiveSettings,
  type SettingKey,
  type SettingOverrides,
} from '../domain/settings.js';
import type { Tag } from '../domain/tag.js';
import { WardenError } from '../errors.js';
import { auditEntry, systemActor, type Actor } from './actor.js';
import type { CatalogStore } from '../store/catalog-store.js';
import type { ConnectionRecord } from '../store/repositories/connection-repository.js';
import type { ChainLink, ChildSearch, ObjectRecord, SummaryFields } from '../store/repositories/object-repository.js';
import type { StoredTag } from '../store/repositories/tag-repository.js';
import { tagView } from './tag-service.js';

/** One setting as the API shows it: the effective value and whether (how many) objects below override it. */
export interface SettingView<T> {
  value: T;
  hasDescendantsWithOverrides: boolean;
  /** What `cascade: true` on this key would clear. */
  descendantOverrides: number;
}

export interface ObjectSummary {
  objectPath: string[];
  technology: string;
  kind: string;
  state: 'active' | 'inactive';
  removed: boolean;
  /** Effective values. */
  settings: EffectiveSettings;
  /** Only the settings overridden on this object. */
  overrides: Partial<EffectiveSettings>;
  /** Leaves only: the generated name (the path joined with `.`). */
  dataSourceName?: string;
  /** Enabled leaves only: the id of the data source (its own, not the object's; kept across disable, rename, move). */
  dataSourceId?: number;
  stableId: string | null;
  comment: string | null;
  childCount: number;
  /** The tags on the object itself, every source (its columns' tags are in the view's columns). */
  tags: Tag[];
}

/** A dictionary column as the API shows it, with its tags. */
export type ColumnView = Omit<CrawledColumn, 'tags'> & { tags: Tag[] };

export interface ObjectView extends Omit<ObjectSummary, 'settings'> {
  settings: { [K in SettingKey]: SettingView<EffectiveSettings[K]> };
  columns?: ColumnView[];
  removedAt: string | null;
  createdAt: string;
  updatedAt: string;
  lastSync: { syncRunId: string; at: string } | null;
}

/** What the settings call may change; null clears an override (inherit). */
export type SettingsInput = Partial<SettingOverrides>;

/** A resolved object: the connection, the chain from the root, and the effective settings. */
interface Located {
  connection: ConnectionRecord;
  chain: ChainLink[];
  object: ChainLink;
  settings: EffectiveSettings;
}

/** Reads and governs the object hierarchy: views, children, settings, deletion. */
export class CatalogService {
  constructor(private readonly store: CatalogStore) {}

  async getObject(path: readonly string[]): Promise<ObjectView> {
    const located = await this.locate(path);
    return this.viewOf(located, path);
  }

  /** Children of the object at `path`, or every connection's root when `path` is empty. */
  async searchChildren(path: readonly string[], search: Omit<ChildSearch, 'state'> & { state?: 'active' | 'inactive' }) {
    if (path.length === 0) return this.searchConnections(search);
    const located = await this.locate(path);
    const { count, hits } = await this.store.reads.objects.searchChildren(located.object.id, {
      ...search,
      state: search.state && { value: search.state, parentIsActive: located.settings.isActive && !located.object.removed },
    });
    const tags = await this.store.reads.tags.listForObjects(hits.map((h) => h.id), { objectOnly: true });
    return {
      count,
      hits: hits.map((child) =>
        this.summaryOf(located.connection, child, inheritSettings(located.settings, child.overrides), [...path, child.name], child.childCount, child.dataSourceId, tags.get(child.id)),
      ),
    };
  }

  async updateSettings(path: readonly string[], settings: SettingsInput, cascade: boolean, actor: Actor = systemActor('catalog')): Promise<ObjectView> {
    const located = await this.locate(path);
    const keys = SETTING_KEYS.filter((k) => settings[k] !== undefined);
    if (located.object.parentId === null) {
      const cleared = keys.find((k) => settings[k] === null);
      if (cleared) throw new WardenError('ROOT_CANNOT_INHERIT', { key: cleared });
    }
    const now = nowIso();
    await this.store.transaction(async (repos) => {
      // Written only if the object is still there: a delete may have committed since locate read it.
      if (!(await repos.objects.setOverrides(located.object.id, pick(settings, keys), now))) throw new WardenError('OBJECT_NOT_FOUND', { path: describePath(path) });
      if (cascade) await repos.objects.clearDescendantOverrides(located.object, keys, now);
      await repos.audit.insert(
        auditEntry(actor, 'object.settings', {
          objectPath: path,
          before: { overrides: pick(located.object.overrides, keys), effective: pick(located.settings, keys) },
          after: { overrides: pick(settings, keys), ...(cascade && { cascade: true }) },
        }),
      );
    });
    // The object as written, not located again: a delete committing after this one must not turn a done change into a 404.
    const object = { ...located.object, overrides: { ...located.object.overrides, ...pick(settings, keys) }, updatedAt: now };
    const chain = [...located.chain.slice(0, -1), object];
    return this.viewOf({ connection: located.connection, chain, object, settings: resolveSettings(chain.map((o) => o.overrides)) }, path);
  }

  /** Deletes the object and its subtree (the connection itself when `path` is just its key). */
  async deleteObject(path: readonly string[], actor: Actor = systemActor('catalog')): Promise<{ objectPath: string[]; childCount: number }> {
    const located = await this.locate(path);
    const deleted = await this.store.transaction(async (repos) => {
      const count = await repos.objects.deleteSubtree(located.object);
      if (located.object.parentId === null) await repos.connections.delete(located.connection.id);
      await repos.audit.insert(
        auditEntry(actor, located.object.parentId === null ? 'connection.deleted' : 'object.deleted', {
          objectPath: path,
          before: { kind: located.object.kind, overrides: located.object.overrides, removed: located.object.removed, childCount: count - 1 },
          after: { deleted: true },
        }),
      );
      return count;
    });
    return { objectPath: [...path], childCount: deleted - 1 };
  }

  /**
   * The effective `dataOwners` at `path`: those of the object, or, for a path the catalog does
   * not hold (yet), of its deepest known ancestor. Null when the connection does not exist.
   */
  async ownersAt(path: readonly string[]): Promise<EffectiveSettings['dataOwners'] | null> {
    const [connectionKey, ...names] = path;
    const connection = connectionKey === undefined ? undefined : await this.store.reads.connections.findByKey(connectionKey);
    if (!connection) return null;
    for (let known = names.length; known >= 0; known--) {
      const chain = await this.store.reads.objects.findChain(connection.id, names.slice(0, known));
      if (chain) return resolveSettings(chain.map((o) => o.overrides)).dataOwners;
    }
    return null;
  }

  /** Finds the object at `path`; OBJECT_NOT_FOUND (404) naming the path when it is not there. */
  async locate(path: readonly string[]): Promise<Located> {
    const [connectionKey, ...names] = path;
    const notFound = () => new WardenError('OBJECT_NOT_FOUND', { path: describePath(path) });
    if (connectionKey === undefined) throw notFound();
    const connection = await this.store.reads.connections.findByKey(connectionKey);
    if (!connection) throw notFound();
    const chain = await this.store.reads.objects.findChain(connection.id, names);
    if (!chain) throw notFound();
    return { connection, chain, object: chain[chain.length - 1]!, settings: resolveSettings(chain.map((o) => o.overrides)) };
  }

  private async searchConnections(search: Omit<ChildSearch, 'state'> & { state?: 'active' | 'inactive' }) {
    const text = search.searchText?.toLowerCase();
    const roots: { connection: ConnectionRecord; root: ObjectRecord }[] = [];
    for (const connection of await this.store.reads.connections.list()) {
      if (text && !connection.connectionKey.toLowerCase().includes(text)) continue;
      const root = await this.store.reads.objects.findRoot(connection.id);
      if (root) roots.push({ connection, root });
    }
    const [counts, tags] = await Promise.all([
      this.store.reads.objects.countChildren(roots.map((r) => r.root.id)),
      this.store.reads.tags.listForObjects(roots.map((r) => r.root.id), { objectOnly: true }),
    ]);
    const summaries: ObjectSummary[] = [];
    for (const { connection, root } of roots) {
      const rootTags = tags.get(root.id);
      if (search.tags?.some((name) => !rootTags?.some((t) => t.name === name))) continue;
      // A connection's root is never removed and always of kind connection.
      if (search.removed === true || (search.kind !== undefined && search.kind !== root.kind)) continue;
      const summary = this.summaryOf(connection, root, resolveSettings([root.overrides]), [connection.connectionKey], counts.get(root.id) ?? 0, undefined, rootTags);
      if (!search.state || summary.state === search.state) summaries.push(summary);
    }
    const direction = search.sortOrder === 'desc' ? -1 : 1;
    summaries.sort((a, b) => direction * (a.objectPath[0]! < b.objectPath[0]! ? -1 : a.objectPath[0]! > b.objectPath[0]! ? 1 : 0));
    return { count: summaries.length, hits: summaries.slice(search.offset, search.offset + search.size) };
  }

  private async viewOf(located: Located, path: readonly string[]): Promise<ObjectView> {
    const { object, connection, settings } = located;
    // A leaf has no descendants and no children: its reads are the dictionary and the tags.
    const [descendants, childCounts, columns, tags] = await Promise.all([
      this.store.reads.objects.descendantOverrides(object),
      object.isLeaf ? new Map<number, number>() : this.store.reads.objects.countChildren([object.id]),
      object.isLeaf ? this.store.reads.columns.listFor(object.id) : Promise.resolve(undefined),
      this.store.reads.tags.listFor(object.id),
    ]);
    const objectTags = tags.filter((t) => t.column === null);
    const summary = this.summaryOf(connection, object, settings, path, childCounts.get(object.id) ?? 0, object.dataSourceId, objectTags);
    return {
      ...summary,
      settings: {
        isActive: settingView(settings.isActive, descendants.isActive),
        activateNewChildren: settingView(settings.activateNewChildren, descendants.activateNewChildren),
        dataOwners: settingView(settings.dataOwners, descendants.dataOwners),
      },
      ...(columns && { columns: withColumnTags(columns, tags) }),
      removedAt: object.removedAt,
      createdAt: object.createdAt,
      updatedAt: object.updatedAt,
      lastSync: object.lastSyncRunId && object.lastSyncedAt ? { syncRunId: object.lastSyncRunId, at: object.lastSyncedAt } : null,
    };
  }

  /** `dataSourceId`: the leaf's data source id, shown while it is enabled. */
  private summaryOf(
    connection: ConnectionRecord,
    object: SummaryFields,
    settings: EffectiveSettings,
    path: readonly string[],
    childCount: number,
    dataSourceId: number | null | undefined,
    tags: readonly StoredTag[] = [],
  ): ObjectSummary {
    const state = objectState(settings, object.removed);
    const overrides: Partial<EffectiveSettings> = {};
    for (const key of SETTING_KEYS) {
      const value = object.overrides[key];
      if (value !== null) (overrides as Record<string, unknown>)[key] = value;
    }
    // Optional fields assigned, not spread in: a search page builds a hundred of these.
    const summary: ObjectSummary = {
      objectPath: [...path],
      technology: connection.technology,
      kind: object.kind,
      state,
      removed: object.removed,
      settings,
      overrides,
      stableId: object.stableId,
      comment: object.comment,
      childCount,
      tags: tags.map(tagView),
    };
    if (object.isLeaf) summary.dataSourceName = dataSourceName(path);
    if (isDataSource(object, settings) && dataSourceId != null) summary.dataSourceId = dataSourceId;
    return summary;
  }
}

/** An enabled leaf still on the platform (SPEC 1.3). */
function isDataSource(object: SummaryFields, settings: EffectiveSettings): boolean {
  return object.isLeaf && objectState(settings, object.removed) === 'active';
}

/** The dictionary with each column's tags: one pass over the tags, not one per column. */
function withColumnTags(columns: readonly CrawledColumn[], tags: readonly StoredTag[]): ColumnView[] {
  const byColumn = new Map<string, Tag[]>();
  for (const tag of tags) {
    if (tag.column === null) continue;
    const list = byColumn.get(tag.column);
    if (list) list.push(tagView(tag));
    else byColumn.set(tag.column, [tagView(tag)]);
  }
  // Built field by field: spreading each column cost more than the rest of the view.
  return columns.map((c) => ({
    name: c.name,
    ordinal: c.ordinal,
    type: c.type,
    nullable: c.nullable,
    defaultValue: c.defaultValue,
    generated: c.generated,
    comment: c.comment,
    tags: byColumn.get(c.name) ?? [],
  }));
}

function pick(settings: SettingsInput | EffectiveSettings, keys: readonly SettingKey[]): Partial<SettingOverrides> {
  return Object.fromEntries(keys.map((k) => [k, settings[k]])) as Partial<SettingOverrides>;
}

function settingView<T>(value: T, descendantOverrides: number): SettingView<T> {
  return { value, hasDescendantsWithOverrides: descendantOverrides > 0, descendantOverrides };
}
