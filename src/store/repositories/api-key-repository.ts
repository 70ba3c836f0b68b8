import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ApiKeysTable, StoreSchema } from '../store-schema.js';
import { preparedQuery } from '../prepared-query.js';
import { toPrincipalRecord, type PrincipalRecord } from './principal-repository.js';

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

/** A key with what a request made with it acts as: its user (if still there) and the user's groups. */
export interface ApiKeyWithOwner {
  key: ApiKeyRecord;
  user: PrincipalRecord | undefined;
  groups: PrincipalRecord[];
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

  /**
   * The key with this hash (or id), its user and the user's groups (by name) in one query: every
   * authenticated request reads them, so one round trip instead of three.
   */
  async findWithOwner(by: { keyHash: string } | { id: string }): Promise<ApiKeyWithOwner | undefined> {
    const rows = 'keyHash' in by ? await keyWithOwnerByHash(this.db, by) : await keyWithOwnerById(this.db, by);
    const first = rows[0];
    if (!first) return undefined;
    const principal = (row: typeof first, p: 'u' | 'g') =>
      row[`${p}_id`] === null
        ? undefined
        : toPrincipalRecord({
            id: row[`${p}_id`]!,
            type: row[`${p}_type`]!,
            name: row[`${p}_name`]!,
            permissions_json: row[`${p}_permissions_json`]!,
            builtin: row[`${p}_builtin`]!,
            created_at: row[`${p}_created_at`]!,
            updated_at: row[`${p}_updated_at`]!,
          });
    return {
      key: toRecord(first),
      user: principal(first, 'u'),
      groups: rows.flatMap((row) => principal(row, 'g') ?? []),
    };
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

/** The key, its user and one row per group of the user (the group columns null when none), groups by name. */
function keyWithOwner(db: Kysely<StoreSchema>) {
  return db
    .selectFrom('api_keys as k')
    .leftJoin('principals as u', 'u.id', 'k.user_id')
    .leftJoin('group_members as m', 'm.user_id', 'u.id')
    .leftJoin('principals as g', 'g.id', 'm.group_id')
    .selectAll('k')
    .select([
      'u.id as u_id', 'u.type as u_type', 'u.name as u_name', 'u.permissions_json as u_permissions_json', 'u.builtin as u_builtin', 'u.created_at as u_created_at', 'u.updated_at as u_updated_at',
      'g.id as g_id', 'g.type as g_type', 'g.name as g_name', 'g.permissions_json as g_permissions_json', 'g.builtin as g_builtin', 'g.created_at as g_created_at', 'g.updated_at as g_updated_at',
    ])
    .orderBy('g.name');
}

const keyWithOwnerByHash = preparedQuery((db, p: { keyHash: string }) => keyWithOwner(db).where('k.key_hash', '=', p.keyHash));
const keyWithOwnerById = preparedQuery((db, p: { id: string }) => keyWithOwner(db).where('k.id', '=', p.id));

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
