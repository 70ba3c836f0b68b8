import type { CrawledObject } from '../../domain/catalog-types.js';
import { mapLeafRows, type InformationSchemaMapping } from '../shared/information-schema-mapper.js';
import type { ColumnRow, TableRow } from '../shared/information-schema-queries.js';

/** `[table_name, table_type]` of trino-queries.ts tablesQuery. */
export type TrinoTableRow = [name: string, tableType: string];
/** `[table_name, column_name, ordinal_position, data_type, is_nullable, column_default, comment]`. */
export type TrinoColumnRow = [table: string, name: string, ordinal: number, type: string, nullable: string, defaultValue: string | null, comment: string | null];
/** `[table_name, comment]` of system.metadata.table_comments. */
export type TrinoCommentRow = [table: string, comment: string | null];

/**
 * Trino's table types → leaf kinds. Materialized views are listed as `BASE TABLE` by
 * information_schema; nothing else tells them apart without a query per table.
 */
export const TRINO_MAPPING: InformationSchemaMapping = { tableTypes: { 'BASE TABLE': 'table', VIEW: 'view' } };

/** Names → containers of kind `level` (Trino has no comments on catalogs, nor ids). */
export function mapTrinoContainers(rows: readonly [name: string][], level: string): CrawledObject[] {
  return rows.map(([name]) => ({ name, kind: level, stableId: null, comment: null }));
}

/**
 * One schema's tables, columns and table comments → leaves with complete, ordered columns.
 * Trino has no generated columns: every column is plain.
 */
export function mapTrinoLeaves(
  tables: readonly TrinoTableRow[],
  columns: readonly TrinoColumnRow[],
  comments: readonly TrinoCommentRow[],
): CrawledObject[] {
  const commentOf = new Map(comments);
  const tableRows = tables.map(([name, type]): TableRow => [name, type, commentOf.get(name) ?? null]);
  const columnRows = columns.map((column): ColumnRow => [...column, null, 'NO']);
  return mapLeafRows(tableRows, columnRows, TRINO_MAPPING);
}

/**
 * Names Trino lists but resolves to nothing, each as two tables of that name: Trino folds case,
 * and two backend tables of one folded name are ambiguous to it (case-insensitive name
 * matching), so neither can be read. Reported twice, the sync keeps one and records the object
 * uniqueness violation (SPEC 1.2). Columns are absent — not read, so a stored dictionary stays —
 * and the kind is `table`, the only one a JDBC catalog reports.
 */
export function unreadableTwins(listed: readonly string[], read: readonly CrawledObject[]): CrawledObject[] {
  const resolved = new Set(read.map((object) => object.name));
  return listed
    .filter((name) => !resolved.has(name))
    .flatMap((name) => [1, 2].map((): CrawledObject => ({ name, kind: 'table', stableId: null, comment: null })));
}
