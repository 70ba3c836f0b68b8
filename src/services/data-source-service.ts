import { pathKey } from '../domain/object-path.js';
import type { Tag } from '../domain/tag.js';
import { WardenError } from '../errors.js';
import type { CatalogStore } from '../store/catalog-store.js';
import type { CatalogService, ColumnView, ObjectView } from './catalog-service.js';
import { tagView } from './tag-service.js';

export interface DataSourceView {
  id: number;
  name: string;
  connectionKey: string;
  objectPath: string[];
  kind: string;
  comment: string | null;
  /** The tags on the data source itself (its columns' are in its dictionary). */
  tags: Tag[];
}

/** How often one read follows a data source id that moved while it was read (an upgrade moves each id once). */
const MAX_MOVES_PER_READ = 3;

/** The largest data source id: ids are PostgreSQL `integer`s, which refuse to be compared with a larger number. */
export const MAX_DATA_SOURCE_ID = 2 ** 31 - 1;

/** Data sources are the enabled leaves, under ids of their own; this reads them and their dictionaries. */
export class DataSourceService {
  constructor(
    private readonly store: CatalogStore,
    private readonly catalog: CatalogService,
  ) {}

  async search(search: { searchText?: string; connectionKey?: string; tags?: readonly string[]; offset: number; size: number }) {
    const { count, hits } = await this.store.dataSources.search(search);
    const [paths, tags] = await Promise.all([
      this.store.objects.pathsOf(hits.map((h) => ({ id: h.objectId, idPath: h.idPath }))),
      this.store.tags.listForObjects(hits.map((h) => h.objectId), { objectOnly: true }),
    ]);
    return {
      count,
      hits: hits.map((h): DataSourceView => {
        const objectPath = paths.get(h.objectId)!;
        return { id: h.id, name: h.name, connectionKey: objectPath[0]!, objectPath, kind: h.kind, comment: h.comment, tags: (tags.get(h.objectId) ?? []).map(tagView) };
      }),
    };
  }

  /** The data source's object view; DATA_SOURCE_NOT_FOUND unless the id is an enabled leaf. */
  async get(id: number): Promise<ObjectView> {
    // The id's object is resolved, then read: an upgrade moving the id onto its connection's
    // object (one transaction) may commit in between. Read again where the id is now, so a
    // data source that never stopped being one is never answered as missing.
    for (let moves = 0; moves < MAX_MOVES_PER_READ; moves++) {
      const path = await this.pathOf(id);
      const view =
        path &&
        (await this.catalog.getObject(path).catch((error: unknown) => {
          if (error instanceof WardenError && error.code === 'OBJECT_NOT_FOUND') return null;
          throw error;
        }));
      if (view && view.dataSourceId === id) return view;
      const now = await this.pathOf(id);
      if ((now && pathKey(now)) === (path && pathKey(path))) break;
    }
    throw new WardenError('DATA_SOURCE_NOT_FOUND', { id });
  }

  async dictionary(id: number): Promise<{ dataSourceId: number; dataSourceName: string; columns: ColumnView[] }> {
    const view = await this.get(id);
    return { dataSourceId: id, dataSourceName: view.dataSourceName!, columns: view.columns ?? [] };
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
