import type { ConnectorFactory } from '../connector.js';
import { CatalogConnector } from '../shared/catalog-connector.js';
import { DatabricksCatalogReader } from './databricks-catalog.js';
import { DatabricksClient } from './databricks-client.js';
import { databricksDetails } from './databricks-config.js';
import { databricksTechnology } from './databricks-technology.js';

/**
 * How many catalogs one crawl reads at once. Databricks rate-limits per workspace and API; four
 * listings in flight stays well below the documented limits.
 */
export const CATALOG_CONCURRENCY = 4;

/** Creates the connector of one Databricks connection: one REST client (and one OAuth token) for all its readers. */
export const createDatabricksConnector: ConnectorFactory = (details, timeouts) => {
  const client = new DatabricksClient(databricksDetails(details), timeouts);
  return new CatalogConnector(databricksTechnology, CATALOG_CONCURRENCY, async (_catalog, signal) => new DatabricksCatalogReader(client, signal));
};
