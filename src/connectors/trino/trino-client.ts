import { setTimeout as sleep } from 'node:timers/promises';
import type { HttpAnswer, HttpSockets } from './trino-http.js';

/** Trino's `QueryError`, as a failed statement reports it (its name and code are what Warden reads). */
export interface TrinoQueryError {
  message: string;
  errorCode: number;
  errorName: string;
  errorType: string;
}

/** A statement Trino ran and failed (HTTP 200 with `error`). */
export class TrinoStatementError extends Error {
  constructor(readonly queryError: TrinoQueryError) {
    super(queryError.message);
  }
}

/** An HTTP status other than 200 (401 with its challenge, 403, a gateway's 5xx that outlived the retries). */
export class TrinoHttpError extends Error {
  constructor(
    readonly status: number,
    readonly challenge: string | undefined,
    body: string,
  ) {
    super(`HTTP ${status}${body === '' ? '' : `: ${body.slice(0, 200)}`}`);
  }
}

/** The fields of `QueryResults` the client follows. */
interface QueryResults {
  nextUri?: string;
  data?: unknown[][];
  error?: TrinoQueryError;
}

/** Statuses a gateway or load balancer answers while Trino is briefly unavailable: retried. */
const RETRIED_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);
/** Query errors that say "try again later", not "this statement is wrong": retried from the POST. */
const RETRIED_ERRORS: ReadonlySet<string> = new Set(['SERVER_STARTING_UP', 'QUERY_QUEUE_FULL', 'NO_NODES_AVAILABLE']);
/** Backoff between retries: doubling from the first delay up to the cap, until the caller's deadline aborts. */
const FIRST_RETRY_DELAY_MS = 50;
const MAX_RETRY_DELAY_MS = 2_000;
/** How long a cancel (DELETE of the next URI) may take; nobody waits for it. */
const CANCEL_TIMEOUT_MS = 2_000;

/**
 * Trino's client REST protocol over one connection's sockets: `POST /v1/statement`, then
 * `GET nextUri` until it is absent, checking `error` on every page. A statement that is
 * cancelled (a deadline, an abort, close) is cancelled on the server too, by `DELETE` of its
 * next URI. Gateways' 502/503/504 and Trino's SERVER_STARTING_UP / QUERY_QUEUE_FULL /
 * NO_NODES_AVAILABLE are retried with backoff for as long as the caller lets it run: the
 * deadline is the caller's (see GuardedSession), the client has no timers of its own.
 */
export class TrinoClient {
  /** Aborted by cancel(): every request of the running statement listens to it. */
  private readonly cancelled = new AbortController();
  /** The next URI of the running statement, to cancel it on the server. */
  private nextUri: string | undefined;

  constructor(
    private readonly sockets: HttpSockets,
    /** `https://host:port` or `http://host:port`. */
    private readonly baseUrl: string,
    /** Authorization and X-Trino-User (sent on every request: Trino authenticates each). */
    private readonly headers: Readonly<Record<string, string>>,
  ) {}

  /** `GET /v1/info` (no authentication): the server answers and is not starting any more. */
  async waitUntilStarted(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const answer = await this.send('GET', `${this.baseUrl}/v1/info`);
      if (answer.status === 200 && (JSON.parse(answer.body) as { starting?: boolean }).starting !== true) return;
      if (answer.status !== 200 && !RETRIED_STATUSES.has(answer.status)) throw new TrinoHttpError(answer.status, undefined, answer.body);
      await this.backoff(attempt);
    }
  }

  /** Runs one statement and returns every row, in order. */
  async execute(sql: string): Promise<unknown[][]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.follow(await this.page('POST', `${this.baseUrl}/v1/statement`, sql));
      } catch (error) {
        if (!(error instanceof TrinoStatementError && RETRIED_ERRORS.has(error.queryError.errorName))) throw error;
        await this.backoff(attempt);
      }
    }
  }

  /** Stops the running statement: its requests are aborted, and Trino is told to cancel it. */
  cancel(): void {
    this.cancelled.abort(new Error('the Trino statement was cancelled'));
    const nextUri = this.nextUri;
    this.nextUri = undefined;
    if (nextUri === undefined) {
      this.sockets.destroy();
      return;
    }
    this.sockets
      .request({ method: 'DELETE', url: nextUri, headers: { ...this.headers }, signal: AbortSignal.timeout(CANCEL_TIMEOUT_MS) })
      .catch(() => undefined)
      .finally(() => this.sockets.destroy());
  }

  private async follow(first: QueryResults): Promise<unknown[][]> {
    const rows: unknown[][] = [];
    let page = first;
    for (;;) {
      if (page.error !== undefined) throw new TrinoStatementError(page.error);
      if (page.data !== undefined) rows.push(...page.data);
      this.nextUri = page.nextUri;
      if (page.nextUri === undefined) return rows;
      page = await this.page('GET', page.nextUri);
    }
  }

  /** One page of QueryResults, retrying the same request on a gateway's 502/503/504. */
  private async page(method: 'GET' | 'POST', url: string, body?: string): Promise<QueryResults> {
    for (let attempt = 0; ; attempt++) {
      const answer = await this.send(method, url, body);
      if (answer.status === 200) return JSON.parse(answer.body) as QueryResults;
      if (!RETRIED_STATUSES.has(answer.status)) throw new TrinoHttpError(answer.status, header(answer, 'www-authenticate'), answer.body);
      await this.backoff(attempt);
    }
  }

  private send(method: 'GET' | 'POST', url: string, body?: string): Promise<HttpAnswer> {
    const headers: Record<string, string> = { ...this.headers };
    // The statement is the raw body; Trino reads it as UTF-8 text.
    if (body !== undefined) headers['Content-Type'] = 'text/plain; charset=utf-8';
    return this.sockets.request({ method, url, headers, ...(body === undefined ? {} : { body }), signal: this.cancelled.signal });
  }

  private async backoff(attempt: number): Promise<void> {
    const delay = Math.min(FIRST_RETRY_DELAY_MS * 2 ** attempt, MAX_RETRY_DELAY_MS);
    await sleep(delay, undefined, { signal: this.cancelled.signal });
  }
}

function header(answer: HttpAnswer, name: string): string | undefined {
  const value = answer.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
