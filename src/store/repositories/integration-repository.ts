import type { Kysely, Selectable, Transaction } from 'kysely';
import type { IntegrationsTable, StoreSchema } from '../store-schema.js';

/** An integration's legacy status; `*Error` states keep the configuration that last validated. */
export type IntegrationStatus =
  | 'creating'
  | 'enabled'
  | 'editing'
  | 'deleting'
  | 'createError'
  | 'editError'
  | 'deleteError'
  | 'migrating'
  | 'migrateError'
  | 'recurringValidationError';
export const INTEGRATION_STATUSES: readonly IntegrationStatus[] = [
  'creating',
  'enabled',
  'editing',
  'deleting',
  'createError',
  'editError',
  'deleteError',
  'migrating',
  'migrateError',
  'recurringValidationError',
];

export interface ValidationTest {
  name: string;
  status: 'passed' | 'failed';
  result?: string;
}

export interface ValidationResults {
  status: 'passed' | 'failed';
  validationTests: ValidationTest[];
}

export interface IntegrationRecord {
  id: number;
  technology: string;
  status: IntegrationStatus;
  details: Record<string, unknown>;
  secretsCiphertext: string | null;
  validationResults: ValidationResults | null;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
}

export interface NewIntegration {
  technology: string;
  status: IntegrationStatus;
  details: Record<string, unknown>;
  secretsCiphertext: string | null;
  createdBy: string | null;
}

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

export class IntegrationRepository {
  constructor(private readonly db: Db) {}

  with(trx: Transaction<StoreSchema>): IntegrationRepository {
    return new IntegrationRepository(trx);
  }

  async insert(integration: NewIntegration, now: string): Promise<IntegrationRecord> {
    const row = await this.db
      .insertInto('integrations')
      .values({
        technology: integration.technology,
        status: integration.status,
        details_json: JSON.stringify(integration.details),
        secrets_ciphertext: integration.secretsCiphertext,
        created_at: now,
        updated_at: now,
        created_by: integration.createdBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRecord(row);
  }

  async findById(id: number): Promise<IntegrationRecord | undefined> {
    const row = await this.db.selectFrom('integrations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async list(): Promise<IntegrationRecord[]> {
    const rows = await this.db.selectFrom('integrations').selectAll().orderBy('id').execute();
    return rows.map(toRecord);
  }

  async setStatus(id: number, status: IntegrationStatus, now: string): Promise<void> {
    await this.db.updateTable('integrations').set({ status, updated_at: now }).where('id', '=', id).execute();
  }

  /** Records a validation's outcome: with `config`, the validated configuration replaces the stored one. */
  async settle(
    id: number,
    status: IntegrationStatus,
    validation: ValidationResults,
    now: string,
    config?: { details: Record<string, unknown>; secretsCiphertext: string | null },
  ): Promise<void> {
    await this.db
      .updateTable('integrations')
      .set({
        status,
        validation_json: JSON.stringify(validation),
        updated_at: now,
        ...(config && { details_json: JSON.stringify(config.details), secrets_ciphertext: config.secretsCiphertext }),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Every integration's sealed secrets (for re-encrypting them with a new key). */
  async listSecrets(): Promise<{ id: number; secretsCiphertext: string }[]> {
    const rows = await this.db
      .selectFrom('integrations')
      .select(['id', 'secrets_ciphertext'])
      .where('secrets_ciphertext', 'is not', null)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, secretsCiphertext: r.secrets_ciphertext! }));
  }

  async updateSecrets(id: number, secretsCiphertext: string): Promise<void> {
    await this.db.updateTable('integrations').set({ secrets_ciphertext: secretsCiphertext }).where('id', '=', id).execute();
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('integrations').where('id', '=', id).execute();
  }
}

function toRecord(row: Selectable<IntegrationsTable>): IntegrationRecord {
  return {
    id: row.id,
    technology: row.technology,
    status: row.status as IntegrationStatus,
    details: JSON.parse(row.details_json) as Record<string, unknown>,
    secretsCiphertext: row.secrets_ciphertext,
    validationResults: row.validation_json === null ? null : (JSON.parse(row.validation_json) as ValidationResults),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
  };
}
