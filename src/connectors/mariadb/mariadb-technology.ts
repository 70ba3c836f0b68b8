import { DEFAULT_CAPABILITIES } from '../connector.js';
import { SERVER_CREDENTIAL_ROUTE, SERVER_TIMEOUTS, USER_PASSWORD, serverConnectionFields } from '../shared/server-connection.js';
import type { TechnologyDescriptor } from '../technology.js';
import { mariadbSetupScript } from './mariadb-setup-script.js';

/** The values of `connection.technology` the MariaDB connector serves. */
export const MARIADB_TECHNOLOGY = 'MariaDB';
export const MYSQL_TECHNOLOGY = 'MySQL';

/** The hierarchy levels of a MariaDB/MySQL connection, top to leaf: there is no schema level. */
export const MARIADB_LEVELS = ['database', 'table'] as const;

function descriptor(technology: string): TechnologyDescriptor {
  const described: TechnologyDescriptor = {
    technology,
    levels: MARIADB_LEVELS,
    // No stable ids (no OID, no TABLE_ID): the crawl reports none, so renames are recognised by
    // the diff's column-fingerprint heuristic (catalog-diff.ts).
    capabilities: DEFAULT_CAPABILITIES,
    connectionFields: serverConnectionFields('Database to connect to (optional: information_schema spans the server)'),
    credentialRoute: SERVER_CREDENTIAL_ROUTE,
    authenticationTypes: [USER_PASSWORD],
    defaultPort: 3306,
    defaultTimeouts: SERVER_TIMEOUTS,
    setupScript: mariadbSetupScript,
    loadConnector: async () => (await import('./mariadb-connector.js')).mariadbConnectorFactory(described),
  };
  return described;
}

/** MariaDB as the connector registry knows it; mysql2 is loaded with the connector. */
export const mariadbTechnology: TechnologyDescriptor = descriptor(MARIADB_TECHNOLOGY);

/** MySQL: the same connector (same protocol, same information_schema, same error numbers). */
export const mysqlTechnology: TechnologyDescriptor = descriptor(MYSQL_TECHNOLOGY);
