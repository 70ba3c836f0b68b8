import type { CrawlBatch, CrawlScope } from '../../domain/catalog-types.js';
import {
  DEFAULT_CAPABILITIES,
  type ConnectionDetails,
  type Connector,
  type ConnectorCapabilities,
  type ConnectorFactory,
  type ConnectorTimeouts,
} from '../connector.js';
import { linkSignals } from '../connector-runtime.js';
import { DEFAULT_DATABASE } from './postgres-config.js';
import { POSTGRES_LEVELS, crawlPostgres } from './postgres-crawl.js';
import { LIST_DATABASES, PING } from './postgres-queries.js';
import { PostgresSession } from './postgres-session.js';

/** The value of `connection.technology` for PostgreSQL. */
export const POSTGRES_TECHNOLOGY = 'PostgreSQL';

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
export const createPostgresConnector: ConnectorFactory = (details, timeouts) => new PostgresConnector(details, timeouts);

class PostgresConnector implements Connector {
  readonly technology = POSTGRES_TECHNOLOGY;
  readonly levels: readonly string[] = POSTGRES_LEVELS;
  /** Database OIDs are unique on the server; schema and table OIDs only within their database. */
  readonly capabilities: ConnectorCapabilities = { ...DEFAULT_CAPABILITIES, stableIdsUniqueWithin: 1 };
  /** Aborted by close(): every session of every running operation listens to it. */
  private readonly closing = new AbortController();

  constructor(
    private readonly details: ConnectionDetails,
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
      yield* crawlPostgres(
        {
          rootDatabase: this.rootDatabase,
          databaseConcurrency: DATABASE_CONCURRENCY,
          openSession: (database, sessionSignal) => this.openSession(database, sessionSignal),
        },
        scope,
        linked.signal,
      );
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
    return PostgresSession.open(this.details, this.timeouts, database, signal);
  }
}
