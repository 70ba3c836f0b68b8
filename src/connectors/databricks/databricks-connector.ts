import type { CrawlBatch, CrawlScope } from '../../domain/catalog-types.js';
import type { Connector, ConnectorFactory, ConnectorTimeouts } from '../connector.js';
import { linkSignals } from '../connector-runtime.js';
import { CatalogConnector, readerPerContainer } from '../shared/catalog-connector.js';
import { DatabricksCatalogReader } from './databricks-catalog.js';
import { DatabricksClient } from './databricks-client.js';
import { databricksDetails, warehouseIdOf, type DatabricksConnectionDetails } from './databricks-config.js';
import { readTags, tagsNotReadError, type TagIndex } from './databricks-tags.js';
import { databricksTechnology } from './databricks-technology.js';

/**
 * How many catalogs one crawl reads at once. Databricks rate-limits per workspace and API; four
 * listings in flight stays well below the documented limits.
 */
export const CATALOG_CONCURRENCY = 4;

/**
 * The connector of one Databricks connection: one REST client (and one OAuth token) for all its
 * readers. A crawl with `httpPath` first reads the tag views (the whole metastore, or the one
 * catalog a scoped crawl targets), then walks the catalog with them; when they cannot be read
 * the crawl says so first (`tagsNotRead`) and walks without tags, so the stored ones stay.
 */
class DatabricksConnector implements Connector {
  readonly technology = databricksTechnology.technology;
  readonly levels = databricksTechnology.levels;
  readonly capabilities = databricksTechnology.capabilities;
  private readonly client: DatabricksClient;
  private readonly closing = new AbortController();

  constructor(private readonly details: DatabricksConnectionDetails, timeouts: ConnectorTimeouts) {
    this.client = new DatabricksClient(details, timeouts);
  }

  async testConnection(signal: AbortSignal): Promise<void> {
    const linked = linkSignals([signal, this.closing.signal]);
    try {
      await this.walker(undefined).testConnection(linked.signal);
    } finally {
      linked.dispose();
    }
  }

  async *crawl(scope: CrawlScope, signal: AbortSignal): AsyncGenerator<CrawlBatch> {
    const linked = linkSignals([signal, this.closing.signal]);
    try {
      let tags: TagIndex | undefined;
      if (this.details.httpPath !== undefined) {
        try {
          tags = await readTags(this.client, warehouseIdOf(this.details.httpPath), scope.target[0]?.name, linked.signal);
        } catch (error) {
          if (linked.signal.aborted) throw error;
          const reason = tagsNotReadError(error);
          yield { type: 'tagsNotRead', path: scope.target.map((step) => step.name), code: reason.code, message: reason.message };
        }
      }
      yield* this.walker(tags).crawl(scope, linked.signal);
    } finally {
      linked.dispose();
    }
  }

  async close(): Promise<void> {
    this.closing.abort(new Error('The Databricks connector was closed'));
  }

  private walker(tags: TagIndex | undefined): CatalogConnector {
    // Stateless HTTPS: a reader per catalog costs no login.
    return new CatalogConnector(databricksTechnology, CATALOG_CONCURRENCY, readerPerContainer(async (_catalog, signal) => new DatabricksCatalogReader(this.client, signal, tags)));
  }
}

/** Creates the connector of one Databricks connection. */
export const createDatabricksConnector: ConnectorFactory = (details, timeouts) => new DatabricksConnector(databricksDetails(details), timeouts);
