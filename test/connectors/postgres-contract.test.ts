import { createPostgresConnector } from '../../src/connectors/postgres/postgres-connector.js';
import { postgresTechnology } from '../../src/connectors/postgres/postgres-technology.js';
import {
  PostgresTestContext,
  adminQuery,
  passwordAuthSkipReason,
  quoteIdent,
} from '../helpers/postgres-server.js';
import { serverSkipReason } from '../helpers/server-availability.js';
import { describeConnectorContract } from './connector-contract.js';

const context = new PostgresTestContext();

describeConnectorContract({
  descriptor: postgresTechnology,
  skipReason: serverSkipReason('PostgreSQL'),
  create: createPostgresConnector,
  createDatabase: async (label) => (await context.createDatabase({ label })).name,
  cleanup: () => context.cleanup(),
  adminDetails: () => context.connectionDetails(),
  run: async (database, sql) => {
    await adminQuery(database, sql);
  },
  createCrawler: async (database, tables) => {
    const role = await context.createRole({ label: 'crawler', connect: [database] });
    await adminQuery(database, `GRANT USAGE ON SCHEMA public TO ${quoteIdent(role.name)}`);
    for (const table of tables) await adminQuery(database, `GRANT SELECT ON public.${quoteIdent(table)} TO ${quoteIdent(role.name)}`);
    return { details: context.connectionDetails({ role }) };
  },
  revoke: async (crawler, database, table) => {
    await adminQuery(database, `REVOKE SELECT ON public.${quoteIdent(table)} FROM ${quoteIdent(crawler.username!)}`);
  },
  passwordCheckedUser: async (password) => {
    const role = await context.createRole({ label: 'pw', password, passwordAuth: true });
    const reason = await passwordAuthSkipReason(role);
    return reason === null ? { details: context.connectionDetails({ role }) } : { skip: reason };
  },
  expect: {
    levels: ['database', 'schema', 'table'],
    stableIds: true,
    leafParent: (database) => [database, 'public'],
    longestName: `long_${'x'.repeat(58)}`,
    columnsQueryMarker: 'pg_attribute',
    intType: 'integer',
    bigintType: 'bigint',
  },
  sql: {
    quote: quoteIdent,
    table: (name) => `public.${quoteIdent(name)}`,
    retype: (table, column, type) => `ALTER TABLE public.${quoteIdent(table)} ALTER COLUMN ${quoteIdent(column)} TYPE ${type}`,
  },
});

