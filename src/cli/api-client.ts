import { existsSync, readFileSync } from 'node:fs';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { resolve } from 'node:path';
import { ADMIN_KEY_FILE } from '../services/auth-service.js';

/** The API answered with an error body `{statusCode, error, message, code}`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The server could not be reached at all (refused, unknown host, no answer). */
export class ServerUnreachableError extends Error {
  override readonly name = 'ServerUnreachableError';
}

/** The client cannot be set up: a malformed server URL or no API key anywhere. */
export class ClientConfigError extends Error {
  override readonly name = 'ClientConfigError';
  constructor(
    message: string,
    /** True when the user passed something malformed (exit 2), false when something is missing (exit 1). */
    readonly usage: boolean,
  ) {
    super(message);
  }
}

/** Where the API key comes from, for messages (never the key itself). */
type KeySource = { kind: 'value'; value: string; origin: string } | { kind: 'file'; file: string };

export interface ApiClientOptions {
  /** The API's base URL, e.g. `http://127.0.0.1:8080` (a path prefix behind a proxy is kept). */
  baseUrl: string;
  key: KeySource;
  /** Gives up on a request that gets no answer for this long. */
  timeoutMs?: number;
}

/**
 * The server and key the CLI talks to: `--url`, else `WARDEN_URL`, else
 * `http://127.0.0.1:${WARDEN_PORT ?? 8080}`; `--api-key`, else `WARDEN_API_KEY`, else
 * `WARDEN_ADMIN_API_KEY` (the server's configured admin key), else the admin key file the
 * server writes in its data directory (`WARDEN_DATA_DIR`, default `./.warden`).
 */
export function resolveClientOptions(flags: { url?: string | undefined; apiKey?: string | undefined }, env: NodeJS.ProcessEnv): ApiClientOptions {
  const baseUrl = flags.url || env.WARDEN_URL || `http://127.0.0.1:${env.WARDEN_PORT || 8080}`;
  const origin = flags.url ? '--url' : env.WARDEN_URL ? 'WARDEN_URL' : 'the default';
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new ClientConfigError(`${origin} "${baseUrl}" is not a URL; expected e.g. http://127.0.0.1:8080`, true);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ClientConfigError(`${origin} "${baseUrl}" must start with http:// or https://`, true);
  }
  const key: KeySource = flags.apiKey
    ? { kind: 'value', value: flags.apiKey, origin: '--api-key' }
    : env.WARDEN_API_KEY
      ? { kind: 'value', value: env.WARDEN_API_KEY, origin: 'WARDEN_API_KEY' }
      : env.WARDEN_ADMIN_API_KEY
        ? { kind: 'value', value: env.WARDEN_ADMIN_API_KEY, origin: 'WARDEN_ADMIN_API_KEY' }
        : { kind: 'file', file: resolve(env.WARDEN_DATA_DIR || '.warden', ADMIN_KEY_FILE) };
  return { baseUrl, key };
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
}

/**
 * A small client of the Warden API. Object paths travel as JSON arrays (the `objectPath` query
 * parameter or body field), never in the URL path: WHATWG URL parsing, which `fetch` applies,
 * resolves the segments `.`, `..`, `%2E` and `%2E%2E`, and a table may be named `..`. Paths are
 * passed already encoded and sent as they are, with `node:http`.
 */
export class ApiClient {
  private readonly base: URL;
  private readonly agent: HttpAgent;
  private key: string | null = null;

  constructor(private readonly options: ApiClientOptions) {
    this.base = new URL(options.baseUrl);
    this.agent = this.base.protocol === 'https:' ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  }

  /** The base URL, for messages. */
  get url(): string {
    return this.options.baseUrl;
  }

  get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('POST', path, options);
  }

  put<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PUT', path, options);
  }

  delete<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('DELETE', path, options);
  }

  /**
   * Sends one request and parses the JSON answer. Throws {@link ApiError} with the API's
   * message for an error status, {@link ServerUnreachableError} when there is no answer.
   */
  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: `Bearer ${this.apiKey()}`,
      'user-agent': 'warden-cli',
    };
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    const { status, text } = await this.send(method, this.requestPath(path, options.query), headers, payload);
    const body = parseJson(text);
    if (status >= 200 && status < 300 && typeof body !== 'string') return body as T;
    throw this.toApiError(status, body, text);
  }

  /** Closes kept-alive sockets so a finished command does not hold the process open. */
  close(): void {
    this.agent.destroy();
  }

  private apiKey(): string {
    if (this.key !== null) return this.key;
    const source = this.options.key;
    if (source.kind === 'value') {
      this.key = source.value;
      return this.key;
    }
    const value = existsSync(source.file) ? readFileSync(source.file, 'utf8').trim() : '';
    if (!value) {
      throw new ClientConfigError(
        `No API key: set WARDEN_API_KEY, or run the CLI where the server keeps its data (${source.file} not found; ` +
          'WARDEN_DATA_DIR names the data directory)',
        false,
      );
    }
    this.key = value;
    return value;
  }

  private requestPath(path: string, query: RequestOptions['query']): string {
    const prefix = this.base.pathname.replace(/\/+$/, '');
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) search.set(name, String(value));
    const qs = search.toString();
    return `${prefix}${path}${qs ? `?${qs}` : ''}`;
  }

  private send(method: string, path: string, headers: Record<string, string>, payload: string | undefined): Promise<{ status: number; text: string }> {
    const timeoutMs = this.options.timeoutMs ?? 120_000;
    const send = this.base.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolvePromise, reject) => {
      const request = send(
        {
          protocol: this.base.protocol,
          hostname: this.base.hostname.replace(/^\[(.*)\]$/, '$1'),
          port: this.base.port || undefined,
          path,
          method,
          headers,
          agent: this.agent,
          timeout: timeoutMs,
        },
        (response: IncomingMessage) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', (error) => reject(this.unreachable(error)));
          response.on('end', () => resolvePromise({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      request.on('timeout', () => request.destroy(Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { code: 'ETIMEDOUT' })));
      request.on('error', (error) => reject(this.unreachable(error)));
      request.end(payload);
    });
  }

  private unreachable(error: Error & { code?: string }): ServerUnreachableError {
    const code = error.code ?? 'ERROR';
    const why = code === 'ECONNREFUSED' ? 'connection refused' : code === 'ENOTFOUND' ? 'unknown host' : `${code}: ${error.message}`;
    const hint =
      code === 'ECONNREFUSED'
        ? 'is the server running? start it with `warden serve`, or point the CLI at it with --url or WARDEN_URL'
        : 'check --url / WARDEN_URL and that the server is running';
    return new ServerUnreachableError(`Cannot reach the Warden API at ${this.options.baseUrl} (${why}): ${hint}`);
  }

  private toApiError(status: number, body: unknown, text: string): ApiError {
    if (isErrorBody(body)) {
      const hint = status === 401 ? ` (the CLI sent the key from ${this.keyOrigin()})` : '';
      return new ApiError(status, body.code ?? 'UNKNOWN', `${body.message}${hint}`);
    }
    const snippet = text.trim().slice(0, 200);
    return new ApiError(
      status,
      'UNEXPECTED_RESPONSE',
      `HTTP ${status} from ${this.options.baseUrl} is not a Warden API answer${snippet ? `: ${snippet}` : ''}; check --url / WARDEN_URL`,
    );
  }

  private keyOrigin(): string {
    const source = this.options.key;
    return source.kind === 'value' ? source.origin : source.file;
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function isErrorBody(body: unknown): body is { statusCode: number; message: string; code?: string } {
  return typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string';
}
