import type { CrawlBatch, CrawlScope } from '../../domain/catalog-types.js';
import type { Connector, ConnectorCapabilities } from '../connector.js';
import { linkSignals } from '../connector-runtime.js';
import type { TechnologyDescriptor } from '../technology.js';
import { walkCatalog, type CatalogWalkContext } from './catalog-walk.js';

/**
 * The connector of a technology whose catalog the shared walk reads: everything but the
 * reader (and the session under it) is the same for every such technology. It holds no pool:
 * each operation opens the readers it needs and closes them when done.
 */
export class CatalogConnector implements Connector {
  readonly technology: string;
  readonly levels: readonly string[];
  readonly capabilities: ConnectorCapabilities;
  /** Aborted by close(): every session of every running operation listens to it. */
  private readonly closing = new AbortController();
  private readonly walk: CatalogWalkContext;

  /**
   * @param concurrency how many top-level containers one crawl reads at once (each on its own reader).
   * @param openReader see CatalogWalkContext.openReader.
   */
  constructor(
    descriptor: Pick<TechnologyDescriptor, 'technology' | 'levels' | 'capabilities'>,
    concurrency: number,
    openReader: CatalogWalkContext['openReader'],
  ) {
    this.technology = descriptor.technology;
    this.levels = descriptor.levels;
    this.capabilities = descriptor.capabilities;
    this.walk = { levels: descriptor.levels, concurrency, openReader };
  }

  /** Opens the root reader and reads the top-level listing: the credentials work and may read the catalog. */
  async testConnection(signal: AbortSignal): Promise<void> {
    const linked = linkSignals([signal, this.closing.signal]);
    try {
      const reader = await this.walk.openReader(undefined, linked.signal);
      try {
        await reader.listContainers([], undefined);
      } finally {
        await reader.close();
      }
    } finally {
      linked.dispose();
    }
  }

  async *crawl(scope: CrawlScope, signal: AbortSignal): AsyncGenerator<CrawlBatch> {
    const linked = linkSignals([signal, this.closing.signal]);
    try {
      yield* walkCatalog(this.walk, scope, linked.signal);
    } finally {
      linked.dispose();
    }
  }

  /** Aborts every running operation; their sessions tear their sockets down at once. */
  async close(): Promise<void> {
    this.closing.abort(new Error(`The ${this.technology} connector was closed`));
  }
}
