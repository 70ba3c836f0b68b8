import { assertValidConnection } from '../connectors/connection-schema.js';
import type { ConnectionDetails } from '../connectors/connector.js';
import type { ConnectorRegistry } from '../connectors/registry.js';
import { nowIso } from '../clock.js';
import { WardenError } from '../errors.js';
import type { CatalogStore } from '../store/catalog-store.js';
import type { IntegrationRecord, IntegrationStatus, ValidationResults } from '../store/repositories/integration-repository.js';
import { auditEntry, type Actor } from './actor.js';
import { assertCredentialsResent, editedConnection } from './connection-edit.js';
import { openConnection, redactedDetails, sealConnection } from './connection-secrets.js';
import type { SecretBox } from './secret-box.js';

/** The body of POST /integrations, in the legacy shape: `config` is a connection of `type` without `technology`. */
export interface IntegrationInput {
  type: string;
  config: Record<string, unknown>;
}

export interface IntegrationView {
  id: number;
  type: string;
  status: IntegrationStatus;
  /** Always false: Warden creates nothing on the platform with privileged credentials (the setup script is for an administrator). */
  autoBootstrap: false;
  /** The configuration with every secret shown as `[REDACTED]`. */
  config: Record<string, unknown>;
  validationResults: ValidationResults | null;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
}

export interface IntegrationServiceDeps {
  store: CatalogStore;
  registry: ConnectorRegistry;
  secrets: SecretBox;
}

/** The one check Warden can run for every technology: sign in through the technology's connector. */
const BASIC_CONNECTION_TEST = 'Initial Validation: Basic Connection Test';

/** States in which another change would race the one under way. */
const BUSY: ReadonlySet<IntegrationStatus> = new Set(['creating', 'editing', 'migrating']);

/**
 * The integrations-era configurations (SPEC 2.2). An integration is a technology's
 * configuration, read through the same descriptor and connector as a connection: its
 * credentials are checked with the connector's `testConnection` on every create and edit,
 * and the outcome is its status and validation results. A failed create keeps the row
 * (`createError`, fixable by PUT or removable by DELETE); a failed edit keeps the
 * configuration that last validated (`editError`).
 */
export class IntegrationService {
  constructor(private readonly deps: IntegrationServiceDeps) {}

  async create(input: IntegrationInput, actor: Actor): Promise<IntegrationView> {
    const details = this.validated({ ...input.config, technology: input.type } as ConnectionDetails);
    const sealed = sealConnection(details, this.deps.registry.authentication(details).secretFields, this.deps.secrets);
    const now = nowIso();
    const record = await this.deps.store.transaction(async (repos) => {
      const created = await repos.integrations.insert(
        { technology: input.type, status: 'creating', ...sealed, createdBy: actor.id },
        now,
      );
      await repos.audit.insert(
        auditEntry(actor, 'integration.created', {
          target: `integration:${created.id}`,
          after: { type: input.type, config: redactedDetails(sealed.details, sealed.secretsCiphertext, this.deps.secrets) },
        }),
      );
      return created;
    });
    let validation: ValidationResults;
    try {
      validation = await this.validate(details);
    } catch (error) {
      // An unexpected failure still settles the row: `creating` would refuse every later edit.
      await this.deps.store.integrations.setStatus(record.id, 'createError', nowIso());
      throw error;
    }
    await this.deps.store.integrations.settle(record.id, validation.status === 'passed' ? 'enabled' : 'createError', validation, nowIso());
    return this.get(record.id);
  }

  async get(id: number): Promise<IntegrationView> {
    return this.view(await this.find(id));
  }

  async list(): Promise<IntegrationView[]> {
    return (await this.deps.store.integrations.list()).map((record) => this.view(record));
  }

  /**
   * Applies `changes` (fields of the configuration; secrets not sent again are kept) once the
   * merged configuration validates; otherwise the stored one stays and the status says
   * `editError` (or `createError` for one that never validated).
   */
  async update(id: number, changes: { config: Record<string, unknown> }, actor: Actor): Promise<IntegrationView> {
    const record = await this.claimForEdit(id);
    const settledBefore = record.status === 'createError' ? 'createError' : 'editError';
    try {
      const current = openConnection(record.details, record.secretsCiphertext, this.deps.secrets);
      const before = this.deps.registry.authentication(current);
      const after = this.deps.registry.authentication({ ...current, ...(typeof changes.config.authenticationType === 'string' && { authenticationType: changes.config.authenticationType }) });
      const edit = { ...changes.config, technology: record.technology };
      const merged = this.validated(editedConnection(current, edit, before, after));
      if (before === after) assertCredentialsResent(current, merged, edit, after, this.deps.registry.get(record.technology).credentialRoute);
      const validation = await this.validate(merged);
      if (validation.status === 'failed') {
        await this.deps.store.integrations.settle(id, settledBefore, validation, nowIso());
        return this.get(id);
      }
      const sealed = sealConnection(merged, after.secretFields, this.deps.secrets);
      await this.deps.store.transaction(async (repos) => {
        await repos.integrations.settle(id, 'enabled', validation, nowIso(), sealed);
        await repos.audit.insert(
          auditEntry(actor, 'integration.updated', {
            target: `integration:${id}`,
            before: { config: redactedDetails(record.details, record.secretsCiphertext, this.deps.secrets) },
            after: { config: redactedDetails(sealed.details, sealed.secretsCiphertext, this.deps.secrets) },
          }),
        );
      });
      return this.get(id);
    } catch (error) {
      // Bad input changes nothing: the status goes back to what it was.
      await this.deps.store.integrations.setStatus(id, record.status, nowIso());
      throw error;
    }
  }

  /**
   * Removes the integration (Warden bootstraps nothing on the platform, so there is nothing to
   * clean up there). Allowed in every status, so that one a crash left `creating` or `editing`
   * can still go.
   */
  async delete(id: number, actor: Actor): Promise<IntegrationView> {
    const record = await this.find(id);
    await this.deps.store.transaction(async (repos) => {
      await repos.integrations.delete(id);
      await repos.audit.insert(auditEntry(actor, 'integration.deleted', { target: `integration:${id}`, before: { type: record.technology, status: record.status } }));
    });
    return { ...this.view(record), status: 'deleting' };
  }

  private async find(id: number): Promise<IntegrationRecord> {
    const record = await this.deps.store.integrations.findById(id);
    if (!record) throw new WardenError('INTEGRATION_NOT_FOUND', { id: String(id) });
    return record;
  }

  /** Moves the integration to `editing`; INTEGRATION_BUSY while another change is under way. */
  private async claimForEdit(id: number): Promise<IntegrationRecord> {
    return this.deps.store.exclusive(async (repos) => {
      const record = await repos.integrations.findById(id);
      if (!record) throw new WardenError('INTEGRATION_NOT_FOUND', { id: String(id) });
      if (BUSY.has(record.status)) throw new WardenError('INTEGRATION_BUSY', { id: String(id), status: record.status });
      await repos.integrations.setStatus(id, 'editing', nowIso());
      return record;
    });
  }

  private validated(details: ConnectionDetails): ConnectionDetails {
    const descriptor = this.deps.registry.get(details.technology);
    // A configuration without authenticationType signs in the technology's default way.
    const withType = { ...details, authenticationType: details.authenticationType ?? descriptor.authenticationTypes[0]!.name };
    assertValidConnection(descriptor, this.deps.registry.authentication(withType), withType);
    return withType;
  }

  /** Signs in through the connector within the technology's deadlines; a refusal is a failed test, not an error. */
  private async validate(details: ConnectionDetails): Promise<ValidationResults> {
    try {
      const connector = await this.deps.registry.createConnector(details);
      try {
        await connector.testConnection(this.deps.registry.credentialCheckSignal(details.technology));
      } finally {
        await connector.close();
      }
    } catch (error) {
      if (!(error instanceof WardenError)) throw error;
      return { status: 'failed', validationTests: [{ name: BASIC_CONNECTION_TEST, status: 'failed', result: error.message }] };
    }
    return { status: 'passed', validationTests: [{ name: BASIC_CONNECTION_TEST, status: 'passed' }] };
  }

  private view(record: IntegrationRecord): IntegrationView {
    const { technology: _technology, ...config } = redactedDetails(record.details, record.secretsCiphertext, this.deps.secrets);
    return {
      id: record.id,
      type: record.technology,
      status: record.status,
      autoBootstrap: false,
      config,
      validationResults: record.validationResults,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      createdBy: record.createdBy,
    };
  }
}
