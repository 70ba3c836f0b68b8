import type { Kysely, Selectable, Transaction } from 'kysely';
import type { PrincipalsTable, StoreSchema } from '../store-schema.js';

export type PrincipalType = 'user' | 'group';

/** A user or a group with the global permissions granted to it directly. */
export interface PrincipalRecord {
  id: string;
  type: PrincipalType;
  name: string;
  permissions: string[];
  builtin: boolean;
  createdAt: string;
  updatedAt: string;
}

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/** Users, groups and who is in which group. */
export class PrincipalRepository {
  constructor(private readonly db: Db) {}

  with(trx: Transaction<StoreSchema>): PrincipalRepository {
    return new PrincipalRepository(trx);
  }

  async insert(principal: Omit<PrincipalRecord, 'builtin' | 'updatedAt'>): Promise<void> {
    await this.db
      .insertInto('principals')
      .values({
        id: principal.id,
        type: principal.type,
        name: principal.name,
        permissions_json: JSON.stringify(principal.permissions),
        builtin: 0,
        created_at: principal.createdAt,
        updated_at: principal.createdAt,
      })
      .execute();
  }

  async find(type: PrincipalType, name: string): Promise<PrincipalRecord | undefined> {
    const row = await this.db.selectFrom('principals').selectAll().where('type', '=', type).where('name', '=', name).executeTakeFirst();
    return row && toPrincipalRecord(row);
  }

  async findById(id: string): Promise<PrincipalRecord | undefined> {
    const row = await this.db.selectFrom('principals').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toPrincipalRecord(row);
  }

  async list(type: PrincipalType): Promise<PrincipalRecord[]> {
    const rows = await this.db.selectFrom('principals').selectAll().where('type', '=', type).orderBy('name').execute();
    return rows.map(toPrincipalRecord);
  }

  async setPermissions(id: string, permissions: readonly string[], now: string): Promise<void> {
    await this.db.updateTable('principals').set({ permissions_json: JSON.stringify(permissions), updated_at: now }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('principals').where('id', '=', id).execute();
  }

  /** The groups a user is in, by name. */
  async groupsOf(userId: string): Promise<PrincipalRecord[]> {
    const rows = await this.db
      .selectFrom('group_members')
      .innerJoin('principals', 'principals.id', 'group_members.group_id')
      .selectAll('principals')
      .where('group_members.user_id', '=', userId)
      .orderBy('principals.name')
      .execute();
    return rows.map(toPrincipalRecord);
  }

  /** Makes the user a member of exactly these groups. */
  async setGroups(userId: string, groupIds: readonly string[]): Promise<void> {
    await this.db.deleteFrom('group_members').where('user_id', '=', userId).execute();
    if (groupIds.length === 0) return;
    await this.db
      .insertInto('group_members')
      .values(groupIds.map((groupId) => ({ group_id: groupId, user_id: userId })))
      .execute();
  }

  /** Names of the members of a group. */
  async membersOf(groupId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('group_members')
      .innerJoin('principals', 'principals.id', 'group_members.user_id')
      .select('principals.name')
      .where('group_members.group_id', '=', groupId)
      .orderBy('principals.name')
      .execute();
    return rows.map((r) => r.name);
  }
}

export function toPrincipalRecord(row: Selectable<PrincipalsTable>): PrincipalRecord {
  return {
    id: row.id,
    type: row.type as PrincipalType,
    name: row.name,
    permissions: JSON.parse(row.permissions_json) as string[],
    builtin: row.builtin === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
