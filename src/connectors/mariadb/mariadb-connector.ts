import type { ConnectorFactory } from '../connector.js';
import { CatalogConnector, readerPerContainer } from '../shared/catalog-connector.js';
import { serverDetails } from '../shared/server-connection.js';
import type { TechnologyDescriptor } from '../technology.js';
import { MariadbCatalogReader } from './mariadb-catalog.js';
import { openMariadbSession } from './mariadb-session.js';

/**
 * How many databases one crawl reads at once, each on its own connection (plus one for the
 * database listing). Information_schema spans the server, so one connection could read them
 * all; one per database keeps a database whose reads fail or whose connection is cut from
 * touching the others, as on PostgreSQL.
 */
export const DATABASE_CONCURRENCY = 4;

/** Creates the connector of one MariaDB or MySQL connection (`descriptor` says which). */
export function mariadbConnectorFactory(descriptor: TechnologyDescriptor): ConnectorFactory {
  return (details, timeouts) => {
    const server = serverDetails(details);
    return new CatalogConnector(descriptor, DATABASE_CONCURRENCY, readerPerContainer(async (_database, signal) => {
      return new MariadbCatalogReader(await openMariadbSession(server, timeouts, signal));
    }));
  };
}
