import type { ConnectorRegistry } from '../connectors/registry.js';
import type { AuditService } from '../services/audit-service.js';
import type { AuthService } from '../services/auth-service.js';
import type { SessionService } from '../services/session-service.js';
import type { CatalogService } from '../services/catalog-service.js';
import type { ConnectionService } from '../services/connection-service.js';
import type { DataSourceService } from '../services/data-source-service.js';
import type { IntegrationService } from '../services/integration-service.js';
import type { IntegrationUpgradeService } from '../services/integration-upgrade-service.js';
import type { LegacyDataSourceService } from '../services/legacy-data-source-service.js';
import type { LegacySourceService } from '../services/legacy-source-service.js';
import type { SchemaMonitorService } from '../services/schema-monitor-service.js';
import type { LegacyV2Service } from '../services/legacy-v2-service.js';
import type { SyncService } from '../services/sync-service.js';
import type { TagService } from '../services/tag-service.js';
import type { UserService } from '../services/user-service.js';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { HttpLimits } from './connection-limits.js';

/** Everything the HTTP adapter calls; built by the container. */
export interface AppDeps {
  auth: AuthService;
  sessions: SessionService;
  connections: ConnectionService;
  integrations: IntegrationService;
  upgrades: IntegrationUpgradeService;
  legacySources: LegacySourceService;
  schemaMonitor: SchemaMonitorService;
  legacyV2: LegacyV2Service;
  legacyDataSources: LegacyDataSourceService;
  catalog: CatalogService;
  syncs: SyncService;
  dataSources: DataSourceService;
  tags: TagService;
  users: UserService;
  audit: AuditService;
  /** The technologies served: their descriptors make the connection schemas. */
  registry: ConnectorRegistry;
  /** Checks the store answers (for /health). */
  ping(): Promise<void>;
  logger: Logger;
  /** The container's clock: session expiry and cookie lifetimes. */
  clock: Clock;
  bodyLimit: number;
  httpLimits: HttpLimits;
  /** WARDEN_TRUSTED_PROXIES: the peers whose X-Forwarded-For is believed. */
  trustedProxies: string[];
}
