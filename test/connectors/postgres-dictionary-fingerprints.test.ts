import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Connector, ConnectorTimeouts } from '../../src/connectors/connector.js';
import { createPostgresConnector } from '../../src/connectors/postgres/postgres-connector.js';
import type { CrawlBatch, CrawlScope, CrawledObject } from '../../src/domain/catalog-types.js';
import { crawlAll, listings, scope } from '../helpers/crawl-helpers.js';
import { PostgresTestContext, quoteIdent, withAdminClient, type TestDatabase, type TestRole } from '../helpers/postgres-server.js';
import { describeIfServer } from '../helpers/server-availability.js';

const TIMEOUTS: ConnectorTimeouts = { connectMs: 3_000, statementMs: 10_000 };

/** One table per dictionary fact a re-sync must see change, and one that does not change. */
const TABLES = `
  CREATE SCHEMA changes;
  CREATE DOMAIN changes.code AS text NOT NULL;
  CREATE TYPE changes.mood AS ENUM ('a', 'b');
  CREATE SEQUENCE changes.counter;
  CREATE TABLE changes.untouched (id integer DEFAULT 1, "odd ""name"", [x]" text NOT NULL, g integer GENERATED ALWAYS AS (id * 2) STORED);
  COMMENT ON COLUMN changes.untouched."odd ""name"", [x]" IS E'stays: "quoted", \\\\ back\\nslash, Ünïcødé 表, \\u0001';
  CREATE TABLE changes.commented (id integer);
  COMMENT ON COLUMN changes.commented.id IS 'before';
  CREATE TABLE changes.uncommented (id integer);
  COMMENT ON COLUMN changes.uncommented.id IS 'goes';
  CREATE TABLE changes.defaulted (id integer DEFAULT 1);
  CREATE TABLE changes.undefaulted (id integer DEFAULT 1);
  CREATE TABLE changes.newdefault (id integer);
  CREATE TABLE changes.retyped (id integer);
  CREATE TABLE changes.notnull (id integer);
  CREATE TABLE changes.added (id integer);
  CREATE TABLE changes.dropped (id integer, gone integer);
  CREATE TABLE changes.renamed (id integer);
  CREATE TABLE changes.domained (c changes.code);
  CREATE TABLE changes.typed (m changes.mood);
  CREATE TABLE changes.sequenced (n bigint DEFAULT nextval('changes.counter'));
  CREATE TABLE changes.granted (a integer, b integer);`;

const CHANGES = `
  COMMENT ON COLUMN changes.commented.id IS 'after';
  COMMENT ON COLUMN changes.uncommented.id IS NULL;
  ALTER TABLE changes.defaulted ALTER COLUMN id SET DEFAULT 2;
  ALTER TABLE changes.undefaulted ALTER COLUMN id DROP DEFAULT;
  ALTER TABLE changes.newdefault ALTER COLUMN id SET DEFAULT 3;
  ALTER TABLE changes.retyped ALTER COLUMN id TYPE bigint;
  ALTER TABLE changes.notnull ALTER COLUMN id SET NOT NULL;
  ALTER TABLE changes.added ADD COLUMN extra text;
  ALTER TABLE changes.dropped DROP COLUMN gone;
  ALTER TABLE changes.renamed RENAME COLUMN id TO key;
  ALTER DOMAIN changes.code DROP NOT NULL;
  ALTER TYPE changes.mood RENAME TO feeling;
  ALTER SEQUENCE changes.counter RENAME TO tally;`;

const CHANGED = ['added', 'commented', 'defaulted', 'domained', 'dropped', 'granted', 'newdefault', 'notnull', 'renamed', 'retyped', 'sequenced', 'typed', 'uncommented', 'undefaulted'];

/**
 * The re-sync shortcut of issue 17 (CrawlScope.storedDictionaries): the server's fingerprint of
 * a table's dictionary must equal the one the crawl computed from the columns it read, and must
 * differ as soon as any fact the crawl reports differs.
 */
describeIfServer(['PostgreSQL'], 'PostgreSQL dictionary fingerprints', () => {
  const pg = new PostgresTestContext();
  const open: Connector[] = [];
  let db: TestDatabase;
  let role: TestRole;

  const crawl = async (crawlScope: CrawlScope): Promise<CrawlBatch[]> => {
    const connector = createPostgresConnector(pg.connectionDetails({ database: db.name, role }), TIMEOUTS);
    open.push(connector);
    return crawlAll(connector, crawlScope);
  };
  /** Leaves by schema path key, then by name. */
  const leavesOf = (batches: CrawlBatch[]) =>
    new Map(listings(batches).filter((l) => l.parent.length === 2).map((l) => [JSON.stringify(l.parent), new Map(l.objects.map((o) => [o.name, o]))]));
  /** A scope whose stored fingerprints are those a crawl reported. */
  const storedFrom = (batches: CrawlBatch[]): CrawlScope => {
    const leaves = leavesOf(batches);
    return {
      ...scope([], [db.name]),
      storedDictionaries: async (path) => new Map([...(leaves.get(JSON.stringify(path))?.values() ?? [])].map((o) => [o.stableId!, o.dictionaryFingerprint!])),
    };
  };

  beforeAll(async () => {
    db = await pg.createDatabase({ label: 'fingerprints', seed: 'hostile-names.sql' });
    role = await pg.createRole({ label: 'fingerprints', connect: [db.name] });
    const grantee = quoteIdent(role.name);
    await withAdminClient(db.name, (client) =>
      client.query(`${TABLES}
        GRANT USAGE ON SCHEMA changes, "Mixed Case", "Case", "case", "dots.and/slashes", "with ""quotes"" and spaces", "Ünïcødé 表" TO ${grantee};
        GRANT SELECT ON ALL TABLES IN SCHEMA changes, "Mixed Case", "Case", "case", "dots.and/slashes", "with ""quotes"" and spaces", "Ünïcødé 表" TO ${grantee};
        REVOKE SELECT ON changes.granted FROM ${grantee};
        GRANT SELECT (a, b) ON changes.granted TO ${grantee};`),
    );
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((connector) => connector.close()));
  });

  afterAll(() => pg.cleanup());

  it('reads no columns when nothing changed: the server computes the fingerprint the crawl computed', async () => {
    const first = await crawl(scope([], [db.name]));
    const again = leavesOf(await crawl(storedFrom(first)));
    const leaves = [...leavesOf(first).entries()].flatMap(([schema, byName]) => [...byName.values()].map((leaf) => [schema, leaf] as const));
    expect(leaves.length).toBeGreaterThan(20);
    for (const [schema, leaf] of leaves) {
      const seen = again.get(schema)!.get(leaf.name)!;
      expect(leaf.dictionaryFingerprint, `${schema} ${leaf.name}`).toMatch(/^pg1:/);
      expect(seen, `${schema} ${leaf.name}`).toEqual({ name: leaf.name, kind: leaf.kind, stableId: leaf.stableId, comment: leaf.comment, dictionaryFingerprint: leaf.dictionaryFingerprint });
    }
  });

  describe('after each kind of change', () => {
    let before: CrawlBatch[];
    let after: Map<string, CrawledObject>;
    let full: Map<string, CrawledObject>;

    beforeAll(async () => {
      before = await crawl(scope([], [db.name]));
      await withAdminClient(db.name, (client) => client.query(`${CHANGES}\nREVOKE SELECT (b) ON changes.granted FROM ${quoteIdent(role.name)};`));
      after = leavesOf(await crawl(storedFrom(before))).get(JSON.stringify([db.name, 'changes']))!;
      full = leavesOf(await crawl(scope([], [db.name]))).get(JSON.stringify([db.name, 'changes']))!;
    });

    it('reads the columns of exactly the changed tables', () => {
      expect([...after.values()].filter((leaf) => leaf.columns !== undefined).map((leaf) => leaf.name).sort()).toEqual(CHANGED);
      expect(after.get('untouched')!.columns).toBeUndefined();
    });

    it('reads them as a full crawl does, with the fingerprint a full crawl gives', () => {
      for (const name of CHANGED) expect(after.get(name), name).toEqual(full.get(name));
    });

    it('sees what changed', () => {
      const column = (table: string, index = 0) => after.get(table)!.columns![index]!;
      expect(column('commented').comment).toBe('after');
      expect(column('uncommented').comment).toBeNull();
      expect(column('defaulted').defaultValue).toBe('2');
      expect(column('undefaulted').defaultValue).toBeNull();
      expect(column('newdefault').defaultValue).toBe('3');
      expect(column('retyped').type).toBe('bigint');
      expect(column('notnull').nullable).toBe(false);
      expect(after.get('added')!.columns!.map((c) => c.name)).toEqual(['id', 'extra']);
      expect(after.get('dropped')!.columns!.map((c) => c.name)).toEqual(['id']);
      expect(column('renamed').name).toBe('key');
      expect(column('domained').nullable).toBe(true);
      expect(column('typed').type).toBe('changes.feeling');
      expect(column('sequenced').defaultValue).toContain('tally');
      expect(after.get('granted')!.columns!.map((c) => c.name)).toEqual(['a']);
    });
  });
});
