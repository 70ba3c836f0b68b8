import type { CrawledObject, ScopeStep } from '../../domain/catalog-types.js';
import { pathOf, type CatalogReader } from '../shared/catalog-walk.js';
import type { CatalogFilter } from './trino-config.js';
import { mapTrinoContainers, mapTrinoLeaves, type TrinoColumnRow, type TrinoCommentRow, type TrinoTableRow } from './trino-mapper.js';
import { catalogsQuery, columnsQuery, schemasQuery, tableCommentsQuery, tablesQuery } from './trino-queries.js';
import type { TrinoSession } from './trino-session.js';
import { TRINO_LEVELS } from './trino-technology.js';

/**
 * Reads a Trino catalog tree through one session, for the shared walk: catalogs at the root,
 * schemas per catalog, and per schema its tables with their columns and comments (three
 * queries). Each schema is read on its own so that one Trino cannot list — two PostgreSQL
 * tables whose names differ only in case make Trino fail the whole schema's listing
 * (GENERIC_INTERNAL_ERROR "Duplicate key") — fails alone, and nothing under it is touched.
 */
export class TrinoCatalogReader implements CatalogReader {
  constructor(
    private readonly session: TrinoSession,
    private readonly filter: CatalogFilter | undefined,
  ) {}

  get lost(): boolean {
    return this.session.lost;
  }

  async listContainers(parent: readonly CrawledObject[], only: ScopeStep | undefined): Promise<CrawledObject[]> {
    const path = pathOf(parent);
    const sql = path.length === 0 ? catalogsQuery(this.filter, only?.name) : schemasQuery(path[0]!, only?.name);
    return mapTrinoContainers(await this.run<[string]>(sql, path), TRINO_LEVELS[path.length]!);
  }

  async listLeaves(parent: readonly CrawledObject[], only: ScopeStep | undefined): Promise<CrawledObject[]> {
    const path = pathOf(parent);
    const [catalog, schema] = path as [string, string];
    const tables = await this.run<TrinoTableRow>(tablesQuery(catalog, schema, only?.name), path);
    if (tables.length === 0) return [];
    const columns = await this.run<TrinoColumnRow>(columnsQuery(catalog, schema, only?.name), path);
    const comments = await this.run<TrinoCommentRow>(tableCommentsQuery(catalog, schema, only?.name), path);
    return mapTrinoLeaves(tables, columns, comments);
  }

  close(): Promise<void> {
    return this.session.close();
  }

  private run<Row extends unknown[]>(sql: string, path: readonly string[]): Promise<Row[]> {
    return this.session.query<Row>(sql, [], path);
  }
}
