/**
 * The catalog SQL of the PostgreSQL connector, one named constant per question we ask.
 *
 * Rules every query here follows:
 * - `pg_catalog` only, never `information_schema`: the information_schema views re-check
 *   privileges per row through nested views and were measured 7x slower on 500k columns.
 * - Relations and functions are schema-qualified, so a per-database or per-role `search_path`
 *   cannot shadow them.
 * - Values travel as bind parameters only; names are compared exactly (case-sensitive).
 * - Object identifiers come back as text (`oid::text`): they are our stable ids and must not
 *   pass through a JavaScript number parser.
 * - The connector runs them with `rowMode: 'array'`, so each row is a tuple; the tuple types
 *   below name the positions and the mapper reads them by position.
 * - Comments are joined from `pg_description` / `pg_shdescription` instead of calling
 *   `obj_description()` / `col_description()` per row, which would look each one up separately.
 *
 * Privileges: everything here reads catalogs that PUBLIC may read by default. What the crawl
 * *lists* is limited to what the role may use (CONNECT, USAGE, SELECT), so the catalog mirrors
 * exactly what the system user can see; `postgres-setup-script.ts` grants those.
 */

/** `[oid, name, comment]` of a database or schema. */
export type ContainerRow = [stableId: string, name: string, comment: string | null];

/** `[oid, name, relkind, comment]` of a table-like relation. */
export type RelationRow = [stableId: string, name: string, relkind: string, comment: string | null];

/** `[oid, name, relkind]`: a relation as the relation queries return it, before its comment is merged. */
export type RelationNameRow = [stableId: string, name: string, relkind: string];

/**
 * `[relation oid, name, attnum, formatted type, nullable, attgenerated]` of a column.
 * `generation` is `''` for an ordinary column, `'s'` for a stored generated one, `'v'` for a
 * virtual one (PostgreSQL 18); the expression of a generated column is its pg_attrdef row.
 */
export type ColumnRow = [relationId: string, name: string, ordinal: number, type: string, nullable: boolean, generation: string];

/** `[relation oid, attnum, text]`: a column's default expression, or its comment. */
export type ColumnTextRow = [relationId: string, ordinal: number, text: string];

/** The three reads that make up a set of dictionaries (see {@link LIST_SCHEMA_COLUMNS}). */
export interface ColumnRows {
  columns: readonly ColumnRow[];
  defaults: readonly ColumnTextRow[];
  comments: readonly ColumnTextRow[];
}

/*
 * Databases the role may connect to. Templates and databases that refuse connections are
 * not crawlable, so they are not objects. Privileges: none beyond LOGIN (pg_database and
 * pg_shdescription are readable by PUBLIC); has_database_privilege decides visibility.
 */
const DATABASES = `
SELECT d.oid::text, d.datname::text, sd.description
FROM pg_catalog.pg_database d
LEFT JOIN pg_catalog.pg_shdescription sd
  ON sd.objoid = d.oid AND sd.classoid = 'pg_catalog.pg_database'::pg_catalog.regclass
WHERE NOT d.datistemplate
  AND d.datallowconn
  AND pg_catalog.has_database_privilege(d.oid, 'CONNECT')`;

/** Every database the role may connect to. Row: {@link ContainerRow}. No parameters. */
export const LIST_DATABASES = `${DATABASES}
ORDER BY d.datname`;

/**
 * The database named `$1` or with oid `$2` (null when Warden knows no id), for a scoped
 * crawl: a renamed database is found by its oid. Row: {@link ContainerRow}; at most two rows
 * (one per match), the mapper picks the id match first.
 */
export const FIND_DATABASE = `${DATABASES}
  AND (d.datname = $1::text OR d.oid = $2::oid)`;

/*
 * Schemas of the current database on which the role has USAGE, without the system schemas
 * (pg_catalog, information_schema, TOAST and temporary-table schemas of every backend).
 * Privileges: none beyond CONNECT (pg_namespace and pg_description are readable by PUBLIC).
 */
const SCHEMAS = `
SELECT n.oid::text, n.nspname::text, d.description
FROM pg_catalog.pg_namespace n
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = n.oid AND d.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass AND d.objsubid = 0
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\\_toast%'
  AND n.nspname NOT LIKE 'pg\\_temp%'
  AND pg_catalog.has_schema_privilege(n.oid, 'USAGE')`;

/** Every visible schema of the current database. Row: {@link ContainerRow}. No parameters. */
export const LIST_SCHEMAS = `${SCHEMAS}
ORDER BY n.nspname`;

/** The schema named `$1` or with oid `$2`. Row: {@link ContainerRow}; at most two rows. */
export const FIND_SCHEMA = `${SCHEMAS}
  AND (n.nspname = $1::text OR n.oid = $2::oid)`;

/*
 * Table-like relations of one schema (`$1` = schema oid) the role may read: ordinary (r),
 * partitioned (p), views (v), materialized views (m) and foreign tables (f). Partitions are
 * left out (`relispartition`): the partitioned parent is the governed object. A relation on
 * which the role has no SELECT on any column is not listed at all, so losing the privilege
 * reads as a removal. Privileges: USAGE on the schema (checked one level up) and SELECT on
 * the relation or some of its columns.
 */
const RELATION_FILTER = `c.relnamespace = $1::oid
  AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND NOT c.relispartition
  AND pg_catalog.has_any_column_privilege(c.oid, 'SELECT')`;

/*
 * The relations' comments are read by a query of their own (RELATION_COMMENTS) and merged in
 * the crawl: joined here, a stale pg_class estimate (1 row for 10,000) made the planner scan
 * pg_description once per relation — 2 s for one schema of a 100,000-table database.
 */
const RELATIONS = `
SELECT c.oid::text, c.relname::text, c.relkind::text
FROM pg_catalog.pg_class c
WHERE ${RELATION_FILTER}`;

/** The relation of schema `$1` named `$2` or with oid `$3`. Row: {@link RelationNameRow}; at most two rows. */
export const FIND_RELATION = `${RELATIONS}
  AND (c.relname = $2::text OR c.oid = $3::oid)`;

/** Comments of the relations of schema `$1` (those RELATION_FILTER selects). Row: `[oid, comment]`. */
export const LIST_RELATION_COMMENTS = `
SELECT d.objoid::text, d.description
FROM pg_catalog.pg_description d
WHERE d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = 0
  AND d.objoid IN (SELECT c.oid FROM pg_catalog.pg_class c WHERE ${RELATION_FILTER})`;

/*
 * Columns: user columns only (attnum > 0 excludes the system columns ctid, xmin, …), not
 * dropped ones. The type is spelled by format_type with the typmod, as the platform writes it
 * (`character varying(20)`, `numeric(10,2)`, `text[]`). Privileges: none beyond those of the
 * relation (pg_attribute, pg_attrdef, pg_description and pg_type are readable by PUBLIC).
 *
 * Visibility, as information_schema.columns (and MariaDB's) has it: a column is listed when the
 * role holds some privilege on it (SELECT, INSERT, UPDATE or REFERENCES), on the table or on the
 * column. A per-column has_column_privilege call over 500k columns cost 1.0 s on top of 0.2 s
 * (measured), so it is asked only of relations where the role lacks a table-level privilege:
 * has_table_privilege runs once per relation in the subquery (OFFSET 0 keeps the planner from
 * folding it into the per-column filter). Defaults and comments are not filtered: the mapper
 * keeps only those of listed columns.
 *
 * Nullability is the effective one: NOT NULL on the column, or a type that is a domain declared
 * NOT NULL or over one (a domain's constraints include its base domain's), from a handful of
 * pg_type rows read once per query. information_schema.columns agrees for a column of a NOT
 * NULL domain but calls a column of a domain over such a domain nullable, though it can hold no
 * NULL; we report what the column can hold.
 *
 * Speed (500k columns, measured): defaults and comments are read by queries of their own
 * rather than joined. The joins made the planner sort all 500k attribute rows (spilling to
 * disk) for a merge join with pg_attrdef, and cost as much as the rest of the read: 1.0 s
 * joined, 0.6 s split. Most columns have neither, so the two extra results are small. A plain
 * default cannot reference a column, so it is deparsed without a relation (relid 0), which
 * skips the per-call relation lookup; only generated columns, whose expressions do reference
 * columns, pass their relation. There is no ORDER BY: sorting 500k rows spilled to disk, so
 * the mapper sorts each table's columns by ordinal instead.
 *
 * Identity columns (attidentity) have no pg_attrdef row, so their default is null rather than
 * the sequence call a `serial` column shows: the value comes from the column's own sequence,
 * which is not an expression a user wrote. No separate fact records it (see docs/connectors.md).
 */
const ANY_COLUMN_PRIVILEGE = "'SELECT, INSERT, UPDATE, REFERENCES'";

const NOT_NULL_DOMAINS = `
WITH RECURSIVE not_null_domains (oid) AS (
  SELECT t.oid FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typnotnull
  UNION
  SELECT t.oid FROM pg_catalog.pg_type t JOIN not_null_domains d ON t.typbasetype = d.oid WHERE t.typtype = 'd'
)`;

/** The columns of the relations `relations` (a condition on pg_class `c`) selects. */
function columnsOf(relations: string): string {
  return `${NOT_NULL_DOMAINS}
SELECT a.attrelid::text, a.attname::text, a.attnum::int, pg_catalog.format_type(a.atttypid, a.atttypmod),
  NOT (a.attnotnull OR a.atttypid IN (SELECT nd.oid FROM not_null_domains nd)), a.attgenerated::text
FROM (
  SELECT c.oid, pg_catalog.has_table_privilege(c.oid, ${ANY_COLUMN_PRIVILEGE}) AS whole_table
  FROM pg_catalog.pg_class c
  WHERE ${relations}
  OFFSET 0
) r
JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid
WHERE a.attnum > 0
  AND NOT a.attisdropped
  AND (r.whole_table OR pg_catalog.has_column_privilege(r.oid, a.attnum, ${ANY_COLUMN_PRIVILEGE}))`;
}

const DEFAULTS = `
SELECT ad.adrelid::text, ad.adnum::int, pg_catalog.pg_get_expr(ad.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE ad.adrelid END)
FROM pg_catalog.pg_attrdef ad
JOIN pg_catalog.pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
WHERE NOT a.attisdropped`;

const COMMENTS = `
SELECT d.objoid::text, d.objsubid::int, d.description
FROM pg_catalog.pg_description d
WHERE d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid > 0`;

/** The relations of schema `$1` a crawl lists (RELATION_FILTER), as a subquery. */
const SCHEMA_RELATIONS = `(SELECT c.oid FROM pg_catalog.pg_class c WHERE ${RELATION_FILTER})`;

/**
 * The dictionaries of every relation of schema `$1` a crawl lists: one query
 * each for columns, defaults and comments per schema (never per table), unordered (see above).
 * The relation filter is the same as the listing's, so a column of a relation the role may
 * not read never leaves the server, nor a column it holds no privilege on. Rows:
 * {@link ColumnRow}, {@link ColumnTextRow}.
 */
export const LIST_SCHEMA_COLUMNS = {
  columns: columnsOf(RELATION_FILTER),
  defaults: `${DEFAULTS}
  AND ad.adrelid IN ${SCHEMA_RELATIONS}`,
  comments: `${COMMENTS}
  AND d.objoid IN ${SCHEMA_RELATIONS}`,
} as const;

/**
 * The dictionaries of the relations whose oids are `$1` (an oid array: the one table of a scoped
 * crawl, or the tables of a schema whose fingerprint changed). Rows as {@link LIST_SCHEMA_COLUMNS}.
 */
export const LIST_RELATION_COLUMNS = {
  columns: columnsOf('c.oid = ANY ($1::oid[])'),
  defaults: `${DEFAULTS}
  AND ad.adrelid = ANY ($1::oid[])`,
  comments: `${COMMENTS}
  AND d.objoid = ANY ($1::oid[])`,
} as const;

/**
 * Row versions of a set of catalog rows (`alias` names the catalog table in the FROM clause),
 * as one value: the count of the rows, the sum of their `xmin` and the sum of a hash of it
 * (`n.sum.hashsum`). A catalog row gets a new `xmin` whenever it is inserted or updated (and
 * keeps it when frozen, since PostgreSQL 9.4), so adding, dropping, renaming, retyping, a new
 * default or comment all change the set's value: new xids are larger than those of rows an
 * earlier read saw, so with the same count the sum differs (the hash sum guards against the
 * one coincidence that could cancel, a transaction that commits out of xid order).
 */
function rowVersions(alias: string): string {
  const xid = `${alias}.xmin::text::int8`;
  return `pg_catalog.count(*)::text || '.' || COALESCE(pg_catalog.sum(${xid}), 0)::text || '.' || COALESCE(pg_catalog.sum(pg_catalog.hashint8(${xid})), 0)::text`;
}

/**
 * The dictionary fingerprint's database-wide part: what can change what the crawl reports of a
 * column without touching that column's own catalog rows. The role, its superuser flag, its
 * memberships and those of the roles it belongs to, with their inherit flags (privileges granted
 * through a role; memberships of other roles of the cluster are left out), the server version and
 * search path (format_type qualifies a type outside it), and the row versions of the catalogs a
 * column's type or default expression names: types (a renamed type or table row type, a
 * domain's NOT NULL), schemas, sequences (a renamed sequence shows in a `nextval` default),
 * functions, operators and collations. Any change in those — creating a table adds type rows —
 * makes every relation of the database read in full once: safe, and as costly as a read. One row:
 * `[md5 hex]`. No parameters.
 */
export const DICTIONARY_DEPENDENCIES = `
WITH RECURSIVE member_of (roleid) AS (
  SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = CURRENT_USER
  UNION
  SELECT m.roleid FROM pg_catalog.pg_auth_members m JOIN member_of o ON m.member = o.roleid
)
SELECT pg_catalog.md5(pg_catalog.concat_ws(':',
  r.oid::text, r.rolsuper::text,
  pg_catalog.current_setting('server_version_num'), pg_catalog.current_schemas(true)::text,
  (SELECT pg_catalog.string_agg(g.oid::text || g.rolinherit::text, ',' ORDER BY g.oid) FROM pg_catalog.pg_roles g WHERE g.oid IN (SELECT o.roleid FROM member_of o)),
  (SELECT ${rowVersions('x')} FROM pg_catalog.pg_auth_members x WHERE x.member IN (SELECT o.roleid FROM member_of o)),
  (SELECT ${rowVersions('x')} FROM pg_catalog.pg_type x),
  (SELECT ${rowVersions('x')} FROM pg_catalog.pg_namespace x),
  (SELECT ${rowVersions('x')} FROM pg_catalog.pg_class x WHERE x.relkind = 'S'),
  (SELECT ${rowVersions('x')} FROM pg_catalog.pg_proc x),
  (SELECT ${rowVersions('x')} FROM pg_catalog.pg_operator x),
  (SELECT ${rowVersions('x')} FROM pg_catalog.pg_collation x)))
FROM pg_catalog.pg_roles r
WHERE r.rolname = CURRENT_USER`;

/** `[oid, name, relkind, row versions]`: a relation with its own part of the dictionary fingerprint (see {@link LIST_RELATION_FINGERPRINTS}). */
export type RelationVersionRow = [stableId: string, name: string, relkind: string, versions: string];

/** `[relation oid, row versions]`: the defaults' or comments' part of a relation's fingerprint; relations without rows have none. */
export type RowVersionsRow = [relationId: string, versions: string];

/**
 * The relations of schema `$1` a crawl lists (RELATION_FILTER, by name), with the row versions that make up
 * their dictionary fingerprints, for a re-sync: the server answers one row per relation instead
 * of every column, at about the cost of scanning pg_attribute (the md5 of each relation's column
 * text cost 3–4x that, as much as reading the columns). A first sync asks them too, before it reads
 * the columns, so that its first re-sync can skip. Three queries, as the dictionary is read:
 *
 * - `relations`: the relation's pg_class row version (a rename, a table-level grant or revoke)
 *   and those of its listed columns (same visibility filter as LIST_SCHEMA_COLUMNS: a revoked
 *   column privilege drops a row; names, types, NOT NULL, generation, column grants are the rows'
 *   own fields). Row: {@link RelationVersionRow}. Names come from the same statement as the row
 *   versions, so a stored name is never older than the fingerprint stored with it.
 * - `defaults`: its pg_attrdef rows (defaults, generation expressions). Row: {@link RowVersionsRow}.
 * - `comments`: its pg_description rows (the relation's comment and its columns'). Row: {@link RowVersionsRow}.
 *
 * What changes a column's reported facts without touching these rows is in
 * {@link DICTIONARY_DEPENDENCIES}. A change that is not one (a VACUUM FULL of a table rewrites its
 * pg_class row) only makes that relation's columns be read again.
 */
export const LIST_RELATION_FINGERPRINTS = {
  relations: `
SELECT r.oid::text, r.relname::text, r.relkind::text, r.xmin::text || ':' || f.versions
FROM (
  SELECT c.oid, c.relname, c.relkind, c.xmin, pg_catalog.has_table_privilege(c.oid, ${ANY_COLUMN_PRIVILEGE}) AS whole_table
  FROM pg_catalog.pg_class c
  WHERE ${RELATION_FILTER}
  OFFSET 0
) r
CROSS JOIN LATERAL (
  SELECT ${rowVersions('a')} AS versions
  FROM pg_catalog.pg_attribute a
  WHERE a.attrelid = r.oid
    AND a.attnum > 0
    AND NOT a.attisdropped
    AND (r.whole_table OR pg_catalog.has_column_privilege(r.oid, a.attnum, ${ANY_COLUMN_PRIVILEGE}))
) f
ORDER BY r.relname`,
  defaults: `
SELECT ad.adrelid::text, ${rowVersions('ad')}
FROM pg_catalog.pg_attrdef ad
WHERE ad.adrelid IN ${SCHEMA_RELATIONS}
GROUP BY ad.adrelid`,
  comments: `
SELECT d.objoid::text, ${rowVersions('d')}
FROM pg_catalog.pg_description d
WHERE d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
  AND d.objoid IN ${SCHEMA_RELATIONS}
GROUP BY d.objoid`,
} as const;
