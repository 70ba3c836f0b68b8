import { WardenError } from '../../errors.js';
import type { ConnectorTimeouts } from '../connector.js';
import { abortReason, linkSignals } from '../connector-runtime.js';
import { formatObjectPath } from '../shared/network-errors.js';
import { tokenUrl, workspaceUrl, type DatabricksConnectionDetails } from './databricks-config.js';
import { DatabricksHttpError, translateDatabricksError } from './databricks-errors.js';

/** An access token is used until this long before it expires (Databricks' last an hour). */
const TOKEN_REFRESH_MARGIN_MS = 60_000;
/** The first wait before retrying a 5xx (or a 429 without Retry-After); doubled each time. */
const FIRST_BACKOFF_MS = 200;

interface CachedToken {
  value: string;
  /** Epoch ms after which the token is asked for anew. */
  refreshAt: number;
}

/**
 * The REST client of one Databricks connection: plain `fetch` with our own deadline per call
 * (the statement timeout covers a call with its retries), the authentication header of its
 * type, and the retries the API documents as safe: 429 after its Retry-After, 5xx with
 * backoff, each only while the deadline allows. The OAuth M2M access token is shared by every
 * call of the connector, kept until shortly before it expires and asked for again on a 401.
 *
 * Every failure is a WardenError (databricks-errors.ts); every answer counts in
 * {@link requests} (the bench reports it).
 */
export class DatabricksClient {
  requests = 0;
  private token: Promise<CachedToken> | undefined;
  private readonly base: string;

  constructor(
    private readonly details: DatabricksConnectionDetails,
    private readonly timeouts: ConnectorTimeouts,
    private readonly now: () => number = Date.now,
  ) {
    this.base = workspaceUrl(details);
  }

  /** GET `path` with `query`, as JSON; `objectPath` names what is read in errors. */
  get<T>(path: string, query: Record<string, string>, objectPath: readonly string[], signal: AbortSignal): Promise<T> {
    return this.call<T>({ method: 'GET', path: `${path}?${new URLSearchParams(query).toString()}` }, objectPath, signal);
  }

  /** POST `body` as JSON to `path`. */
  post<T>(path: string, body: unknown, objectPath: readonly string[], signal: AbortSignal): Promise<T> {
    return this.call<T>({ method: 'POST', path, body: JSON.stringify(body) }, objectPath, signal);
  }

  private async call<T>(request: { method: string; path: string; body?: string }, objectPath: readonly string[], signal: AbortSignal): Promise<T> {
    const deadline = this.now() + this.timeouts.statementMs;
    let backoff = FIRST_BACKOFF_MS;
    let refreshed = false;
    try {
      for (;;) {
        const token = await this.accessToken(deadline, signal);
        const authorization = `Bearer ${token?.value ?? this.details.token ?? ''}`;
        const answer = await this.send(`${this.base}${request.path}`, { method: request.method, headers: { Authorization: authorization, Accept: 'application/json', ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }) }, body: request.body }, deadline, signal, objectPath);
        if (answer.ok) return (await readJson(answer)) as T;
        const errorCode = await errorCodeOf(answer);
        if (answer.status === 401 && this.details.authenticationType === 'oAuthM2M' && !refreshed) {
          // The token expired or was revoked before its time: one new token, one more try. Only
          // the first of the calls that used it drops it, so concurrent 401s ask for one token.
          refreshed = true;
          const current = await this.token?.catch(() => undefined);
          if (current !== undefined && current.value === token?.value) this.token = undefined;
          continue;
        }
        const wait = answer.status === 429 ? retryAfterMs(answer.headers.get('retry-after')) ?? backoff : answer.status >= 500 ? backoff : undefined;
        if (wait === undefined || this.now() + wait >= deadline) throw new DatabricksHttpError(answer.status, errorCode);
        await sleep(wait, signal);
        backoff *= 2;
      }
    } catch (error) {
      if (signal.aborted) throw abortReason(signal);
      throw translateDatabricksError(error, { details: this.details, path: objectPath, tokenUrl: tokenUrl(this.details) });
    }
  }

  /** One fetch bounded by the deadline; a deadline that passes is QUERY_TIMEOUT. */
  private async send(url: string, init: RequestInit, deadline: number, signal: AbortSignal, objectPath: readonly string[]): Promise<Response> {
    const remaining = deadline - this.now();
    const timeout = new WardenError('QUERY_TIMEOUT', { path: formatObjectPath(objectPath), cause: `no answer within ${this.timeouts.statementMs} ms` });
    if (remaining <= 0) throw timeout;
    const linked = linkSignals([signal, AbortSignal.timeout(remaining)]);
    try {
      this.requests++;
      const answer = await fetch(url, { ...init, signal: linked.signal });
      // The body is read under the same deadline: a stall mid-body is a timeout too.
      const body = await answer.arrayBuffer();
      return new Response(body, { status: answer.status, headers: answer.headers });
    } catch (error) {
      if (!signal.aborted && linked.signal.aborted) throw timeout;
      throw error;
    } finally {
      linked.dispose();
    }
  }

  /** The OAuth access token to send (undefined for a personal access token): the cached one until its refresh time. */
  private accessToken(deadline: number, signal: AbortSignal): Promise<CachedToken> | undefined {
    if (this.details.authenticationType !== 'oAuthM2M') return undefined;
    const current = this.token;
    if (current === undefined) return this.renewToken(undefined, deadline, signal);
    return current.then((cached) => (this.now() < cached.refreshAt ? cached : this.renewToken(current, deadline, signal)));
  }

  /** Asks for a new token unless another call already replaced `stale`; a failed request is not kept. */
  private renewToken(stale: Promise<CachedToken> | undefined, deadline: number, signal: AbortSignal): Promise<CachedToken> {
    if (this.token !== stale && this.token !== undefined) return this.token;
    const requested = this.requestToken(deadline, signal);
    this.token = requested;
    requested.catch(() => {
      if (this.token === requested) this.token = undefined;
    });
    return requested;
  }

  /** The client-credentials grant as Databricks documents it: HTTP Basic with the id and secret, scope all-apis. */
  private async requestToken(deadline: number, signal: AbortSignal): Promise<CachedToken> {
    const config = this.details.oAuthClientConfig!;
    const credentials = Buffer.from(`${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`, 'utf8').toString('base64');
    const answer = await this.send(
      tokenUrl(this.details),
      {
        method: 'POST',
        headers: { Authorization: `Basic ${credentials}`, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: config.scope }).toString(),
      },
      deadline,
      signal,
      [],
    );
    const parsed = (await readJson(answer).catch(() => undefined)) as { access_token?: unknown; expires_in?: unknown; error?: unknown } | undefined;
    if (!answer.ok) throw new DatabricksHttpError(answer.status, typeof parsed?.error === 'string' ? parsed.error : undefined, true);
    if (typeof parsed?.access_token !== 'string' || parsed.access_token === '') throw new DatabricksHttpError(answer.status, 'no access_token', true);
    const lifetimeMs = typeof parsed.expires_in === 'number' ? parsed.expires_in * 1000 : 3_600_000;
    // A short-lived token is refreshed at half its life rather than never used.
    return { value: parsed.access_token, refreshAt: this.now() + Math.max(lifetimeMs - TOKEN_REFRESH_MARGIN_MS, lifetimeMs / 2) };
  }
}

async function readJson(answer: Response): Promise<unknown> {
  return JSON.parse(await answer.text());
}

/** Databricks' `error_code` (the API's) or `error` (OAuth's) of an error answer, when its body has one. */
async function errorCodeOf(answer: Response): Promise<string | undefined> {
  const parsed = (await readJson(answer).catch(() => undefined)) as { error_code?: unknown; error?: unknown } | undefined;
  const code = parsed?.error_code ?? parsed?.error;
  return typeof code === 'string' ? code : undefined;
}

/** Retry-After in seconds (the form Databricks sends) or as an HTTP date. */
function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Waits `ms`, or rejects with the abort reason as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      signal.removeEventListener('abort', aborted);
      resolve();
    }
    function aborted(): void {
      clearTimeout(timer);
      reject(abortReason(signal));
    }
    signal.addEventListener('abort', aborted, { once: true });
  });
}
