import type { Kysely, Transaction } from 'kysely';
import type { StoreSchema } from '../store-schema.js';

export interface SessionRecord {
  /** SHA-256 of the session token. */
  id: string;
  apiKeyId: string;
  createdAt: string;
  expiresAt: string;
}

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/** Web UI sessions, stored by token hash only. */
export class SessionRepository {
  constructor(private readonly db: Db) {}

  with(trx: Transaction<StoreSchema>): SessionRepository {
    return new SessionRepository(trx);
  }

  async insert(session: SessionRecord): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ id: session.id, api_key_id: session.apiKeyId, created_at: session.createdAt, expires_at: session.expiresAt })
      .execute();
  }

  async findById(id: string): Promise<SessionRecord | undefined> {
    const row = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { id: row.id, apiKeyId: row.api_key_id, createdAt: row.created_at, expiresAt: row.expires_at };
  }

  /** True when the session was there (a second sign-out of the same session deletes nothing). */
  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Forgets sessions that expired at or before `now` (they authenticate nothing). */
  async deleteExpired(now: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }
}
