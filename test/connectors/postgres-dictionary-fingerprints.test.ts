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
  CREATE TABLE changes.nullable (id integer NOT NULL);
  CREATE TABLE changes.added (id integer);
  CREATE TABLE changes.dropped (id integer, gone integer);
  CREATE TABLE changes.renamed (id integer);
  CREATE TABLE changes.domained (c changes.code);
  CREATE TABLE changes.typed (m changes.mood);
  CREATE TABLE changes.sequenced (n bigint DEFAULT nextval('changes.counter'));
  CREATE TABLE changes.granted (a integer, b integer);
  CREATE TABLE changes.member (a integer, b integer);`;

/** Changes of a relation's own catalog rows (pg_attribute, pg_attrdef, pg_description). */
const CHANGES = `
  COMMENT ON COLUMN changes.commented.id IS 'after';
  COMMENT ON COLUMN changes.uncommented.id IS NULL;
  ALTER TABLE changes.defaulted ALTER COLUMN id SET DEFAULT 2;
  ALTER TABLE changes.undefaulted ALTER COLUMN id DROP DEFAULT;
  ALTER TABLE changes.newdefault ALTER COLUMN id SET DEFAULT 3;
  ALTER TABLE changes.retyped ALTER COLUMN id TYPE bigint;
  ALTER TABLE changes.notnull ALTER COLUMN id SET NOT NULL;
  ALTER TABLE changes.nullable ALTER COLUMN id DROP NOT NULL;
  ALTER TABLE changes.added ADD COLUMN extra text;
  ALTER TABLE changes.dropped DROP COLUMN gone;
  ALTER TABLE changes.renamed RENAME COLUMN id TO key;`;

const CHANGED = ['added', 'commented', 'defaulted', 'dropped', 'granted', 'newdefault', 'notnull', 'nullable', 'renamed', 'retyped', 'uncommented', 'undefaulted'];

/** Changes that leave the relations' own rows as they are: only the database-wide part of the fingerprint sees them. */
const DEPENDENCY_CHANGES = `
  ALTER DOMAIN changes.code DROP NOT NULL;
  ALTER TYPE changes.mood RENAME TO feeling;
  ALTER SEQUENCE changes.counter RENAME TO tally;`;

/**
 * The re-sync shortcut of issue 17 (CrawlScope.storedDictionaries): the server's fingerprint of a
 * table's dictionary (catalog row versions) must stay the same while nothing the crawl reports
 * changes — a schema whose every table is unchanged comes back as one `unchanged` batch — and
 * must differ as soon as any fact the crawl reports differs.
 */
describeIfServer(['PostgreSQL'], 'PostgreSQL dictionary fingerprints', () => {
  const pg = new PostgresTestContext();
  const open: Connector[] = [];
  let db: TestDatabase;
  let role: TestRole;
  let group: TestRole;

  const crawl = async (crawlScope: CrawlScope): Promise<CrawlBatch[]> => {
    const connector = createPostgresConnector(pg.connectionDetails({ database: db.name, role }), TIMEOUTS);
    open.push(connector);
    return crawlAll(connector, crawlScope);
  };
  /** Leaves of the listings (not the unchanged batches) by schema path key, then by name. */
  const leavesOf = (batches: CrawlBatch[]) =>
    new Map(listings(batches).filter((l) => l.parent.length === 2).map((l) => [JSON.stringify(l.parent), new Map(l.objects.map((o) => [o.name, o]))]));
  /** Fingerprints by schema path key, then by stable id, from both the listings and the unchanged batches. */
  const fingerprintsOf = (batches: CrawlBatch[]) =>
    new Map(
      batches.flatMap((batch) => {
        if (batch.type === 'unchanged') return [[JSON.stringify(batch.parent), new Map(batch.fingerprints)] as const];
        if (batch.type !== 'listing' || batch.parent.length !== 2) return [];
        return [[JSON.stringify(batch.parent), new Map(batch.objects.map((o) => [o.stableId!, o.dictionaryFingerprint!]))] as const];
      }),
    );
  /** A re-sync's scope: the stored fingerprints those of `batches` (none: every leaf stored without one). */
  const storedFrom = (batches: CrawlBatch[] | undefined, complete = true): CrawlScope => {
    const stored = batches === undefined ? new Map<string, Map<string, string>>() : fingerprintsOf(batches);
    return { ...scope([], [db.name]), storedDictionaries: async (path) => ({ fingerprints: stored.get(JSON.stringify(path)) ?? new Map(), complete }) };
  };
  const unchangedOf = (batches: CrawlBatch[]) => batches.filter((batch) => batch.type === 'unchanged').map((batch) => batch.parent[1]);
  /** The schemas that hold tables the role may read (the others are listed empty). */
  const schemasWithTables = (batches: CrawlBatch[]) => [...leavesOf(batches)].filter(([, byName]) => byName.size > 0).map(([schema]) => JSON.parse(schema)[1] as string).sort();

  beforeAll(async () => {
    db = await pg.createDatabase({ label: 'fingerprints', seed: 'hostile-names.sql' });
    role = await pg.createRole({ label: 'fingerprints', connect: [db.name] });
    group = await pg.createRole({ label: 'fingerprints-group', connect: [] });
    const grantee = quoteIdent(role.name);
    await withAdminClient(db.name, (client) =>
      client.query(`${TABLES}
        GRANT USAGE ON SCHEMA changes, "Mixed Case", "Case", "case", "dots.and/slashes", "with ""quotes"" and spaces", "Ünïcødé 表" TO ${grantee};
        GRANT SELECT ON ALL TABLES IN SCHEMA changes, "Mixed Case", "Case", "case", "dots.and/slashes", "with ""quotes"" and spaces", "Ünïcødé 表" TO ${grantee};
        REVOKE SELECT ON changes.granted, changes.member FROM ${grantee};
        GRANT SELECT (a, b) ON changes.granted TO ${grantee};
        GRANT SELECT (a) ON changes.member TO ${grantee};
        GRANT SELECT ON changes.member TO ${quoteIdent(group.name)};`),
    );
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((connector) => connector.close()));
  });

  afterAll(() => pg.cleanup());

  it('gives every leaf of a first sync its fingerprint; the re-sync reads no column: every schema comes back unchanged', async () => {
    const first = await crawl(scope([], [db.name]));
    const leaves = [...leavesOf(first).values()].flatMap((byName) => [...byName.values()]);
    expect(leaves.length).toBeGreaterThan(20);
    for (const leaf of leaves) expect(leaf.dictionaryFingerprint, leaf.name).toMatch(/^pgrv1:[0-9a-f]{32}:/);

    const again = await crawl(storedFrom(first));
    expect(schemasWithTables(again)).toEqual([]);
    expect(unchangedOf(again).sort()).toEqual(schemasWithTables(first));
    expect(unchangedOf(again).length).toBeGreaterThan(5);
    expect(fingerprintsOf(again)).toEqual(fingerprintsOf(first));

    // Another role's membership changes nothing this role sees.
    const other = await pg.createRole({ label: 'fingerprints-other', connect: [] });
    await withAdminClient(db.name, (client) => client.query(`GRANT ${quoteIdent(group.name)} TO ${quoteIdent(other.name)}`));
    expect(unchangedOf(await crawl(storedFrom(first))).sort()).toEqual(schemasWithTables(first));
  });

  it('reads every dictionary when nothing is stored with a fingerprint, as a first sync does', async () => {
    const first = leavesOf(await crawl(scope([], [db.name])));
    const resync = leavesOf(await crawl(storedFrom(undefined)));
    expect(resync).toEqual(first);
  });

  it('lists the leaves without columns, with their fingerprints, when the stored listing is not complete', async () => {
    const first = await crawl(scope([], [db.name]));
    const again = await crawl(storedFrom(first, false));
    expect(unchangedOf(again)).toEqual([]);
    for (const [schema, byName] of leavesOf(again)) {
      for (const [name, leaf] of byName) {
        expect(leaf.columns, `${schema} ${name}`).toBeUndefined();
        expect(leaf.dictionaryFingerprint, `${schema} ${name}`).toBe(leavesOf(first).get(schema)!.get(name)!.dictionaryFingerprint);
      }
    }
  });

  describe('after each kind of change', () => {
    let before: CrawlBatch[];
    let after: CrawlBatch[];
    let changes: Map<string, CrawledObject>;
    let full: Map<string, CrawledObject>;

    beforeAll(async () => {
      before = await crawl(scope([], [db.name]));
      await withAdminClient(db.name, (client) => client.query(`${CHANGES}\nREVOKE SELECT (b) ON changes.granted FROM ${quoteIdent(role.name)};`));
      after = await crawl(storedFrom(before));
      changes = leavesOf(after).get(JSON.stringify([db.name, 'changes']))!;
      full = leavesOf(await crawl(scope([], [db.name]))).get(JSON.stringify([db.name, 'changes']))!;
    });

    it('reads the columns of exactly the changed tables; the other schemas are unchanged', () => {
      expect([...changes.values()].filter((leaf) => leaf.columns !== undefined).map((leaf) => leaf.name).sort()).toEqual(CHANGED);
      expect(changes.get('untouched')!.columns).toBeUndefined();
      expect(unchangedOf(after).sort()).toEqual(schemasWithTables(before).filter((name) => name !== 'changes'));
    });

    it('reads them as a full crawl does, with the fingerprint a full crawl gives', () => {
      for (const name of CHANGED) expect(changes.get(name), name).toEqual(full.get(name));
    });

    it('sees what changed', () => {
      const column = (table: string, index = 0) => changes.get(table)!.columns![index]!;
      expect(column('commented').comment).toBe('after');
      expect(column('uncommented').comment).toBeNull();
      expect(column('defaulted').defaultValue).toBe('2');
      expect(column('undefaulted').defaultValue).toBeNull();
      expect(column('newdefault').defaultValue).toBe('3');
      expect(column('retyped').type).toBe('bigint');
      expect(column('notnull').nullable).toBe(false);
      expect(column('nullable').nullable).toBe(true);
      expect(changes.get('added')!.columns!.map((c) => c.name)).toEqual(['id', 'extra']);
      expect(changes.get('dropped')!.columns!.map((c) => c.name)).toEqual(['id']);
      expect(column('renamed').name).toBe('key');
      expect(changes.get('granted')!.columns!.map((c) => c.name)).toEqual(['a']);
    });

    it('finds a granted column privilege, and a table comment', async () => {
      await withAdminClient(db.name, (client) => client.query(`GRANT SELECT (b) ON changes.granted TO ${quoteIdent(role.name)}; COMMENT ON TABLE changes.untouched IS 'now';`));
      const granted = leavesOf(await crawl(storedFrom(after))).get(JSON.stringify([db.name, 'changes']))!;
      expect(granted.get('granted')!.columns!.map((c) => c.name)).toEqual(['a', 'b']);
      expect(granted.get('untouched')!.comment).toBe('now');
      expect([...granted.values()].filter((leaf) => leaf.columns !== undefined).map((leaf) => leaf.name).sort()).toEqual(['granted', 'untouched']);
    });

    describe('of what the columns depend on (types, domains, sequences, role membership)', () => {
      let again: Map<string, CrawledObject>;
      let fallback: CrawlBatch[];

      beforeAll(async () => {
        const stored = await crawl(storedFrom(before));
        await withAdminClient(db.name, (client) => client.query(`${DEPENDENCY_CHANGES}\nGRANT ${quoteIdent(group.name)} TO ${quoteIdent(role.name)};`));
        fallback = await crawl(storedFrom(stored));
        again = leavesOf(fallback).get(JSON.stringify([db.name, 'changes']))!;
      });

      it('reads every dictionary of the database again', () => {
        expect(unchangedOf(fallback)).toEqual([]);
        for (const [schema, byName] of leavesOf(fallback)) for (const [name, leaf] of byName) expect(leaf.columns, `${schema} ${name}`).toBeDefined();
      });

      it('sees what changed', () => {
        expect(again.get('domained')!.columns![0]!.nullable).toBe(true);
        expect(again.get('typed')!.columns![0]!.type).toBe('changes.feeling');
        expect(again.get('sequenced')!.columns![0]!.defaultValue).toContain('tally');
        expect(again.get('member')!.columns!.map((c) => c.name)).toEqual(['a', 'b']);
      });
    });
  });
});
