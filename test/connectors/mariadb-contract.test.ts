import { mariadbConnectorFactory } from '../../src/connectors/mariadb/mariadb-connector.js';
import { mariadbTechnology, mysqlTechnology } from '../../src/connectors/mariadb/mariadb-technology.js';
import {
  MariadbTestContext,
  account,
  mariadbAdmin,
  quoteName,
  type TestUser,
} from '../helpers/mariadb-server.js';
import { serverSkipReason } from '../helpers/server-availability.js';
import { describeConnectorContract } from './connector-contract.js';

const context = new MariadbTestContext();
const crawlers = new Map<string, TestUser>();

for (const descriptor of [mariadbTechnology, mysqlTechnology]) {
  const { technology } = descriptor;
  describeConnectorContract({
    descriptor,
    skipReason: serverSkipReason('MariaDB'),
    create: mariadbConnectorFactory(descriptor),
    createDatabase: (label) => context.createDatabase({ label }),
    cleanup: () => context.cleanup(),
    adminDetails: () => context.connectionDetails({ technology }),
    run: async (database, sql) => {
      await mariadbAdmin(sql, [], database);
    },
    createCrawler: async (database, tables) => {
      const user = await context.createUser({ label: 'crawler', visible: tables.map((table) => `${quoteName(database)}.${quoteName(table)}`) });
      crawlers.set(user.name, user);
      return { details: context.connectionDetails({ user, technology }) };
    },
    revoke: async (crawler, database, table) => {
      await mariadbAdmin(`REVOKE REFERENCES ON ${quoteName(database)}.${quoteName(table)} FROM ${account(crawler.username!)}`);
    },
    // Users created IDENTIFIED BY a password always have it checked (only root's is empty here).
    passwordCheckedUser: async (password) => ({ details: context.connectionDetails({ user: await context.createUser({ label: 'pw', password }), technology }) }),
    expect: {
      levels: ['database', 'table'],
      stableIds: false,
      leafParent: (database) => [database],
      longestName: `long_${'x'.repeat(59)}`,
      columnsQueryMarker: 'information_schema.COLUMNS',
      intType: 'int(11)',
      bigintType: 'bigint(20)',
    },
    sql: {
      quote: quoteName,
      table: quoteName,
      retype: (table, column, type) => `ALTER TABLE ${quoteName(table)} MODIFY ${quoteName(column)} ${type}`,
    },
  });
}
