import { createTrinoConnector } from '../../src/connectors/trino/trino-connector.js';
import { trinoTechnology } from '../../src/connectors/trino/trino-technology.js';
import { RestrictedTrino, TrinoRelay, TrinoTestContext, quoteTrino, trinoAdmin, trinoSkipReason } from '../helpers/trino-server.js';
import { HOSTILE_NAMES, describeConnectorContract } from './connector-contract.js';

/**
 * The contract against the real Trino. Each sandbox "database" is a memory catalog of its own
 * (CREATE CATALOG … USING memory; its tables in schema `default`), so the root listing, scoped
 * crawls and failures are the catalog level's. The connector reaches Trino through a plain-HTTP
 * relay to its HTTPS port (test/helpers/trino-server.ts), so the suite's TCP proxy can cut or
 * stall on query text; HTTPS itself is tested in trino-connector.test.ts. The access case runs
 * on the restricted node instead (static catalogs, file-based access control), since Trino 476's
 * file-based access control refuses CREATE CATALOG to every user.
 */
const context = new TrinoTestContext();
const restricted = new RestrictedTrino();
const relay = trinoSkipReason === null ? await TrinoRelay.start() : undefined;
const SCHEMA = 'default';
/** Statements separated by ";\n" run one by one (Trino takes one statement per request). */
const statementByStatement =
  (execute: (catalog: string, statement: string) => Promise<unknown>) =>
  async (catalog: string, sql: string): Promise<void> => {
    for (const statement of sql.split(';\n')) await execute(catalog, statement);
  };
/** The tables the restricted node's rules give the crawler. */
let granted: string[] = [];

describeConnectorContract({
  descriptor: trinoTechnology,
  skipReason: trinoSkipReason,
  create: createTrinoConnector,
  createDatabase: (label) => context.createCatalog(label),
  cleanup: async () => {
    if (trinoSkipReason === null) restricted.cleanup();
    await context.cleanup();
    await relay?.close();
  },
  adminDetails: () => relay!.details(),
  run: statementByStatement((catalog, statement) => trinoAdmin(statement, { catalog, schema: SCHEMA })),
  access: {
    createDatabases: () => restricted.createDatabases(),
    run: statementByStatement((catalog, statement) => restricted.run(catalog, statement)),
  },
  // The setup script's rules for the catalog, narrowed to the tables (RestrictedTrino.grantTables).
  createCrawler: async (catalog, tables) => {
    granted = tables;
    await restricted.grantTables(catalog, granted);
    return { details: restricted.crawlerDetails() };
  },
  revoke: async (_crawler, catalog, table) => {
    granted = granted.filter((name) => name !== table);
    await restricted.grantTables(catalog, granted);
  },
  // Trino's password file is laid at start; the administrator's password is checked over HTTPS (the relay forwards it there).
  passwordCheckedUser: async () => ({ details: relay!.details() }),
  expect: {
    levels: ['catalog', 'schema', 'table'],
    stableIds: false,
    leafParent: (catalog) => [catalog, SCHEMA],
    // Trino lower-cases every identifier, so `Case` is `case` and the non-ASCII name is stored lower-case.
    hostileNames: HOSTILE_NAMES.filter((name) => name !== 'Case').map((name) => name.toLowerCase()),
    longestName: `long_${'x'.repeat(123)}`,
    columnsQueryMarker: 'information_schema.columns',
    intType: 'integer',
    bigintType: 'bigint',
  },
  sql: {
    quote: quoteTrino,
    table: quoteTrino,
    // The memory connector cannot change a column's type: the table is re-created with it
    // (the suite's tables are `(id int, name varchar(20))`), which the diff sees the same way.
    retype: (table, column, type) => {
      const copy = quoteTrino(`${table} retyped`);
      const rest = column === 'id' ? '"name"' : '"id"';
      return [
        `CREATE TABLE ${copy} AS SELECT CAST(${quoteTrino(column)} AS ${type}) AS ${quoteTrino(column)}, ${rest} FROM ${quoteTrino(table)}`,
        `DROP TABLE ${quoteTrino(table)}`,
        `ALTER TABLE ${copy} RENAME TO ${quoteTrino(table)}`,
      ].join(';\n');
    },
  },
});
