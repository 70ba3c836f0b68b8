import type { CrawledObject, ScopeStep } from '../../domain/catalog-types.js';
import { pathOf, type CatalogReader } from '../shared/catalog-walk.js';
import { mapContainerRows, mapLeafRows, type InformationSchemaMapping } from '../shared/information-schema-mapper.js';
import {
  InformationSchemaQueries,
  type BoundQuery,
  type ColumnRow,
  type ContainerRow,
  type InformationSchemaDialect,
  type TableRow,
} from '../shared/information-schema-queries.js';
import type { MariadbSession } from './mariadb-session.js';
import { MARIADB_LEVELS } from './mariadb-technology.js';

/** The server's own databases: never objects. */
export const SYSTEM_DATABASES = ['information_schema', 'mysql', 'performance_schema', 'sys'] as const;

/**
 * How MariaDB and MySQL spell information_schema (one for the whole server).
 *
 * Name comparisons: information_schema columns use a case-insensitive collation, while
 * database and table names are case-sensitive on Linux (`lower_case_table_names=0`), so
 * `Case` and `case` are different tables. Each name is therefore compared twice: a plain `=`,
 * which the server's information_schema optimisation turns into a lookup of just that
 * database or table (instead of opening every table of the server), and a `BINARY` one that
 * makes the match exact. Sorting is byte-wise for the same reason.
 *
 * Visibility: information_schema lists exactly the databases, tables and columns on which the
 * user holds some privilege, so the crawl mirrors what the credentials can see
 * (`mariadb-setup-script.ts` grants the one privilege that reads no data).
 */
export const MARIADB_DIALECT: InformationSchemaDialect = {
  placeholder: () => '?',
  view: (name) => `information_schema.${name}`,
  exactName: (column) => [`${column} = {}`, `BINARY ${column} = {}`],
  exactNameIn: (column) => `BINARY ${column} IN ({})`,
  orderByName: (column) => `BINARY ${column}`,
  // SCHEMA_COMMENT exists on MariaDB (10.5+) only, and the same connector serves MySQL.
  containerLevels: [{ ancestorColumns: [], nameColumn: 'SCHEMA_NAME', commentExpression: 'NULL' }],
  excludedTopLevel: SYSTEM_DATABASES,
  leafParentColumns: ['TABLE_SCHEMA'],
  tableTypeExpression: 'TABLE_TYPE',
  tableCommentExpression: 'TABLE_COMMENT',
  // The full type as written: `varchar(20)`, `int(10) unsigned`, `enum('a','b')`.
  columnTypeExpression: 'COLUMN_TYPE',
  columnCommentExpression: 'COLUMN_COMMENT',
  // EXTRA says `VIRTUAL GENERATED` or `STORED GENERATED` (MariaDB's PERSISTENT too) on both
  // servers, beside other words (INVISIBLE); MySQL's `DEFAULT_GENERATED` marks an expression
  // default, not a generated column. MySQL writes '' as the GENERATION_EXPRESSION of an ordinary
  // column, MariaDB NULL.
  columnGenerationExpression:
    "CASE WHEN EXTRA LIKE '%VIRTUAL GENERATED%' OR EXTRA LIKE '%STORED GENERATED%' THEN GENERATION_EXPRESSION END",
  columnGenerationStoredExpression: "CASE WHEN EXTRA LIKE '%STORED GENERATED%' THEN 'YES' ELSE 'NO' END",
};

/**
 * MariaDB's and MySQL's TABLE_TYPE values → leaf kinds. `SYSTEM VIEW` (information_schema
 * itself) and `TEMPORARY` (a session's own temporary tables) are not objects.
 */
export const MARIADB_MAPPING: InformationSchemaMapping = {
  tableTypes: {
    'BASE TABLE': 'table',
    VIEW: 'view',
    'SYSTEM VERSIONED': 'systemVersionedTable',
    SEQUENCE: 'sequence',
  },
  // Views cannot have comments; information_schema writes the word VIEW as theirs.
  tableComment: (comment, kind) => (kind === 'view' || comment === null || comment === '' ? null : comment),
  // MariaDB 10.2.7+ writes defaults as SQL: literals quoted ('x'), expressions as written, and
  // an explicit NULL default as the bare word NULL (a string default 'NULL' comes quoted).
  columnDefault: (value) => (value === 'NULL' ? null : value),
};

const QUERIES = new InformationSchemaQueries(MARIADB_DIALECT);

/** Reads the catalog through one session, for the shared walk. */
export class MariadbCatalogReader implements CatalogReader {
  constructor(private readonly session: MariadbSession) {}

  get lost(): boolean {
    return this.session.lost;
  }

  async listContainers(parent: readonly CrawledObject[], only: ScopeStep | undefined): Promise<CrawledObject[]> {
    const path = pathOf(parent);
    const rows = await this.run<ContainerRow>(QUERIES.containers(path, only?.name), path);
    return mapContainerRows(rows, MARIADB_LEVELS[path.length]!);
  }

  async listLeaves(parent: readonly CrawledObject[], only: ScopeStep | undefined): Promise<CrawledObject[]> {
    const path = pathOf(parent);
    const tables = await this.run<TableRow>(QUERIES.tables(path, only?.name), path);
    if (tables.length === 0) return [];
    const columns = await this.run<ColumnRow>(QUERIES.columns(path, only?.name), path);
    return mapLeafRows(tables, columns, MARIADB_MAPPING);
  }

  close(): Promise<void> {
    return this.session.close();
  }

  private run<Row extends unknown[]>(query: BoundQuery, path: readonly string[]): Promise<Row[]> {
    return this.session.query<Row>(query.sql, query.values, path);
  }
}
