import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { preparedQuery } from '../../src/store/prepared-query.js';
import { describeEachStore, openStoreOfKind } from '../helpers/store-kinds.js';

/** A prepared query answers with each call's values, on both stores, in and out of transactions. */
describeEachStore('prepared queries', (kind) => {
  let dataDir: string;
  let opened: { store: Store; cleanup(): Promise<void> };

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'warden-prepared-'));
    opened = await openStoreOfKind(kind, dataDir);
  });
  afterEach(async () => {
    await opened.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const echo = preparedQuery((db, p: { a: number; b: string }) => sql<{ a: number; b: string; c: number }>`select ${p.a} + 0 as a, ${p.b} || '' as b, cast(${7} as integer) as c`);

  it('binds the values of each call, and keeps the constants of the query', async () => {
    const { db } = opened.store;
    expect(await echo(db, { a: 1, b: 'x' })).toEqual([{ a: 1, b: 'x', c: 7 }]);
    expect(await echo(db, { a: 2, b: "it's" })).toEqual([{ a: 2, b: "it's", c: 7 }]);
    expect(await db.transaction().execute((trx) => echo(trx, { a: 3, b: 'in a transaction' }))).toEqual([{ a: 3, b: 'in a transaction', c: 7 }]);
  });

  it('refuses a query that writes a parameter into its text instead of binding it', async () => {
    const literal = preparedQuery((db, p: { a: number }) => sql`select ${sql.raw(String(p.a))} as a`);
    await expect(literal(opened.store.db, { a: 1 })).rejects.toThrow(/written into the SQL text/);
  });
});
