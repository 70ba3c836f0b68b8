import mysql from 'mysql2';
import type { ConnectorTimeouts } from '../connector.js';
import { GuardedSession, type SessionDriver, type SessionEvents } from '../shared/guarded-session.js';
import type { ServerConnectionDetails } from '../shared/server-connection.js';
import { mariadbConnectionOptions } from './mariadb-config.js';
import { translateMariadbError, type MariadbErrorContext } from './mariadb-errors.js';

/** A session on a MariaDB or MySQL server. */
export type MariadbSession = GuardedSession<MariadbDriver>;

/**
 * Connects (to `connection.database` when given; see GuardedSession for the deadlines, abort
 * and loss rules).
 * @throws WardenError translated from the driver's error, or the signal's abort reason.
 */
export function openMariadbSession(details: ServerConnectionDetails, timeouts: ConnectorTimeouts, signal: AbortSignal): Promise<MariadbSession> {
  return GuardedSession.open((events) => new MariadbDriver(details, timeouts, events), details, timeouts, signal);
}

/** One mysql2 connection, as a GuardedSession drives it. */
class MariadbDriver implements SessionDriver {
  private readonly connection: mysql.Connection;
  private readonly context: Omit<MariadbErrorContext, 'phase' | 'path'>;

  constructor(
    details: ServerConnectionDetails,
    timeouts: ConnectorTimeouts,
    private readonly events: SessionEvents,
  ) {
    this.connection = mysql.createConnection(mariadbConnectionOptions(details, timeouts));
    this.context = {
      hostname: details.hostname,
      port: details.port,
      username: details.username ?? '',
      database: details.database,
      tlsRequested: (details.tls?.mode ?? 'disable') !== 'disable',
      ...(details.password === undefined ? {} : { password: details.password }),
    };
    // mysql2 emits 'error' for a fatal error while no query is running (the server killed the
    // thread, the socket was reset); without a listener Node would crash the process.
    this.connection.on('error', (error: unknown) => events.failed(error));
    this.connection.on('end', () => events.ended());
  }

  /** The server's id of this connection (`CONNECTION_ID()`), e.g. to find it in the process list. */
  get threadId(): number {
    return this.connection.threadId;
  }

  connect(): Promise<void> {
    return new Promise((resolve, reject) => this.connection.connect((error) => (error ? reject(error) : resolve())));
  }

  query(sql: string, values: readonly unknown[]): Promise<unknown[][]> {
    return new Promise((resolve, reject) => {
      this.connection.query({ sql, values: [...values], rowsAsArray: true }, (error, result) => {
        if (!error) return resolve(result as unknown as unknown[][]);
        // A fatal error (a killed thread, a broken socket) leaves the connection unusable.
        if (error.fatal) this.events.failed(error);
        reject(error);
      });
    });
  }

  end(): Promise<void> {
    return new Promise((resolve, reject) => this.connection.end((error) => (error ? reject(error) : resolve())));
  }

  destroy(): void {
    this.connection.destroy();
  }

  get socketGone(): boolean {
    return false;
  }

  translate(error: unknown, phase: 'connect' | 'query', path: readonly string[]) {
    return translateMariadbError(error, { ...this.context, phase, path });
  }
}
