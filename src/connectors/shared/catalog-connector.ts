import type { CrawlBatch, CrawlScope } from '../../domain/catalog-types.js';
import type { Connector, ConnectorCapabilities } from '../connector.js';
import { linkSignals } from '../connector-runtime.js';
import type { TechnologyDescriptor } from '../technology.js';
import { walkCatalog, type CatalogReader, type CatalogWalkContext } from './catalog-walk.js';
import { SessionPool, type PooledSession } from './guarded-session.js';

/**
 * The readers of one operation (a crawl or a connection test), begun with the operation's
 * signal and ended when it ends, however it ends (done, failed, aborted, or its consumer
 * stopped): a technology that shares sessions between readers closes them there.
 */
export interface CrawlReaders {
  openReader: CatalogWalkContext['openReader'];
  end(): Promise<void>;
}

/** How a technology begins the readers of one operation. */
export type BeginCrawl = (signal: AbortSignal) => CrawlReaders;

/** Readers that each open (and close) their own session: a technology whose session is bound to a top-level container (a PostgreSQL database). */
export function readerPerContainer(openReader: CatalogWalkContext['openReader']): BeginCrawl {
  return () => ({ openReader, end: async () => {} });
}

/**
 * Readers over a pool of at most `size` sessions for the whole operation (see SessionPool):
 * `readerOf` wraps a lent session, and the reader's close() must call `release`.
 */
export function pooledReaders<Session extends PooledSession>(
  size: number,
  openSession: (signal: AbortSignal) => Promise<Session>,
  readerOf: (session: Session, release: () => void) => CatalogReader,
): BeginCrawl {
  return (signal) => {
    const pool = new SessionPool(size, openSession, signal);
    return {
      openReader: async (_top, readerSignal) => {
        const session = await pool.acquire(readerSignal);
        return readerOf(session, () => pool.release(session));
      },
      end: () => pool.close(),
    };
  };
}

/**
 * The connector of a technology whose catalog the shared walk reads: everything but the
 * reader (and the session under it) is the same for every such technology. It holds no session
 * between operations: each one begins its readers and ends them when done.
 */
export class CatalogConnector implements Connector {
  readonly technology: string;
  readonly levels: readonly string[];
  readonly capabilities: ConnectorCapabilities;
  /** Aborted by close(): every session of every running operation listens to it. */
  private readonly closing = new AbortController();

  /**
   * @param concurrency how many top-level containers one crawl reads at once (each on its own reader).
   * @param beginCrawl the readers of one operation: {@link readerPerContainer} or {@link pooledReaders}.
   */
  constructor(
    descriptor: Pick<TechnologyDescriptor, 'technology' | 'levels' | 'capabilities'>,
    private readonly concurrency: number,
    private readonly beginCrawl: BeginCrawl,
  ) {
    this.technology = descriptor.technology;
    this.levels = descriptor.levels;
    this.capabilities = descriptor.capabilities;
  }

  /** Opens the root reader and reads the top-level listing: the credentials work and may read the catalog. */
  async testConnection(signal: AbortSignal): Promise<void> {
    const linked = linkSignals([signal, this.closing.signal]);
    const readers = this.beginCrawl(linked.signal);
    try {
      const reader = await readers.openReader(undefined, linked.signal);
      try {
        await reader.listContainers([], undefined);
      } finally {
        await reader.close();
      }
    } finally {
      await readers.end();
      linked.dispose();
    }
  }

  async *crawl(scope: CrawlScope, signal: AbortSignal): AsyncGenerator<CrawlBatch> {
    const linked = linkSignals([signal, this.closing.signal]);
    const readers = this.beginCrawl(linked.signal);
    try {
      yield* walkCatalog({ levels: this.levels, concurrency: this.concurrency, openReader: readers.openReader }, scope, linked.signal);
    } finally {
      await readers.end();
      linked.dispose();
    }
  }

  /** Aborts every running operation; their sessions tear their sockets down at once. */
  async close(): Promise<void> {
    this.closing.abort(new Error(`The ${this.technology} connector was closed`));
  }
}
