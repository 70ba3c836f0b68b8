import { snowflakeTechnology } from '../../src/connectors/snowflake/snowflake-technology.js';
import { createSnowflakeConnector } from '../../src/connectors/snowflake/snowflake-connector.js';
import { identifier } from '../../src/connectors/snowflake/snowflake-queries.js';
import { SnowflakeTestServer } from '../helpers/snowflake-server.js';
import { describeConnectorContract } from './connector-contract.js';

/**
 * The contract against the real snowflake-sdk talking to the Snowflake protocol server
 * (test/protocol-servers/snowflake): no Snowflake account runs here. Sandbox databases keep
 * their tables in PUBLIC. The driver gzips its request bodies, so the cut and stall faults are
 * played by the server, on the statement text it decoded, rather than by the TCP proxy.
 */
const snowflake = await SnowflakeTestServer.start();
const SCHEMA = 'PUBLIC';
let databases = 0;
const roles = new Map<string, string>();

describeConnectorContract({
  descriptor: snowflakeTechnology,
  skipReason: null,
  create: createSnowflakeConnector,
  createDatabase: async (label) => {
    const name = `${label} ${++databases}`;
    snowflake.account.createDatabase(name);
    return name;
  },
  cleanup: () => snowflake.close(),
  adminDetails: () => snowflake.adminDetails(),
  run: async (database, sql) => snowflake.account.execute(database, sql),
  createCrawler: async (database, tables) => {
    const { role, details } = snowflake.createUser('Crawler-pw-1');
    for (const table of tables) snowflake.account.grantTable(role, database, SCHEMA, table);
    roles.set(details.username!, role);
    return { details };
  },
  revoke: async (crawler, database, table) => snowflake.account.revokeTable(roles.get(crawler.username!)!, database, SCHEMA, table),
  passwordCheckedUser: async (password) => {
    const { role, details } = snowflake.createUser(password);
    return { details };
  },
  faults: {
    cutWhenClientSends: (marker) => snowflake.server.cutWhenClientSends(marker),
    stallWhenClientSends: (marker) => snowflake.server.stallWhenClientSends(marker),
    details: () => snowflake.adminDetails(),
  },
  expect: {
    levels: ['database', 'schema', 'table'],
    // The administrator reads SNOWFLAKE.ACCOUNT_USAGE: every table has its TABLE_ID.
    stableIds: true,
    leafParent: (database) => [database, SCHEMA],
    longestName: `long_${'x'.repeat(250)}`,
    columnsQueryMarker: 'INFORMATION_SCHEMA.COLUMNS',
    intType: 'NUMBER(38,0)',
    bigintType: 'NUMBER(38,0)',
    retypeTo: { sql: 'varchar(30)', crawled: 'VARCHAR(30)' },
  },
  sql: {
    quote: identifier,
    table: (name) => `${identifier(SCHEMA)}.${identifier(name)}`,
    retype: (table, column, type) => `ALTER TABLE ${identifier(SCHEMA)}.${identifier(table)} ALTER COLUMN ${identifier(column)} SET DATA TYPE ${type}`,
  },
});
