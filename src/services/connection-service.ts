import type { ConnectionDetails, ConnectorTimeouts } from '../connectors/connector.js';
import type { ConnectorRegistry } from '../connectors/registry.js';
import type { TechnologyDescriptor } from '../connectors/technology.js';
import { nowIso } from '../clock.js';
import { assertValidConnectionKey } from '../domain/connection-key.js';
import { objectState, resolveSettings, type Principal as Owner } from '../domain/settings.js';
import { WardenError } from '../errors.js';
import type { SyncRunQueue } from '../jobs/sync-run-queue.js';
import type { CatalogStore } from '../store/catalog-store.js';
import type { ConnectionHealth, ConnectionRecord } from '../store/repositories/connection-repository.js';
import { auditEntry, type Actor } from './actor.js';
import { openConnection, redactedDetails, sealConnection, SECRET_FIELDS } from './connection-secrets.js';
import type { SecretBox } from './secret-box.js';
import { toSyncRunView, type SyncRunView } from './sync-run-view.js';

/** `connection` of the register and update calls: the details a connector needs. */
export type ConnectionInput = ConnectionDetails;

export interface RegisterInput {
  connectionKey: string;
  connection: ConnectionInput;
  settings?: { isActive?: boolean; activateNewChildren?: boolean; dataOwners?: Owner[] };
  options?: { forceRecursiveCrawl?: boolean };
}

export interface ConnectionView {
  connectionKey: string;
  technology: string;
  /** The connection details with every secret shown as `[REDACTED]`. */
  connection: Record<string, unknown>;
  state: 'ACTIVE' | 'INACTIVE' | 'UNHEALTHY';
  health: ConnectionHealth | null;
  levels: readonly string[];
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  firstSyncCompletedAt: string | null;
  lastSyncRun: SyncRunView | null;
}

export interface ConnectionServiceDeps {
  store: CatalogStore;
  registry: ConnectorRegistry;
  secrets: SecretBox;
  queue: SyncRunQueue;
  timeouts: ConnectorTimeouts;
}

/** Registers, shows, edits and tests connections. Credentials are always checked before anything is stored. */
export class ConnectionService {
  constructor(private readonly deps: ConnectionServiceDeps) {}

  /**
   * Validates the input and the credentials against the platform, then (unless `dryRun`)
   * stores the connection with its root object and queues the first, full sync.
   */
  async register(input: RegisterInput, actor: Actor, dryRun: boolean): Promise<{ connection: ConnectionView | null; syncRunId: string | null }> {
    assertValidConnectionKey(input.connectionKey);
    this.assertAuthenticationType(input.connection);
    if (await this.deps.store.connections.findByKey(input.connectionKey)) {
      throw new WardenError('CONNECTION_KEY_TAKEN', { connectionKey: input.connectionKey });
    }
    await this.testDetails(input.connection);
    if (dryRun) return { connection: null, syncRunId: null };

    const { details, secretsCiphertext } = sealConnection({ ...input.connection }, this.deps.secrets);
    const now = nowIso();
    const record = await this.deps.store.transaction(async (repos) => {
      if (await repos.connections.findByKey(input.connectionKey)) {
        throw new WardenError('CONNECTION_KEY_TAKEN', { connectionKey: input.connectionKey });
      }
      const connection = await repos.connections.insert(
        { connectionKey: input.connectionKey, technology: input.connection.technology, details, secretsCiphertext, createdBy: actor.id },
        now,
      );
      // The root always holds concrete values: it has nothing to inherit from.
      const settings = {
        isActive: input.settings?.isActive ?? false,
        activateNewChildren: input.settings?.activateNewChildren ?? false,
        dataOwners: input.settings?.dataOwners ?? [],
      };
      await repos.objects.insertRoot(connection.id, input.connectionKey, settings, now);
      await repos.audit.insert(
        auditEntry(actor, 'connection.registered', {
          objectPath: [input.connectionKey],
          after: { technology: connection.technology, connection: redactedDetails(details, secretsCiphertext, this.deps.secrets), settings },
        }),
      );
      return connection;
    });
    const { run } = await this.deps.queue.request({
      connection: record,
      scope: [record.connectionKey],
      trigger: 'registration',
      requestedBy: actor.id,
      forceRecursive: true,
    });
    return { connection: await this.view(record), syncRunId: run.id };
  }

  async get(connectionKey: string): Promise<ConnectionView> {
    return this.view(await this.find(connectionKey));
  }

  async list(): Promise<ConnectionView[]> {
    const records = await this.deps.store.connections.list();
    return Promise.all(records.map((r) => this.view(r)));
  }

  /** Changes details or rotates credentials; the merged details are checked against the platform first. */
  async update(connectionKey: string, changes: Partial<ConnectionInput>, actor: Actor): Promise<ConnectionView> {
    const record = await this.find(connectionKey);
    if (changes.technology !== undefined && changes.technology !== record.technology) {
      throw new WardenError('VALIDATION_FAILED', {
        detail: `connection.technology cannot change from "${record.technology}"; register a new connection instead`,
      });
    }
    const current = openConnection(record.details, record.secretsCiphertext, this.deps.secrets);
    const merged: ConnectionInput = { ...current, ...stripUndefined(changes) };
    this.assertAuthenticationType(merged);
    await this.testDetails(merged);
    const { details, secretsCiphertext } = sealConnection({ ...merged }, this.deps.secrets);
    const now = nowIso();
    const credentialsChanged = SECRET_FIELDS.some((field) => current[field as keyof ConnectionInput] !== merged[field as keyof ConnectionInput]);
    await this.deps.store.transaction(async (repos) => {
      await repos.connections.updateDetails(record.id, details, secretsCiphertext, now);
      await repos.connections.setHealth(record.id, { status: 'healthy', checkedAt: now });
      await repos.audit.insert(
        auditEntry(actor, 'connection.updated', {
          objectPath: [connectionKey],
          before: { connection: redactedDetails(record.details, record.secretsCiphertext, this.deps.secrets) },
          after: { connection: redactedDetails(details, secretsCiphertext, this.deps.secrets), credentialsChanged },
        }),
      );
    });
    return this.get(connectionKey);
  }

  /** Checks the stored credentials against the platform now and records the outcome as health. */
  async test(connectionKey: string, actor: Actor): Promise<ConnectionView> {
    const record = await this.find(connectionKey);
    const now = nowIso();
    const recordHealth = (health: ConnectionHealth) =>
      this.deps.store.transaction(async (repos) => {
        await repos.connections.setHealth(record.id, health);
        await repos.audit.insert(auditEntry(actor, 'connection.tested', { objectPath: [connectionKey], before: { health: record.health }, after: { health } }));
      });
    try {
      await this.testDetails(openConnection(record.details, record.secretsCiphertext, this.deps.secrets));
    } catch (error) {
      if (error instanceof WardenError) await recordHealth({ status: 'unhealthy', checkedAt: now, message: error.message });
      throw error;
    }
    await recordHealth({ status: 'healthy', checkedAt: now });
    return this.get(connectionKey);
  }

  /** The setup script of a technology for a system user of that name. */
  setupScript(technology: string, username: string, databases?: string[]): string {
    return this.deps.registry.get(technology).setupScript({ username, ...(databases && { databases }) });
  }

  async find(connectionKey: string): Promise<ConnectionRecord> {
    const record = await this.deps.store.connections.findByKey(connectionKey);
    if (!record) throw new WardenError('CONNECTION_NOT_FOUND', { connectionKey });
    return record;
  }

  private descriptor(connection: Pick<ConnectionInput, 'technology'>): TechnologyDescriptor {
    return this.deps.registry.get(connection.technology);
  }

  private assertAuthenticationType(connection: ConnectionInput): void {
    const descriptor = this.descriptor(connection);
    if (!descriptor.authenticationTypes.includes(connection.authenticationType)) {
      throw new WardenError('UNSUPPORTED_AUTHENTICATION', {
        authenticationType: connection.authenticationType,
        technology: connection.technology,
        supported: descriptor.authenticationTypes.join(', '),
      });
    }
  }

  private async testDetails(details: ConnectionDetails): Promise<void> {
    const connector = this.descriptor(details).create(details, this.deps.timeouts);
    try {
      await connector.testConnection(AbortSignal.timeout(this.deps.timeouts.connectMs * 3));
    } finally {
      await connector.close();
    }
  }

  private async view(record: ConnectionRecord): Promise<ConnectionView> {
    const [root, lastRun] = await Promise.all([
      this.deps.store.objects.findRoot(record.id),
      this.deps.store.syncRuns.latestForConnection(record.id),
    ]);
    const enabled = root ? objectState(resolveSettings([root.overrides]), false) === 'active' : false;
    return {
      connectionKey: record.connectionKey,
      technology: record.technology,
      connection: redactedDetails(record.details, record.secretsCiphertext, this.deps.secrets),
      state: record.health?.status === 'unhealthy' ? 'UNHEALTHY' : enabled ? 'ACTIVE' : 'INACTIVE',
      health: record.health,
      levels: this.descriptor(record).levels,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      createdBy: record.createdBy,
      firstSyncCompletedAt: record.firstSyncCompletedAt,
      lastSyncRun: lastRun ? toSyncRunView(lastRun) : null,
    };
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
