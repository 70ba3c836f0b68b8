import type { CatalogFilter } from './trino-config.js';
import { SYSTEM_CATALOG } from './trino-technology.js';

/**
 * The catalog queries of a Trino crawl, one statement each. Trino's REST protocol has no bind
 * parameters, so names travel as string literals (quotes doubled; Trino literals have no
 * backslash escapes) and catalogs as quoted identifiers. Names are compared with `=`, which is
 * exact on Trino's varchar.
 *
 * Per crawl: one catalog listing; per catalog, one schema listing; per schema, three reads
 * (tables, every column of every table, table comments) — never one per table. Filtering
 * information_schema by `table_schema` lets Trino push the schema down to the connector, and
 * keeps a schema that cannot be listed from failing its whole catalog (see trino-catalog.ts).
 * What the user may not see is filtered out of these views by Trino's access control, without
 * an error (the setup script grants what the crawl needs).
 */

/** The schema every catalog has for its metadata views. */
export const INFORMATION_SCHEMA = 'information_schema';

/** A string literal. */
export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A quoted identifier. */
export function identifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Row: `[catalog_name]`. The connection's include/exclude lists apply; `system` never appears. */
export function catalogsQuery(filter: CatalogFilter | undefined, only: string | undefined): string {
  const where = [`catalog_name <> ${literal(SYSTEM_CATALOG)}`];
  if (filter?.include !== undefined) where.push(`catalog_name IN (${inList(filter.include)})`);
  if (filter?.exclude !== undefined && filter.exclude.length > 0) where.push(`catalog_name NOT IN (${inList(filter.exclude)})`);
  if (only !== undefined) where.push(`catalog_name = ${literal(only)}`);
  return `SELECT catalog_name FROM system.metadata.catalogs\nWHERE ${where.join(' AND ')}\nORDER BY catalog_name`;
}

/** Row: `[schema_name]`, the catalog's own information_schema left out. */
export function schemasQuery(catalog: string, only: string | undefined): string {
  const where = [`schema_name <> ${literal(INFORMATION_SCHEMA)}`];
  if (only !== undefined) where.push(`schema_name = ${literal(only)}`);
  return `SELECT schema_name FROM ${identifier(catalog)}.information_schema.schemata\nWHERE ${where.join(' AND ')}\nORDER BY schema_name`;
}

/**
 * Which tables of a schema a read covers: all of them, one by name (a scoped crawl) or a list
 * (at most {@link NAMES_PER_QUERY}: Trino reads a short list table by table, which is what
 * lets a schema with case twins be read around them — trino-catalog.ts).
 */
export type TableFilter = string | readonly string[] | undefined;

/**
 * The longest name list one read carries. Trino resolves listed names one by one up to its
 * `optimizer.experimental-max-prefetched-information-schema-prefixes` (default 100); beyond
 * that it lists the whole schema, which is what fails when the schema has case twins.
 */
export const NAMES_PER_QUERY = 100;

/**
 * Row: `[table_name]`, the schema's table names only. The one listing Trino still answers
 * for a schema where two remote tables fold to one name (it does not need to resolve them);
 * a name may come twice.
 */
export function tableNamesQuery(catalog: string, schema: string, only: string | undefined): string {
  return `SELECT table_name FROM ${identifier(catalog)}.information_schema.tables\n${inSchema(schema, only)}`;
}

/** Row: `[table_name, table_type]` (`BASE TABLE` or `VIEW`). */
export function tablesQuery(catalog: string, schema: string, only: TableFilter): string {
  return `SELECT table_name, table_type FROM ${identifier(catalog)}.information_schema.tables\n${inSchema(schema, only)}\nORDER BY table_name`;
}

/**
 * Row: `[table_name, column_name, ordinal_position, data_type, is_nullable, column_default, comment]`,
 * unordered. `comment` is a hidden column of Trino's information_schema.columns, read by name;
 * `data_type` is Trino's type text (`varchar(20)`, `decimal(10,2)`).
 */
export function columnsQuery(catalog: string, schema: string, only: TableFilter): string {
  return (
    `SELECT table_name, column_name, ordinal_position, data_type, is_nullable, column_default, comment\n` +
    `FROM ${identifier(catalog)}.information_schema.columns\n${inSchema(schema, only)}`
  );
}

/** Row: `[table_name, comment]`. Trino pushes the catalog and schema filters down. */
export function tableCommentsQuery(catalog: string, schema: string, only: string | undefined): string {
  const where = [`catalog_name = ${literal(catalog)}`, `schema_name = ${literal(schema)}`];
  if (only !== undefined) where.push(`table_name = ${literal(only)}`);
  return `SELECT table_name, comment FROM system.metadata.table_comments\nWHERE ${where.join(' AND ')}`;
}

function inSchema(schema: string, only: TableFilter): string {
  const where = `WHERE table_schema = ${literal(schema)}`;
  if (only === undefined) return where;
  return typeof only === 'string' ? `${where} AND table_name = ${literal(only)}` : `${where} AND table_name IN (${inList(only)})`;
}

function inList(names: readonly string[]): string {
  // `IN ()` is not SQL: an empty include list matches no catalog.
  return names.length === 0 ? 'NULL' : names.map(literal).join(', ');
}
