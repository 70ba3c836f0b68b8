import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { StoredDictionaries } from '../../domain/catalog-types.js';
import type { Principal, SettingKey, SettingOverrides } from '../../domain/settings.js';
import type { BulkWriter } from '../bulk-writer.js';
import { chunkRows, containsPattern, prefixUpperBound, type StoreDialect } from '../store-dialect.js';
import type { ObjectsTable, StoreSchema } from '../store-schema.js';
import { forEachChunkYielding } from '../../sync/yielding-map.js';
import { preparedQuery } from '../prepared-query.js';
import { carriesEveryTag } from './tag-repository.js';

/** One data object as stored: identity, metadata, its own overrides (not effective values). */
export interface ObjectRecord {
  id: number;
  connectionId: number;
  parentId: number | null;
  idPath: string;
  depth: number;
  name: string;
  kind: string;
  isLeaf: boolean;
  stableId: string | null;
  comment: string | null;
  overrides: SettingOverrides;
  removed: boolean;
  removedAt: string | null;
  columnsFingerprint: string | null;
  tagsFingerprint: string | null;
  /** The platform's fingerprint of the stored dictionary (CrawledObject.dictionaryFingerprint); null where none. */
  dictionaryFingerprint: string | null;
  createdAt: string;
  updatedAt: string;
  lastSyncRunId: string | null;
  lastSyncedAt: string | null;
}

/** One step of a resolved path: the object and, for a leaf, its data source id. */
export type ChainLink = ObjectRecord & { dataSourceId: number | null };

/** What an object's summary shows of it (CatalogService.summaryOf). */
export type SummaryFields = Pick<ObjectRecord, 'id' | 'name' | 'kind' | 'isLeaf' | 'stableId' | 'comment' | 'overrides' | 'removed'>;

/** A child in a search page: its data source id (leaves) and how many present children it has (containers). */
export type ChildHit = SummaryFields & { dataSourceId: number | null; childCount: number };

/** What a new child is created with. */
export type NewObject = Pick<ObjectRecord, 'name' | 'kind' | 'isLeaf' | 'stableId' | 'comment' | 'overrides' | 'columnsFingerprint'> & {
  tagsFingerprint?: string | null;
  dictionaryFingerprint?: string | null;
};

/** Metadata a sync may change on an existing object. */
export interface ObjectMetadataUpdate {
  name?: string;
  kind?: string;
  stableId?: string | null;
  comment?: string | null;
  columnsFingerprint?: string | null;
  tagsFingerprint?: string | null;
  dictionaryFingerprint?: string | null;
  removed?: boolean;
}

export interface ChildSearch {
  searchText?: string;
  /** Keep only children in this effective state; needs the parent's effective isActive. */
  state?: { value: 'active' | 'inactive'; parentIsActive: boolean };
  kind?: string;
  removed?: boolean;
  /** Keep only children carrying every one of these tags, on themselves or (leaves) on a column. */
  tags?: readonly string[];
  offset: number;
  size: number;
  sortField: 'name' | 'kind' | 'createdAt';
  sortOrder: 'asc' | 'desc';
}

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/**
 * The mark of names Warden makes up (parked and displaced names, see `parkNames` and apply):
 * U+0001, a control character no platform name has in practice (NUL would be safer still, but
 * PostgreSQL text cannot hold it).
 */
export const RESERVED_NAME_MARK = '\u0001';

const OVERRIDE_COLUMNS: Record<SettingKey, 'is_active' | 'activate_new_children' | 'data_owners_json'> = {
  isActive: 'is_active',
  activateNewChildren: 'activate_new_children',
  dataOwners: 'data_owners_json',
};

/** The hierarchy of data objects. Subtrees are id_path prefix ranges, so no query walks a tree row by row. */
export class ObjectRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: StoreDialect,
    private readonly bulk: BulkWriter,
  ) {}

  /** The same repository inside a transaction. */
  with(trx: Transaction<StoreSchema>): ObjectRepository {
    return new ObjectRepository(trx, this.dialect, this.bulk);
  }

  async insertRoot(connectionId: number, name: string, overrides: SettingOverrides, now: string): Promise<ObjectRecord> {
    const { id } = await this.db
      .insertInto('objects')
      .values(newRow(connectionId, null, '', 0, { name, kind: 'connection', isLeaf: false, stableId: null, comment: null, overrides, columnsFingerprint: null }, now))
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.db.updateTable('objects').set({ id_path: `/${id}/` }).where('id', '=', id).execute();
    return (await this.findById(id))!;
  }

  async findById(id: number): Promise<ObjectRecord | undefined> {
    return this.findOne(sql<boolean>`id = ${id}`);
  }

  /**
   * Whether the object is still there, kept from being deleted until the transaction ends: rows
   * that reference it (tags) may then be written without racing a delete. PostgreSQL holds a
   * share lock on the row; SQLite's transactions run one at a time, so the read is enough.
   */
  async holdIfPresent(id: number): Promise<boolean> {
    const query = this.db.selectFrom('objects').select('id').where('id', '=', id);
    return (await (this.dialect.name === 'postgres' ? query.forShare() : query).executeTakeFirst()) !== undefined;
  }

  async findRoot(connectionId: number): Promise<ObjectRecord | undefined> {
    return this.findOne(sql<boolean>`connection_id = ${connectionId} and parent_id is null`);
  }

  async findChild(parentId: number, name: string): Promise<ObjectRecord | undefined> {
    return this.findOne(sql<boolean>`parent_id = ${parentId} and name = ${name}`);
  }

  private async findOne(condition: ReturnType<typeof sql<boolean>>): Promise<ObjectRecord | undefined> {
    const row = await this.db.selectFrom('objects').selectAll().where(condition).executeTakeFirst();
    return row && toRecord(row);
  }

  /**
   * The objects from the connection root down to the end of `names` (root first), or undefined
   * when some step does not exist. One query: a recursive walk down the unique (parent_id, name)
   * index, each step with its leaf's data source id (null for containers).
   */
  async findChain(connectionId: number, names: readonly string[]): Promise<ChainLink[] | undefined> {
    const params: Record<string, string | number> = { connectionId };
    names.forEach((name, i) => (params[`name${i + 1}`] = name));
    const rows = names.length <= MAX_PREPARED_CHAIN_DEPTH ? await chainQuery(names.length)(this.db, params) : (await chainSql(names.length, params).execute(this.db)).rows;
    if (rows.length !== names.length + 1) return undefined;
    return rows.map((row) => Object.assign(toRecord(row), { dataSourceId: row.data_source_id }));
  }

  /** Names of the given objects and all their ancestors, for building paths of many objects at once. */
  private async namesOfLineages(records: readonly Pick<ObjectRecord, 'idPath'>[]): Promise<Map<number, string>> {
    const ids = [...new Set(records.flatMap((r) => lineageIds(r.idPath)))];
    const names = new Map<number, string>();
    for (const chunk of chunkRows(ids, 1, this.dialect)) {
      const rows = await this.db.selectFrom('objects').select(['id', 'name']).where('id', 'in', chunk).execute();
      for (const row of rows) names.set(row.id, row.name);
    }
    return names;
  }

  /** Object paths (the root's name, the connection key, first) from id_paths: one query per chunk of names. */
  async pathsOf(records: readonly Pick<ObjectRecord, 'id' | 'idPath'>[]): Promise<Map<number, string[]>> {
    const names = await this.namesOfLineages(records);
    return new Map(records.map((r) => [r.id, lineageIds(r.idPath).map((id) => names.get(id)!)]));
  }

  /**
   * The dictionary fingerprints of a container's present children, by stable id (children without
   * either are left out). A stable id two children share is left out too: the crawl could not
   * know whose stored dictionary it would be trusting.
   */
  async dictionaryFingerprints(parentId: number): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('objects')
      .select(['stable_id', 'dictionary_fingerprint'])
      .where('parent_id', '=', parentId)
      .where('removed', '=', 0)
      .where('stable_id', 'is not', null)
      .where('dictionary_fingerprint', 'is not', null)
      .execute();
    const fingerprints = new Map<string, string>();
    const shared = new Set<string>();
    for (const { stable_id: stableId, dictionary_fingerprint: fingerprint } of rows) {
      if (fingerprints.has(stableId!)) shared.add(stableId!);
      fingerprints.set(stableId!, fingerprint!);
    }
    for (const stableId of shared) fingerprints.delete(stableId);
    return fingerprints;
  }

  /** What a re-sync may trust of a container's stored leaves: their fingerprints, and whether every present child has one. */
  async storedDictionaries(parentId: number): Promise<StoredDictionaries> {
    const fingerprints = await this.dictionaryFingerprints(parentId);
    return { fingerprints, complete: (await this.countChildren([parentId])).get(parentId) === fingerprints.size };
  }

  /**
   * Every child of a container, removed ones included (the diff needs them to restore). SQLite
   * reads them a page at a time along the (parent_id, name) index, with a turn of the event loop
   * between pages: its driver is synchronous, and 10,000 children in one statement held API
   * requests for tens of milliseconds. In a transaction the pages see one snapshot (SQLite's
   * transactions are serializable); PostgreSQL reads them in one statement.
   */
  async listChildren(parentId: number): Promise<ObjectRecord[]> {
    const children = this.db.selectFrom('objects').selectAll().where('parent_id', '=', parentId);
    if (this.dialect.name === 'postgres') return (await children.execute()).map(toRecord);
    const records: ObjectRecord[] = [];
    for (let after: string | null = null; ; await nextTurn()) {
      const rows = await (after === null ? children : children.where('name', '>', after)).orderBy('name').limit(CHILDREN_PER_PAGE).execute();
      for (const row of rows) records.push(toRecord(row));
      if (rows.length < CHILDREN_PER_PAGE) return records;
      after = rows[rows.length - 1]!.name;
    }
  }

  /** A page of children, each with its data source id (leaves) and its count of present children (containers). */
  async searchChildren(parentId: number, search: ChildSearch): Promise<{ count: number; hits: ChildHit[] }> {
    const params: SearchParams = { parentId, offset: search.offset, limit: search.size };
    if (search.searchText) params.pattern = containsPattern(search.searchText);
    search.tags?.forEach((name, i) => (params[`tag${i}`] = name));
    if (search.kind !== undefined) params.kind = search.kind;
    if (search.removed !== undefined) params.removed = search.removed ? 1 : 0;
    const queries = searchQueries(search);
    const [{ count }] = (await queries.count(this.db, params)) as [{ count: number | string }];
    const rows = await queries.page(this.db, params);
    return {
      count: Number(count),
      hits: rows.map((row) => ({
        id: row.id,
        name: row.name,
        kind: row.kind,
        isLeaf: row.is_leaf === 1,
        stableId: row.stable_id,
        comment: row.comment,
        overrides: overridesOf(row),
        removed: row.removed === 1,
        dataSourceId: row.data_source_id,
        childCount: Number(row.child_count),
      })),
    };
  }

  /**
   * Objects at `depth` below `scope` (the object itself included) with one of these stable ids:
   * where a crawled object that its listing's parent does not hold may have come from.
   */
  async findByStableIds(scope: ObjectRecord, depth: number, stableIds: readonly string[]): Promise<ObjectRecord[]> {
    const found: ObjectRecord[] = [];
    for (const chunk of chunkRows(stableIds, 1, this.dialect)) {
      const rows = await this.db.selectFrom('objects').selectAll()
        .where('connection_id', '=', scope.connectionId)
        .where('stable_id', 'in', chunk)
        .where('depth', '=', depth)
        .where(this.subtree(scope.idPath))
        .execute();
      found.push(...rows.map(toRecord));
    }
    return found;
  }

  /**
   * Gives objects names no platform uses (the reserved mark and the id), unique per object: renames and
   * moves within one listing pass through them, so a swap or a rename onto a name another row
   * is leaving never meets the unique (parent_id, name) index half-way.
   */
  async parkNames(ids: readonly number[], now: string): Promise<void> {
    for (const chunk of chunkRows(ids, 1, this.dialect)) {
      await this.db.updateTable('objects').set({ name: sql`${RESERVED_NAME_MARK} || cast(id as text)`, updated_at: now }).where('id', 'in', chunk).execute();
    }
  }

  /** Re-parents an object under `parent` (same depth), rewriting its subtree's id_paths in one statement. */
  async moveSubtree(record: ObjectRecord, parent: ObjectRecord, now: string): Promise<void> {
    const oldPrefix = record.idPath.slice(0, record.idPath.length - `${record.id}/`.length);
    await this.db.updateTable('objects').where(this.subtree(record.idPath))
      .set({ id_path: sql`${parent.idPath} || substr(id_path, ${oldPrefix.length + 1})`, updated_at: now })
      .execute();
    await this.db.updateTable('objects').set({ parent_id: parent.id }).where('id', '=', record.id).execute();
  }

  /** Children that are still present on the platform, per parent. */
  async countChildren(parentIds: readonly number[]): Promise<Map<number, number>> {
    const counts = new Map<number, number>(parentIds.map((id) => [id, 0]));
    if (parentIds.length === 0) return counts;
    const rows = await this.db
      .selectFrom('objects')
      .select(['parent_id', (eb) => eb.fn.countAll<number>().as('count')])
      .where('parent_id', 'in', parentIds)
      .where('removed', '=', 0)
      .groupBy('parent_id')
      .execute();
    for (const row of rows) counts.set(row.parent_id!, Number(row.count));
    return counts;
  }

  /**
   * Inserts children of one parent in bulk (inside a transaction only), marked as seen by
   * `syncRunId`; returns their new ids by name. Each leaf gets its data source id here, with
   * the object: it is then the leaf's for good, whatever its status, so reads never write and
   * enabling a subtree stays a one-row write (see DataSourceRepository).
   */
  async insertChildren(parent: ObjectRecord, children: readonly NewObject[], now: string, syncRunId: string | null): Promise<Map<string, number>> {
    const rows = children.map((c) => {
      const row: Record<string, unknown> = { ...newRow(parent.connectionId, parent.id, '', parent.depth + 1, c, now), last_sync_run_id: syncRunId, last_synced_at: syncRunId && now };
      return BULK_OBJECT_COLUMNS.map((column) => row[column] ?? null);
    });
    const inserted = await this.bulk.insert(this.db, 'objects', BULK_OBJECT_COLUMNS, rows, { returnIds: true });
    if (inserted.length === 0) return new Map();
    // The id is known only after the insert, so the path is completed in one statement, over the
    // new ids' range (a parent's earlier children are not scanned again when it is called per slice).
    await this.db
      .updateTable('objects')
      .set({ id_path: sql`${parent.idPath} || cast(id as text) || '/'` })
      .where('id', '>=', Math.min(...inserted))
      .where('id', '<=', Math.max(...inserted))
      .where('parent_id', '=', parent.id)
      .where('id_path', '=', '')
      .execute();
    const leaves = inserted.filter((_, i) => children[i]!.isLeaf);
    if (leaves.length > 0) await this.bulk.insert(this.db, 'data_sources', ['object_id', 'created_at'], leaves.map((id) => [id, now]));
    return new Map(children.map((c, i) => [c.name, inserted[i]!]));
  }

  async updateMetadata(id: number, update: ObjectMetadataUpdate, syncRunId: string | null, now: string): Promise<void> {
    await this.db
      .updateTable('objects')
      .set({
        ...(update.name !== undefined && { name: update.name }),
        ...(update.kind !== undefined && { kind: update.kind }),
        ...(update.stableId !== undefined && { stable_id: update.stableId }),
        ...(update.comment !== undefined && { comment: update.comment }),
        ...(update.columnsFingerprint !== undefined && { columns_fingerprint: update.columnsFingerprint }),
        ...(update.tagsFingerprint !== undefined && { tags_fingerprint: update.tagsFingerprint }),
        ...(update.dictionaryFingerprint !== undefined && { dictionary_fingerprint: update.dictionaryFingerprint }),
        ...(update.removed !== undefined && { removed: update.removed ? 1 : 0, removed_at: update.removed ? now : null }),
        updated_at: now,
        ...(syncRunId !== null && { last_sync_run_id: syncRunId, last_synced_at: now }),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Marks the unchanged objects of a listing as seen by this sync, in one statement per chunk. */
  /** Records the fingerprint of a stored dictionary that did not change (the object itself did not: updated_at stays). */
  async setDictionaryFingerprint(id: number, fingerprint: string | null): Promise<void> {
    await this.db.updateTable('objects').set({ dictionary_fingerprint: fingerprint }).where('id', '=', id).execute();
  }

  async touchSynced(ids: readonly number[], syncRunId: string, now: string): Promise<void> {
    for (const chunk of chunkRows(ids, 1, this.dialect)) {
      await this.db.updateTable('objects').set({ last_sync_run_id: syncRunId, last_synced_at: now }).where('id', 'in', chunk).execute();
    }
  }

  /** Marks every present child of `parentId` seen by `syncRunId` (an unchanged listing). */
  async touchChildrenSynced(parentId: number, syncRunId: string, now: string): Promise<void> {
    await this.db.updateTable('objects').set({ last_sync_run_id: syncRunId, last_synced_at: now }).where('parent_id', '=', parentId).where('removed', '=', 0).execute();
  }

  /** Marks an object and everything below it removed; returns how many objects that is. */
  async markSubtreeRemoved(record: ObjectRecord, syncRunId: string, now: string): Promise<number> {
    const result = await this.db.updateTable('objects').where(this.subtree(record.idPath))
      .set({ removed: 1, removed_at: now, updated_at: now, last_sync_run_id: syncRunId, last_synced_at: now })
      .where('removed', '=', 0)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** False when the object is gone (deleted since it was read). */
  async setOverrides(id: number, overrides: Partial<SettingOverrides>, now: string): Promise<boolean> {
    const result = await this.db.updateTable('objects').set({ ...overrideColumns(overrides), updated_at: now }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Clears the given overrides on every descendant (not the object itself): `cascade: true`. */
  async clearDescendantOverrides(record: ObjectRecord, keys: readonly SettingKey[], now: string): Promise<void> {
    if (keys.length === 0) return;
    const cleared = Object.fromEntries(keys.map((k) => [OVERRIDE_COLUMNS[k], null]));
    let query = this.db.updateTable('objects').where(this.subtree(record.idPath)).set({ ...cleared, updated_at: now }).where('id', '!=', record.id);
    // Touch only rows that override one of the keys: the partial indexes keep this fast on huge subtrees.
    query = query.where((eb) => eb.or(keys.map((k) => eb(OVERRIDE_COLUMNS[k], 'is not', null))));
    await query.execute();
  }

  /** Per setting: how many descendants override it (what a cascade clears). One query; nothing for a leaf. */
  async descendantOverrides(record: ObjectRecord): Promise<Record<SettingKey, number>> {
    if (record.isLeaf) return { isActive: 0, activateNewChildren: 0, dataOwners: 0 };
    // Each count reads only that setting's partial index (rows overriding it), not the whole subtree.
    const count = (column: string) =>
      sql<number>`(select count(*) from objects where ${this.subtree(record.idPath)} and id != ${record.id} and ${sql.ref(column)} is not null)`;
    const { rows } = await sql<Record<SettingKey, number | string>>`select ${count('is_active')} as "isActive", ${count('activate_new_children')} as "activateNewChildren", ${count('data_owners_json')} as "dataOwners"`.execute(this.db);
    const row = rows[0]!;
    return { isActive: Number(row.isActive), activateNewChildren: Number(row.activateNewChildren), dataOwners: Number(row.dataOwners) };
  }

  /** Ids of the objects in the subtree that are, or are ancestors of, an object overriding isActive to true. */
  async containersWithActiveDescendants(root: ObjectRecord): Promise<Set<number>> {
    const rows = await this.db.selectFrom('objects').where(this.subtree(root.idPath))
      .select('id_path')
      .where('is_active', '=', 1)
      .execute();
    return new Set(rows.flatMap((r) => lineageIds(r.id_path)));
  }

  /** The containers (not leaves) of a subtree, for deciding where a sync descends. */
  async listContainers(root: ObjectRecord): Promise<ObjectRecord[]> {
    const rows = await this.db.selectFrom('objects').where(this.subtree(root.idPath)).selectAll().where('is_leaf', '=', 0).execute();
    return rows.map(toRecord);
  }

  /** Ids of the containers of a subtree that have at least one child stored. */
  async containersWithChildren(root: ObjectRecord): Promise<Set<number>> {
    const rows = await this.db
      .selectFrom('objects')
      .where(this.subtree(root.idPath))
      .where('parent_id', 'is not', null)
      .select('parent_id')
      .distinct()
      .execute();
    return new Set(rows.map((r) => r.parent_id!));
  }

  /**
   * Deletes the object and its subtree with its dictionaries (inside a transaction only: it
   * writes in steps); returns how many objects went. The dictionaries, then the objects deepest
   * first, go a slice of objects per statement with a turn of the event loop between them: the
   * SQLite driver is synchronous, and a connection's 500,000 column rows in one statement held
   * API requests for half a second.
   */
  async deleteSubtree(record: ObjectRecord): Promise<number> {
    const rows = await this.db.selectFrom('objects').select('id').where(this.subtree(record.idPath)).orderBy('depth', 'desc').execute();
    const ids = rows.map((r) => r.id);
    await forEachChunkYielding(ids, (slice) => this.db.deleteFrom('columns').where('object_id', 'in', slice).execute(), OBJECTS_DELETED_PER_TURN);
    await forEachChunkYielding(ids, (slice) => this.db.deleteFrom('objects').where('id', 'in', slice).execute(), OBJECTS_DELETED_PER_TURN);
    return ids.length;
  }

  /** Whether the data source of a legacy handler lies at or below `record` (what keeps a hidden legacy chain). */
  async holdsLegacyDataSource(record: Pick<ObjectRecord, 'idPath'>): Promise<boolean> {
    const row = await this.db
      .selectFrom('objects')
      .innerJoin('data_sources', 'data_sources.object_id', 'objects.id')
      .innerJoin('legacy_handlers', 'legacy_handlers.data_source_id', 'data_sources.id')
      .select('objects.id')
      .where(this.subtree(record.idPath))
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async countSubtree(record: ObjectRecord): Promise<number> {
    const { count } = await this.db.selectFrom('objects').where(this.subtree(record.idPath))
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(count);
  }

  /** The object and everything below it: one index range on id_path. */
  private subtree(idPath: string) {
    const column = pathColumn(this.dialect);
    return sql<boolean>`${column} >= ${idPath} and ${column} < ${prefixUpperBound(idPath)}`;
  }
}

/** Children per page of `listChildren` on SQLite: a few milliseconds of reading and mapping. */
const CHILDREN_PER_PAGE = 1_000;

/** Objects (with their dictionaries: 5,000 column rows at 50 a table) per delete statement: a few milliseconds each. */
const OBJECTS_DELETED_PER_TURN = 100;

/** The values of a search's queries: the parent, the page, and each filter the search has (`tag0` …). */
type SearchParams = Record<string, string | number>;

/** What decides the text of a search's queries (not the values): one pair of prepared queries each. */
function searchShape(search: ChildSearch) {
  return {
    text: Boolean(search.searchText),
    tags: search.tags?.length ?? 0,
    kind: search.kind !== undefined,
    removed: search.removed !== undefined,
    state: search.state ?? null,
    sortField: search.sortField,
    sortOrder: search.sortOrder,
  };
}

const searchQueryPairs = new Map<string, ReturnType<typeof prepareSearchQueries>>();

function searchQueries(search: ChildSearch) {
  const shape = searchShape(search);
  const key = JSON.stringify(shape);
  let queries = searchQueryPairs.get(key);
  if (!queries) searchQueryPairs.set(key, (queries = prepareSearchQueries(shape)));
  return queries;
}

/** The count and the page of a search of one shape. */
function prepareSearchQueries(shape: ReturnType<typeof searchShape>) {
  const filtered = (db: Kysely<StoreSchema>, p: SearchParams) => {
    let query = db.selectFrom('objects').where('parent_id', '=', p.parentId as number);
    if (shape.text) query = query.where(sql<boolean>`lower(name) like lower(${p.pattern}) escape '\\'`);
    if (shape.tags > 0) query = query.where(carriesEveryTag('objects.id', Array.from({ length: shape.tags }, (_, i) => p[`tag${i}`] as string)));
    if (shape.kind) query = query.where('kind', '=', p.kind as string);
    if (shape.removed) query = query.where('removed', '=', p.removed as number);
    if (shape.state) {
      const effective = sql`coalesce(is_active, ${shape.state.parentIsActive ? 1 : 0})`;
      query =
        shape.state.value === 'active'
          ? query.where(sql<boolean>`${effective} = 1 and removed = 0`)
          : query.where(sql<boolean>`(${effective} = 0 or removed = 1)`);
    }
    return query;
  };
  const sortColumn = ({ name: 'name', kind: 'kind', createdAt: 'created_at' } as const)[shape.sortField];
  return {
    count: preparedQuery((db, p: SearchParams) => filtered(db, p).select((eb) => eb.fn.countAll<number>().as('count'))),
    // Only what a summary shows: turning a whole row into JavaScript cost twice the rest of the page.
    page: preparedQuery((db, p: SearchParams) =>
      filtered(db, p)
        .select(['id', 'name', 'kind', 'is_leaf', 'stable_id', 'comment', 'is_active', 'activate_new_children', 'data_owners_json', 'removed'])
        .select([
          sql<number | null>`(select id from data_sources where object_id = objects.id)`.as('data_source_id'),
          sql<number | string>`case when objects.is_leaf = 1 then 0 else (select count(*) from objects c where c.parent_id = objects.id and c.removed = 0) end`.as('child_count'),
        ])
        .orderBy(sortColumn, shape.sortOrder)
        .orderBy('id', shape.sortOrder)
        .offset(p.offset as number)
        .limit(p.limit as number),
    ),
  };
}

/**
 * findChain's query for paths of `depth` names, prepared once per depth up to this depth (deeper
 * than any platform's hierarchy): the path comes from the URL, and one kept query per depth a
 * client can send would let it fill memory with ever longer texts.
 */
const MAX_PREPARED_CHAIN_DEPTH = 16;
const chainQueries = new Map<number, ReturnType<typeof prepareChainQuery>>();

function chainQuery(depth: number) {
  let query = chainQueries.get(depth);
  if (!query) chainQueries.set(depth, (query = prepareChainQuery(depth)));
  return query;
}

function prepareChainQuery(depth: number) {
  return preparedQuery((_db, p: Record<string, string | number>) => chainSql(depth, p));
}

/**
 * A recursive walk down the unique (parent_id, name) index from the connection's root, each
 * step with its leaf's data source id (null for containers). Step numbers are literals, names
 * parameters (`name1` …).
 */
function chainSql(depth: number, p: Record<string, string | number>) {
  const steps =
    depth === 0
      ? sql`select 0 as step, '' as name where 1 = 0`
      : sql`values ${sql.join(Array.from({ length: depth }, (_, i) => sql`(${sql.lit(i + 1)}, ${p[`name${i + 1}`]})`))}`;
  return sql<Selectable<ObjectsTable> & { data_source_id: number | null }>`
    with recursive steps(step, name) as (${steps}),
    chain(id, step) as (
      select id, 0 from objects where connection_id = ${p.connectionId} and parent_id is null
      union all
      select o.id, chain.step + 1 from chain
        join steps on steps.step = chain.step + 1
        join objects o on o.parent_id = chain.id and o.name = steps.name
    )
    select objects.*, data_sources.id as data_source_id from chain
      join objects on objects.id = chain.id
      left join data_sources on data_sources.object_id = objects.id
    order by chain.step`;
}

/** Every column a bulk insert of objects writes, in order. */
const BULK_OBJECT_COLUMNS = [
  'connection_id',
  'parent_id',
  'id_path',
  'depth',
  'name',
  'kind',
  'is_leaf',
  'stable_id',
  'comment',
  'is_active',
  'activate_new_children',
  'data_owners_json',
  'removed',
  'columns_fingerprint',
  'tags_fingerprint',
  'dictionary_fingerprint',
  'created_at',
  'updated_at',
  'last_sync_run_id',
  'last_synced_at',
] as const;

/** The id_path column as the dialect's byte-ordered index sees it. */
function pathColumn(dialect: StoreDialect) {
  return dialect.name === 'postgres' ? sql<string>`id_path collate "C"` : sql<string>`id_path`;
}

/** `/1/5/9/` → [1, 5, 9]. */
export function lineageIds(idPath: string): number[] {
  return idPath.split('/').filter(Boolean).map(Number);
}

function newRow(connectionId: number, parentId: number | null, idPath: string, depth: number, object: NewObject, now: string) {
  return {
    connection_id: connectionId,
    parent_id: parentId,
    id_path: idPath,
    depth,
    name: object.name,
    kind: object.kind,
    is_leaf: object.isLeaf ? 1 : 0,
    stable_id: object.stableId,
    comment: object.comment,
    ...overrideColumns(object.overrides),
    removed: 0,
    columns_fingerprint: object.columnsFingerprint,
    tags_fingerprint: object.tagsFingerprint ?? null,
    dictionary_fingerprint: object.dictionaryFingerprint ?? null,
    created_at: now,
    updated_at: now,
  };
}

function overrideColumns(overrides: Partial<SettingOverrides>) {
  const columns: Partial<Pick<ObjectsTable, 'is_active' | 'activate_new_children' | 'data_owners_json'>> = {};
  if (overrides.isActive !== undefined) columns.is_active = toFlag(overrides.isActive);
  if (overrides.activateNewChildren !== undefined) columns.activate_new_children = toFlag(overrides.activateNewChildren);
  if (overrides.dataOwners !== undefined) {
    columns.data_owners_json = overrides.dataOwners === null ? null : JSON.stringify(overrides.dataOwners);
  }
  return columns;
}

function toFlag(value: boolean | null): number | null {
  return value === null ? null : value ? 1 : 0;
}

function fromFlag(value: number | null): boolean | null {
  return value === null ? null : value === 1;
}

function overridesOf(row: Pick<Selectable<ObjectsTable>, 'is_active' | 'activate_new_children' | 'data_owners_json'>): SettingOverrides {
  return {
    isActive: fromFlag(row.is_active),
    activateNewChildren: fromFlag(row.activate_new_children),
    dataOwners: row.data_owners_json === null ? null : (JSON.parse(row.data_owners_json) as Principal[]),
  };
}

function toRecord(row: Selectable<ObjectsTable>): ObjectRecord {
  return {
    id: row.id,
    connectionId: row.connection_id,
    parentId: row.parent_id,
    idPath: row.id_path,
    depth: row.depth,
    name: row.name,
    kind: row.kind,
    isLeaf: row.is_leaf === 1,
    stableId: row.stable_id,
    comment: row.comment,
    overrides: overridesOf(row),
    removed: row.removed === 1,
    removedAt: row.removed_at,
    columnsFingerprint: row.columns_fingerprint,
    tagsFingerprint: row.tags_fingerprint,
    dictionaryFingerprint: row.dictionary_fingerprint,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastSyncRunId: row.last_sync_run_id,
    lastSyncedAt: row.last_synced_at,
  };
}

