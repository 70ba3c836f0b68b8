import { pathKey } from '../domain/object-path.js';
import type { Tag } from '../domain/tag.js';
import { WardenError } from '../errors.js';
import type { CatalogStore } from '../store/catalog-store.js';
import type { DataSourceFacets, DataSourceRow, DataSourceSearch, DataSourceStatus } from '../store/repositories/data-source-repository.js';
import type { LegacyHandlerRecord, LegacyHostOverride } from '../store/repositories/legacy-handler-repository.js';
import type { CatalogService, ColumnView, ObjectView } from './catalog-service.js';
import { tagView } from './tag-service.js';

/**
 * The fields of the legacy data source object (legacy-api.md §1.1) that Warden has. A legacy
 * data source shows its handler's; a connection's shows its generated name and the remote
 * names its path gives, with no connection string or schema project.
 */
export interface LegacyDataSourceFields {
  id: number;
  name: string;
  description: string | null;
  type: 'queryable';
  /** The technology. */
  blobHandlerType: string;
  /** `legacy`: registered through POST /{prefix}/handler; `connection`: a connection's. */
  origin: 'connection' | 'legacy';
  connectionString: string | null;
  remoteDatabase: string | null;
  remoteSchema: string | null;
  remoteTable: string;
  sqlSchemaName: string | null;
  sqlTableName: string | null;
  schemaEvolutionId: number | null;
  status: DataSourceStatus;
  /** The legacy soft-delete flag: true = disabled (or its table is gone). */
  deleted: boolean;
}

export type DataSourceView = LegacyDataSourceFields & {
  connectionKey: string;
  objectPath: string[];
  kind: string;
  comment: string | null;
  createdAt: string;
  /** The tags on the data source itself (its columns' are in its dictionary). */
  tags: Tag[];
};

/** `GET /dataSource/{id}`: the object's view and the legacy fields. */
export type DataSourceDetail = ObjectView & LegacyDataSourceFields & { dataSourceId: number; overrideHost: LegacyHostOverride | null };

/** How often one read follows a data source id that moved while it was read (an upgrade moves each id once). */
const MAX_MOVES_PER_READ = 3;

/** The largest data source id: ids are PostgreSQL `integer`s, which refuse to be compared with a larger number. */
export const MAX_DATA_SOURCE_ID = 2 ** 31 - 1;

/**
 * Data sources are the enabled leaves, under ids of their own, and the legacy data sources in
 * any state (the legacy API lists and shows disabled ones, `deleted: true`); this reads them and
 * their dictionaries.
 */
export class DataSourceService {
  constructor(
    private readonly store: CatalogStore,
    private readonly catalog: CatalogService,
  ) {}

  async search(search: DataSourceSearch): Promise<{ count: number; hits: DataSourceView[]; facets: DataSourceFacets }> {
    const { count, hits, facets } = await this.store.dataSources.search(search);
    const [paths, tags] = await Promise.all([
      this.store.objects.pathsOf(hits.map((h) => ({ id: h.objectId, idPath: h.idPath }))),
      this.store.tags.listForObjects(hits.map((h) => h.objectId), { objectOnly: true }),
    ]);
    return {
      count,
      facets,
      hits: hits.map((h): DataSourceView => {
        const objectPath = paths.get(h.objectId)!;
        return {
          ...hitFields(h, objectPath),
          connectionKey: objectPath[0]!,
          objectPath,
          kind: h.kind,
          comment: h.comment,
          createdAt: h.createdAt,
          tags: (tags.get(h.objectId) ?? []).map(tagView),
        };
      }),
    };
  }

  /** The data source's object view with its legacy fields; DATA_SOURCE_NOT_FOUND unless the id is an enabled leaf or a legacy data source. */
  async get(id: number): Promise<DataSourceDetail> {
    // The id's object is resolved, then read: an upgrade moving the id onto its connection's
    // object (one transaction) may commit in between. Read again where the id is now, so a
    // data source that never stopped being one is never answered as missing.
    for (let moves = 0; moves < MAX_MOVES_PER_READ; moves++) {
      const path = await this.pathOf(id);
      const [view, handler] = path
        ? await Promise.all([
            this.catalog.getObject(path).catch((error: unknown) => {
              if (error instanceof WardenError && error.code === 'OBJECT_NOT_FOUND') return null;
              throw error;
            }),
            this.store.reads.legacyHandlers.findByDataSourceId(id),
          ])
        : [];
      if (path && view && (handler || view.dataSourceId === id)) {
        const connection = handler ? await this.store.reads.connections.findByKey(path[0]!) : undefined;
        return { ...view, dataSourceId: id, ...detailFields(id, view, handler, connection?.legacyConnectionString ?? null), overrideHost: handler?.overrideHost ?? null };
      }
      const now = await this.pathOf(id);
      if ((now && pathKey(now)) === (path && pathKey(path))) break;
    }
    throw new WardenError('DATA_SOURCE_NOT_FOUND', { id });
  }

  async dictionary(id: number): Promise<{ dataSource: DataSourceDetail; dataSourceId: number; dataSourceName: string; columns: ColumnView[] }> {
    const view = await this.get(id);
    return { dataSource: view, dataSourceId: id, dataSourceName: view.name, columns: view.columns ?? [] };
  }

  /** The object path of the data source with this id (enabled or not), or null when there is none. */
  async pathOf(id: number): Promise<string[] | null> {
    // Access control asks before the id is validated: anything else names no data source.
    if (!Number.isInteger(id) || id < 1 || id > MAX_DATA_SOURCE_ID) return null;
    const objectId = await this.store.dataSources.objectIdOf(id);
    const record = objectId === undefined ? undefined : await this.store.objects.findById(objectId);
    return record ? ((await this.store.objects.pathsOf([record])).get(record.id) ?? null) : null;
  }
}

/** What the path of a connection's data source says of its remote names: [key, database, (schema,) table]. */
function remoteOfPath(objectPath: readonly string[]) {
  return { remoteDatabase: objectPath[1] ?? null, remoteSchema: objectPath.length > 3 ? objectPath.at(-2)! : null, remoteTable: objectPath.at(-1)! };
}

function hitFields(h: DataSourceRow, objectPath: readonly string[]): LegacyDataSourceFields {
  const common = { id: h.id, name: h.name, description: h.comment, type: 'queryable' as const, blobHandlerType: h.technology, status: statusOf(h.removed), deleted: !h.enabled };
  if (!h.legacy) return { ...common, origin: 'connection', connectionString: null, ...remoteOfPath(objectPath), sqlSchemaName: null, sqlTableName: null, schemaEvolutionId: null };
  const l = h.legacy;
  return {
    ...common,
    origin: 'legacy',
    connectionString: l.connectionString,
    remoteDatabase: l.remoteDatabase,
    remoteSchema: l.remoteSchema,
    remoteTable: l.remoteTable,
    sqlSchemaName: l.sqlSchemaName,
    sqlTableName: l.sqlTableName,
    schemaEvolutionId: l.schemaProjectId,
  };
}

function detailFields(id: number, view: ObjectView, handler: LegacyHandlerRecord | undefined, connectionString: string | null): LegacyDataSourceFields {
  const common = { id, description: view.comment, type: 'queryable' as const, blobHandlerType: view.technology, status: statusOf(view.removed), deleted: view.state !== 'active' };
  if (!handler) {
    return { ...common, name: view.dataSourceName!, origin: 'connection', connectionString: null, ...remoteOfPath(view.objectPath), sqlSchemaName: null, sqlTableName: null, schemaEvolutionId: null };
  }
  return {
    ...common,
    name: handler.name,
    origin: 'legacy',
    connectionString,
    remoteDatabase: handler.remoteDatabase,
    remoteSchema: handler.remoteSchema,
    remoteTable: handler.remoteTable,
    sqlSchemaName: handler.sqlSchemaName,
    sqlTableName: handler.sqlTableName,
    schemaEvolutionId: handler.schemaProjectId,
  };
}

/** The legacy health roll-up: Warden runs no health checks of its own, so only a table gone from the platform fails. */
function statusOf(removed: boolean): DataSourceStatus {
  return removed ? 'failed' : 'passed';
}
