/**
 * The in-memory Snowflake account the protocol server renders every answer from: databases,
 * schemas, tables and columns with their ids, comments and tags, users with their credentials,
 * and grants per role. Tests change it directly (methods below) or through the few DDL
 * statements the connector contract suite runs ({@link SnowflakeAccount.execute}).
 *
 * Where its behaviour comes from (the Snowflake documentation, as summarised with sources in
 * ../shared/reference/wire-protocols.md §2.4–2.6):
 * - unquoted identifiers are stored upper-case, quoted ones exactly; every database has the
 *   schemas PUBLIC and INFORMATION_SCHEMA;
 * - `int` and `bigint` are both NUMBER(38,0); `varchar(n)` is TEXT of length n;
 * - ids (TABLE_ID, SCHEMA_ID, DATABASE_ID, COLUMN_ID) survive a rename; a drop and a create
 *   give a new one;
 * - INFORMATION_SCHEMA shows only what the current role has a privilege on; ACCOUNT_USAGE
 *   needs IMPORTED PRIVILEGES on the SNOWFLAKE database (ACCOUNTADMIN has everything).
 *   ACCOUNT_USAGE is served without its real latency (45 min to 3 h): tests that need the lag
 *   take an object out of it with {@link SnowflakeAccount.hideFromAccountUsage}.
 */

export type TableType = 'BASE TABLE' | 'VIEW' | 'MATERIALIZED VIEW' | 'EXTERNAL TABLE' | 'EVENT TABLE';

/** Tags on an object: `DB.SCHEMA.TAG` → value. */
export type TagMap = Map<string, string>;

export interface ColumnModel {
  name: string;
  id: number;
  /** INFORMATION_SCHEMA.COLUMNS.DATA_TYPE: `NUMBER`, `TEXT`, `FLOAT`, `BOOLEAN`, … */
  dataType: string;
  length: number | null;
  precision: number | null;
  scale: number | null;
  nullable: boolean;
  defaultValue: string | null;
  comment: string | null;
  tags: TagMap;
}

export interface TableModel {
  name: string;
  id: number;
  type: TableType;
  dynamic: boolean;
  iceberg: boolean;
  comment: string | null;
  columns: ColumnModel[];
  tags: TagMap;
}

export interface SchemaModel {
  name: string;
  id: number;
  comment: string | null;
  tables: Map<string, TableModel>;
  tags: TagMap;
}

export interface DatabaseModel {
  name: string;
  id: number;
  comment: string | null;
  schemas: Map<string, SchemaModel>;
  tags: TagMap;
}

export interface UserModel {
  /** Upper-case: Snowflake login names are case-insensitive. */
  name: string;
  password?: string;
  /** PEM SubjectPublicKeyInfo (ALTER USER … SET RSA_PUBLIC_KEY). */
  rsaPublicKey?: string;
  defaultRole: string;
  roles: Set<string>;
}

export interface RoleModel {
  /** ACCOUNTADMIN-like: sees everything, including ACCOUNT_USAGE. */
  all: boolean;
  /** IMPORTED PRIVILEGES on the SNOWFLAKE database. */
  accountUsage: boolean;
  /** USAGE on databases (names). */
  databases: Set<string>;
  /** USAGE on schemas (`db\0schema`). */
  schemas: Set<string>;
  /** SELECT or REFERENCES on tables (`db\0schema\0table`). */
  tables: Set<string>;
}

/** An OAuth client of the account's token endpoint. */
export interface OAuthClient {
  secret: string;
  user: string;
}

export const ADMIN_ROLE = 'ACCOUNTADMIN';

const key = (...parts: string[]): string => parts.join('\0');

export class SnowflakeAccount {
  readonly databases = new Map<string, DatabaseModel>();
  readonly users = new Map<string, UserModel>();
  readonly roles = new Map<string, RoleModel>();
  readonly oauthClients = new Map<string, OAuthClient>();
  /** Objects ACCOUNT_USAGE does not list yet (its latency), by `db\0schema\0table`. */
  private readonly notYetInAccountUsage = new Set<string>();
  private nextId = 100;

  constructor(
    /** The account name the driver sends as ACCOUNT_NAME (upper-case). */
    readonly name: string,
  ) {
    this.roles.set(ADMIN_ROLE, { all: true, accountUsage: true, databases: new Set(), schemas: new Set(), tables: new Set() });
  }

  id(): number {
    return this.nextId++;
  }

  addUser(user: { name: string; password?: string; rsaPublicKey?: string; roles: string[] }): void {
    for (const role of user.roles) if (!this.roles.has(role)) this.addRole(role);
    this.users.set(user.name.toUpperCase(), { ...user, name: user.name.toUpperCase(), defaultRole: user.roles[0]!, roles: new Set(user.roles) });
  }

  addRole(name: string, accountUsage = false): RoleModel {
    const role = { all: false, accountUsage, databases: new Set<string>(), schemas: new Set<string>(), tables: new Set<string>() };
    this.roles.set(name, role);
    return role;
  }

  /** Grants USAGE on the database and schema and SELECT on the table, as the setup script does. */
  grantTable(roleName: string, database: string, schema: string, table: string): void {
    const role = this.roles.get(roleName)!;
    role.databases.add(database);
    role.schemas.add(key(database, schema));
    role.tables.add(key(database, schema, table));
  }

  revokeTable(roleName: string, database: string, schema: string, table: string): void {
    this.roles.get(roleName)!.tables.delete(key(database, schema, table));
  }

  createDatabase(name: string, comment: string | null = null): DatabaseModel {
    const database: DatabaseModel = { name, id: this.id(), comment, schemas: new Map(), tags: new Map() };
    this.databases.set(name, database);
    this.createSchema(name, 'PUBLIC');
    return database;
  }

  createSchema(database: string, name: string, comment: string | null = null): SchemaModel {
    const schema: SchemaModel = { name, id: this.id(), comment, tables: new Map(), tags: new Map() };
    this.database(database).schemas.set(name, schema);
    return schema;
  }

  createTable(database: string, schema: string, table: Omit<TableModel, 'id' | 'tags' | 'dynamic' | 'iceberg' | 'columns'> & Partial<TableModel>): TableModel {
    const created: TableModel = { dynamic: false, iceberg: false, columns: [], tags: new Map(), ...table, id: this.id() };
    this.schema(database, schema).tables.set(created.name, created);
    return created;
  }

  column(name: string, sqlType: string, extra: Partial<ColumnModel> = {}): ColumnModel {
    return { name, id: this.id(), ...parseType(sqlType), nullable: true, defaultValue: null, comment: null, tags: new Map(), ...extra };
  }

  database(name: string): DatabaseModel {
    const database = this.databases.get(name);
    if (database === undefined) throw new Error(`no database ${name}`);
    return database;
  }

  schema(database: string, name: string): SchemaModel {
    const schema = this.database(database).schemas.get(name);
    if (schema === undefined) throw new Error(`no schema ${database}.${name}`);
    return schema;
  }

  table(database: string, schema: string, name: string): TableModel {
    const table = this.schema(database, schema).tables.get(name);
    if (table === undefined) throw new Error(`no table ${database}.${schema}.${name}`);
    return table;
  }

  hideFromAccountUsage(database: string, schema: string, table: string): void {
    this.notYetInAccountUsage.add(key(database, schema, table));
  }

  inAccountUsage(database: string, schema: string, table: string): boolean {
    return !this.notYetInAccountUsage.has(key(database, schema, table));
  }

  /** What `role` may see (INFORMATION_SCHEMA, SHOW): USAGE on containers, a privilege on tables. */
  seesDatabase(role: RoleModel, database: string): boolean {
    return role.all || role.databases.has(database);
  }

  seesSchema(role: RoleModel, database: string, schema: string): boolean {
    return role.all || role.schemas.has(key(database, schema));
  }

  seesTable(role: RoleModel, database: string, schema: string, table: string): boolean {
    return role.all || role.tables.has(key(database, schema, table));
  }

  /**
   * Runs the DDL the connector contract suite sends, inside `database`, statements separated by
   * ";\n": CREATE TABLE, CREATE VIEW … AS SELECT cols FROM t, ALTER TABLE … ADD COLUMN /
   * RENAME TO / ALTER COLUMN … SET DATA TYPE, DROP TABLE. Names are quoted identifiers,
   * optionally schema-qualified (PUBLIC when not).
   */
  execute(database: string, sql: string): void {
    for (const statement of sql.split(';\n')) this.executeOne(database, tokenize(statement));
  }

  private executeOne(database: string, tokens: Token[]): void {
    const words = new Cursor(tokens);
    if (words.accept('CREATE', 'TABLE')) {
      const [schema, name] = words.qualifiedName();
      words.expect('(');
      const columns: ColumnModel[] = [];
      do {
        const column = words.identifier();
        columns.push(this.column(column, words.typeText()));
      } while (words.accept(','));
      words.expect(')');
      this.createTable(database, schema, { name, type: 'BASE TABLE', comment: null, columns });
    } else if (words.accept('CREATE', 'VIEW')) {
      const [schema, name] = words.qualifiedName();
      words.expect('AS');
      words.expect('SELECT');
      const selected: string[] = [];
      do selected.push(words.identifier());
      while (words.accept(','));
      words.expect('FROM');
      const [fromSchema, from] = words.qualifiedName();
      const source = this.table(database, fromSchema, from);
      const columns = selected.map((column) => {
        const found = source.columns.find((candidate) => candidate.name === column)!;
        return { ...found, id: this.id(), tags: new Map() };
      });
      this.createTable(database, schema, { name, type: 'VIEW', comment: null, columns });
    } else if (words.accept('DROP', 'TABLE')) {
      const [schema, name] = words.qualifiedName();
      this.schema(database, schema).tables.delete(name);
    } else if (words.accept('ALTER', 'TABLE')) {
      const [schema, name] = words.qualifiedName();
      const table = this.table(database, schema, name);
      if (words.accept('ADD', 'COLUMN')) {
        const column = words.identifier();
        table.columns.push(this.column(column, words.typeText()));
      } else if (words.accept('RENAME', 'TO')) {
        const renamed = words.identifier();
        const tables = this.schema(database, schema).tables;
        tables.delete(name);
        table.name = renamed;
        tables.set(renamed, table);
      } else if (words.accept('ALTER', 'COLUMN')) {
        const column = table.columns.find((candidate) => candidate.name === words.peekIdentifier())!;
        words.identifier();
        words.expect('SET', 'DATA', 'TYPE');
        Object.assign(column, parseType(words.typeText()));
      } else {
        throw new Error(`unsupported ALTER TABLE: ${words.rest()}`);
      }
    } else {
      throw new Error(`unsupported statement: ${words.rest()}`);
    }
  }
}

/** A SQL type as INFORMATION_SCHEMA.COLUMNS describes it. */
export function parseType(sqlType: string): Pick<ColumnModel, 'dataType' | 'length' | 'precision' | 'scale'> {
  const match = /^\s*([a-z_]+)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?\s*$/i.exec(sqlType);
  if (match === null) throw new Error(`unsupported type ${sqlType}`);
  const base = match[1]!.toUpperCase();
  const first = match[2] === undefined ? null : Number(match[2]);
  const second = match[3] === undefined ? null : Number(match[3]);
  if (['INT', 'INTEGER', 'BIGINT', 'SMALLINT', 'TINYINT', 'BYTEINT'].includes(base)) return { dataType: 'NUMBER', length: null, precision: 38, scale: 0 };
  if (['NUMBER', 'NUMERIC', 'DECIMAL'].includes(base)) return { dataType: 'NUMBER', length: null, precision: first ?? 38, scale: second ?? 0 };
  if (['VARCHAR', 'STRING', 'TEXT', 'CHAR', 'CHARACTER'].includes(base)) {
    return { dataType: 'TEXT', length: first ?? (base === 'CHAR' || base === 'CHARACTER' ? 1 : 16_777_216), precision: null, scale: null };
  }
  if (['FLOAT', 'DOUBLE', 'REAL'].includes(base)) return { dataType: 'FLOAT', length: null, precision: null, scale: null };
  return { dataType: base, length: null, precision: null, scale: null };
}

type Token = { kind: 'word' | 'quoted' | 'string' | 'punct'; text: string };

/** Splits SQL into words, "quoted identifiers" (`""` unescaped), 'strings' and punctuation. */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < sql.length) {
    const char = sql[index]!;
    if (/\s/.test(char)) {
      index++;
    } else if (char === '"' || char === "'") {
      let text = '';
      index++;
      for (;;) {
        if (index >= sql.length) throw new Error('unterminated quote');
        if (sql[index] === char) {
          if (sql[index + 1] === char) {
            text += char;
            index += 2;
            continue;
          }
          index++;
          break;
        }
        text += sql[index++];
      }
      tokens.push({ kind: char === '"' ? 'quoted' : 'string', text });
    } else if (/[A-Za-z_0-9$]/.test(char)) {
      const match = /^[A-Za-z_0-9$]+/.exec(sql.slice(index))!;
      tokens.push({ kind: 'word', text: match[0] });
      index += match[0].length;
    } else {
      tokens.push({ kind: 'punct', text: char });
      index++;
    }
  }
  return tokens;
}

class Cursor {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  accept(...words: string[]): boolean {
    const matches = words.every((word, offset) => {
      const token = this.tokens[this.index + offset];
      return token !== undefined && token.kind !== 'quoted' && token.kind !== 'string' && token.text.toUpperCase() === word;
    });
    if (matches) this.index += words.length;
    return matches;
  }

  expect(...words: string[]): void {
    if (!this.accept(...words)) throw new Error(`expected ${words.join(' ')} at ${this.rest()}`);
  }

  peekIdentifier(): string | undefined {
    const token = this.tokens[this.index];
    return token === undefined ? undefined : token.kind === 'quoted' ? token.text : token.text.toUpperCase();
  }

  identifier(): string {
    const token = this.tokens[this.index++];
    if (token === undefined || (token.kind !== 'quoted' && token.kind !== 'word')) throw new Error(`expected an identifier at ${this.rest()}`);
    return token.kind === 'quoted' ? token.text : token.text.toUpperCase();
  }

  /** `"schema"."name"` or `"name"` (schema PUBLIC). */
  qualifiedName(): [string, string] {
    const first = this.identifier();
    if (!this.accept('.')) return ['PUBLIC', first];
    return [first, this.identifier()];
  }

  /** `int`, `varchar(20)`, `number(10, 2)`. */
  typeText(): string {
    let text = this.tokens[this.index++]!.text;
    if (this.tokens[this.index]?.text === '(') {
      while (this.tokens[this.index - 1]?.text !== ')') text += this.tokens[this.index++]!.text;
    }
    return text;
  }

  rest(): string {
    return this.tokens
      .slice(this.index)
      .map((token) => token.text)
      .join(' ');
  }
}
