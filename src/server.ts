import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Config } from './config.js';
import { createContainer, type Container, type ContainerOptions } from './container.js';
import { ensureDemoConnection } from './demo/demo-connection.js';
import { startDemoWarehouse, type DemoWarehouse } from './demo/demo-warehouse.js';
import { buildApp } from './http/app.js';
import { systemActor } from './services/actor.js';
import { WardenError } from './errors.js';
import { SyncScheduler } from './jobs/scheduler.js';

/** Session advisory lock held while pg-boss starts ("WARDENBS"). */
const PG_BOSS_START_LOCK = '6287397007959933523';

export interface RunningServer {
  /** Base URL the API listens on ('' for a worker-only process, which serves no API). */
  url: string;
  container: Container;
  app: FastifyInstance;
  /** Where the admin key's plain value is kept (unless WARDEN_ADMIN_API_KEY sets it). */
  adminKeyFile: string;
  /** The admin key, when this start generated it (shown once). */
  generatedAdminKey: string | null;
  demo: DemoWarehouse | null;
  close(): Promise<void>;
}

/**
 * Starts Warden in one process: store, API, sync worker and scheduler, and (unless disabled) the
 * demo warehouse registered as a connection. `config.role` keeps only the API (`api`) or only
 * the worker and schedule (`worker`); those need the PostgreSQL store, where pg-boss carries
 * the jobs between processes.
 */
export async function startServer(config: Config, options: ContainerOptions = {}): Promise<RunningServer> {
  if (config.role !== 'all' && config.databaseUrl === null) {
    throw new WardenError('VALIDATION_FAILED', { detail: `--role ${config.role} needs the PostgreSQL store (WARDEN_DATABASE_URL): the embedded store serves one process` });
  }
  // Checked before anything starts; the pg-boss schedule takes the same expressions.
  if (config.role !== 'api') SyncScheduler.validate(config.syncSchedule);
  const container = await createContainer(config, options);
  const serveApi = config.role !== 'worker';
  const work = config.role !== 'api';
  const { generated, file } = await container.auth.ensureAdminKey(config.dataDir, config.adminApiKey);
  const app = await buildApp(container);
  let demo: DemoWarehouse | null = null;
  const close = async () => {
    await app.close();
    await container.close();
    await demo?.stop();
  };
  try {
    if (serveApi) await app.listen({ host: config.host, port: config.port });
    const { jobs, worker, scheduler } = container;
    if (jobs) {
      // pg-boss creates its schema and queues on first start; processes starting at once take turns
      // (concurrently they deadlocked on a fresh database).
      await container.catalogStore.store.db.connection().execute(async (session) => {
        await sql`select pg_advisory_lock(${PG_BOSS_START_LOCK}::bigint)`.execute(session);
        try {
          await jobs.start(work ? { worker, scheduler, concurrency: config.syncConcurrency, schedule: config.syncSchedule } : null);
        } finally {
          await sql`select pg_advisory_unlock(${PG_BOSS_START_LOCK}::bigint)`.execute(session);
        }
      });
    }
    if (work) {
      await worker.start();
      if (!jobs) scheduler.start(config.syncSchedule);
      container.logger.info({ workerId: worker.id, role: config.role, store: container.catalogStore.store.location }, 'sync worker started');
    }
    if (config.demo && serveApi) {
      demo = await startDemoWarehouse({ dataDir: config.dataDir, port: config.demoPort });
      await ensureDemoConnection(container.connections, demo, systemActor('demo'), container.logger);
    }
  } catch (error) {
    await close();
    throw error;
  }
  if (!serveApi) return { url: '', container, app, adminKeyFile: file, generatedAdminKey: generated, demo, close };
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, container, app, adminKeyFile: file, generatedAdminKey: generated, demo, close };
}
