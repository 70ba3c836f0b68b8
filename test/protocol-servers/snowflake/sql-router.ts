/**
 * The statements Warden sends to Snowflake, answered from the account model, and nothing else:
 * any other text gets Snowflake's syntax-error reply (001003, SQL state 42000), so a change in
 * Warden's SQL fails the tests loudly instead of being answered by a guess.
 *
 * Column names, order and value spellings follow the Snowflake documentation pages of the views
 * and commands (SHOW DATABASES; INFORMATION_SCHEMA SCHEMATA, TABLES, COLUMNS; ACCOUNT_USAGE
 * TABLES, TAG_REFERENCES; the TAG_REFERENCES and TAG_REFERENCES_ALL_COLUMNS table functions),
 * as ../shared/reference/wire-protocols.md §2.4–2.6 lists them. Error codes and SQL states are
 * the ones §2.6 lists: 002003/02000 (does not exist or not authorized), 090030/22000 (too much
 * data), 001003/42000 (syntax error).
 */
import { tokenize, type DatabaseModel, type RoleModel, type SnowflakeAccount, type TagMap } from './account.js';

/** One column of a result as the driver's `rowtype` describes it. */
export interface ResultColumn {
  name: string;
  type: 'text' | 'fixed';
}

export type StatementResult =
  | { kind: 'rows'; columns: ResultColumn[]; rows: (string | null)[][] }
  | { kind: 'error'; code: string; sqlState: string; message: string };

/** Faults a test arms on the server; see SnowflakeProtocolServer. */
export interface RouterFaults {
  /** Databases whose INFORMATION_SCHEMA answers 002003 although SHOW DATABASES lists them (access lost mid-crawl). */
  lostDatabases: Set<string>;
  /** Databases whose database-wide TABLES / COLUMNS reads answer 090030 (too much data). */
  tooMuchData: Set<string>;
}

export interface StatementContext {
  account: SnowflakeAccount;
  role: RoleModel;
  /** Bind values, by position (the driver's `bindings` map, values as text). */
  binds: readonly (string | null)[];
  faults: RouterFaults;
}

/** SHOW and DESC return at most this many rows (wire-protocols.md §2.4). */
export const SHOW_ROW_CAP = 10_000;

const text = (name: string): ResultColumn => ({ name, type: 'text' });
const fixed = (name: string): ResultColumn => ({ name, type: 'fixed' });
const yesNo = (flag: boolean): string => (flag ? 'YES' : 'NO');

const syntaxError = (sql: string): StatementResult => ({
  kind: 'error',
  code: '001003',
  sqlState: '42000',
  message: `SQL compilation error:\nsyntax error line 1 at position 0 unexpected '${sql.slice(0, 20)}'.`,
});

const notFound = (what: string): StatementResult => ({
  kind: 'error',
  code: '002003',
  sqlState: '02000',
  message: `SQL compilation error:\n${what} does not exist or not authorized.`,
});

const tooMuchData = (): StatementResult => ({
  kind: 'error',
  code: '090030',
  sqlState: '22000',
  message: 'Information schema query returned too much data. Please repeat query with more selective predicates.',
});

/** A quoted identifier inside a pattern: `"a""b"`. */
const QUOTED = '"((?:[^"]|"")*)"';
const unquote = (quoted: string): string => quoted.replace(/""/g, '"');

interface Route {
  pattern: RegExp;
  answer(match: RegExpExecArray, context: StatementContext): StatementResult;
}

const SHOW_COLUMNS = ['created_on', 'name', 'is_default', 'is_current', 'origin', 'owner', 'comment', 'options', 'retention_time', 'kind'].map(text);

const ROUTES: Route[] = [
  {
    // SHOW DATABASES [LIKE '<pattern>'] [LIMIT n [FROM '<name>']]: sorted by name, FROM inclusive.
    pattern: /^SHOW DATABASES(?: LIKE '((?:[^'\\]|''|\\.)*)')?(?: LIMIT (\d+)(?: FROM '((?:[^'\\]|''|\\.)*)')?)?$/,
    answer: (match, { account, role }) => {
      const like = match[1] === undefined ? undefined : likePattern(stringLiteral(match[1]));
      const limit = Math.min(match[2] === undefined ? SHOW_ROW_CAP : Number(match[2]), SHOW_ROW_CAP);
      const from = match[3] === undefined ? undefined : stringLiteral(match[3]);
      const rows = [...account.databases.values()]
        .filter((database) => account.seesDatabase(role, database.name))
        .filter((database) => like === undefined || like.test(database.name))
        .map((database) => database.name)
        .sort()
        .filter((name) => from === undefined || name >= from)
        .slice(0, limit)
        .map((name) => {
          const database = account.databases.get(name)!;
          return ['1732579200.000', name, 'N', 'N', '', 'SYSADMIN', database.comment ?? '', '', '1', 'STANDARD'];
        });
      return { kind: 'rows', columns: SHOW_COLUMNS, rows };
    },
  },
  {
    pattern: new RegExp(
      `^SELECT SCHEMA_NAME, COMMENT, DATE_PART\\(EPOCH_MILLISECOND, CREATED\\) FROM ${QUOTED}\\.INFORMATION_SCHEMA\\.SCHEMATA WHERE SCHEMA_NAME <> 'INFORMATION_SCHEMA'( AND SCHEMA_NAME = \\?)? ORDER BY SCHEMA_NAME$`,
    ),
    answer: (match, context) =>
      inDatabase(match[1]!, context, (database) => {
        const only = match[2] === undefined ? undefined : context.binds[0];
        const rows = [...database.schemas.values()]
          .filter((schema) => context.account.seesSchema(context.role, database.name, schema.name))
          .filter((schema) => only === undefined || schema.name === only)
          .sort((a, b) => (a.name < b.name ? -1 : 1))
          .map((schema) => [schema.name, schema.comment, String(schema.id * 1000)]);
        return { kind: 'rows', columns: [text('SCHEMA_NAME'), text('COMMENT'), fixed('DATE_PART(EPOCH_MILLISECOND, CREATED)')], rows };
      }),
  },
  {
    pattern: new RegExp(
      `^SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, IS_DYNAMIC, IS_ICEBERG, COMMENT, DATE_PART\\(EPOCH_MILLISECOND, CREATED\\) FROM ${QUOTED}\\.INFORMATION_SCHEMA\\.TABLES WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA'( AND TABLE_SCHEMA = \\?( AND TABLE_NAME = \\?)?)?$`,
    ),
    answer: (match, context) =>
      inDatabase(match[1]!, context, (database) => {
        if (match[2] === undefined && context.faults.tooMuchData.has(database.name)) return tooMuchData();
        const rows = visibleTables(database, context, match[2] !== undefined, match[3] !== undefined).map(({ schema, table }) => [
          schema,
          table.name,
          table.type,
          yesNo(table.dynamic),
          yesNo(table.iceberg),
          table.comment,
          String(table.id * 1000),
        ]);
        const columns = ['TABLE_SCHEMA', 'TABLE_NAME', 'TABLE_TYPE', 'IS_DYNAMIC', 'IS_ICEBERG', 'COMMENT'].map(text);
        return { kind: 'rows', columns: [...columns, fixed('DATE_PART(EPOCH_MILLISECOND, CREATED)')], rows };
      }),
  },
  {
    pattern: new RegExp(
      `^SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, IS_NULLABLE, COLUMN_DEFAULT, COMMENT FROM ${QUOTED}\\.INFORMATION_SCHEMA\\.COLUMNS WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA'( AND TABLE_SCHEMA = \\?( AND TABLE_NAME = \\?)?)?$`,
    ),
    answer: (match, context) =>
      inDatabase(match[1]!, context, (database) => {
        if (match[2] === undefined && context.faults.tooMuchData.has(database.name)) return tooMuchData();
        const rows = visibleTables(database, context, match[2] !== undefined, match[3] !== undefined).flatMap(({ schema, table }) =>
          table.columns.map((column, index) => [
            schema,
            table.name,
            column.name,
            String(index + 1),
            column.dataType,
            numberOrNull(column.length),
            numberOrNull(column.precision),
            numberOrNull(column.scale),
            yesNo(column.nullable),
            column.defaultValue,
            column.comment,
          ]),
        );
        const columns = [
          text('TABLE_SCHEMA'),
          text('TABLE_NAME'),
          text('COLUMN_NAME'),
          fixed('ORDINAL_POSITION'),
          text('DATA_TYPE'),
          fixed('CHARACTER_MAXIMUM_LENGTH'),
          fixed('NUMERIC_PRECISION'),
          fixed('NUMERIC_SCALE'),
          text('IS_NULLABLE'),
          text('COLUMN_DEFAULT'),
          text('COMMENT'),
        ];
        return { kind: 'rows', columns, rows };
      }),
  },
  {
    pattern: /^SELECT SCHEMA_NAME, SCHEMA_ID, DATE_PART\(EPOCH_MILLISECOND, CREATED\) FROM SNOWFLAKE\.ACCOUNT_USAGE\.SCHEMATA WHERE CATALOG_NAME = \? AND DELETED IS NULL$/,
    answer: (_match, { account, role, binds }) => {
      if (!role.accountUsage) return notFound("Object 'SNOWFLAKE.ACCOUNT_USAGE.SCHEMATA'");
      const database = account.databases.get(binds[0] ?? '');
      const rows = [...(database?.schemas.values() ?? [])].map((schema) => [schema.name, String(schema.id), String(schema.id * 1000)]);
      return { kind: 'rows', columns: [text('SCHEMA_NAME'), fixed('SCHEMA_ID'), fixed('DATE_PART(EPOCH_MILLISECOND, CREATED)')], rows };
    },
  },
  {
    pattern: /^SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_ID, DATE_PART\(EPOCH_MILLISECOND, CREATED\) FROM SNOWFLAKE\.ACCOUNT_USAGE\.TABLES WHERE TABLE_CATALOG = \? AND DELETED IS NULL$/,
    answer: (_match, { account, role, binds }) => {
      if (!role.accountUsage) return notFound("Object 'SNOWFLAKE.ACCOUNT_USAGE.TABLES'");
      const database = account.databases.get(binds[0] ?? '');
      const rows = [...(database?.schemas.values() ?? [])].flatMap((schema) =>
        [...schema.tables.values()]
          .filter((table) => account.inAccountUsage(database!.name, schema.name, table.name))
          .map((table) => [schema.name, table.name, String(table.id), String(table.id * 1000)]),
      );
      return { kind: 'rows', columns: [text('TABLE_SCHEMA'), text('TABLE_NAME'), fixed('TABLE_ID'), fixed('DATE_PART(EPOCH_MILLISECOND, CREATED)')], rows };
    },
  },
  {
    // Direct tag assignments, account-wide: on databases (DOMAIN = 'DATABASE'), or everything in one database.
    pattern: /^SELECT DOMAIN, OBJECT_SCHEMA, OBJECT_NAME, COLUMN_NAME, TAG_DATABASE, TAG_SCHEMA, TAG_NAME, TAG_VALUE FROM SNOWFLAKE\.ACCOUNT_USAGE\.TAG_REFERENCES WHERE (DOMAIN = 'DATABASE'|OBJECT_DATABASE = \? AND DOMAIN <> 'DATABASE') AND OBJECT_DELETED IS NULL$/,
    answer: (match, { account, role, binds }) => {
      if (!role.accountUsage) return notFound("Object 'SNOWFLAKE.ACCOUNT_USAGE.TAG_REFERENCES'");
      const rows: (string | null)[][] = [];
      const add = (tags: TagMap, domain: string, schema: string | null, name: string, column: string | null) => {
        for (const [tag, value] of tags) rows.push([domain, schema, name, column, ...splitTag(tag), value]);
      };
      for (const database of account.databases.values()) {
        if (match[1] === "DOMAIN = 'DATABASE'") {
          add(database.tags, 'DATABASE', null, database.name, null);
          continue;
        }
        if (database.name !== binds[0]) continue;
        for (const schema of database.schemas.values()) {
          add(schema.tags, 'SCHEMA', null, schema.name, null);
          for (const table of schema.tables.values()) {
            add(table.tags, 'TABLE', schema.name, table.name, null);
            for (const column of table.columns) add(column.tags, 'COLUMN', schema.name, table.name, column.name);
          }
        }
      }
      const columns = ['DOMAIN', 'OBJECT_SCHEMA', 'OBJECT_NAME', 'COLUMN_NAME', 'TAG_DATABASE', 'TAG_SCHEMA', 'TAG_NAME', 'TAG_VALUE'].map(text);
      return { kind: 'rows', columns, rows };
    },
  },
  {
    // The live, per-object table functions; only the object's own (LEVEL = domain) assignments are asked for.
    pattern: new RegExp(
      `^SELECT TAG_DATABASE, TAG_SCHEMA, TAG_NAME, TAG_VALUE FROM TABLE\\(${QUOTED}\\.INFORMATION_SCHEMA\\.TAG_REFERENCES\\(\\?, '(schema|table)'\\)\\) WHERE LEVEL = '(SCHEMA|TABLE)'$`,
    ),
    answer: (match, context) =>
      inDatabase(match[1]!, context, (database) => {
        const path = objectName(context.binds[0] ?? '');
        const found = lookUp(database, path, match[2]!, context);
        if (found === undefined) return notFound(`Object '${context.binds[0]}'`);
        const rows = [...found.tags].map(([tag, value]) => [...splitTag(tag), value]);
        return { kind: 'rows', columns: ['TAG_DATABASE', 'TAG_SCHEMA', 'TAG_NAME', 'TAG_VALUE'].map(text), rows };
      }),
  },
  {
    pattern: new RegExp(
      `^SELECT COLUMN_NAME, TAG_DATABASE, TAG_SCHEMA, TAG_NAME, TAG_VALUE FROM TABLE\\(${QUOTED}\\.INFORMATION_SCHEMA\\.TAG_REFERENCES_ALL_COLUMNS\\(\\?, 'table'\\)\\) WHERE LEVEL = 'COLUMN'$`,
    ),
    answer: (match, context) =>
      inDatabase(match[1]!, context, (database) => {
        const found = lookUp(database, objectName(context.binds[0] ?? ''), 'table', context);
        if (found === undefined || !('columns' in found)) return notFound(`Object '${context.binds[0]}'`);
        const rows = found.columns.flatMap((column) => [...column.tags].map(([tag, value]) => [column.name, ...splitTag(tag), value]));
        return { kind: 'rows', columns: ['COLUMN_NAME', 'TAG_DATABASE', 'TAG_SCHEMA', 'TAG_NAME', 'TAG_VALUE'].map(text), rows };
      }),
  },
];

/** Answers one statement (whitespace runs are one space, as the router compares them). */
export function answerStatement(sqlText: string, context: StatementContext): StatementResult {
  const sql = sqlText.replace(/\s+/g, ' ').trim();
  for (const route of ROUTES) {
    const match = route.pattern.exec(sql);
    if (match !== null) return route.answer(match, context);
  }
  return syntaxError(sql);
}

function inDatabase(quotedName: string, context: StatementContext, answer: (database: DatabaseModel) => StatementResult): StatementResult {
  const name = unquote(quotedName);
  const database = context.account.databases.get(name);
  if (database === undefined || !context.account.seesDatabase(context.role, name) || context.faults.lostDatabases.has(name)) {
    return notFound(`Database '"${name}"'`);
  }
  return answer(database);
}

/** The tables of `database` the role sees, optionally only in bind 1's schema and bind 2's table. */
function visibleTables(database: DatabaseModel, context: StatementContext, bySchema: boolean, byTable: boolean) {
  const found = [];
  for (const schema of database.schemas.values()) {
    if (bySchema && schema.name !== context.binds[0]) continue;
    if (!context.account.seesSchema(context.role, database.name, schema.name)) continue;
    for (const table of schema.tables.values()) {
      if (byTable && table.name !== context.binds[1]) continue;
      if (context.account.seesTable(context.role, database.name, schema.name, table.name)) found.push({ schema: schema.name, table });
    }
  }
  return found;
}

function lookUp(database: DatabaseModel, path: string[], domain: string, context: StatementContext) {
  const [db, schemaName, tableName] = path;
  if (db !== database.name || schemaName === undefined) return undefined;
  const schema = database.schemas.get(schemaName);
  if (schema === undefined || !context.account.seesSchema(context.role, database.name, schemaName)) return undefined;
  if (domain === 'schema') return path.length === 2 ? schema : undefined;
  const table = tableName === undefined ? undefined : schema.tables.get(tableName);
  if (table === undefined || path.length !== 3 || !context.account.seesTable(context.role, database.name, schemaName, table.name)) return undefined;
  return table;
}

/** `"DB"."SCHEMA"."T"` (or unquoted parts, upper-cased) → its names. */
function objectName(text: string): string[] {
  return tokenize(text)
    .filter((token) => token.text !== '.' || token.kind === 'quoted')
    .map((token) => (token.kind === 'quoted' ? token.text : token.text.toUpperCase()));
}

function splitTag(tag: string): [string, string, string] {
  const [database, schema, name] = tag.split('.');
  return [database!, schema!, name!];
}

function numberOrNull(value: number | null): string | null {
  return value === null ? null : String(value);
}

/** The value of a single-quoted literal's body: `''` and backslash escapes. */
function stringLiteral(body: string): string {
  return body.replace(/''|\\(.)/g, (whole, escaped: string | undefined) => (whole === "''" ? "'" : escaped!));
}

/** SHOW … LIKE: case-insensitive, `%` and `_` wildcards, backslash escapes them. */
function likePattern(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '\\' && index + 1 < pattern.length) source += escapeRegExp(pattern[++index]!);
    else if (char === '%') source += '.*';
    else if (char === '_') source += '.';
    else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`, 'is');
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
