import type { CrawledColumn, CrawledObject, LeafKind } from '../../domain/catalog-types.js';

/** The parts of Unity Catalog's CatalogInfo the crawl reads (REST 2.1; `id` in the open-source spec). */
export interface CatalogInfo {
  name: string;
  id?: string;
  comment?: string | null;
}

/** The parts of SchemaInfo the crawl reads. */
export interface SchemaInfo {
  name: string;
  schema_id?: string;
  comment?: string | null;
}

/** The parts of ColumnInfo the crawl reads; `position` is 0-based. */
export interface ColumnInfo {
  name: string;
  type_text?: string;
  type_name?: string;
  position?: number;
  nullable?: boolean;
  comment?: string | null;
}

/** The parts of TableInfo the crawl reads. */
export interface TableInfo {
  name: string;
  table_id?: string;
  table_type?: string;
  comment?: string | null;
  columns?: ColumnInfo[];
}

/** Unity Catalog's table types → leaf kinds; a type this build does not know is a table. */
const LEAF_KIND_OF: ReadonlyMap<string, LeafKind> = new Map<string, LeafKind>([
  ['MANAGED', 'table'],
  ['MANAGED_SHALLOW_CLONE', 'table'],
  ['EXTERNAL', 'externalTable'],
  ['EXTERNAL_SHALLOW_CLONE', 'externalTable'],
  ['VIEW', 'view'],
  ['METRIC_VIEW', 'metricView'],
  ['MATERIALIZED_VIEW', 'materializedView'],
  ['STREAMING_TABLE', 'streamingTable'],
  ['FOREIGN', 'foreignTable'],
]);

/** Catalogs or schemas as containers of `kind`, with their UUIDs as stable ids. */
export function mapContainers(infos: readonly (CatalogInfo | SchemaInfo)[], kind: string): CrawledObject[] {
  return infos.map((info) => ({
    name: info.name,
    kind,
    stableId: ('schema_id' in info ? info.schema_id : (info as CatalogInfo).id) ?? null,
    comment: info.comment ?? null,
  }));
}

/** Tables with their columns, ordered by position (numbered from 1, as Warden's dictionary is). */
export function mapTables(tables: readonly TableInfo[]): CrawledObject[] {
  return tables.map((table) => {
    const object: CrawledObject = {
      name: table.name,
      kind: LEAF_KIND_OF.get(table.table_type ?? '') ?? 'table',
      stableId: table.table_id ?? null,
      comment: table.comment ?? null,
    };
    // A BROWSE-only table may come without its columns: the stored dictionary then stays.
    if (table.columns !== undefined) object.columns = mapColumns(table.columns);
    return object;
  });
}

function mapColumns(columns: readonly ColumnInfo[]): CrawledColumn[] {
  return columns
    .map((column, index) => ({
      name: column.name,
      ordinal: (column.position ?? index) + 1,
      type: column.type_text ?? column.type_name?.toLowerCase() ?? '',
      nullable: column.nullable ?? true,
      defaultValue: null,
      generated: null,
      comment: column.comment ?? null,
    }))
    .sort((a, b) => a.ordinal - b.ordinal);
}
