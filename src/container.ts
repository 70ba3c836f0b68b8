import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { ConnectorRegistry } from './connectors/registry.js';
import { ALL_TECHNOLOGIES } from './connectors/technologies.js';
import type { TechnologyDescriptor } from './connectors/technology.js';
import type { AppDeps } from './http/app-deps.js';
import { PgBossJobs } from './jobs/pg-boss-jobs.js';
import { SyncScheduler } from './jobs/scheduler.js';
import { SyncRunQueue } from './jobs/sync-run-queue.js';
import { SyncWorker } from './jobs/worker.js';
import { createLogger } from './logger.js';
import { AuditService } from './services/audit-service.js';
import { AuthService } from './services/auth-service.js';
import { SessionService } from './services/session-service.js';
import { CatalogService } from './services/catalog-service.js';
import { ConnectionService } from './services/connection-service.js';
import { IntegrationService } from './services/integration-service.js';
import { IntegrationUpgradeService } from './services/integration-upgrade-service.js';
import { LegacyDataSourceService } from './services/legacy-data-source-service.js';
import { LegacySourceService } from './services/legacy-source-service.js';
import { SchemaMonitorService } from './services/schema-monitor-service.js';
import { LegacyV2Service } from './services/legacy-v2-service.js';
import { DataSourceService } from './services/data-source-service.js';
import { TagService } from './services/tag-service.js';
import { FailedLoginLimiter } from './services/failed-login-limiter.js';
import { SecretBox } from './services/secret-box.js';
import { assertKeyOpensSecrets } from './services/secret-rotation.js';
import { SyncService } from './services/sync-service.js';
import { UserService } from './services/user-service.js';
import { CatalogStore } from './store/catalog-store.js';
import { lockDataDir } from './store/data-dir-lock.js';
import { openStore } from './store/database.js';
import { SyncEngine } from './sync/sync-engine.js';

/** Everything the server is made of, wired once. */
export interface Container extends AppDeps {
  config: Config;
  /** The one clock every time comparison asks (leases, due times, key expiry). */
  clock: Clock;
  catalogStore: CatalogStore;
  queue: SyncRunQueue;
  worker: SyncWorker;
  scheduler: SyncScheduler;
  /** pg-boss dispatch and schedule (PostgreSQL store); null in embedded mode (in-process worker, croner). */
  jobs: PgBossJobs | null;
  close(): Promise<void>;
}

export interface ContainerOptions {
  logger?: Logger;
  technologies?: readonly TechnologyDescriptor[];
  /** The system clock unless a test sets the time. */
  clock?: Clock;
}

/**
 * Opens the store (on the embedded store, first taking the data directory's lock: STORE_IN_USE
 * while another process holds it) and builds every service, the worker and the scheduler (none
 * started).
 */
export async function createContainer(config: Config, options: ContainerOptions = {}): Promise<Container> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const lock = config.databaseUrl ? null : lockDataDir(config.dataDir);
  const store = await openStore(config).catch((error: unknown) => {
    lock?.release();
    throw error;
  });
  const catalogStore = new CatalogStore(store);
  let secrets: SecretBox;
  try {
    secrets = SecretBox.load(config.dataDir, config.secretKey);
    await assertKeyOpensSecrets(catalogStore, secrets);
  } catch (error) {
    await store.close();
    lock?.release();
    throw error;
  }
  const registry = new ConnectorRegistry(options.technologies ?? ALL_TECHNOLOGIES, {
    ...(config.connectTimeoutMs !== undefined && { connectMs: config.connectTimeoutMs }),
    ...(config.statementTimeoutMs !== undefined && { statementMs: config.statementTimeoutMs }),
  });
  const queue = new SyncRunQueue(catalogStore, clock);
  const jobs = store.databaseUrl ? new PgBossJobs(store.databaseUrl, logger, config.role !== 'api') : null;
  const engine = new SyncEngine({ store: catalogStore, registry, secrets, logger, clock });
  const worker = new SyncWorker({
    store: catalogStore,
    engine,
    logger,
    clock,
    concurrency: config.syncConcurrency,
    workerId: `worker-${randomUUID()}`,
    leaseMs: config.syncLeaseMs,
    soleProcess: lock !== null,
    ...(jobs && { dispatcher: jobs }),
  });
  queue.onQueued((run) => {
    if (!jobs) return worker.wake();
    // Not sent is not lost: the run stays queued, and workers dispatch queued runs when they start.
    jobs.dispatch([run.id]).catch((error: unknown) => logger.error({ err: error, syncRunId: run.id }, 'could not dispatch the sync run'));
  });
  const catalog = new CatalogService(catalogStore);
  const dataSources = new DataSourceService(catalogStore, catalog);
  const connections = new ConnectionService({ store: catalogStore, registry, secrets, queue });
  const legacySources = new LegacySourceService({ store: catalogStore, registry, secrets, queue });
  const schemaMonitor = new SchemaMonitorService({ store: catalogStore, registry, queue, legacySources, catalog, clock });
  const scheduler = new SyncScheduler(catalogStore, queue, logger, clock, schemaMonitor);
  const auth = new AuthService(catalogStore, new FailedLoginLimiter(catalogStore.authFailures, config.authFailureLimit, config.authFailureWindowMs, () => clock.now().getTime()), clock);
  return {
    config,
    clock,
    logger,
    catalogStore,
    queue,
    registry,
    worker,
    scheduler,
    jobs,
    auth,
    sessions: new SessionService(catalogStore, auth, clock, config.sessionTtlMs),
    users: new UserService(catalogStore),
    audit: new AuditService(catalogStore.audit),
    connections,
    integrations: new IntegrationService({ store: catalogStore, registry, secrets }),
    legacySources,
    schemaMonitor,
    upgrades: new IntegrationUpgradeService({ store: catalogStore, registry, secrets, queue, connections, legacySources }),
    legacyV2: new LegacyV2Service({ store: catalogStore, registry, sources: legacySources }),
    legacyDataSources: new LegacyDataSourceService(catalogStore, dataSources, legacySources),
    catalog,
    syncs: new SyncService(catalogStore, queue, registry),
    dataSources,
    tags: new TagService(catalogStore, catalog, dataSources),
    ping: () => store.ping(),
    bodyLimit: config.bodyLimit,
    httpLimits: {
      headersTimeoutMs: config.headersTimeoutMs,
      requestTimeoutMs: config.requestTimeoutMs,
      keepAliveTimeoutMs: config.keepAliveTimeoutMs,
      maxConnectionsPerAddress: config.maxConnectionsPerAddress,
    },
    trustedProxies: config.trustedProxies,
    async close() {
      scheduler.stop();
      await worker.stop();
      await registry.close();
      await jobs?.stop();
      await store.close();
      lock?.release();
    },
  };
}
