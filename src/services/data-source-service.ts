import type { CrawledColumn } from '../domain/catalog-types.js';
import { WardenError } from '../errors.js';
import type { CatalogStore } from '../store/catalog-store.js';
import type { DataSourceRepository } from '../store/repositories/data-source-repository.js';
import type { CatalogService, ObjectView } from './catalog-service.js';

export interface DataSourceView {
  id: number;
  name: string;
  connectionKey: string;
  objectPath: string[];
  kind: string;
  comment: string | null;
}

/** Data sources are the enabled leaves; this reads them and their dictionaries. */
export class DataSourceService {
  constructor(
    private readonly store: CatalogStore,
    private readonly dataSources: DataSourceRepository,
    private readonly catalog: CatalogService,
  ) {}

  async search(search: { searchText?: string; connectionKey?: string; offset: number; size: number }) {
    const { count, hits } = await this.dataSources.search(search);
    const paths = await this.store.objects.pathsOf(hits);
    return {
      count,
      hits: hits.map((h): DataSourceView => {
        const objectPath = paths.get(h.id)!;
        return { id: h.id, name: h.name, connectionKey: objectPath[0]!, objectPath, kind: h.kind, comment: h.comment };
      }),
    };
  }

  /** The data source's object view; DATA_SOURCE_NOT_FOUND unless the id is an enabled leaf. */
  async get(id: number): Promise<ObjectView> {
    const path = await this.pathOf(id);
    const view = path && (await this.catalog.getObject(path));
    if (!view || view.dataSourceId !== id) throw new WardenError('DATA_SOURCE_NOT_FOUND', { id });
    return view;
  }

  async dictionary(id: number): Promise<{ dataSourceId: number; dataSourceName: string; columns: CrawledColumn[] }> {
    const view = await this.get(id);
    return { dataSourceId: id, dataSourceName: view.dataSourceName!, columns: view.columns ?? [] };
  }

  /** The object path of the object with this id (enabled or not), or null when there is none. */
  async pathOf(id: number): Promise<string[] | null> {
    if (!Number.isSafeInteger(id)) return null;
    const record = await this.store.objects.findById(id);
    return record ? ((await this.store.objects.pathsOf([record])).get(id) ?? null) : null;
  }
}
