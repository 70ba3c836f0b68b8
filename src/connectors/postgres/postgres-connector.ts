import type { CrawlBatch, CrawlScope } from '../../domain/catalog-types.js';
import type { Connector, ConnectorCapabilities, ConnectorFactory, ConnectorTimeouts } from '../connector.js';
import { linkSignals } from '../connector-runtime.js';
import { DEFAULT_DATABASE } from './postgres-config.js';
import { serverDetails, type ServerConnectionDetails } from '../shared/server-connection.js';
import { walkCatalog, type CatalogWalkContext } from '../shared/catalog-walk.js';
import { PostgresCatalogReader } from './postgres-catalog.js';
import { LIST_DATABASES, PING } from './postgres-queries.js';
import { openPostgresSession, type PostgresSession } from './postgres-session.js';
import { POSTGRES_LEVELS, POSTGRES_TECHNOLOGY, postgresTechnology } from './postgres-technology.js';

/**
 * How many databases one crawl reads at once. Each holds one session; four keep a big server
 * busy without taking many of its connection slots.
 */
export const DATABASE_CONCURRENCY = 4;

/**
 * Creates the connector of one PostgreSQL connection. It holds no pool: each crawl opens one
 * session per database it reads (at most {@link DATABASE_CONCURRENCY} at once, plus one for
 * the database listing) and closes it when that database is done.
 */
export const createPostgresConnector: ConnectorFactory = (details, timeouts) => new PostgresConnector(serverDetails(details), timeouts);

class PostgresConnector implements Connector {
  readonly technology = POSTGRES_TECHNOLOGY;
  readonly levels: readonly string[] = POSTGRES_LEVELS;
  readonly capabilities: ConnectorCapabilities = postgresTechnology.capabilities;
  /** Aborted by close(): every session of every running operation listens to it. */
  private readonly closing = new AbortController();
  /** The database listing on the connection's first database, then one session per database. */
  private readonly walk: CatalogWalkContext = {
    levels: POSTGRES_LEVELS,
    concurrency: DATABASE_CONCURRENCY,
    openReader: async (database, signal) => new PostgresCatalogReader(await this.openSession(database?.name ?? this.rootDatabase, signal)),
  };

  constructor(
    private readonly details: ServerConnectionDetails,
    private readonly timeouts: ConnectorTimeouts,
  ) {}

  /** Connects to the starting database, runs a trivial query and the database listing. */
  async testConnection(signal: AbortSignal): Promise<void> {
    const linked = linkSignals([signal, this.closing.signal]);
    try {
      const session = await this.openSession(this.rootDatabase, linked.signal);
      try {
        await session.query(PING, [], []);
        await session.query(LIST_DATABASES, [], []);
      } finally {
        await session.close();
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
    this.closing.abort(new Error('The PostgreSQL connector was closed'));
  }

  private get rootDatabase(): string {
    return this.details.database ?? DEFAULT_DATABASE;
  }

  private openSession(database: string, signal: AbortSignal): Promise<PostgresSession> {
    return openPostgresSession(this.details, this.timeouts, database, signal);
  }
}
