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

/** How a technology provides the readers of its connector's operations. */
export interface ReaderSource {
  /** The readers of one operation. */
  begin(signal: AbortSignal): CrawlReaders;
  /** Ends what the source keeps between operations: the connector is closing. */
  close(): Promise<void>;
}

/** Readers that each open (and close) their own session. */
export function readerPerContainer(openReader: CatalogWalkContext['openReader']): ReaderSource {
  return { begin: () => ({ openReader, end: async () => {} }), close: async () => {} };
}

/**
 * Readers over a pool of at most `size` sessions for the whole operation (see SessionPool):
 * `readerOf` wraps a lent session, and the reader's close() must call `release`.
 */
export function pooledReaders<Session extends PooledSession>(
  size: number,
  openSession: (signal: AbortSignal) => Promise<Session>,
  readerOf: (session: Session, release: () => void) => CatalogReader,
): ReaderSource {
  return {
    begin: (signal) => {
      const pool = new SessionPool(size, openSession, signal);
      return {
        openReader: async (_top, readerSignal) => {
          const session = await pool.acquire(readerSignal);
          return readerOf(session, () => pool.release(session));
        },
        end: () => pool.close(),
      };
    },
    close: async () => {},
  };
}

/** A session that can serve one operation after another (GuardedSession). */
export interface KeepableSession extends PooledSession {
  adopt(signal: AbortSignal): void;
}

/**
 * Readers for a technology whose session is bound to a top-level container (a PostgreSQL
 * database): each top-level container is read on a session of its own, except the
 * connection's own one, `home`. Its session reads the root listing, then `home`'s subtree, and
 * is kept between operations until the connector closes, so a registration's credential check
 * (see ConnectorRegistry.handOver), the root listing and the first database's listings sign in
 * once, not three times. The other containers' sessions are closed when their subtree is done
 * (a server of many databases must not have a connection slot held per database), without the
 * next container waiting for the goodbye; the connector's close() waits for those.
 */
export function homeSessionKept<Session extends KeepableSession>(
  home: string,
  open: (container: string, signal: AbortSignal) => Promise<Session>,
  readerOf: (session: Session) => CatalogReader,
): ReaderSource {
  let kept: { session: Session; reader: CatalogReader } | undefined;
  let lent = false;
  /** Sessions of other containers still saying goodbye: the next container need not wait for that, the connector's close does. */
  const closing = new Set<Promise<void>>();
  const closedInBackground = (reader: CatalogReader): CatalogReader =>
    new LentReader(reader, async () => {
      const closed = reader.close().finally(() => closing.delete(closed));
      closing.add(closed);
    });
  const openReader: CatalogWalkContext['openReader'] = async (top, signal) => {
    const container = top?.name ?? home;
    // Another container, or the home session is busy (two operations of one connector at once): a session of its own.
    if (container !== home || lent) return closedInBackground(readerOf(await open(container, signal)));
    if (kept?.session.lost) {
      await kept.reader.close();
      kept = undefined;
    }
    if (kept) kept.session.adopt(signal);
    else {
      const session = await open(home, signal);
      kept = { session, reader: readerOf(session) };
    }
    lent = true;
    return new LentReader(kept.reader, async () => {
      lent = false;
      if (kept === undefined || !kept.session.lost) return;
      const lost = kept;
      kept = undefined;
      await lost.reader.close();
    });
  };
  return {
    begin: () => ({ openReader, end: async () => {} }),
    close: async () => {
      const last = kept;
      kept = undefined;
      await Promise.all([last?.reader.close(), ...closing]);
    },
  };
}

/** A reader whose close() gives its session back (or closes it in the background) instead of closing it. */
class LentReader implements CatalogReader {
  constructor(
    private readonly reader: CatalogReader,
    private readonly giveBack: () => Promise<void>,
  ) {}

  get lost(): boolean {
    return this.reader.lost;
  }

  listContainers(...args: Parameters<CatalogReader['listContainers']>): ReturnType<CatalogReader['listContainers']> {
    return this.reader.listContainers(...args);
  }

  listLeaves(...args: Parameters<CatalogReader['listLeaves']>): ReturnType<CatalogReader['listLeaves']> {
    return this.reader.listLeaves(...args);
  }

  close(): Promise<void> {
    return this.giveBack();
  }
}

/**
 * The connector of a technology whose catalog the shared walk reads: everything but the
 * reader (and the session under it) is the same for every such technology. Each operation
 * begins its readers and ends them when done; only a {@link homeSessionKept} source keeps one
 * session between operations, until close().
 */
export class CatalogConnector implements Connector {
  readonly technology: string;
  readonly levels: readonly string[];
  readonly capabilities: ConnectorCapabilities;
  /** Aborted by close(): every session of every running operation listens to it. */
  private readonly closing = new AbortController();

  /**
   * @param concurrency how many top-level containers one crawl reads at once (each on its own reader).
   * @param readers the readers of each operation: {@link readerPerContainer}, {@link pooledReaders} or {@link homeSessionKept}.
   */
  constructor(
    descriptor: Pick<TechnologyDescriptor, 'technology' | 'levels' | 'capabilities'>,
    private readonly concurrency: number,
    private readonly readers: ReaderSource,
  ) {
    this.technology = descriptor.technology;
    this.levels = descriptor.levels;
    this.capabilities = descriptor.capabilities;
  }

  /** Opens the root reader and reads the top-level listing: the credentials work and may read the catalog. */
  async testConnection(signal: AbortSignal): Promise<void> {
    const linked = linkSignals([signal, this.closing.signal]);
    const readers = this.readers.begin(linked.signal);
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
    const readers = this.readers.begin(linked.signal);
    try {
      yield* walkCatalog({ levels: this.levels, concurrency: this.concurrency, openReader: readers.openReader }, scope, linked.signal);
    } finally {
      await readers.end();
      linked.dispose();
    }
  }

  /** Aborts every running operation (their sessions tear their sockets down at once) and closes a kept session. */
  async close(): Promise<void> {
    this.closing.abort(new Error(`The ${this.technology} connector was closed`));
    await this.readers.close();
  }
}
