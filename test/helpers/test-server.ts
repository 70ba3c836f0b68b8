import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll } from 'vitest';
import type { Clock } from '../../src/clock.js';
import { loadConfig, type Config } from '../../src/config.js';
import { encodeObjectPath } from '../../src/domain/object-path.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { apiRequest, waitForJobThrough, type ApiRequest } from './api-request.js';
import { createStoreDatabase, type StoreKind } from './store-kinds.js';

export type { ApiResponse } from './api-request.js';

/** A real Warden server on a random port with its own data directory, for API and CLI tests. */
export interface TestServer {
  url: string;
  apiKey: string;
  dataDir: string;
  server: RunningServer;
  /** Every log line the server wrote (JSON text), for asserting that no secret is logged. */
  logs: string[];
  /** Sends a request with the admin key (unless `apiKey: null`), the path exactly as given, and parses the JSON answer. */
  request: ApiRequest;
  /** Polls a job until it leaves created/active; fails after `timeoutMs`. */
  waitForJob(id: string, timeoutMs?: number): Promise<any>;
  close(): Promise<void>;
}

/** Where a test server keeps its store: embedded SQLite (default) or a fresh PostgreSQL database. */
export interface TestServerOptions {
  store?: StoreKind;
  /** The server's clock (the system clock by default): a test sets the time instead of waiting. */
  clock?: Clock;
}

export async function startTestServer(overrides: Partial<Config> = {}, options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-test-'));
  const database = options.store === 'postgres' ? await createStoreDatabase() : null;
  const apiKey = `test_${randomBytes(24).toString('base64url')}`;
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const config: Config = {
    ...loadConfig({}),
    dataDir,
    port: 0,
    demo: false,
    adminApiKey: apiKey,
    logLevel: 'debug',
    connectTimeoutMs: 3_000,
    statementTimeoutMs: 20_000,
    ...(database && { databaseUrl: database.url }),
    ...overrides,
  };
  let server: RunningServer;
  try {
    server = await startServer(config, { logger: createLogger(config.logLevel, sink), ...(options.clock && { clock: options.clock }) });
  } catch (error) {
    await database?.cleanup();
    throw error;
  }

  const request = apiRequest(server.url, apiKey);

  return {
    url: server.url,
    apiKey,
    dataDir,
    server,
    logs,
    request,
    waitForJob: (id, timeoutMs) => waitForJobThrough(request, id, timeoutMs),
    async close() {
      await server.close();
      await database?.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Percent-encodes each segment of an object path for a URL, as the API expects it. */
export function urlPath(...segments: string[]): string {
  return encodeObjectPath(segments);
}

/**
 * Declares, inside a describe block, one test server and one PostgreSQL test context for the
 * suite, both torn down after it. Read them through the getters once the suite started.
 */
export function useServerWithPostgres<Pg extends { cleanup(): Promise<void> }>(
  createPg: () => Pg,
  store: StoreKind = 'sqlite',
): { server(): TestServer; pg: Pg } {
  const pg = createPg();
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer({}, { store });
  });
  afterAll(async () => {
    await server?.close();
    await pg.cleanup();
  });
  return {
    pg,
    server: () => {
      if (!server) throw new Error('the test server is not started yet');
      return server;
    },
  };
}

/** A sync run as the API reports it, with its per-object changes. */
export interface SyncOutcome {
  job: any;
  changes: { change: string; objectPath: string[]; details: any }[];
}

/** Starts a sync of `path` through the API (expecting 202), waits for it and reads its changes. */
export async function syncThroughApi(server: TestServer, ...path: string[]): Promise<SyncOutcome> {
  const started = await server.request('POST', `/data/crawl/${urlPath(...path)}`, {});
  if (started.status !== 202) throw new Error(`POST /data/crawl answered ${started.status}: ${JSON.stringify(started.body)}`);
  const job = await server.waitForJob(started.body.syncRunId);
  const changes = await server.request('GET', `/data/sync-runs/${job.id}/changes?size=1000`);
  return { job, changes: changes.body.hits };
}

/**
 * Registers `connection` as `connectionKey` with `extra` body fields, expecting a 422 and nothing
 * stored; answers the error body and how long the refusal took (ms).
 */
export async function refusedRegistration(
  server: TestServer,
  connectionKey: string,
  connection: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Promise<any> {
  const started = Date.now();
  const response = await server.request('POST', '/data/connection', { connectionKey, connection, ...extra });
  const elapsed = Date.now() - started;
  if (response.status !== 422) throw new Error(`registration of ${connectionKey} answered ${response.status}, not 422: ${JSON.stringify(response.body)}`);
  const stored = await server.request('GET', `/data/connection/${encodeURIComponent(connectionKey)}`);
  if (stored.status !== 404) throw new Error(`the refused connection ${connectionKey} was stored (GET answered ${stored.status})`);
  return { ...response.body, elapsed };
}
