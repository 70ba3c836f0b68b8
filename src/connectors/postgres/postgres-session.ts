import pg from 'pg';
import { WardenError } from '../../errors.js';
import type { ConnectorTimeouts } from '../connector.js';
import type { ServerConnectionDetails } from '../shared/server-connection.js';
import { abortReason, abortable, onAbort, withTimeout } from '../connector-runtime.js';
import { postgresClientConfig } from './postgres-config.js';
import { formatObjectPath, translatePostgresError, type PostgresErrorContext } from './postgres-errors.js';

/** How long a polite close (Terminate message) may take before the socket is destroyed. */
const CLOSE_GRACE_MS = 1_000;

/**
 * One `pg.Client` connected to one database, with Warden's rules around it: our own connect
 * and query timers, abort handling, error translation, and tracking whether the connection is
 * still usable. Every method either succeeds or throws a WardenError (or the abort reason when
 * the signal aborted).
 */
export class PostgresSession {
  /** The first error the client emitted outside a query (e.g. its backend was terminated). */
  private idleError: unknown;
  private ended = false;
  private closed = false;
  private readonly stopAbortListener: () => void;

  private constructor(
    private readonly client: pg.Client,
    private readonly context: Omit<PostgresErrorContext, 'phase' | 'clientEnded' | 'path'>,
    private readonly timeouts: ConnectorTimeouts,
    private readonly signal: AbortSignal,
  ) {
    // pg emits 'error' when the connection fails while no query is running (a terminated
    // backend, a reset socket); without a listener Node would crash the process.
    client.on('error', (error: unknown) => {
      this.idleError ??= error;
    });
    client.on('end', () => {
      this.ended = true;
    });
    this.stopAbortListener = onAbort(signal, () => this.destroy());
  }

  /**
   * Connects to `database` within `timeouts.connectMs` (CONNECT_TIMEOUT otherwise).
   * @throws WardenError translated from the driver's error, or the signal's abort reason.
   */
  static async open(
    details: ServerConnectionDetails,
    timeouts: ConnectorTimeouts,
    database: string,
    signal: AbortSignal,
  ): Promise<PostgresSession> {
    signal.throwIfAborted();
    const context = {
      hostname: details.hostname,
      port: details.port,
      username: details.username ?? '',
      database,
      tlsRequested: (details.tls?.mode ?? 'disable') !== 'disable',
      ...(details.password === undefined ? {} : { password: details.password }),
    };
    const session = new PostgresSession(
      new pg.Client(postgresClientConfig(details, timeouts, database)),
      context,
      timeouts,
      signal,
    );
    const connectTimeout = (): Error =>
      new WardenError('CONNECT_TIMEOUT', { hostname: details.hostname, port: details.port, timeoutMs: timeouts.connectMs });
    try {
      await abortable(withTimeout(session.client.connect(), timeouts.connectMs, connectTimeout), signal);
      return session;
    } catch (error) {
      const translated = session.translate(error, 'connect', []);
      session.destroy();
      throw signal.aborted ? abortReason(signal) : translated;
    }
  }

  /** The connection broke (or was closed): no further query can succeed on this session. */
  get lost(): boolean {
    return this.closed || this.ended || this.idleError !== undefined || this.client.connection.stream.destroyed;
  }

  /**
   * Runs one catalog query in array row mode within `timeouts.statementMs`. On a timeout the
   * session is destroyed: the backend is still busy with the query, so the connection could not
   * serve another one anyway.
   * @param path the object path being read, named in QUERY_TIMEOUT messages.
   */
  async query<Row extends unknown[]>(text: string, values: readonly unknown[], path: readonly string[]): Promise<Row[]> {
    this.signal.throwIfAborted();
    if (this.lost) {
      throw this.idleError === undefined
        ? new WardenError('CONNECTION_LOST', { cause: 'the session was closed after an earlier error' })
        : this.translate(this.idleError, 'query', path);
    }
    const queryTimeout = (): Error =>
      new WardenError('QUERY_TIMEOUT', {
        path: formatObjectPath(path),
        cause: `no answer within ${this.timeouts.statementMs} ms`,
      });
    try {
      const result = await abortable(
        withTimeout(
          this.client.query<Row>({ text, values: [...values], rowMode: 'array' }),
          this.timeouts.statementMs,
          queryTimeout,
        ),
        this.signal,
      );
      return result.rows;
    } catch (error) {
      if (this.signal.aborted) throw abortReason(this.signal);
      if (error instanceof WardenError && error.code === 'QUERY_TIMEOUT') this.destroy();
      throw this.translate(this.idleError ?? error, 'query', path);
    }
  }

  /** Ends the session politely, destroying the socket if the server does not answer in time. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopAbortListener();
    try {
      await withTimeout(this.client.end(), CLOSE_GRACE_MS, () => new Error('close timed out'));
    } catch {
      this.client.connection.stream.destroy();
    }
  }

  /** Tears the connection down at once (abort, timeout, failed connect). */
  private destroy(): void {
    this.closed = true;
    // Undefined only when the signal had already aborted while the constructor ran.
    this.stopAbortListener?.();
    // end() marks the client as ending so pg does not report the teardown as an error; the
    // socket is destroyed right away because a busy or silent server would delay a polite end.
    this.client.end().catch(() => {});
    this.client.connection.stream.destroy();
  }

  private translate(error: unknown, phase: PostgresErrorContext['phase'], path: readonly string[]): WardenError {
    return translatePostgresError(error, {
      ...this.context,
      phase,
      path,
      clientEnded: this.ended || this.client.connection.stream.destroyed,
    });
  }
}
