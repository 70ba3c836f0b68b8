import type { CrawledObject } from '../../domain/catalog-types.js';
import type { CrawledTag } from '../../domain/tag.js';
import { mapLeafRows, type InformationSchemaMapping } from '../shared/information-schema-mapper.js';
import type { ColumnRow, TableRow } from '../shared/information-schema-queries.js';
import { SYSTEM_DATABASE } from './snowflake-queries.js';

/** A SHOW DATABASES row: `name` at 1, `comment` at 6. */
export type ShowDatabaseRow = unknown[];
/** `[TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, IS_DYNAMIC, IS_ICEBERG, COMMENT, created ms]`. */
export type SnowflakeTableRow = [schema: string, name: string, type: string, dynamic: string, iceberg: string, comment: string | null, created: number];
/** `[TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE, length, precision, scale, IS_NULLABLE, COLUMN_DEFAULT, COMMENT]`. */
export type SnowflakeColumnRow = [
  schema: string,
  table: string,
  name: string,
  ordinal: number,
  dataType: string,
  length: number | null,
  precision: number | null,
  scale: number | null,
  nullable: string,
  defaultValue: string | null,
  comment: string | null,
];
/** `[TABLE_SCHEMA, TABLE_NAME, TABLE_ID, created ms]` of ACCOUNT_USAGE.TABLES. */
export type TableIdRow = [schema: string, name: string, id: number | string, created: number];
/** `[DOMAIN, OBJECT_SCHEMA, OBJECT_NAME, COLUMN_NAME, TAG_DATABASE, TAG_SCHEMA, TAG_NAME, TAG_VALUE]` of ACCOUNT_USAGE.TAG_REFERENCES. */
export type TagReferenceRow = [domain: string, schema: string | null, name: string, column: string | null, ...tag: TagRow];
/** `[TAG_DATABASE, TAG_SCHEMA, TAG_NAME, TAG_VALUE]`. */
export type TagRow = [database: string, schema: string, name: string, value: string | null];

/**
 * TABLE_TYPE, refined by IS_DYNAMIC and IS_ICEBERG (both BASE TABLE) → leaf kinds. Temporary
 * tables live only in their own session and are not objects.
 */
export const SNOWFLAKE_MAPPING: InformationSchemaMapping = {
  tableTypes: {
    'BASE TABLE': 'table',
    'DYNAMIC TABLE': 'dynamicTable',
    'ICEBERG TABLE': 'icebergTable',
    VIEW: 'view',
    'MATERIALIZED VIEW': 'materializedView',
    'EXTERNAL TABLE': 'externalTable',
    'EVENT TABLE': 'eventTable',
  },
};

/** SHOW DATABASES rows → databases, without the system database SNOWFLAKE (ACCOUNT_USAGE lives there). */
export function mapDatabases(rows: readonly ShowDatabaseRow[]): CrawledObject[] {
  return rows
    .filter((row) => row[1] !== SYSTEM_DATABASE)
    .map((row) => ({ name: String(row[1]), kind: 'database', stableId: null, comment: emptyIsNull(row[6] as string | null) }));
}

/** The type as Snowflake's DESCRIBE writes it: `VARCHAR(20)`, `NUMBER(38,0)`, `TIMESTAMP_NTZ`. */
export function snowflakeType(dataType: string, length: number | null, precision: number | null, scale: number | null): string {
  if (dataType === 'TEXT' && length !== null) return `VARCHAR(${length})`;
  if (dataType === 'NUMBER' && precision !== null) return `NUMBER(${precision},${scale ?? 0})`;
  return dataType;
}

/** `[SCHEMA_NAME, SCHEMA_ID, created ms]` of ACCOUNT_USAGE.SCHEMATA. */
export type SchemaIdRow = [name: string, id: number | string, created: number];
/** `[SCHEMA_NAME, COMMENT, created ms]` of INFORMATION_SCHEMA.SCHEMATA. */
export type SnowflakeSchemaRow = [name: string, comment: string | null, created: number];

/**
 * ACCOUNT_USAGE's ids by object path (schema, or schema and table), with the creation time
 * they are only taken with: ACCOUNT_USAGE lags by up to three hours, so a name it still lists
 * may belong to an object since dropped, renamed or replaced — that object then has no id and
 * the diff's fingerprint heuristic decides for it.
 */
export type ObjectIds = ReadonlyMap<string, { id: string; created: number }>;

export function tableIds(rows: readonly TableIdRow[]): ObjectIds {
  return new Map(rows.map(([schema, name, id, created]) => [key(schema, name), { id: String(id), created: Number(created) }]));
}

export function schemaIds(rows: readonly SchemaIdRow[]): ObjectIds {
  return new Map(rows.map(([name, id, created]) => [key(name), { id: String(id), created: Number(created) }]));
}

/** The id of the object at `path` created at `created`, or null. */
function idOf(ids: ObjectIds | undefined, path: string[], created: number | undefined): string | null {
  const known = ids?.get(key(...path));
  return known !== undefined && known.created === created ? known.id : null;
}

/** INFORMATION_SCHEMA.SCHEMATA rows → schemas with their ids and tags (`tags` undefined: not read). */
export function mapSnowflakeSchemas(rows: readonly SnowflakeSchemaRow[], ids: ObjectIds | undefined, tags: TagIndex | undefined): CrawledObject[] {
  return rows.map(([name, comment, created]) => {
    const schema: CrawledObject = { name, kind: 'schema', stableId: idOf(ids, [name], Number(created)), comment: emptyIsNull(comment) };
    return tags === undefined ? schema : { ...schema, tags: tags.of(name) };
  });
}

/** One schema's tables and columns → leaves with complete, ordered columns, ids (see ObjectIds) and tags (undefined: not read). */
export function mapSnowflakeLeaves(
  schema: string,
  tables: readonly SnowflakeTableRow[],
  columns: readonly SnowflakeColumnRow[],
  ids: ObjectIds | undefined,
  tags: TagIndex | undefined,
): CrawledObject[] {
  const tableRows = tables
    .filter((row) => row[0] === schema)
    .map(([, name, type, dynamic, iceberg, comment]): TableRow => [name, dynamic === 'YES' ? 'DYNAMIC TABLE' : iceberg === 'YES' ? 'ICEBERG TABLE' : type, comment]);
  const columnRows = columns
    .filter((row) => row[0] === schema)
    .map(([, table, name, ordinal, dataType, length, precision, scale, nullable, defaultValue, comment]): ColumnRow => [
      table,
      name,
      ordinal,
      snowflakeType(dataType, length, precision, scale),
      nullable,
      defaultValue,
      comment,
      null,
      'NO',
    ]);
  const created = new Map(tables.filter((row) => row[0] === schema).map((row) => [row[1], Number(row[6])]));
  return mapLeafRows(tableRows, columnRows, SNOWFLAKE_MAPPING).map((leaf) => {
    const stableId = idOf(ids, [schema, leaf.name], created.get(leaf.name));
    if (tags === undefined) return { ...leaf, stableId };
    return {
      ...leaf,
      stableId,
      tags: tags.of(schema, leaf.name),
      columns: leaf.columns!.map((column) => ({ ...column, tags: tags.of(schema, leaf.name, column.name) })),
    };
  });
}

/** Tags by object path (schema; schema, table; schema, table, column) within one database, or by database name. */
export class TagIndex {
  private readonly byPath = new Map<string, CrawledTag[]>();

  add(path: readonly string[], [database, schema, name, value]: TagRow): void {
    const pathKey = key(...path);
    const list = this.byPath.get(pathKey) ?? [];
    list.push({ name: `${database}.${schema}.${name}`, value });
    this.byPath.set(pathKey, list);
  }

  /** The object's tags, sorted by name; [] when it has none. */
  of(...path: string[]): CrawledTag[] {
    return [...(this.byPath.get(key(...path)) ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** ACCOUNT_USAGE.TAG_REFERENCES rows of one database (or of its databases) → an index by path. */
  static fromReferences(rows: readonly TagReferenceRow[]): TagIndex {
    const index = new TagIndex();
    for (const [domain, schema, name, column, ...tag] of rows) {
      if (domain === 'DATABASE' || domain === 'SCHEMA') index.add([name], tag);
      else if (domain === 'TABLE') index.add([schema ?? '', name], tag);
      else if (domain === 'COLUMN') index.add([schema ?? '', name, column ?? ''], tag);
    }
    return index;
  }
}

function key(...parts: string[]): string {
  return parts.join('\0');
}

function emptyIsNull(text: string | null): string | null {
  return text === null || text === '' ? null : text;
}
