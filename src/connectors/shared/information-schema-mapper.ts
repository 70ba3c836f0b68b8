import type { CrawledColumn, CrawledObject, LeafKind, ScopeStep } from '../../domain/catalog-types.js';
import type { ColumnRow, ContainerRow, TableRow } from './information-schema-queries.js';

/** What differs between platforms when information_schema rows become crawled objects. */
export interface InformationSchemaMapping {
  /** `TABLES.TABLE_TYPE` → leaf kind. A type not in the map (system views, temporary tables) is not an object. */
  tableTypes: Readonly<Record<string, LeafKind>>;
  /** The table comment as Warden stores it (e.g. MariaDB writes `VIEW` as every view's comment). Default: '' is null. */
  tableComment?(comment: string | null, kind: LeafKind): string | null;
  /** The column default as Warden stores it. Default: unchanged. */
  columnDefault?(value: string | null): string | null;
}

/** Container rows → containers of kind `level`. Information_schema has no stable ids. */
export function mapContainerRows(rows: readonly ContainerRow[], level: string): CrawledObject[] {
  return rows.map(([name, comment]) => ({ name, kind: level, stableId: null, comment: emptyIsNull(comment) }));
}

/**
 * Table rows and the column rows of the same container → leaves with their complete, ordered
 * column lists. Columns may arrive in any order; a column of a table that is not listed is
 * ignored, and a table without columns gets `[]`.
 */
export function mapLeafRows(tables: readonly TableRow[], columns: readonly ColumnRow[], mapping: InformationSchemaMapping): CrawledObject[] {
  const byTable = groupColumns(columns, mapping);
  const leaves: CrawledObject[] = [];
  for (const [name, tableType, comment] of tables) {
    const kind = mapping.tableTypes[tableType];
    if (kind === undefined) continue;
    const tableComment = mapping.tableComment ? mapping.tableComment(comment, kind) : emptyIsNull(comment);
    leaves.push({ name, kind, stableId: null, comment: tableComment, columns: byTable.get(name) ?? [] });
  }
  return leaves;
}

function groupColumns(rows: readonly ColumnRow[], mapping: InformationSchemaMapping): Map<string, CrawledColumn[]> {
  const byTable = new Map<string, CrawledColumn[]>();
  for (const [table, name, ordinal, type, nullable, defaultValue, comment, generationExpression, generationStored] of rows) {
    let list = byTable.get(table);
    if (list === undefined) {
      list = [];
      byTable.set(table, list);
    }
    const expression = emptyIsNull(generationExpression);
    const generated = expression === null ? null : { expression, stored: generationStored === 'YES' };
    list.push({
      name,
      ordinal: Number(ordinal),
      type,
      nullable: nullable === 'YES',
      // A generated column has no default, whatever COLUMN_DEFAULT says.
      defaultValue: generated !== null ? null : mapping.columnDefault ? mapping.columnDefault(defaultValue) : defaultValue,
      generated,
      comment: emptyIsNull(comment),
    });
  }
  for (const list of byTable.values()) list.sort((a, b) => a.ordinal - b.ordinal);
  return byTable;
}

/**
 * The one object a listing filtered by name may return: information_schema has no stable ids,
 * so a scope step is matched by its exact name only.
 */
export function onlyNamed(objects: readonly CrawledObject[], step: ScopeStep): CrawledObject[] {
  return objects.filter((object) => object.name === step.name).slice(0, 1);
}

/** Information_schema writes "no comment" as ''. */
function emptyIsNull(text: string | null): string | null {
  return text === null || text === '' ? null : text;
}
