/**
 * The SQL of a crawl through the standard `information_schema` views (SCHEMATA, TABLES,
 * COLUMNS), built from a small description of how one platform spells them. MariaDB/MySQL use
 * it as is; Snowflake, Databricks and Trino describe their own qualification, placeholders,
 * comment and type columns and reuse the rest.
 *
 * Bulk by construction: a listing of containers is one query, and the leaves of one container
 * are two queries (tables, then every column of every table in it) — never one per table. The
 * queries are per parent container rather than per server so that a container that cannot be
 * read fails alone (a `failure` batch for it, the others listed) and so that a crawl holds one
 * container's rows at a time; on platforms whose information_schema lives inside each
 * database (Snowflake) that is also the only possible shape.
 *
 * Every value travels as a bind parameter; names are compared exactly (see `exactName`).
 */

/** How one platform spells its information_schema. */
export interface InformationSchemaDialect {
  /** Bind placeholder of the `n`-th parameter (1-based): `?` (MariaDB), `$1` (PostgreSQL-like). */
  placeholder(n: number): string;
  /**
   * The qualified name of an information_schema view, read for the subtree of `container` (the
   * top-level container, when the platform keeps one information_schema per database).
   */
  view(name: 'SCHEMATA' | 'TABLES' | 'COLUMNS', container: string | undefined): string;
  /**
   * Conditions that make `column` equal to one bound name, exactly (case- and
   * accent-sensitive). Each condition holds one `{}` for a placeholder; several conditions bind
   * the same value several times (MariaDB needs a plain `=` for its information_schema lookup
   * optimisation and a BINARY one for exactness).
   */
  exactName(column: string): string[];
  /** One condition making `column` exactly one of a list of bound names; `{}` stands for the placeholder list. */
  exactNameIn(column: string): string;
  /** An ORDER BY expression sorting names byte-wise, the same on every server. */
  orderByName(column: string): string;
  /**
   * Per container level (top first), the SCHEMATA columns naming its ancestors and itself, and
   * its comment expression. MariaDB: one level, `SCHEMA_NAME`.
   */
  containerLevels: readonly { ancestorColumns: readonly string[]; nameColumn: string; commentExpression: string }[];
  /** Top-level container names that are never crawled (system databases), compared exactly. */
  excludedTopLevel: readonly string[];
  /** TABLES/COLUMNS columns naming the leaf's containers, top first (MariaDB: `TABLE_SCHEMA`). */
  leafParentColumns: readonly string[];
  /** TABLES expressions for the table's kind and comment. */
  tableTypeExpression: string;
  tableCommentExpression: string;
  /** COLUMNS expressions for the platform's full type and the column comment. */
  columnTypeExpression: string;
  columnCommentExpression: string;
  /**
   * COLUMNS expressions for a generated column: its generation expression (NULL or '' for an
   * ordinary column), and `'YES'` when it is stored, `'NO'` when virtual. `NULL` and `'NO'` on a
   * platform without generated columns.
   */
  columnGenerationExpression: string;
  columnGenerationStoredExpression: string;
}

/** `[name, comment]` of a container. */
export type ContainerRow = [name: string, comment: string | null];
/** `[name, table type, comment]` of a table-like object. */
export type TableRow = [name: string, tableType: string, comment: string | null];
/** `[table name, column name, ordinal, type, IS_NULLABLE, default, comment, generation expression, stored]` of a column. */
export type ColumnRow = [
  table: string,
  name: string,
  ordinal: number | string,
  type: string,
  nullable: string,
  defaultValue: string | null,
  comment: string | null,
  generationExpression: string | null,
  generationStored: string,
];

/** SQL text and the values to bind, in order. */
export interface BoundQuery {
  sql: string;
  values: string[];
}

/**
 * Builds the catalog queries of one dialect. `parent` is always the path of names from the
 * connection root to the container whose children are listed; `name` filters to one child.
 */
export class InformationSchemaQueries {
  constructor(private readonly dialect: InformationSchemaDialect) {}

  /** The containers of level `parent.length` under `parent`. Row: {@link ContainerRow}. */
  containers(parent: readonly string[], name?: string): BoundQuery {
    const level = this.dialect.containerLevels[parent.length];
    if (level === undefined) throw new Error(`No container level below a path of ${parent.length} names`);
    const where = new Conditions(this.dialect);
    level.ancestorColumns.forEach((column, i) => where.equals(column, parent[i]!));
    if (parent.length === 0 && this.dialect.excludedTopLevel.length > 0) where.excludeTopLevel(level.nameColumn);
    if (name !== undefined) where.equals(level.nameColumn, name);
    return where.query(
      `SELECT ${level.nameColumn}, ${level.commentExpression}\nFROM ${this.dialect.view('SCHEMATA', parent[0])}`,
      this.dialect.orderByName(level.nameColumn),
    );
  }

  /** The tables, views, … of the container at `parent`. Row: {@link TableRow}. */
  tables(parent: readonly string[], name?: string): BoundQuery {
    const d = this.dialect;
    return this.leafQuery(
      `SELECT TABLE_NAME, ${d.tableTypeExpression}, ${d.tableCommentExpression}\nFROM ${d.view('TABLES', parent[0])}`,
      parent,
      name,
      d.orderByName('TABLE_NAME'),
    );
  }

  /**
   * Every column of every table of the container at `parent` (or of table `name`), unordered:
   * the mapper groups them by table and sorts each table's by ordinal. Row: {@link ColumnRow}.
   */
  columns(parent: readonly string[], name?: string): BoundQuery {
    const d = this.dialect;
    return this.leafQuery(
      `SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, ${d.columnTypeExpression}, IS_NULLABLE, COLUMN_DEFAULT, ${d.columnCommentExpression}, ` +
        `${d.columnGenerationExpression}, ${d.columnGenerationStoredExpression}\nFROM ${d.view('COLUMNS', parent[0])}`,
      parent,
      name,
      undefined,
    );
  }

  private leafQuery(select: string, parent: readonly string[], name: string | undefined, orderBy: string | undefined): BoundQuery {
    const columns = this.dialect.leafParentColumns;
    if (parent.length !== columns.length) {
      throw new Error(`Leaves are listed under a path of ${columns.length} names, not ${parent.length}`);
    }
    const where = new Conditions(this.dialect);
    columns.forEach((column, i) => where.equals(column, parent[i]!));
    if (name !== undefined) where.equals('TABLE_NAME', name);
    return where.query(select, orderBy);
  }
}

/** A WHERE clause under construction, with its bind values in placeholder order. */
class Conditions {
  private readonly parts: string[] = [];
  private readonly values: string[] = [];

  constructor(private readonly dialect: InformationSchemaDialect) {}

  equals(column: string, value: string): void {
    for (const condition of this.dialect.exactName(column)) this.parts.push(condition.replace('{}', this.bind(value)));
  }

  excludeTopLevel(column: string): void {
    const placeholders = this.dialect.excludedTopLevel.map((name) => this.bind(name));
    // Exact, so that a user database named `MySQL` next to `mysql` is still crawled.
    this.parts.push(`NOT (${this.dialect.exactNameIn(column).replace('{}', placeholders.join(', '))})`);
  }

  query(select: string, orderBy: string | undefined): BoundQuery {
    const where = this.parts.length === 0 ? '' : `\nWHERE ${this.parts.join('\n  AND ')}`;
    const order = orderBy === undefined ? '' : `\nORDER BY ${orderBy}`;
    return { sql: `${select}${where}${order}`, values: this.values };
  }

  private bind(value: string): string {
    this.values.push(value);
    return this.dialect.placeholder(this.values.length);
  }
}
