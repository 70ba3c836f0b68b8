import { assertSupportedConnectionStringOptions, assertValidConnection } from '../connectors/connection-schema.js';
import type { ConnectionDetails, Connector } from '../connectors/connector.js';
import type { ConnectorRegistry } from '../connectors/registry.js';
import type { AuthenticationType } from '../connectors/technology.js';
import { nowIso } from '../clock.js';
import { assertValidConnectionKey } from '../domain/connection-key.js';
import { objectState, resolveSettings, type Principal as Owner } from '../domain/settings.js';
import { WardenError } from '../errors.js';
import type { SyncRunQueue } from '../jobs/sync-run-queue.js';
import type { CatalogStore } from '../store/catalog-store.js';
import { refusedBy } from '../store/store-dialect.js';
import type { ConnectionHealth, ConnectionRecord } from '../store/repositories/connection-repository.js';
import { auditEntry, type Actor } from './actor.js';
import { assertCredentialsResent, editedConnection } from './connection-edit.js';
import { changedSecrets, openConnection, redactedDetails, sealConnection } from './connection-secrets.js';
import type { SecretBox } from './secret-box.js';
import { toSyncRunView, type SyncRunView } from './sync-run-view.js';

/** `connection` of a registration: the details a connector needs, as the technology's schema describes them. */
export type ConnectionInput = ConnectionDetails;

/** `connection` of an edit: any fields of the technology's schema; the merged result must match it. */
export type ConnectionChanges = Partial<Pick<ConnectionDetails, 'technology' | 'authenticationType'>> & Record<string, unknown>;

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
  /** Objects in the catalog under the connection, itself included: what deleting it removes. */
  objectCount: number;
  /** Enabled leaves (data sources) under the connection. */
  dataSourceCount: number;
}

export interface ConnectionServiceDeps {
  store: CatalogStore;
  registry: ConnectorRegistry;
  secrets: SecretBox;
  queue: SyncRunQueue;
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
    const authentication = this.validated(input.connection);
    if (await this.deps.store.connections.findByKey(input.connectionKey)) {
      throw new WardenError('CONNECTION_KEY_TAKEN', { connectionKey: input.connectionKey });
    }
    const checked = await this.checkedConnector(input.connection);
    let handedOver = false;
    try {
      if (dryRun) return { connection: null, syncRunId: null };
      const registered = await this.insertConnection(input, authentication, actor);
      // Before the run is queued: the first sync starts on the session the check signed in with.
      this.deps.registry.handOver(input.connection, checked);
      handedOver = true;
      const { run } = await this.deps.queue.request({
        connection: registered,
        scope: [registered.connectionKey],
        trigger: 'registration',
        requestedBy: actor.id,
        forceRecursive: true,
      });
      return { connection: await this.view(registered), syncRunId: run.id };
    } finally {
      if (!handedOver) await checked.close();
    }
  }

  /** Stores a checked registration: the connection, its root object and the audit row, one transaction. */
  private async insertConnection(input: RegisterInput, authentication: AuthenticationType, actor: Actor): Promise<ConnectionRecord> {
    const { details, secretsCiphertext } = sealConnection(input.connection, authentication.secretFields, this.deps.secrets);
    const now = nowIso();
    const record = await this.deps.store.transaction(async (repos) => {
      // Two registrations of one key at once both pass the read above: the unique key decides.
      const taken = () => new WardenError('CONNECTION_KEY_TAKEN', { connectionKey: input.connectionKey });
      const connection = await repos.connections
        .insert({ connectionKey: input.connectionKey, technology: input.connection.technology, details, secretsCiphertext, createdBy: actor.id }, now)
        .catch(refusedBy('unique', taken));
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
    return record;
  }

  async get(connectionKey: string): Promise<ConnectionView> {
    return this.view(await this.find(connectionKey));
  }

  async list(): Promise<ConnectionView[]> {
    const records = await this.deps.store.connections.list();
    return Promise.all(records.map((r) => this.view(r)));
  }

  /** Changes details or rotates credentials; the merged details are checked against the platform first. */
  async update(connectionKey: string, changes: ConnectionChanges, actor: Actor): Promise<ConnectionView> {
    const record = await this.find(connectionKey);
    if (changes.technology !== undefined && changes.technology !== record.technology) {
      throw new WardenError('VALIDATION_FAILED', {
        detail: `connection.technology cannot change from "${record.technology}"; register a new connection instead`,
      });
    }
    const current = openConnection(record.details, record.secretsCiphertext, this.deps.secrets);
    const before = this.deps.registry.authentication(current);
    const after = this.deps.registry.authentication({ ...current, ...(changes.authenticationType !== undefined && { authenticationType: changes.authenticationType }) });
    const merged = editedConnection(current, changes, before, after);
    this.validated(merged);
    if (before === after) assertCredentialsResent(current, merged, changes, after, this.deps.registry.get(record.technology).credentialRoute);
    await this.testDetails(merged);
    const { details, secretsCiphertext } = sealConnection(merged, after.secretFields, this.deps.secrets);
    const now = nowIso();
    const credentialsChanged = before !== after || changedSecrets(current, merged, after.secretFields).length > 0;
    const health: ConnectionHealth = { status: 'healthy', checkedAt: now };
    await this.deps.store.transaction(async (repos) => {
      // Written only if the connection is still there: a delete may have committed since the read above.
      if (!(await repos.connections.updateDetails(record.id, details, secretsCiphertext, now))) throw new WardenError('CONNECTION_NOT_FOUND', { connectionKey });
      await repos.connections.setHealth(record.id, health);
      await repos.audit.insert(
        auditEntry(actor, 'connection.updated', {
          objectPath: [connectionKey],
          before: { connection: redactedDetails(record.details, record.secretsCiphertext, this.deps.secrets) },
          after: { connection: redactedDetails(details, secretsCiphertext, this.deps.secrets), credentialsChanged },
        }),
      );
    });
    // The record as written, not read again: a delete committing after this one must not turn a done edit into a 404.
    return this.view({ ...record, details, secretsCiphertext, health, updatedAt: now });
  }

  /** Checks the stored credentials against the platform now and records the outcome as health. */
  async test(connectionKey: string, actor: Actor): Promise<ConnectionView> {
    const record = await this.find(connectionKey);
    const now = nowIso();
    const recordHealth = (health: ConnectionHealth) =>
      this.deps.store.transaction(async (repos) => {
        if (!(await repos.connections.setHealth(record.id, health))) throw new WardenError('CONNECTION_NOT_FOUND', { connectionKey });
        await repos.audit.insert(auditEntry(actor, 'connection.tested', { objectPath: [connectionKey], before: { health: record.health }, after: { health } }));
      });
    try {
      await this.testDetails(openConnection(record.details, record.secretsCiphertext, this.deps.secrets));
    } catch (error) {
      if (error instanceof WardenError) await recordHealth({ status: 'unhealthy', checkedAt: now, message: error.message });
      throw error;
    }
    const health: ConnectionHealth = { status: 'healthy', checkedAt: now };
    await recordHealth(health);
    return this.view({ ...record, health });
  }

  /** The setup script of a technology for a system user of that name. */
  setupScript(technology: string, username: string, databases?: string[]): string {
    const { setupScript } = this.deps.registry.get(technology);
    if (setupScript === undefined) {
      throw new WardenError('VALIDATION_FAILED', { detail: `${technology} has no setup script: create its system user as its documentation says` });
    }
    return setupScript({ username, ...(databases && { databases }) });
  }

  /** The user connection `connectionKey`; a hidden legacy connection is not one (CONNECTION_NOT_FOUND). */
  async find(connectionKey: string): Promise<ConnectionRecord> {
    const record = await this.deps.store.connections.findByKey(connectionKey);
    if (!record || record.legacyConnectionString !== null) throw new WardenError('CONNECTION_NOT_FOUND', { connectionKey });
    return record;
  }

  /**
   * The authentication type of `connection`, which its technology must offer
   * (UNSUPPORTED_TECHNOLOGY / UNSUPPORTED_AUTHENTICATION), after checking its fields against
   * their schema (VALIDATION_FAILED; the HTTP layer checks the same before a handler runs, the
   * demo and the other in-process callers rely on this) and its connection string options
   * (UNSUPPORTED_CONNECTION_STRING_OPTION).
   */
  private validated(connection: ConnectionDetails): AuthenticationType {
    const authentication = this.deps.registry.authentication(connection);
    const descriptor = this.deps.registry.get(connection.technology);
    assertValidConnection(descriptor, authentication, connection);
    assertSupportedConnectionStringOptions(descriptor, connection);
    return authentication;
  }

  private async testDetails(details: ConnectionDetails): Promise<void> {
    await (await this.checkedConnector(details)).close();
  }

  /** A connector whose credentials check passed (closed when it failed). */
  private async checkedConnector(details: ConnectionDetails): Promise<Connector> {
    const connector = await this.deps.registry.createConnector(details);
    try {
      await connector.testConnection(this.deps.registry.credentialCheckSignal(details.technology));
      return connector;
    } catch (error) {
      await connector.close();
      throw error;
    }
  }

  private async view(record: ConnectionRecord): Promise<ConnectionView> {
    const [root, lastRun, dataSources] = await Promise.all([
      this.deps.store.objects.findRoot(record.id),
      this.deps.store.syncRuns.latestForConnection(record.id),
      this.deps.store.dataSources.search({ connectionKey: record.connectionKey, offset: 0, size: 0 }),
    ]);
    const enabled = root ? objectState(resolveSettings([root.overrides]), false) === 'active' : false;
    return {
      connectionKey: record.connectionKey,
      technology: record.technology,
      connection: redactedDetails(record.details, record.secretsCiphertext, this.deps.secrets),
      state: record.health?.status === 'unhealthy' ? 'UNHEALTHY' : enabled ? 'ACTIVE' : 'INACTIVE',
      health: record.health,
      levels: this.deps.registry.get(record.technology).levels,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      createdBy: record.createdBy,
      firstSyncCompletedAt: record.firstSyncCompletedAt,
      lastSyncRun: lastRun ? toSyncRunView(lastRun) : null,
      objectCount: root ? await this.deps.store.objects.countSubtree(root) : 0,
      dataSourceCount: dataSources.count,
    };
  }
}
