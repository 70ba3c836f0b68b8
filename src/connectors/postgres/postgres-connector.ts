import type { ConnectorFactory } from '../connector.js';
import { CatalogConnector, homeSessionKept } from '../shared/catalog-connector.js';
import { serverDetails } from '../shared/server-connection.js';
import { PostgresCatalogReader } from './postgres-catalog.js';
import { DEFAULT_DATABASE } from './postgres-config.js';
import { openPostgresSession } from './postgres-session.js';
import { postgresTechnology } from './postgres-technology.js';

/**
 * How many databases one crawl reads at once. Each holds one session; four keep a big server
 * busy without taking many of its connection slots.
 */
export const DATABASE_CONCURRENCY = 4;

/**
 * Creates the connector of one PostgreSQL connection: the database listing is read on a
 * session of the connection's first database, each database on a session of its own (a
 * PostgreSQL session is bound to one database), at most {@link DATABASE_CONCURRENCY} at once;
 * the first database's session reads its own subtree too and is kept between operations.
 */
export const createPostgresConnector: ConnectorFactory = (details, timeouts) => {
  const server = serverDetails(details);
  const firstDatabase = server.database ?? DEFAULT_DATABASE;
  return new CatalogConnector(
    postgresTechnology,
    DATABASE_CONCURRENCY,
    homeSessionKept(firstDatabase, (database, signal) => openPostgresSession(server, timeouts, database, signal), (session) => new PostgresCatalogReader(session)),
  );
};
