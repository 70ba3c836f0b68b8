import { sql, type Kysely } from 'kysely';
import type { StoreSchema } from '../store-schema.js';

/** The failures of one client address with one key prefix within the current window. */
export interface AuthFailureCount {
  failures: number;
  windowStartedAt: string;
}

/** Failed-authentication counters, shared by every process on the store. */
export class AuthFailureRepository {
  constructor(private readonly db: Kysely<StoreSchema>) {}

  /** The count of `address` + `keyPrefix` in a window that started after `since`, if any. */
  async find(address: string, keyPrefix: string, since: string): Promise<AuthFailureCount | undefined> {
    const row = await this.db
      .selectFrom('auth_failures')
      .select(['failures', 'window_started_at'])
      .where('address', '=', address)
      .where('key_prefix', '=', keyPrefix)
      .where('window_started_at', '>', since)
      .executeTakeFirst();
    return row && { failures: Number(row.failures), windowStartedAt: row.window_started_at };
  }

  /**
   * Counts one failure in one statement (concurrent failures on several processes all count):
   * a window that started before `since` is over, and a new one starts `now`.
   */
  async record(address: string, keyPrefix: string, now: string, since: string): Promise<AuthFailureCount> {
    const current = sql<boolean>`auth_failures.window_started_at > ${since}`;
    const row = await this.db
      .insertInto('auth_failures')
      .values({ address, key_prefix: keyPrefix, window_started_at: now, failures: 1 })
      .onConflict((conflict) =>
        conflict.columns(['address', 'key_prefix']).doUpdateSet({
          failures: sql<number>`case when ${current} then auth_failures.failures + 1 else 1 end`,
          window_started_at: sql<string>`case when ${current} then auth_failures.window_started_at else ${now} end`,
        }),
      )
      .returning(['failures', 'window_started_at'])
      .executeTakeFirstOrThrow();
    return { failures: Number(row.failures), windowStartedAt: row.window_started_at };
  }

  /** Forgets the counts of windows that started before `since` (they block nothing). */
  async forgetBefore(since: string): Promise<void> {
    await this.db.deleteFrom('auth_failures').where('window_started_at', '<=', since).execute();
  }
}
