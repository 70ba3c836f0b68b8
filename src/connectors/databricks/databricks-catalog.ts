import type { CrawledObject, ScopeStep } from '../../domain/catalog-types.js';
import { pathOf, type CatalogReader } from '../shared/catalog-walk.js';
import type { DatabricksClient } from './databricks-client.js';
import { mapContainers, mapTables, type CatalogInfo, type SchemaInfo, type TableInfo } from './databricks-mapper.js';
import { DATABRICKS_LEVELS } from './databricks-technology.js';
import type { TagIndex } from './databricks-tags.js';

const API = '/api/2.1/unity-catalog';
/** Catalogs and schemas per page: 0 asks for the server's default page, as Databricks recommends. */
const CONTAINER_PAGE = '0';
/** Tables per page with their columns: 50 is the most the API allows when columns are included. */
const TABLE_PAGE = '50';

/**
 * Reads Unity Catalog through its REST API for the shared walk: catalogs at the root, schemas
 * per catalog, and per schema its tables with their columns in one paged listing — a bounded
 * number of requests per schema, never one per table. Every listing follows next_page_token
 * to its end (a page may be empty and still carry one). `include_browse` lists the objects
 * the principal may only BROWSE, which is enough for metadata.
 *
 * HTTP is stateless: the reader is never lost; one failed listing fails its subtree only.
 */
export class DatabricksCatalogReader implements CatalogReader {
  readonly lost = false;

  /** @param tags the crawl's platform tags; undefined when they are not read (no httpPath, or the read failed). */
  constructor(
    private readonly client: DatabricksClient,
    private readonly signal: AbortSignal,
    private readonly tags: TagIndex | undefined,
  ) {}

  async listContainers(parent: readonly CrawledObject[], only: ScopeStep | undefined): Promise<CrawledObject[]> {
    const path = pathOf(parent);
    const infos =
      path.length === 0
        ? await this.pages<CatalogInfo>('/catalogs', 'catalogs', {}, path)
        : await this.pages<SchemaInfo>('/schemas', 'schemas', { catalog_name: path[0]! }, path);
    return this.withTags(path, filterTo(mapContainers(infos, DATABRICKS_LEVELS[path.length]!), only));
  }

  async listLeaves(parent: readonly CrawledObject[], only: ScopeStep | undefined): Promise<CrawledObject[]> {
    const path = pathOf(parent);
    const [catalog, schema] = path as [string, string];
    const tables = await this.pages<TableInfo>(
      '/tables',
      'tables',
      { catalog_name: catalog, schema_name: schema, omit_properties: 'true', omit_username: 'true' },
      path,
      TABLE_PAGE,
    );
    return this.withTags(path, filterTo(mapTables(tables), only));
  }

  /** The objects under `parent` with their complete tags (and their columns'), when the crawl read them. */
  private withTags(parent: readonly string[], objects: CrawledObject[]): CrawledObject[] {
    const index = this.tags;
    if (index === undefined) return objects;
    return objects.map((object) => {
      const path = [...parent, object.name];
      const columns = object.columns?.map((column) => ({ ...column, tags: index.tagsOf([...path, column.name]) }));
      return { ...object, tags: index.tagsOf(path), ...(columns === undefined ? {} : { columns }) };
    });
  }

  async close(): Promise<void> {}

  private async pages<T>(resource: string, field: string, query: Record<string, string>, path: readonly string[], pageSize = CONTAINER_PAGE): Promise<T[]> {
    const all: T[] = [];
    let pageToken: string | undefined;
    do {
      const page = await this.client.get<Record<string, unknown>>(
        `${API}${resource}`,
        { ...query, max_results: pageSize, include_browse: 'true', ...(pageToken === undefined ? {} : { page_token: pageToken }) },
        path,
        this.signal,
      );
      all.push(...((page[field] as T[] | undefined) ?? []));
      pageToken = typeof page.next_page_token === 'string' && page.next_page_token !== '' ? page.next_page_token : undefined;
    } while (pageToken !== undefined);
    return all;
  }
}

/** The listing filtered to a scope step: by stable id when it still names an object (a rename), else by name. */
function filterTo(objects: CrawledObject[], only: ScopeStep | undefined): CrawledObject[] {
  if (only === undefined) return objects;
  const byId = only.stableId === null ? [] : objects.filter((object) => object.stableId === only.stableId);
  return byId.length > 0 ? byId : objects.filter((object) => object.name === only.name);
}
