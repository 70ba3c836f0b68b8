import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ApiKeysTable, StoreSchema } from '../store-schema.js';

export interface ApiKeyRecord {
  id: string;
  /** A label the owner chose (`admin` for the bootstrap admin key). */
  name: string;
  prefix: string;
  keyHash: string;
  userId: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/** API keys, stored by hash only. */
export class ApiKeyRepository {
  constructor(private readonly db: Db) {}

  with(trx: Transaction<StoreSchema>): ApiKeyRepository {
    return new ApiKeyRepository(trx);
  }

  async insert(key: Omit<ApiKeyRecord, 'revokedAt'>): Promise<void> {
    await this.db
      .insertInto('api_keys')
      .values({
        id: key.id,
        name: key.name,
        prefix: key.prefix,
        key_hash: key.keyHash,
        user_id: key.userId,
        created_at: key.createdAt,
        expires_at: key.expiresAt,
      })
      .execute();
  }

  async findByHash(keyHash: string): Promise<ApiKeyRecord | undefined> {
    const row = await this.db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
    return row && toRecord(row);
  }

  async findById(id: string): Promise<ApiKeyRecord | undefined> {
    const row = await this.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  /** The keys of a user with this name that are not revoked. */
  async findActiveByName(userId: string, name: string): Promise<{ id: string; keyHash: string }[]> {
    const rows = await this.db
      .selectFrom('api_keys')
      .select(['id', 'key_hash'])
      .where('user_id', '=', userId)
      .where('name', '=', name)
      .where('revoked_at', 'is', null)
      .execute();
    return rows.map((r) => ({ id: r.id, keyHash: r.key_hash }));
  }

  /** Every key of a user, newest first (revoked and expired ones too). */
  async listByUser(userId: string): Promise<ApiKeyRecord[]> {
    const rows = await this.db.selectFrom('api_keys').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id').execute();
    return rows.map(toRecord);
  }

  async revoke(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  }
}

function toRecord(row: Selectable<ApiKeysTable>): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    keyHash: row.key_hash,
    userId: row.user_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}
