import type { Kysely } from 'kysely';
import type { StoreSchema } from '../store-schema.js';

export interface ApiKeyRecord {
  id: string;
  name: string;
  prefix: string;
  keyHash: string;
  permissions: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export class ApiKeyRepository {
  constructor(private readonly db: Kysely<StoreSchema>) {}

  async insert(key: Omit<ApiKeyRecord, 'revokedAt'>): Promise<void> {
    await this.db
      .insertInto('api_keys')
      .values({
        id: key.id,
        name: key.name,
        prefix: key.prefix,
        key_hash: key.keyHash,
        permissions_json: JSON.stringify(key.permissions),
        created_at: key.createdAt,
        expires_at: key.expiresAt,
      })
      .execute();
  }

  async findByHash(keyHash: string): Promise<ApiKeyRecord | undefined> {
    const row = await this.db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
    return (
      row && {
        id: row.id,
        name: row.name,
        prefix: row.prefix,
        keyHash: row.key_hash,
        permissions: JSON.parse(row.permissions_json) as string[],
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        revokedAt: row.revoked_at,
      }
    );
  }

  /** Ids of the keys with this name that are not revoked. */
  async findActiveByName(name: string): Promise<{ id: string; keyHash: string }[]> {
    const rows = await this.db.selectFrom('api_keys').select(['id', 'key_hash']).where('name', '=', name).where('revoked_at', 'is', null).execute();
    return rows.map((r) => ({ id: r.id, keyHash: r.key_hash }));
  }

  async revoke(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).execute();
  }
}
