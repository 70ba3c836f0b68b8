import type { CrawledObject, ScopeStep } from '../../domain/catalog-types.js';
import { pathOf, type CatalogReader } from '../shared/catalog-walk.js';
import type { CatalogFilter } from './trino-config.js';
import { isTrinoError } from './trino-errors.js';
import { mapTrinoContainers, mapTrinoLeaves, unreadableTwins, type TrinoColumnRow, type TrinoCommentRow, type TrinoTableRow } from './trino-mapper.js';
import {
  NAMES_PER_QUERY,
  catalogsQuery,
  columnsQuery,
  schemasQuery,
  tableCommentsQuery,
  tableNamesQuery,
  tablesQuery,
  type TableFilter,
} from './trino-queries.js';
import type { TrinoSession } from './trino-session.js';
import { TRINO_LEVELS } from './trino-technology.js';

/**
 * Reads a Trino catalog tree through one session, for the shared walk: catalogs at the root,
 * schemas per catalog, and per schema its tables with their columns and comments (three
 * queries). Each schema is read on its own so that one Trino cannot list fails alone.
 *
 * Case twins: two PostgreSQL tables whose names differ only in case (`"Orders"`, `orders`)
 * fold to one Trino name, and Trino 476 fails every whole-schema listing of that schema with
 * GENERIC_INTERNAL_ERROR ("Duplicate key …"). What it still answers: the bare name listing, and
 * reads of listed names, which it resolves one by one. With `case-insensitive-name-matching`
 * on the catalog, a twin's name is listed but resolves to nothing (it is ambiguous), so the
 * twins are found without reading message text: they are reported as two objects of that name
 * (the sync keeps one and records an object uniqueness violation) and the rest of the schema
 * is read normally. Without that setting Trino silently resolves the name to the lower-case
 * table and nothing tells which name collided: the schema is then a failure (not crawled,
 * nothing under it removed).
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
    let leaves: CrawledObject[];
    try {
      leaves = await this.readTables(path, only?.name);
    } catch (error) {
      if (!isTrinoError(error, 'GENERIC_INTERNAL_ERROR')) throw error;
      const twins = await this.readAroundTwins(path, only?.name);
      // Trino could not list the schema and no name is ambiguous: which tables collide is unknown.
      if (twins === undefined) throw error;
      return twins;
    }
    // A scoped name Trino does not resolve may still be listed: then it is a case twin, not gone.
    if (leaves.length === 0 && only !== undefined) return (await this.readAroundTwins(path, only.name)) ?? [];
    return leaves;
  }

  close(): Promise<void> {
    return this.session.close();
  }

  /** The three bulk reads of one schema (or of the tables `only` names). */
  private async readTables(path: readonly string[], only: TableFilter): Promise<CrawledObject[]> {
    const [catalog, schema] = path as [string, string];
    const tables = await this.run<TrinoTableRow>(tablesQuery(catalog, schema, only), path);
    if (tables.length === 0) return [];
    const columns = await this.run<TrinoColumnRow>(columnsQuery(catalog, schema, only), path);
    // system.metadata.table_comments takes one name, never a list: it lists the whole schema otherwise.
    const comments: TrinoCommentRow[] = [];
    if (typeof only !== 'object') comments.push(...(await this.run<TrinoCommentRow>(tableCommentsQuery(catalog, schema, only), path)));
    else for (const [name] of tables) comments.push(...(await this.run<TrinoCommentRow>(tableCommentsQuery(catalog, schema, name), path)));
    return mapTrinoLeaves(tables, columns, comments);
  }

  /**
   * Lists the names (all, or `only`), reads them in lists Trino resolves one by one, and
   * reports each listed name that resolved to nothing as a pair of case twins. Undefined when
   * no name is ambiguous.
   */
  private async readAroundTwins(path: readonly string[], only: string | undefined): Promise<CrawledObject[] | undefined> {
    const [catalog, schema] = path as [string, string];
    const names = [...new Set((await this.run<[string]>(tableNamesQuery(catalog, schema, only), path)).map(([name]) => name))].sort();
    const read: CrawledObject[] = [];
    for (let start = 0; start < names.length; start += NAMES_PER_QUERY) {
      read.push(...(await this.readTables(path, names.slice(start, start + NAMES_PER_QUERY))));
    }
    const twins = unreadableTwins(names, read);
    if (twins.length === 0) return undefined;
    return [...read, ...twins].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  private run<Row extends unknown[]>(sql: string, path: readonly string[]): Promise<Row[]> {
    return this.session.query<Row>(sql, [], path);
  }
}
