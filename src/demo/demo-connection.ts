import type { Logger } from 'pino';
import type { Actor } from '../services/actor.js';
import type { ConnectionService } from '../services/connection-service.js';
import { WardenError } from '../errors.js';
import type { DemoWarehouse } from './demo-warehouse.js';

export const DEMO_CONNECTION_KEY = 'Demo Warehouse';

/**
 * Registers the demo warehouse as the connection `Demo Warehouse` (enabled, so its tables
 * are data sources at once), or points the existing one at this start's port.
 */
export async function ensureDemoConnection(connections: ConnectionService, demo: DemoWarehouse, actor: Actor, logger: Logger): Promise<void> {
  const target = { hostname: demo.host, port: demo.port, database: demo.database, username: demo.username, password: demo.password };
  try {
    const existing = await connections.get(DEMO_CONNECTION_KEY);
    if (existing.connection.port !== demo.port || existing.connection.hostname !== demo.host) {
      await connections.update(DEMO_CONNECTION_KEY, target, actor);
    }
    return;
  } catch (error) {
    if (!(error instanceof WardenError) || error.code !== 'CONNECTION_NOT_FOUND') throw error;
  }
  await connections.register(
    {
      connectionKey: DEMO_CONNECTION_KEY,
      connection: { technology: 'PostgreSQL', authenticationType: 'userPassword', tls: { mode: 'disable' }, ...target },
      settings: { isActive: true, activateNewChildren: true },
    },
    actor,
    false,
  );
  logger.info({ connectionKey: DEMO_CONNECTION_KEY }, 'registered the demo warehouse');
}
