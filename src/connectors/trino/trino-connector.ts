import type { ConnectorFactory } from '../connector.js';
import { CatalogConnector, readerPerContainer } from '../shared/catalog-connector.js';
import { TrinoCatalogReader } from './trino-catalog.js';
import { trinoDetails } from './trino-config.js';
import { openTrinoSession } from './trino-session.js';
import { trinoTechnology } from './trino-technology.js';

/**
 * How many catalogs one crawl reads at once, each through its own session. Every catalog
 * query runs on the one coordinator (and, for JDBC catalogs, on their backends); two keeps a
 * slow catalog (a metastore-backed one lists tables one by one) from holding up the others
 * without crowding the coordinator's queue.
 */
export const CATALOG_CONCURRENCY = 2;

/** Creates the connector of one Trino connection. */
export const createTrinoConnector: ConnectorFactory = (details, timeouts) => {
  const trino = trinoDetails(details);
  return new CatalogConnector(trinoTechnology, CATALOG_CONCURRENCY, readerPerContainer(async (_catalog, signal) => {
    return new TrinoCatalogReader(await openTrinoSession(trino, timeouts, signal), trino.catalogs);
  }));
};
