import { WardenError } from '../../errors.js';
import type { ConnectorTimeouts } from '../connector.js';
import { abortReason, abortable, linkSignals, onAbort, withTimeout } from '../connector-runtime.js';
import { formatObjectPath } from './network-errors.js';

/** How long a polite close (the protocol's goodbye) may take before the socket is destroyed. */
const CLOSE_GRACE_MS = 1_000;

/** What a driver reports about its connection outside the calls the session makes. */
export interface SessionEvents {
  /** The connection failed (an error event while idle, or a query error the driver marks fatal). */
  failed(error: unknown): void;
  /** The server or the socket ended the connection. */
  ended(): void;
}

/**
 * The per-technology part of a session: one connection of one driver, and the translation of
 * its errors. Every other rule lives in {@link GuardedSession}.
 */
export interface SessionDriver {
  connect(): Promise<void>;
  /** One query, rows as arrays of column values. */
  query(sql: string, values: readonly unknown[]): Promise<unknown[][]>;
  /** Ends the connection politely. */
  end(): Promise<void>;
  /** Tears the socket down at once. */
  destroy(): void;
  /** The socket is gone although no event said so yet (e.g. it was destroyed). */
  readonly socketGone: boolean;
  /**
   * The driver's (or Node's) error as a WardenError, by the platform's codes, never its
   * message text. `ended`: the connection had already ended when the error was seen.
   */
  translate(error: unknown, phase: 'connect' | 'query', path: readonly string[], ended: boolean): WardenError;
}

/** A driver that can hand a query's rows over as they arrive. */
export interface StreamingDriver {
  /** One query; each row (an array of column values) goes to `onRow` as it is read, none is kept. */
  queryEach(sql: string, values: readonly unknown[], onRow: (row: unknown[]) => void): Promise<void>;
}

/** Where a session connects, for CONNECT_TIMEOUT messages. */
export interface SessionTarget {
  hostname: string;
  port: number;
}

/**
 * One connection with Warden's rules around it, the same for every technology: our own connect
 * and query deadlines (CONNECT_TIMEOUT / QUERY_TIMEOUT, whatever the driver's own timers do),
 * abort handling (an abort tears the socket down at once), capture of the connection failing
 * outside a query, tracking whether it is still usable, a polite close with a deadline, and
 * error translation through the driver. Every method either succeeds or throws a WardenError
 * (or the abort reason when the signal aborted).
 */
export class GuardedSession<Driver extends SessionDriver = SessionDriver> {
  /** The first failure the driver reported outside a query; it explains later errors best. */
  private failure: unknown;
  private ended = false;
  private closed = false;
  private stopAbortListener: (() => void) | undefined;

  private constructor(
    /** The driver, for technology-specific diagnostics (e.g. a server-side connection id). */
    readonly driver: Driver,
    private readonly timeouts: ConnectorTimeouts,
    private signal: AbortSignal,
  ) {}

  /**
   * Creates the driver and connects within `timeouts.connectMs` (CONNECT_TIMEOUT otherwise).
   * @throws WardenError translated by the driver, or the signal's abort reason.
   */
  static async open<Driver extends SessionDriver>(
    createDriver: (events: SessionEvents) => Driver,
    target: SessionTarget,
    timeouts: ConnectorTimeouts,
    signal: AbortSignal,
  ): Promise<GuardedSession<Driver>> {
    signal.throwIfAborted();
    let created: GuardedSession<Driver> | undefined;
    // Events can only arrive once connect() runs, after `created` is set.
    const driver = createDriver({ failed: (error) => created?.capture(error), ended: () => created?.markEnded() });
    const session = new GuardedSession(driver, timeouts, signal);
    created = session;
    session.stopAbortListener = onAbort(signal, () => session.destroy());
    const connectTimeout = (): Error =>
      new WardenError('CONNECT_TIMEOUT', { hostname: target.hostname, port: target.port, timeoutMs: timeouts.connectMs });
    try {
      await abortable(withTimeout(driver.connect(), timeouts.connectMs, connectTimeout), signal);
      return session;
    } catch (error) {
      const translated = session.translate(error, 'connect', []);
      session.destroy();
      throw signal.aborted ? abortReason(signal) : translated;
    }
  }

  /** The connection broke (or was closed): no further query can succeed on this session. */
  get lost(): boolean {
    return this.closed || this.ended || this.failure !== undefined || this.driver.socketGone;
  }

  /**
   * Runs one query within `timeouts.statementMs`. On a timeout the session is destroyed: the
   * server is still busy with the query, so the connection could not serve another one anyway,
   * and closing the socket makes the server abandon it.
   * @param path the object path being read, named in QUERY_TIMEOUT messages.
   */
  async query<Row extends unknown[]>(sql: string, values: readonly unknown[], path: readonly string[]): Promise<Row[]> {
    return (await this.guarded(() => this.driver.query(sql, values), path)) as Row[];
  }

  /**
   * Like {@link query}, but each row goes to `onRow` as it arrives (a driver that streams): a
   * 500,000-row answer is never held whole, and its rows die young instead of filling the heap.
   */
  forEachRow<Row extends unknown[]>(
    this: GuardedSession<Driver & StreamingDriver>,
    sql: string,
    values: readonly unknown[],
    path: readonly string[],
    onRow: (row: Row) => void,
  ): Promise<void> {
    return this.guarded(() => this.driver.queryEach(sql, values, onRow as (row: unknown[]) => void), path);
  }

  /** One driver call under the session's rules: not after a loss, within statementMs, abortable, errors translated. */
  private async guarded<T>(call: () => Promise<T>, path: readonly string[]): Promise<T> {
    this.signal.throwIfAborted();
    if (this.lost) {
      if (this.failure !== undefined) throw this.translate(this.failure, 'query', path);
      throw new WardenError('CONNECTION_LOST', {
        cause: this.closed ? 'the session was closed after an earlier error' : 'the server closed the connection',
      });
    }
    const queryTimeout = (): Error =>
      new WardenError('QUERY_TIMEOUT', { path: formatObjectPath(path), cause: `no answer within ${this.timeouts.statementMs} ms` });
    try {
      return await abortable(withTimeout(call(), this.timeouts.statementMs, queryTimeout), this.signal);
    } catch (error) {
      if (this.signal.aborted) throw abortReason(this.signal);
      if (error instanceof WardenError && error.code === 'QUERY_TIMEOUT') this.destroy();
      throw this.translate(this.failure ?? error, 'query', path);
    }
  }

  /**
   * Serves the operation of `signal` from now on (a session kept between operations, see
   * homeSessionKept): its abort tears the socket down, as the opening signal's did.
   */
  adopt(signal: AbortSignal): void {
    if (this.closed) return;
    this.stopAbortListener?.();
    this.signal = signal;
    this.stopAbortListener = onAbort(signal, () => this.destroy());
  }

  /** Ends the session politely, destroying the socket if the server does not answer in time. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopAbortListener?.();
    try {
      await withTimeout(this.driver.end(), CLOSE_GRACE_MS, () => new Error('close timed out'));
    } catch {
      this.driver.destroy();
    }
  }

  /** Tears the connection down at once (abort, timeout, failed connect). */
  private destroy(): void {
    this.closed = true;
    this.stopAbortListener?.();
    this.driver.destroy();
  }

  private capture(error: unknown): void {
    this.failure ??= error;
  }

  private markEnded(): void {
    this.ended = true;
  }

  private translate(error: unknown, phase: 'connect' | 'query', path: readonly string[]): WardenError {
    return this.driver.translate(error, phase, path, this.ended || this.driver.socketGone);
  }
}

/** What a {@link SessionPool} needs of a session. */
export interface PooledSession {
  readonly lost: boolean;
  close(): Promise<void>;
}

/**
 * At most `size` sessions shared by the readers of one crawl, so that a crawl of thousands of
 * top-level containers signs in `size` times rather than once per container (a Snowflake login
 * is an HTTP round trip, a JWT or an OAuth token request, and counts against the account's login
 * rate). A session is lent to one reader at a time; one that is lost when it comes back (a
 * dropped connection, a query timeout, which destroys it) is closed and never lent again, and
 * the next borrower signs in anew. Sessions are opened with the pool's signal, so an abort
 * tears every one of them down; close() ends the idle ones and refuses further loans.
 */
export class SessionPool<Session extends PooledSession> {
  private readonly idle: Session[] = [];
  private readonly waiting: { lend: (session: Session | undefined) => void }[] = [];
  private opened = 0;
  private closed = false;
  /** Closes of discarded sessions still under way: close() waits for them too. */
  private readonly closing = new Set<Promise<void>>();

  constructor(
    private readonly size: number,
    private readonly open: (signal: AbortSignal) => Promise<Session>,
    private readonly signal: AbortSignal,
  ) {}

  /**
   * A session for the caller alone until it gives it back with {@link release}: an idle one,
   * a new one while fewer than `size` are open, else the next one given back.
   * @throws whatever opening a session throws, or the abort reason of `signal` or the pool's.
   */
  async acquire(signal: AbortSignal): Promise<Session> {
    for (;;) {
      signal.throwIfAborted();
      this.signal.throwIfAborted();
      if (this.closed) throw new WardenError('CONNECTION_LOST', { cause: 'the crawl ended' });
      const idle = this.idle.pop();
      if (idle !== undefined) {
        if (!idle.lost) return idle;
        this.discard(idle);
        continue;
      }
      if (this.opened < this.size) {
        this.opened++;
        try {
          return await this.open(this.signal);
        } catch (error) {
          this.opened--;
          this.wakeOne();
          throw error;
        }
      }
      // Every session is lent: wait for one to come back (or for a place to open one).
      const returned = await this.nextReturned(signal);
      if (returned !== undefined) return returned;
    }
  }

  /** Gives a session back: lent to a waiting borrower or kept idle, unless it is lost (then closed). */
  release(session: Session): void {
    if (session.lost || this.closed) {
      this.discard(session);
      return;
    }
    const waiter = this.waiting.shift();
    if (waiter !== undefined) waiter.lend(session);
    else this.idle.push(session);
  }

  /** Closes the idle sessions (and waits for discarded ones to finish closing); a session still lent is closed when it comes back. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.lend(undefined);
    await Promise.all([...this.idle.splice(0).map((session) => session.close()), ...this.closing]);
  }

  /** The next session given back (undefined: a place came free), or the abort reason; an aborted waiter leaves the queue, so nothing is lent to it. */
  private nextReturned(signal: AbortSignal): Promise<Session | undefined> {
    return new Promise((resolve, reject) => {
      const linked = linkSignals([signal, this.signal]);
      const waiter = {
        lend: (session: Session | undefined) => {
          linked.dispose();
          resolve(session);
        },
      };
      this.waiting.push(waiter);
      onAbort(linked.signal, () => {
        linked.dispose();
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(abortReason(linked.signal));
      });
    });
  }

  private discard(session: Session): void {
    this.opened--;
    // close() of a lost GuardedSession only releases what is left; it never throws.
    const closed = session.close().finally(() => this.closing.delete(closed));
    this.closing.add(closed);
    this.wakeOne();
  }

  /** A place to open a session came free: the next waiter tries again. */
  private wakeOne(): void {
    this.waiting.shift()?.lend(undefined);
  }
}
