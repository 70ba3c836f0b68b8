/**
 * The catalog queries of a Snowflake crawl (wire-protocols.md §2.4–2.5), one statement each.
 * Values are bound (`?`) wherever Snowflake takes a bind; SHOW takes none, so its names travel
 * as string literals, and databases are addressed as quoted identifiers.
 *
 * Per crawl: SHOW DATABASES, paged past its 10,000-row cap; per database, SCHEMATA, then TABLES
 * and COLUMNS of the whole database at once — per schema when Snowflake answers that the
 * result is too large (090030) — and, when the role may read SNOWFLAKE.ACCOUNT_USAGE, the
 * database's table ids and tags there in one query each; otherwise the tags of each table
 * through the INFORMATION_SCHEMA table functions.
 */
import { identifier, literal } from './snowflake-technology.js';

export { identifier, literal };

/** SHOW returns at most this many rows; the next page starts FROM the last name. */
export const SHOW_PAGE = 10_000;

/** The database every account has for ACCOUNT_USAGE and the system tags; never crawled. */
export const SYSTEM_DATABASE = 'SNOWFLAKE';

/** `"DB"."SCHEMA"."TABLE"`: how the tag table functions take their object. */
export function qualifiedName(path: readonly string[]): string {
  return path.map(identifier).join('.');
}

/** Rows: `[created_on, name, …]` (name at index 1), sorted by name; the page after `after`, or the first. */
export function showDatabasesQuery(after: string | undefined): string {
  return `SHOW DATABASES LIMIT ${SHOW_PAGE}${after === undefined ? '' : ` FROM ${literal(after)}`}`;
}

/** The databases whose name matches `name` case-insensitively (SHOW … LIKE); the caller keeps the exact one. */
export function showDatabaseQuery(name: string): string {
  return `SHOW DATABASES LIKE ${literal(name.replace(/[\\%_]/g, '\\$&'))}`;
}

/** Row: `[SCHEMA_NAME, COMMENT, created ms]`; bind: the schema when `only`. */
export function schemasQuery(database: string, only: boolean): string {
  return (
    `SELECT SCHEMA_NAME, COMMENT, DATE_PART(EPOCH_MILLISECOND, CREATED) FROM ${identifier(database)}.INFORMATION_SCHEMA.SCHEMATA\n` +
    `WHERE SCHEMA_NAME <> 'INFORMATION_SCHEMA'${only ? ' AND SCHEMA_NAME = ?' : ''}\nORDER BY SCHEMA_NAME`
  );
}

/** How much of a database a TABLES or COLUMNS read covers: all of it, one schema, or one table. */
export type ReadScope = 'database' | 'schema' | 'table';

/** Row: `[TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, IS_DYNAMIC, IS_ICEBERG, COMMENT, created ms]`; binds: schema, table as `scope` says. */
export function tablesQuery(database: string, scope: ReadScope): string {
  return (
    `SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, IS_DYNAMIC, IS_ICEBERG, COMMENT, DATE_PART(EPOCH_MILLISECOND, CREATED)\n` +
    `FROM ${identifier(database)}.INFORMATION_SCHEMA.TABLES\n${scoped(scope)}`
  );
}

/**
 * Row: `[TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE,
 * CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, IS_NULLABLE, COLUMN_DEFAULT, COMMENT]`.
 */
export function columnsQuery(database: string, scope: ReadScope): string {
  return (
    `SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, IS_NULLABLE, COLUMN_DEFAULT, COMMENT\n` +
    `FROM ${identifier(database)}.INFORMATION_SCHEMA.COLUMNS\n${scoped(scope)}`
  );
}

/** Row: `[SCHEMA_NAME, SCHEMA_ID, created ms]` of the live schemas of the database (bind 1). */
export const SCHEMA_IDS_QUERY =
  'SELECT SCHEMA_NAME, SCHEMA_ID, DATE_PART(EPOCH_MILLISECOND, CREATED)\nFROM SNOWFLAKE.ACCOUNT_USAGE.SCHEMATA\nWHERE CATALOG_NAME = ? AND DELETED IS NULL';

/** Row: `[TABLE_SCHEMA, TABLE_NAME, TABLE_ID, created ms]` of the live tables of the database (bind 1). */
export const TABLE_IDS_QUERY =
  'SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_ID, DATE_PART(EPOCH_MILLISECOND, CREATED)\nFROM SNOWFLAKE.ACCOUNT_USAGE.TABLES\nWHERE TABLE_CATALOG = ? AND DELETED IS NULL';

const TAG_REFERENCES =
  'SELECT DOMAIN, OBJECT_SCHEMA, OBJECT_NAME, COLUMN_NAME, TAG_DATABASE, TAG_SCHEMA, TAG_NAME, TAG_VALUE\nFROM SNOWFLAKE.ACCOUNT_USAGE.TAG_REFERENCES\n';

/** Row: `[DOMAIN, OBJECT_SCHEMA, OBJECT_NAME, COLUMN_NAME, TAG_DATABASE, TAG_SCHEMA, TAG_NAME, TAG_VALUE]`: the tags set on databases. */
export const DATABASE_TAGS_QUERY = `${TAG_REFERENCES}WHERE DOMAIN = 'DATABASE' AND OBJECT_DELETED IS NULL`;

/** Same row: the tags set on the schemas, tables and columns of the database (bind 1). */
export const OBJECT_TAGS_QUERY = `${TAG_REFERENCES}WHERE OBJECT_DATABASE = ? AND DOMAIN <> 'DATABASE' AND OBJECT_DELETED IS NULL`;

/** Row: `[TAG_DATABASE, TAG_SCHEMA, TAG_NAME, TAG_VALUE]`: the tags set on the schema or table itself (bind: its qualified name). */
export function ownTagsQuery(database: string, domain: 'schema' | 'table'): string {
  return (
    `SELECT TAG_DATABASE, TAG_SCHEMA, TAG_NAME, TAG_VALUE\n` +
    `FROM TABLE(${identifier(database)}.INFORMATION_SCHEMA.TAG_REFERENCES(?, '${domain}'))\nWHERE LEVEL = '${domain.toUpperCase()}'`
  );
}

/** Row: `[COLUMN_NAME, TAG_DATABASE, TAG_SCHEMA, TAG_NAME, TAG_VALUE]`: the tags set on the table's columns themselves. */
export function columnTagsQuery(database: string): string {
  return (
    `SELECT COLUMN_NAME, TAG_DATABASE, TAG_SCHEMA, TAG_NAME, TAG_VALUE\n` +
    `FROM TABLE(${identifier(database)}.INFORMATION_SCHEMA.TAG_REFERENCES_ALL_COLUMNS(?, 'table'))\nWHERE LEVEL = 'COLUMN'`
  );
}

function scoped(scope: ReadScope): string {
  const where = ["TABLE_SCHEMA <> 'INFORMATION_SCHEMA'"];
  if (scope !== 'database') where.push('TABLE_SCHEMA = ?');
  if (scope === 'table') where.push('TABLE_NAME = ?');
  return `WHERE ${where.join(' AND ')}`;
}
