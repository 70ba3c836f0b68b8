import pg from 'pg';
import type { ConnectorTimeouts } from '../connector.js';
import { GuardedSession, type SessionDriver, type SessionEvents, type StreamingDriver } from '../shared/guarded-session.js';
import type { ServerConnectionDetails } from '../shared/server-connection.js';
import { postgresClientConfig } from './postgres-config.js';
import { translatePostgresError, type PostgresErrorContext } from './postgres-errors.js';

/** A session on one PostgreSQL database. */
export type PostgresSession = GuardedSession<PostgresDriver>;

/**
 * Connects to `database` (see GuardedSession for the deadlines, abort and loss rules).
 * @throws WardenError translated from the driver's error, or the signal's abort reason.
 */
export function openPostgresSession(
  details: ServerConnectionDetails,
  timeouts: ConnectorTimeouts,
  database: string,
  signal: AbortSignal,
): Promise<PostgresSession> {
  return GuardedSession.open((events) => new PostgresDriver(details, timeouts, database, events), details, timeouts, signal);
}

/** One `pg.Client` on one database, as a GuardedSession drives it. */
class PostgresDriver implements SessionDriver, StreamingDriver {
  private readonly client: pg.Client;
  private readonly context: Omit<PostgresErrorContext, 'phase' | 'clientEnded' | 'path'>;

  constructor(details: ServerConnectionDetails, timeouts: ConnectorTimeouts, database: string, events: SessionEvents) {
    this.client = new pg.Client(postgresClientConfig(details, timeouts, database));
    this.context = {
      hostname: details.hostname,
      port: details.port,
      username: details.username ?? '',
      database,
      tlsRequested: (details.tls?.mode ?? 'disable') !== 'disable',
      ...(details.password === undefined ? {} : { password: details.password }),
    };
    // pg emits 'error' when the connection fails while no query is running (a terminated
    // backend, a reset socket); without a listener Node would crash the process.
    this.client.on('error', (error: unknown) => events.failed(error));
    this.client.on('end', () => events.ended());
  }

  async connect(): Promise<void> {
    await this.client.connect();
    // A big result arrives faster than it is parsed, and libuv reads up to 32 chunks (2 MiB) in
    // one turn of the event loop: 50–90 ms of row parsing that API requests would wait behind.
    // Pausing after each chunk parses them one per turn.
    const socket = this.client.connection.stream;
    socket.on('data', () => {
      socket.pause();
      setImmediate(() => socket.resume());
    });
  }

  async query(sql: string, values: readonly unknown[]): Promise<unknown[][]> {
    return (await this.client.query<unknown[]>({ text: sql, values: [...values], rowMode: 'array' })).rows;
  }

  queryEach(sql: string, values: readonly unknown[], onRow: (row: unknown[]) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      // A throwing listener must not throw into pg's protocol parser: it fails the query at its end.
      let failed: { error: unknown } | undefined;
      const config: pg.QueryArrayConfig = { text: sql, values: [...values], rowMode: 'array' };
      const query = new pg.Query<unknown[]>(config, undefined, (error) => {
        if (error) reject(error);
        else if (failed !== undefined) reject(failed.error);
        else resolve();
      });
      query.on('row', (row: unknown[], result?: pg.ResultBuilder<unknown[]>) => {
        // A query with a callback keeps every row in its result too: dropped as they come.
        if (result !== undefined) result.rows.length = 0;
        if (failed !== undefined) return;
        try {
          onRow(row);
        } catch (error) {
          failed = { error };
        }
      });
      void this.client.query(query);
    });
  }

  end(): Promise<void> {
    return this.client.end();
  }

  destroy(): void {
    // end() marks the client as ending so pg does not report the teardown as an error; the
    // socket is destroyed right away because a busy or silent server would delay a polite end.
    this.client.end().catch(() => {});
    this.client.connection.stream.destroy();
  }

  get socketGone(): boolean {
    return this.client.connection.stream.destroyed;
  }

  translate(error: unknown, phase: 'connect' | 'query', path: readonly string[], ended: boolean) {
    return translatePostgresError(error, { ...this.context, phase, path, clientEnded: ended });
  }
}
