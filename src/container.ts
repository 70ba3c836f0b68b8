import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
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
import { CatalogService } from './services/catalog-service.js';
import { ConnectionService } from './services/connection-service.js';
import { DataSourceService } from './services/data-source-service.js';
import { FailedLoginLimiter } from './services/failed-login-limiter.js';
import { SecretBox } from './services/secret-box.js';
import { assertKeyOpensSecrets } from './services/secret-rotation.js';
import { SyncService } from './services/sync-service.js';
import { UserService } from './services/user-service.js';
import { CatalogStore } from './store/catalog-store.js';
import { openStore } from './store/database.js';
import { DataSourceRepository } from './store/repositories/data-source-repository.js';
import { SyncEngine } from './sync/sync-engine.js';

/** Everything the server is made of, wired once. */
export interface Container extends AppDeps {
  config: Config;
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
}

/** Opens the store and builds every service, the worker and the scheduler (none started). */
export async function createContainer(config: Config, options: ContainerOptions = {}): Promise<Container> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const store = await openStore(config);
  const catalogStore = new CatalogStore(store);
  let secrets: SecretBox;
  try {
    secrets = SecretBox.load(config.dataDir, config.secretKey);
    await assertKeyOpensSecrets(catalogStore, secrets);
  } catch (error) {
    await store.close();
    throw error;
  }
  const registry = new ConnectorRegistry(options.technologies ?? ALL_TECHNOLOGIES, {
    ...(config.connectTimeoutMs !== undefined && { connectMs: config.connectTimeoutMs }),
    ...(config.statementTimeoutMs !== undefined && { statementMs: config.statementTimeoutMs }),
  });
  const queue = new SyncRunQueue(catalogStore);
  const jobs = store.databaseUrl ? new PgBossJobs(store.databaseUrl, logger, config.role !== 'api') : null;
  const engine = new SyncEngine({ store: catalogStore, registry, secrets, logger });
  const worker = new SyncWorker({
    store: catalogStore,
    engine,
    logger,
    concurrency: config.syncConcurrency,
    workerId: `worker-${randomUUID()}`,
    leaseMs: config.syncLeaseMs,
    ...(jobs && { dispatcher: jobs }),
  });
  queue.onQueued((run) => {
    if (!jobs) return worker.wake();
    // Not sent is not lost: the run stays queued, and workers dispatch queued runs when they start.
    jobs.dispatch([run.id]).catch((error: unknown) => logger.error({ err: error, syncRunId: run.id }, 'could not dispatch the sync run'));
  });
  const catalog = new CatalogService(catalogStore);
  const scheduler = new SyncScheduler(catalogStore, queue, logger);
  return {
    config,
    logger,
    catalogStore,
    queue,
    registry,
    worker,
    scheduler,
    jobs,
    auth: new AuthService(catalogStore, new FailedLoginLimiter(catalogStore.authFailures, config.authFailureLimit, config.authFailureWindowMs)),
    users: new UserService(catalogStore),
    audit: new AuditService(catalogStore.audit),
    connections: new ConnectionService({ store: catalogStore, registry, secrets, queue }),
    catalog,
    syncs: new SyncService(catalogStore, queue),
    dataSources: new DataSourceService(catalogStore, new DataSourceRepository(store.db), catalog),
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
      await jobs?.stop();
      await store.close();
    },
  };
}
