import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { Duplex } from 'node:stream';
import { eventually } from './polling.js';

export interface ApiResponse<T = any> {
  status: number;
  headers: IncomingHttpHeaders;
  body: T;
}

/** How long a pooled connection may stay idle: well before the server's keep-alive timeout (5 s by default). */
const IDLE_MS = 1_000;

/**
 * Reuses connections, but none idle for {@link IDLE_MS} or more. Node's global agent keeps idle
 * sockets exactly 5 s, so a request sent as the server closes its side went out on a dead socket
 * (ECONNRESET) whenever a test paused ~5 s. The agent's idle timer alone is not enough: a test's
 * synchronous stretch (the fuzzer generating its requests, seconds on a loaded machine) holds
 * it back in the same loop as the server's, and the first requests after it went out on sockets
 * idle past the server's timeout. So the clock is read before a socket is handed out.
 */
class FreshConnectionAgent extends Agent {
  readonly #idleSince = new WeakMap<Duplex, number>();

  constructor() {
    super({ keepAlive: true, timeout: IDLE_MS });
  }

  override keepSocketAlive(socket: Duplex): void {
    this.#idleSince.set(socket, performance.now());
    // Node reads the answer (false: not kept); the typings call it void.
    return super.keepSocketAlive(socket);
  }

  /** Closes the pooled sockets idle too long (the agent skips closed ones: they are its oldest). */
  dropStale(): void {
    const now = performance.now();
    for (const sockets of Object.values(this.freeSockets)) {
      for (const socket of sockets ?? []) if (now - (this.#idleSince.get(socket) ?? now) >= IDLE_MS) socket.destroy();
    }
  }
}

const agent = new FreshConnectionAgent();

/** Sends one request to a Warden API and parses the answer (JSON, else the text); see {@link apiRequest}. */
export type ApiRequest = <T = any>(method: string, path: string, body?: unknown, options?: { apiKey?: string | null; headers?: Record<string, string | null> }) => Promise<ApiResponse<T>>;

/**
 * The one way tests call the API. `path` goes on the wire exactly as given, through `node:http`:
 * `fetch` would resolve `.`/`..` segments (even `%2E`) first, and tests must be able to send those.
 * A string body is sent as is (malformed JSON on purpose); anything else as JSON. A header in
 * `options.headers` wins over the one this sets (a wrong content-type, a bogus authorization),
 * and `null` leaves that header out.
 */
export function apiRequest(baseUrl: string, defaultKey: string | null): ApiRequest {
  const base = new URL(baseUrl);
  return (method, path, body, options = {}) => {
    const key = options.apiKey === undefined ? defaultKey : options.apiKey;
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const defaults: Record<string, string> = {};
    if (key !== null) defaults.authorization = `Bearer ${key}`;
    if (payload !== undefined) {
      defaults['content-type'] = 'application/json';
      // Without it node:http frames no body at all on DELETE (it chunks only POST and PUT).
      defaults['content-length'] = String(Buffer.byteLength(payload));
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries({ ...defaults, ...options.headers })) if (value !== null) headers[name] = value;
    agent.dropStale();
    return new Promise((resolve, reject) => {
      const request = httpRequest({ hostname: base.hostname, port: base.port, method, path, headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: parseBody(text) });
        });
      });
      request.on('error', reject);
      request.end(payload);
    });
  };
}

function parseBody(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON (the docs page, an empty body): keep the text.
    return text;
  }
}

/** Polls `GET /jobs/{id}` until the job leaves created/active and returns it; fails after `timeoutMs`. */
export async function waitForJobThrough(request: ApiRequest, id: string, timeoutMs = 30_000): Promise<any> {
  return eventually(
    async () => {
      const { status, body } = await request<any>('GET', `/jobs/${id}`);
      if (status !== 200) throw new Error(`GET /jobs/${id} answered ${status}: ${JSON.stringify(body)}`);
      return body.state === 'created' || body.state === 'active' ? null : body;
    },
    { timeout: timeoutMs, what: `the end of job ${id}` },
  );
}
