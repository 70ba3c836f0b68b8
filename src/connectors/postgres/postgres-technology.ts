import { DEFAULT_CAPABILITIES } from '../connector.js';
import { SERVER_CREDENTIAL_ROUTE, SERVER_TIMEOUTS, USER_PASSWORD, serverConnectionFields } from '../shared/server-connection.js';
import type { TechnologyDescriptor } from '../technology.js';
import { postgresSetupScript } from './postgres-setup-script.js';

/** The value of `connection.technology` for PostgreSQL. */
export const POSTGRES_TECHNOLOGY = 'PostgreSQL';

/** The hierarchy levels of a PostgreSQL connection, top to leaf. */
export const POSTGRES_LEVELS = ['database', 'schema', 'table'] as const;

/** PostgreSQL as the connector registry knows it; `pg` is loaded with the connector. */
export const postgresTechnology: TechnologyDescriptor = {
  technology: POSTGRES_TECHNOLOGY,
  levels: POSTGRES_LEVELS,
  // Database OIDs are unique on the server; schema and table OIDs only within their database.
  capabilities: { ...DEFAULT_CAPABILITIES, stableIdsUniqueWithin: 1 },
  connectionFields: serverConnectionFields('Database to connect to first and read the database listing in (default: postgres)'),
  credentialRoute: SERVER_CREDENTIAL_ROUTE,
  authenticationTypes: [USER_PASSWORD],
  defaultPort: 5432,
  defaultTimeouts: SERVER_TIMEOUTS,
  setupScript: postgresSetupScript,
  loadConnector: async () => (await import('./postgres-connector.js')).createPostgresConnector,
};
