import type { CrawledObject, ScopeStep } from '../../domain/catalog-types.js';
import type { CrawledTag } from '../../domain/tag.js';
import { isWardenError } from '../../errors.js';
import { pathOf, type CatalogReader } from '../shared/catalog-walk.js';
import { onlyNamed } from '../shared/information-schema-mapper.js';
import {
  TagIndex,
  mapDatabases,
  mapSnowflakeLeaves,
  mapSnowflakeSchemas,
  schemaIds,
  tableIds,
  type ShowDatabaseRow,
  type SnowflakeColumnRow,
  type SnowflakeTableRow,
  type ObjectIds,
  type SchemaIdRow,
  type SnowflakeSchemaRow,
  type TableIdRow,
  type TagReferenceRow,
  type TagRow,
} from './snowflake-mapper.js';
import {
  DATABASE_TAGS_QUERY,
  OBJECT_TAGS_QUERY,
  SCHEMA_IDS_QUERY,
  SHOW_PAGE,
  TABLE_IDS_QUERY,
  columnTagsQuery,
  columnsQuery,
  ownTagsQuery,
  qualifiedName,
  schemasQuery,
  showDatabaseQuery,
  showDatabasesQuery,
  tablesQuery,
  type ReadScope,
} from './snowflake-queries.js';
import { TOO_MUCH_DATA_CAUSE } from './snowflake-errors.js';
import type { SnowflakeSession } from './snowflake-session.js';

/** How many per-table tag reads run at once on one session when ACCOUNT_USAGE is not readable. */
export const TAG_READ_CONCURRENCY = 4;

/**
 * What one connector learned about its role: whether it may read SNOWFLAKE.ACCOUNT_USAGE
 * (IMPORTED PRIVILEGES on the SNOWFLAKE database). Asked once, by the first reader that needs it.
 */
export interface AccountUsageAccess {
  readable: boolean | undefined;
}

/** One database's tables and columns, read at once or, when Snowflake says it is too much, per schema. */
interface DatabaseRead {
  tables: SnowflakeTableRow[];
  columns: SnowflakeColumnRow[];
}

/**
 * Reads a Snowflake account through one session, for the shared walk: databases at the root
 * (SHOW DATABASES, paged), and for one database its schemas, then its tables and columns in
 * bulk, with ids and tags from ACCOUNT_USAGE when the role may read it. The walk opens one
 * reader per database, so the bulk reads are cached here for that database's schemas. The
 * session is the crawl's, lent for this database: close() gives it back (`release`).
 */
export class SnowflakeCatalogReader implements CatalogReader {
  private bulk: Promise<DatabaseRead | undefined> | undefined;
  private ids: Promise<ObjectIds | undefined> | undefined;
  private objectTags: Promise<TagIndex | undefined> | undefined;

  constructor(
    private readonly session: SnowflakeSession,
    private readonly accountUsage: AccountUsageAccess,
    private readonly release: () => void,
  ) {}

  get lost(): boolean {
    return this.session.lost;
  }

  async listContainers(parent: readonly CrawledObject[], only: ScopeStep | undefined): Promise<CrawledObject[]> {
    const path = pathOf(parent);
    if (path.length === 0) return this.listDatabases(only);
    const [database] = path as [string];
    const rows = await this.run<SnowflakeSchemaRow>(schemasQuery(database, only !== undefined), only === undefined ? [] : [only.name], path);
    const ids = await this.fromAccountUsage(async () => schemaIds(await this.run<SchemaIdRow>(SCHEMA_IDS_QUERY, [database], path)));
    const tags = await this.tagsOfDatabase(database);
    const schemas = mapSnowflakeSchemas(rows, ids, tags);
    if (tags !== undefined) return schemas;
    return this.eachTagged(schemas, async (schema) => {
      const tags = await this.ownTags(database, 'schema', [database, schema.name]);
      return tags === undefined ? schema : { ...schema, tags };
    });
  }

  async listLeaves(parent: readonly CrawledObject[], only: ScopeStep | undefined): Promise<CrawledObject[]> {
    const path = pathOf(parent);
    const [database, schema] = path as [string, string];
    const read = only === undefined ? await this.readDatabase(database, path) : undefined;
    const scope: ReadScope = only === undefined ? 'schema' : 'table';
    const binds = only === undefined ? [schema] : [schema, only.name];
    const tables = read?.tables ?? (await this.run<SnowflakeTableRow>(tablesQuery(database, scope), binds, path));
    const columns = read?.columns ?? (tables.length === 0 ? [] : await this.run<SnowflakeColumnRow>(columnsQuery(database, scope), binds, path));
    const ids = await this.tableIdsOf(database);
    const tags = await this.tagsOfDatabase(database);
    const leaves = mapSnowflakeLeaves(schema, tables, columns, ids, tags);
    if (tags !== undefined) return leaves;
    // An object whose tags could not be read carries none (absent: left as they are, not emptied).
    return this.eachTagged(leaves, async (leaf) => {
      const own = await this.ownTags(database, 'table', [database, schema, leaf.name]);
      const byColumn = own === undefined ? undefined : await this.columnTags(database, [database, schema, leaf.name]);
      if (own === undefined || byColumn === undefined) return leaf;
      return { ...leaf, tags: own, columns: leaf.columns?.map((column) => ({ ...column, tags: byColumn.of(column.name) })) };
    });
  }

  async close(): Promise<void> {
    this.release();
  }

  /** SHOW DATABASES, page after page: SHOW stops at 10,000 rows. */
  private async listDatabases(only: ScopeStep | undefined): Promise<CrawledObject[]> {
    let databases: CrawledObject[];
    if (only !== undefined) {
      databases = onlyNamed(mapDatabases(await this.run<ShowDatabaseRow>(showDatabaseQuery(only.name), [], [])), only);
    } else {
      const seen = new Map<string, CrawledObject>();
      let after: string | undefined;
      for (;;) {
        const page = await this.run<ShowDatabaseRow>(showDatabasesQuery(after), [], []);
        for (const database of mapDatabases(page)) seen.set(database.name, database);
        const last = String(page[page.length - 1]?.[1]);
        // A full page that ends where the last one did would never advance (FROM may be inclusive).
        if (page.length < SHOW_PAGE || last === after) break;
        after = last;
      }
      databases = [...seen.values()];
    }
    const tags = await this.fromAccountUsage(async () => TagIndex.fromReferences(await this.run<TagReferenceRow>(DATABASE_TAGS_QUERY, [], [])));
    // Without ACCOUNT_USAGE a database's tags would take one query per database at the root: they are left unread.
    return tags === undefined ? databases : databases.map((database) => ({ ...database, tags: tags.of(database.name) }));
  }

  /** The whole database's tables and columns, or undefined when Snowflake finds that too much (read per schema then). */
  private readDatabase(database: string, path: readonly string[]): Promise<DatabaseRead | undefined> {
    this.bulk ??= (async () => {
      try {
        const tables = await this.run<SnowflakeTableRow>(tablesQuery(database, 'database'), [], path);
        const columns = await this.run<SnowflakeColumnRow>(columnsQuery(database, 'database'), [], path);
        return { tables, columns };
      } catch (error) {
        if (isTooMuchData(error)) return undefined;
        throw error;
      }
    })();
    // A failed bulk read is not cached as a success: each schema reports it.
    return this.bulk;
  }

  private tableIdsOf(database: string): Promise<ObjectIds | undefined> {
    this.ids ??= this.fromAccountUsage(async () => tableIds(await this.run<TableIdRow>(TABLE_IDS_QUERY, [database], [database])));
    return this.ids;
  }

  private tagsOfDatabase(database: string): Promise<TagIndex | undefined> {
    this.objectTags ??= this.fromAccountUsage(async () => TagIndex.fromReferences(await this.run<TagReferenceRow>(OBJECT_TAGS_QUERY, [database], [database])));
    return this.objectTags;
  }

  /**
   * A read from SNOWFLAKE.ACCOUNT_USAGE, or undefined when the role may not read it: Snowflake
   * then answers 002003 (PERMISSION_DENIED here), and the connector stops asking.
   */
  private async fromAccountUsage<T>(read: () => Promise<T>): Promise<T | undefined> {
    if (this.accountUsage.readable === false) return undefined;
    try {
      const result = await read();
      this.accountUsage.readable = true;
      return result;
    } catch (error) {
      if (!isWardenError(error) || error.code !== 'PERMISSION_DENIED' || this.session.lost) throw error;
      this.accountUsage.readable = false;
      return undefined;
    }
  }

  /** The tags set on a schema or table itself, live; undefined when they cannot be read (left as they are). */
  private async ownTags(database: string, domain: 'schema' | 'table', path: string[]): Promise<CrawledTag[] | undefined> {
    const rows = await this.tagRead(() => this.run<TagRow>(ownTagsQuery(database, domain), [qualifiedName(path)], path));
    if (rows === undefined) return undefined;
    const index = new TagIndex();
    for (const row of rows) index.add([], row);
    return index.of();
  }

  private async columnTags(database: string, path: string[]): Promise<TagIndex | undefined> {
    const rows = await this.tagRead(() => this.run<[string, ...TagRow]>(columnTagsQuery(database), [qualifiedName(path)], path));
    if (rows === undefined) return undefined;
    const index = new TagIndex();
    for (const [column, ...tag] of rows) index.add([column], tag);
    return index;
  }

  /** A per-object tag read: a refusal leaves that object's tags unread; a lost session ends the listing. */
  private async tagRead<T>(read: () => Promise<T>): Promise<T | undefined> {
    try {
      return await read();
    } catch (error) {
      if (!isWardenError(error) || this.session.lost) throw error;
      return undefined;
    }
  }

  /** `tagged(object)` for each object, {@link TAG_READ_CONCURRENCY} at a time, in order. */
  private async eachTagged(objects: readonly CrawledObject[], tagged: (object: CrawledObject) => Promise<CrawledObject>): Promise<CrawledObject[]> {
    const results: CrawledObject[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let index = next++; index < objects.length; index = next++) results[index] = await tagged(objects[index]!);
    };
    await Promise.all(Array.from({ length: Math.min(TAG_READ_CONCURRENCY, objects.length) }, worker));
    return results;
  }

  private run<Row extends unknown[]>(sql: string, values: readonly unknown[], path: readonly string[]): Promise<Row[]> {
    return this.session.query<Row>(sql, values, path);
  }
}

function isTooMuchData(error: unknown): boolean {
  return isWardenError(error) && error.code === 'PLATFORM_ERROR' && error.params.cause === TOO_MUCH_DATA_CAUSE;
}
