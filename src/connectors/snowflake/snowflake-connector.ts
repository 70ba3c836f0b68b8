import type { ConnectorFactory } from '../connector.js';
import { CatalogConnector, pooledReaders } from '../shared/catalog-connector.js';
import { SnowflakeCatalogReader, type AccountUsageAccess } from './snowflake-catalog.js';
import { snowflakeDetails } from './snowflake-config.js';
import { openSnowflakeSession } from './snowflake-session.js';
import { snowflakeTechnology } from './snowflake-technology.js';

/**
 * How many databases one crawl reads at once, and so how many sessions it signs in: every
 * database is read through one of these, lent in turn (one login per session, not per
 * database). The catalog
 * queries run on the connection's warehouse, whose slots they share with everyone else's
 * queries; four keeps a slow database from holding up the rest without queueing the warehouse.
 */
export const DATABASE_CONCURRENCY = 4;

/** Creates the connector of one Snowflake connection. */
export const createSnowflakeConnector: ConnectorFactory = (details, timeouts) => {
  const snowflake = snowflakeDetails(details);
  const accountUsage: AccountUsageAccess = { readable: undefined };
  return new CatalogConnector(
    snowflakeTechnology,
    DATABASE_CONCURRENCY,
    pooledReaders(
      DATABASE_CONCURRENCY,
      (signal) => openSnowflakeSession(snowflake, timeouts, signal),
      (session, release) => new SnowflakeCatalogReader(session, accountUsage, release),
    ),
  );
};
