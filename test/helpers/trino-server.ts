/**
 * Test access to the real Trino that `scripts/test-servers/trino.sh start` runs: where it
 * listens, its CA, user, password and JWT signing key (from the connection.json the script
 * writes, `WARDEN_TEST_TRINO_INFO` or `~/.cache/warden-test-servers/trino-run/connection.json`),
 * an administrator query, sandbox catalogs, a plain-HTTP relay (so the TCP proxy can read query
 * text) and a token endpoint for the oAuth2 authentication type.
 *
 * When the server is not running, suites are skipped with the reason — except under `CI=true`,
 * where importing this module throws (.ci/run starts the server, so it must be there).
 */
import { createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { TrinoClient } from '../../src/connectors/trino/trino-client.js';
import type { TrinoConnectionDetails } from '../../src/connectors/trino/trino-config.js';
import { HttpSockets } from '../../src/connectors/trino/trino-http.js';

/** What the script writes to connection.json. */
export interface TrinoServerInfo {
  version: string;
  hostname: string;
  httpsPort: number;
  httpPort: number;
  ca: string;
  username: string;
  password: string;
  /** PEM private key whose public half Trino's JWT authenticator trusts. */
  jwtPrivateKey: string;
  /** The JDBC URL of the `pg` catalog's PostgreSQL database. */
  pgJdbcUrl: string;
}

export const TRINO_INFO_FILE =
  process.env.WARDEN_TEST_TRINO_INFO ?? join(homedir(), '.cache', 'warden-test-servers', 'trino-run', 'connection.json');

const PROBE_TIMEOUT_MS = 3_000;

/** The server's connection info, or undefined when it is not there (see {@link trinoSkipReason}). */
export let trinoServer: TrinoServerInfo | undefined;

/** Why Trino suites are skipped here, or null. Throws at import under `CI=true`. */
export const trinoSkipReason: string | null = await probe();
if (trinoSkipReason !== null && process.env.CI === 'true') {
  throw new Error(`CI=true but the Trino test server is unusable: ${trinoSkipReason}`);
}

async function probe(): Promise<string | null> {
  let info: TrinoServerInfo;
  try {
    info = JSON.parse(readFileSync(TRINO_INFO_FILE, 'utf8')) as TrinoServerInfo;
  } catch {
    return `no Trino test server (${TRINO_INFO_FILE} is missing; start one with scripts/test-servers/trino.sh start)`;
  }
  try {
    const answer = await fetch(`http://${info.hostname}:${info.httpPort}/v1/info`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    const body = (await answer.json()) as { starting?: boolean };
    if (body.starting !== false) return `the Trino test server on port ${info.httpPort} is still starting`;
  } catch (error) {
    return `the Trino test server on port ${info.httpPort} does not answer (${(error as Error).message}); start it with scripts/test-servers/trino.sh start`;
  }
  trinoServer = info;
  return null;
}

function server(): TrinoServerInfo {
  if (trinoServer === undefined) throw new Error(`Trino is not available: ${trinoSkipReason}`);
  return trinoServer;
}

/** userPassword over HTTPS, verified against the script's CA. */
export function passwordDetails(overrides: Partial<TrinoConnectionDetails> = {}): TrinoConnectionDetails {
  const info = server();
  return {
    technology: 'Trino',
    authenticationType: 'userPassword',
    hostname: info.hostname,
    port: info.httpsPort,
    tls: { mode: 'verify-full', ca: info.ca },
    username: info.username,
    password: info.password,
    ...overrides,
  };
}

/**
 * Runs one statement as the administrator over HTTPS, in `catalog`.`schema` when given, and
 * returns its rows (through Warden's own REST client).
 */
export async function trinoAdmin(sql: string, session: { catalog?: string; schema?: string } = {}): Promise<unknown[][]> {
  const info = server();
  const sockets = new HttpSockets({ ca: info.ca, rejectUnauthorized: true });
  const headers: Record<string, string> = {
    Authorization: `Basic ${Buffer.from(`${info.username}:${info.password}`).toString('base64')}`,
    'X-Trino-User': info.username,
  };
  if (session.catalog !== undefined) headers['X-Trino-Catalog'] = session.catalog;
  if (session.schema !== undefined) headers['X-Trino-Schema'] = session.schema;
  try {
    return await new TrinoClient(sockets, `https://${info.hostname}:${info.httpsPort}`, headers).execute(sql);
  } finally {
    sockets.destroy();
  }
}

/** A quoted Trino identifier. */
export function quoteTrino(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Creates sandbox catalogs (memory connector) for one test file and drops them in {@link cleanup}. */
export class TrinoTestContext {
  private readonly catalogs: string[] = [];
  private counter = 0;

  /** A new memory catalog `warden_test_<pid>_<n>_<label>`; its tables go in schema `default`. */
  async createCatalog(label: string): Promise<string> {
    return this.create(label, 'memory');
  }

  /**
   * A new PostgreSQL catalog on the `pg` catalog's database, with Trino's default exact name
   * matching (the `pg` catalog matches case-insensitively).
   */
  async createPostgresCatalog(label: string): Promise<string> {
    const { pgJdbcUrl } = server();
    return this.create(label, `postgresql WITH ("connection-url" = '${pgJdbcUrl}', "connection-user" = 'postgres', "connection-password" = '')`);
  }

  private async create(label: string, using: string): Promise<string> {
    // Catalog names are lower-case letters, digits and underscores.
    const safe = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
    const name = `warden_test_${process.pid}_${++this.counter}_${randomBytes(3).toString('hex')}${safe === '' ? '' : `_${safe}`}`;
    await trinoAdmin(`CREATE CATALOG ${quoteTrino(name)} USING ${using}`);
    this.catalogs.push(name);
    return name;
  }

  async cleanup(): Promise<void> {
    for (const name of this.catalogs.splice(0)) await trinoAdmin(`DROP CATALOG IF EXISTS ${quoteTrino(name)}`);
  }
}

/**
 * A plain-HTTP relay in front of Trino's HTTPS port, on 127.0.0.1: every request is forwarded
 * as it is (credentials included) and every answer comes from the real server, with the next
 * URIs pointed back at whatever address the client used. Trino takes passwords over HTTPS
 * only; with the relay, the TCP fault proxy in front of it can see (and cut or stall on) the
 * query text.
 */
export class TrinoRelay {
  /** Gateway answers to give instead of forwarding (see {@link failNext}). */
  private failures: { count: number; status: number } = { count: 0, status: 503 };
  /** Requests that reached the relay, and how many of them were statements (POST /v1/statement). */
  requests = 0;
  statements = 0;

  private constructor(
    private readonly listener: http.Server,
    readonly port: number,
  ) {}

  static async start(): Promise<TrinoRelay> {
    const info = server();
    const agent = new https.Agent({ ca: info.ca, keepAlive: true });
    const upstream = `https://${info.hostname}:${info.httpsPort}`;
    let relay: TrinoRelay | undefined;
    const listener = http.createServer((request, response) => {
      relay!.requests++;
      if (request.method === 'POST' && request.url === '/v1/statement') relay!.statements++;
      if (relay!.failures.count > 0) {
        relay!.failures.count--;
        request.resume();
        response.writeHead(relay!.failures.status, { 'Content-Type': 'text/plain' }).end('gateway says no');
        return;
      }
      const forwarded = https.request(
        `${upstream}${request.url}`,
        { method: request.method, headers: { ...request.headers, host: `${info.hostname}:${info.httpsPort}` }, agent },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8').split(upstream).join(`http://${request.headers.host}`);
            // The body was read whole and may have changed length: sent with its own length, not chunked.
            const { 'transfer-encoding': _chunked, ...headers } = { ...answer.headers, 'content-length': String(Buffer.byteLength(body)) };
            response.writeHead(answer.statusCode ?? 502, headers).end(body);
          });
        },
      );
      forwarded.on('error', () => response.destroy());
      request.pipe(forwarded);
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    relay = new TrinoRelay(listener, (listener.address() as AddressInfo).port);
    return relay;
  }

  /** The next `count` requests are answered `status` (a gateway's 502/503/504) without reaching Trino. */
  failNext(count: number, status = 503): void {
    this.failures = { count, status };
  }

  /** Connection details through the relay (plain HTTP to it, HTTPS from it to Trino). */
  details(overrides: Partial<TrinoConnectionDetails> = {}): TrinoConnectionDetails {
    return passwordDetails({ hostname: '127.0.0.1', port: this.port, tls: { mode: 'disable' }, ...overrides });
  }

  close(): Promise<void> {
    this.listener.closeAllConnections();
    return new Promise((resolve) => this.listener.close(() => resolve()));
  }
}

/**
 * A client-credentials token endpoint on 127.0.0.1 that issues RS256 JWTs whose `sub` is the
 * client id, signed with the key Trino trusts (or, `untrusted`, with a key of its own, so
 * Trino refuses them). Bad client credentials get 401 `invalid_client`.
 */
export class TokenEndpoint {
  readonly clientId = 'warden';
  readonly clientSecret = `secret-${randomBytes(8).toString('hex')}`;
  /** Tokens handed out, to count requests. */
  issued = 0;

  private constructor(
    private readonly listener: http.Server,
    readonly url: string,
  ) {}

  static async start(options: { untrusted?: boolean } = {}): Promise<TokenEndpoint> {
    const key = options.untrusted
      ? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
      : server().jwtPrivateKey;
    let endpoint: TokenEndpoint | undefined;
    const listener = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => endpoint!.answer(request, Buffer.concat(chunks).toString('utf8'), response, key));
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    endpoint = new TokenEndpoint(listener, `http://127.0.0.1:${(listener.address() as AddressInfo).port}/token`);
    return endpoint;
  }

  /** oAuth2 connection details for this endpoint (over HTTPS, verified). */
  details(overrides: { clientSecret?: string } = {}): TrinoConnectionDetails {
    const { username: _user, password: _password, ...base } = passwordDetails();
    return {
      ...base,
      authenticationType: 'oAuth2',
      oAuthClientConfig: { tokenUrl: this.url, clientId: this.clientId, clientSecret: overrides.clientSecret ?? this.clientSecret },
    };
  }

  close(): Promise<void> {
    this.listener.closeAllConnections();
    return new Promise((resolve) => this.listener.close(() => resolve()));
  }

  private answer(request: http.IncomingMessage, body: string, response: http.ServerResponse, key: string): void {
    const expected = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64')}`;
    const json = (status: number, value: unknown): void => {
      response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
    };
    if (request.method !== 'POST' || new URLSearchParams(body).get('grant_type') !== 'client_credentials') {
      return json(400, { error: 'unsupported_grant_type' });
    }
    if (request.headers.authorization !== expected) return json(401, { error: 'invalid_client' });
    this.issued++;
    json(200, { access_token: signJwt({ sub: this.clientId, exp: Math.floor(Date.now() / 1000) + 300 }, key), token_type: 'Bearer', expires_in: 300 });
  }
}

function signJwt(payload: Record<string, unknown>, privateKey: string): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(payload)}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url')}`;
}
