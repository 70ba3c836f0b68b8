import mysql from 'mysql2';
import { WardenError } from '../../errors.js';
import type { ConnectorTimeouts } from '../connector.js';
import type { ServerConnectionDetails } from '../shared/server-connection.js';
import { abortReason, abortable, onAbort, withTimeout } from '../connector-runtime.js';
import { mariadbConnectionOptions } from './mariadb-config.js';
import { formatObjectPath } from '../shared/network-errors.js';
import { translateMariadbError, type MariadbErrorContext } from './mariadb-errors.js';

/** How long a polite close (COM_QUIT) may take before the socket is destroyed. */
const CLOSE_GRACE_MS = 1_000;

/**
 * One mysql2 connection with Warden's rules around it: our own connect and query timers,
 * abort handling, error translation by errno/code, and tracking whether the connection is
 * still usable. Every method either succeeds or throws a WardenError (or the abort reason when
 * the signal aborted).
 */
export class MariadbSession {
  /** The first fatal error the connection reported (a killed thread, a reset socket). */
  private fatalError: unknown;
  private closed = false;
  private readonly stopAbortListener: () => void;

  private constructor(
    private readonly connection: mysql.Connection,
    private readonly context: Omit<MariadbErrorContext, 'phase' | 'path'>,
    private readonly timeouts: ConnectorTimeouts,
    private readonly signal: AbortSignal,
  ) {
    // mysql2 emits 'error' for a fatal error while no query is running (the server killed the
    // thread, the socket was reset); without a listener Node would crash the process.
    connection.on('error', (error: unknown) => {
      this.fatalError ??= error;
    });
    connection.on('end', () => {
      this.fatalError ??= new WardenError('CONNECTION_LOST', { cause: 'the server closed the connection' });
    });
    this.stopAbortListener = onAbort(signal, () => this.destroy());
  }

  /**
   * Connects within `timeouts.connectMs` (CONNECT_TIMEOUT otherwise).
   * @throws WardenError translated from the driver's error, or the signal's abort reason.
   */
  static async open(details: ServerConnectionDetails, timeouts: ConnectorTimeouts, signal: AbortSignal): Promise<MariadbSession> {
    signal.throwIfAborted();
    const context = {
      hostname: details.hostname,
      port: details.port,
      username: details.username ?? '',
      database: details.database,
      tlsRequested: (details.tls?.mode ?? 'disable') !== 'disable',
      ...(details.password === undefined ? {} : { password: details.password }),
    };
    const session = new MariadbSession(mysql.createConnection(mariadbConnectionOptions(details, timeouts)), context, timeouts, signal);
    const connectTimeout = (): Error =>
      new WardenError('CONNECT_TIMEOUT', { hostname: details.hostname, port: details.port, timeoutMs: timeouts.connectMs });
    const connected = new Promise<void>((resolve, reject) => session.connection.connect((error) => (error ? reject(error) : resolve())));
    try {
      await abortable(withTimeout(connected, timeouts.connectMs, connectTimeout), signal);
      return session;
    } catch (error) {
      session.destroy();
      if (signal.aborted) throw abortReason(signal);
      throw translateMariadbError(error, { ...context, phase: 'connect' });
    }
  }

  /** The server's id of this connection (`CONNECTION_ID()`), e.g. to find it in the process list. */
  get threadId(): number {
    return this.connection.threadId;
  }

  /** The connection broke (or was closed): no further query can succeed on this session. */
  get lost(): boolean {
    return this.closed || this.fatalError !== undefined;
  }

  /**
   * Runs one catalog query, rows as arrays, within `timeouts.statementMs`. On a timeout the
   * connection is destroyed: the server is still busy with the query, so it could not serve
   * another one anyway, and closing the socket makes the server abandon it.
   * @param path the object path being read, named in QUERY_TIMEOUT messages.
   */
  async query<Row extends unknown[]>(sql: string, values: readonly unknown[], path: readonly string[]): Promise<Row[]> {
    this.signal.throwIfAborted();
    if (this.lost) {
      throw this.fatalError === undefined
        ? new WardenError('CONNECTION_LOST', { cause: 'the session was closed after an earlier error' })
        : this.translate(this.fatalError, path);
    }
    const queryTimeout = (): Error =>
      new WardenError('QUERY_TIMEOUT', { path: formatObjectPath(path), cause: `no answer within ${this.timeouts.statementMs} ms` });
    const rows = new Promise<Row[]>((resolve, reject) => {
      this.connection.query({ sql, values: [...values], rowsAsArray: true }, (error, result) => {
        if (error) {
          if (error.fatal) this.fatalError ??= error;
          reject(error);
        } else {
          resolve(result as unknown as Row[]);
        }
      });
    });
    try {
      return await abortable(withTimeout(rows, this.timeouts.statementMs, queryTimeout), this.signal);
    } catch (error) {
      if (this.signal.aborted) throw abortReason(this.signal);
      if (error instanceof WardenError && error.code === 'QUERY_TIMEOUT') this.destroy();
      throw this.translate(error, path);
    }
  }

  /** Ends the session politely, destroying the socket if the server does not answer in time. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopAbortListener();
    const ended = new Promise<void>((resolve, reject) => this.connection.end((error) => (error ? reject(error) : resolve())));
    try {
      await withTimeout(ended, CLOSE_GRACE_MS, () => new Error('close timed out'));
    } catch {
      this.connection.destroy();
    }
  }

  /** Tears the connection down at once (abort, timeout, failed connect). */
  private destroy(): void {
    this.closed = true;
    // Undefined only when the signal had already aborted while the constructor ran.
    this.stopAbortListener?.();
    this.connection.destroy();
  }

  private translate(error: unknown, path: readonly string[]): WardenError {
    return translateMariadbError(error, { ...this.context, phase: 'query', path });
  }
}
