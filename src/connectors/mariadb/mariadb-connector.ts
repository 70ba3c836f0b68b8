import type { CrawlBatch, CrawlScope } from '../../domain/catalog-types.js';
import { DEFAULT_CAPABILITIES, type ConnectionDetails, type Connector, type ConnectorCapabilities, type ConnectorFactory, type ConnectorTimeouts } from '../connector.js';
import { linkSignals } from '../connector-runtime.js';
import { walkCatalog, type CatalogWalkContext } from '../shared/catalog-walk.js';
import { LIST_DATABASES, MARIADB_LEVELS, MariadbCatalogReader, PING } from './mariadb-catalog.js';
import { MariadbSession } from './mariadb-session.js';

/** The values of `connection.technology` this connector serves. */
export const MARIADB_TECHNOLOGY = 'MariaDB';
export const MYSQL_TECHNOLOGY = 'MySQL';

/**
 * How many databases one crawl reads at once, each on its own connection (plus one for the
 * database listing). Information_schema spans the server, so one connection could read them
 * all; one per database keeps a database whose reads fail or whose connection is cut from
 * touching the others, as on PostgreSQL.
 */
export const DATABASE_CONCURRENCY = 4;

/**
 * MariaDB and MySQL have no stable object identifiers (no OID, no TABLE_ID): the crawl reports
 * `stableId: null`, so the diff recognises renames by its column-fingerprint heuristic (see
 * catalog-diff.ts). Nothing else differs from the defaults.
 */
const MARIADB_CAPABILITIES: ConnectorCapabilities = { ...DEFAULT_CAPABILITIES };

/** Creates the connector of one MariaDB or MySQL connection (`technology` names which). */
export function mariadbConnectorFactory(technology: string): ConnectorFactory {
  return (details, timeouts) => new MariadbConnector(technology, details, timeouts);
}

class MariadbConnector implements Connector {
  readonly levels: readonly string[] = MARIADB_LEVELS;
  readonly capabilities: ConnectorCapabilities = MARIADB_CAPABILITIES;
  /** Aborted by close(): every session of every running operation listens to it. */
  private readonly closing = new AbortController();
  /** One connection for the database listing, then one per database. */
  private readonly walk: CatalogWalkContext = {
    levels: MARIADB_LEVELS,
    concurrency: DATABASE_CONCURRENCY,
    openReader: async (_path, signal) => new MariadbCatalogReader(await this.open(signal)),
  };

  constructor(
    readonly technology: string,
    private readonly details: ConnectionDetails,
    private readonly timeouts: ConnectorTimeouts,
  ) {}

  /** Connects (to `connection.database` when given), pings and reads the database listing. */
  async testConnection(signal: AbortSignal): Promise<void> {
    const { signal: linked, dispose } = linkSignals([signal, this.closing.signal]);
    const session = await this.open(linked).catch((error: unknown) => {
      dispose();
      throw error;
    });
    try {
      await session.query(PING, [], []);
      await session.query(LIST_DATABASES.sql, LIST_DATABASES.values, []);
    } finally {
      await session.close();
      dispose();
    }
  }

  async *crawl(scope: CrawlScope, signal: AbortSignal): AsyncGenerator<CrawlBatch> {
    const { signal: linked, dispose } = linkSignals([signal, this.closing.signal]);
    try {
      yield* walkCatalog(this.walk, scope, linked);
    } finally {
      dispose();
    }
  }

  /** Aborts every running operation; their sessions tear their sockets down at once. */
  async close(): Promise<void> {
    this.closing.abort(new Error(`The ${this.technology} connector was closed`));
  }

  private open(signal: AbortSignal): Promise<MariadbSession> {
    return MariadbSession.open(this.details, this.timeouts, signal);
  }
}
