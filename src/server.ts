import type { FastifyInstance } from 'fastify';
import { nowIso } from './clock.js';
import type { Config } from './config.js';
import { createContainer, type Container, type ContainerOptions } from './container.js';
import { ensureDemoConnection } from './demo/demo-connection.js';
import { startDemoWarehouse, type DemoWarehouse } from './demo/demo-warehouse.js';
import { buildApp } from './http/app.js';
import { systemActor } from './services/actor.js';

export interface RunningServer {
  /** Base URL the API listens on. */
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
 * Starts Warden in one process: store, API, in-process sync worker and scheduler, and (unless
 * disabled) the demo warehouse registered as a connection.
 */
export async function startServer(config: Config, options: ContainerOptions = {}): Promise<RunningServer> {
  const container = await createContainer(config, options);
  const { generated, file } = await container.auth.ensureAdminKey(config.dataDir, config.adminApiKey);
  const app = await buildApp(container);
  let demo: DemoWarehouse | null = null;
  const close = async () => {
    await app.close();
    await container.close();
    await demo?.stop();
  };
  try {
    await app.listen({ host: config.host, port: config.port });
    // One process owns the embedded store: whatever a previous process left running is abandoned.
    // On PostgreSQL other processes may be running syncs: only runs whose lease ran out are.
    await container.worker.start(config.databaseUrl ? nowIso() : new Date(8.64e15).toISOString());
    container.scheduler.start(config.syncSchedule);
    if (config.demo) {
      demo = await startDemoWarehouse({ dataDir: config.dataDir, port: config.demoPort });
      await ensureDemoConnection(container.connections, demo, systemActor('demo'), container.logger);
    }
  } catch (error) {
    await close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, container, app, adminKeyFile: file, generatedAdminKey: generated, demo, close };
}
