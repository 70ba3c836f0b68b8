import { createTrinoConnector } from '../../src/connectors/trino/trino-connector.js';
import { trinoTechnology } from '../../src/connectors/trino/trino-technology.js';
import { TrinoRelay, TrinoTestContext, quoteTrino, trinoAdmin, trinoSkipReason } from '../helpers/trino-server.js';
import { HOSTILE_NAMES, describeConnectorContract } from './connector-contract.js';

/**
 * The contract against the real Trino. Each sandbox "database" is a memory catalog of its own
 * (CREATE CATALOG … USING memory; its tables in schema `default`), so the root listing, scoped
 * crawls and failures are the catalog level's. The connector reaches Trino through a plain-HTTP
 * relay to its HTTPS port (test/helpers/trino-server.ts), so the suite's TCP proxy can cut or
 * stall on query text; HTTPS itself is tested in trino-connector.test.ts.
 */
const context = new TrinoTestContext();
const relay = trinoSkipReason === null ? await TrinoRelay.start() : undefined;
const SCHEMA = 'default';

describeConnectorContract({
  descriptor: trinoTechnology,
  skipReason: trinoSkipReason,
  create: createTrinoConnector,
  createDatabase: (label) => context.createCatalog(label),
  cleanup: async () => {
    await context.cleanup();
    await relay?.close();
  },
  adminDetails: () => relay!.details(),
  // Statements separated by ";\n" run one by one (Trino takes one statement per request).
  run: async (catalog, sql) => {
    for (const statement of sql.split(';\n')) await trinoAdmin(statement, { catalog, schema: SCHEMA });
  },
  createCrawler: async () => ({
    // Trino 476's FileBasedSystemAccessControl has no CREATE CATALOG check of its own: the SPI
    // default denies it to every user whatever the rules say (tried: `allow: all` for the
    // administrator), and the sandboxes are catalogs.
    skip: 'Trino 476 with file-based access control (which hides tables) refuses CREATE CATALOG to every user, and the sandboxes are catalogs',
  }),
  revoke: async () => {},
  // Trino's password file holds one test user; its password is checked over HTTPS (the relay forwards it there).
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
