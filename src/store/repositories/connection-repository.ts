import type { Kysely, Selectable, Transaction } from 'kysely';
import { preparedQuery } from '../prepared-query.js';
import type { ConnectionsTable, StoreSchema } from '../store-schema.js';

/** Health of a connection as last observed. */
export interface ConnectionHealth {
  status: 'healthy' | 'unhealthy';
  checkedAt: string;
  message?: string;
}

export interface ConnectionRecord {
  id: number;
  connectionKey: string;
  technology: string;
  /** Non-secret details (hostname, port, database, TLS …). */
  details: Record<string, unknown>;
  secretsCiphertext: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  firstSyncCompletedAt: string | null;
  health: ConnectionHealth | null;
  /** Non-null for a hidden legacy connection: the legacy `connectionString` it serves (see migration 011). */
  legacyConnectionString: string | null;
}

export interface NewConnection {
  connectionKey: string;
  technology: string;
  details: Record<string, unknown>;
  secretsCiphertext: string | null;
  createdBy: string | null;
  /** Set only for a hidden legacy connection. */
  legacyConnectionString?: string;
}

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/** Every object read starts here: prepared once (prepared-query.ts). */
const byKey = preparedQuery((db: Kysely<StoreSchema>, p: { connectionKey: string }) => db.selectFrom('connections').selectAll().where('connection_key', '=', p.connectionKey));

export class ConnectionRepository {
  constructor(private readonly db: Db) {}

  with(trx: Transaction<StoreSchema>): ConnectionRepository {
    return new ConnectionRepository(trx);
  }

  async insert(connection: NewConnection, now: string): Promise<ConnectionRecord> {
    const row = await this.db
      .insertInto('connections')
      .values({
        connection_key: connection.connectionKey,
        technology: connection.technology,
        details_json: JSON.stringify(connection.details),
        secrets_ciphertext: connection.secretsCiphertext,
        created_at: now,
        updated_at: now,
        created_by: connection.createdBy,
        legacy_connection_string: connection.legacyConnectionString ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRecord(row);
  }

  async findByKey(connectionKey: string): Promise<ConnectionRecord | undefined> {
    const [row] = await byKey(this.db, { connectionKey });
    return row && toRecord(row);
  }

  async findById(id: number): Promise<ConnectionRecord | undefined> {
    const row = await this.db.selectFrom('connections').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  /** The user's connections: hidden legacy connections are never listed, scheduled or searched. */
  async list(): Promise<ConnectionRecord[]> {
    const rows = await this.db.selectFrom('connections').selectAll().where('legacy_connection_string', 'is', null).orderBy('connection_key').execute();
    return rows.map(toRecord);
  }

  /** The hidden legacy connection of `technology` serving `connectionString`, if there is one. */
  async findHidden(technology: string, connectionString: string): Promise<ConnectionRecord | undefined> {
    const row = await this.db
      .selectFrom('connections')
      .selectAll()
      .where('technology', '=', technology)
      .where('legacy_connection_string', '=', connectionString)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  /** Every hidden legacy connection of `technology`. */
  async listHidden(technology: string): Promise<ConnectionRecord[]> {
    const rows = await this.db
      .selectFrom('connections')
      .selectAll()
      .where('technology', '=', technology)
      .where('legacy_connection_string', 'is not', null)
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  }

  /** False when the connection is gone (deleted since it was read). */
  async updateDetails(id: number, details: Record<string, unknown>, secretsCiphertext: string | null, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('connections')
      .set({ details_json: JSON.stringify(details), secrets_ciphertext: secretsCiphertext, updated_at: now })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Every connection's sealed secrets (for re-encrypting them with a new key). */
  async listSecrets(): Promise<{ id: number; connectionKey: string; secretsCiphertext: string }[]> {
    const rows = await this.db
      .selectFrom('connections')
      .select(['id', 'connection_key', 'secrets_ciphertext'])
      .where('secrets_ciphertext', 'is not', null)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, connectionKey: r.connection_key, secretsCiphertext: r.secrets_ciphertext! }));
  }

  /** Replaces the sealed secrets only (key rotation: the details and timestamps stay). */
  async updateSecrets(id: number, secretsCiphertext: string): Promise<void> {
    await this.db.updateTable('connections').set({ secrets_ciphertext: secretsCiphertext }).where('id', '=', id).execute();
  }

  async markFirstSyncCompleted(id: number, at: string): Promise<void> {
    await this.db
      .updateTable('connections')
      .set({ first_sync_completed_at: at })
      .where('id', '=', id)
      .where('first_sync_completed_at', 'is', null)
      .execute();
  }

  /** False when the connection is gone (deleted since it was read). */
  async setHealth(id: number, health: ConnectionHealth): Promise<boolean> {
    const result = await this.db.updateTable('connections').set({ health_json: JSON.stringify(health) }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('connections').where('id', '=', id).execute();
  }
}

function toRecord(row: Selectable<ConnectionsTable>): ConnectionRecord {
  return {
    id: row.id,
    connectionKey: row.connection_key,
    technology: row.technology,
    details: JSON.parse(row.details_json) as Record<string, unknown>,
    secretsCiphertext: row.secrets_ciphertext,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    firstSyncCompletedAt: row.first_sync_completed_at,
    health: row.health_json === null ? null : (JSON.parse(row.health_json) as ConnectionHealth),
    legacyConnectionString: row.legacy_connection_string,
  };
}
