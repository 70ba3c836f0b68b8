-- Seed for connector and sync tests: names that break naive quoting, splitting or case
-- folding, every leaf kind PostgreSQL has, and a dictionary with types, defaults, NOT NULL
-- and comments. Run as a superuser inside a fresh test database (postgres_fdw needs it).
-- Expected crawl results are asserted in test/connectors/postgres-connector.test.ts; change
-- both together.

DO $$
BEGIN
  EXECUTE format('COMMENT ON DATABASE %I IS %L', current_database(), 'Hostile names test database');
END
$$;

-- Schemas: mixed case, quotes and spaces, dots and slashes, non-ASCII, and two schemas whose
-- names differ only in case.
CREATE SCHEMA "Mixed Case";
COMMENT ON SCHEMA "Mixed Case" IS 'Schema with a ''quoted'' comment';
CREATE SCHEMA "with ""quotes"" and spaces";
CREATE SCHEMA "dots.and/slashes";
CREATE SCHEMA "Ünïcødé 表";
CREATE SCHEMA "Case";
CREATE SCHEMA "case";

-- Two tables whose names differ only in case.
CREATE TABLE "Mixed Case"."CamelTable" (
  "Id" integer NOT NULL,
  "Name" text
);
CREATE TABLE "Mixed Case"."cameltable" (
  "id" bigint
);

-- The dictionary: types as format_type spells them, defaults, NOT NULL, comments, a dropped
-- column (leaves a gap in the ordinals) and an identity column (no default expression).
CREATE TABLE "Mixed Case"."Typed Columns" (
  "Id" bigint GENERATED ALWAYS AS IDENTITY,
  "Short Name" varchar(20) NOT NULL DEFAULT 'anon',
  "Dropped" text,
  "Amount" numeric(10,2) DEFAULT 0.00,
  "Tags" text[],
  "Created At" timestamptz NOT NULL DEFAULT now(),
  "col.with.dots/and/slash" text,
  "quoted ""col""" integer DEFAULT 42,
  "Doubled" numeric(10,2) GENERATED ALWAYS AS ("Amount" * 2) STORED
);
ALTER TABLE "Mixed Case"."Typed Columns" DROP COLUMN "Dropped";
COMMENT ON TABLE "Mixed Case"."Typed Columns" IS 'Every column kind we care about';
COMMENT ON COLUMN "Mixed Case"."Typed Columns"."Short Name" IS 'At most 20 characters';
COMMENT ON COLUMN "Mixed Case"."Typed Columns"."quoted ""col""" IS 'Comment with "double" and ''single'' quotes';

-- A table without columns, and a 63-byte name (the longest PostgreSQL keeps).
CREATE TABLE "Mixed Case"."no columns" ();
CREATE TABLE "Mixed Case"."t23456789012345678901234567890123456789012345678901234567890123" (
  "c23456789012345678901234567890123456789012345678901234567890123" integer
);

-- Quotes, spaces, dots, slashes and non-ASCII in table names inside such schemas.
CREATE TABLE "with ""quotes"" and spaces"."a ""quoted"" table" ("x y" integer);
CREATE TABLE "dots.and/slashes"."table.with.dots/and/slash" ("a.b" text);
CREATE TABLE "Ünïcødé 表"."Ünïcødé 表" ("列 ü" text NOT NULL DEFAULT 'ß');
COMMENT ON TABLE "Ünïcødé 表"."Ünïcødé 表" IS 'Ünïcødé comment 表';
CREATE TABLE "Case"."T" (a integer);
CREATE TABLE "case"."t" (a integer);

-- Leaf kinds: view, materialized view, partitioned table with partitions (a sub-partitioned
-- one too; none of the partitions is an object), foreign table. Also a sequence, an index and
-- a composite type, which are not objects either.
CREATE VIEW "Mixed Case"."Camel View" AS SELECT "Id", "Name" FROM "Mixed Case"."CamelTable";
COMMENT ON VIEW "Mixed Case"."Camel View" IS 'A view';
CREATE MATERIALIZED VIEW "Mixed Case"."Camel Matview" AS SELECT "Id" FROM "Mixed Case"."CamelTable";
CREATE TABLE "Mixed Case"."Events" (
  "Event Id" bigint NOT NULL,
  "At" date NOT NULL
) PARTITION BY RANGE ("At");
CREATE TABLE "Mixed Case"."Events 2024" PARTITION OF "Mixed Case"."Events"
  FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE "Mixed Case"."Events 2025" PARTITION OF "Mixed Case"."Events"
  FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY RANGE ("Event Id");
CREATE TABLE "Mixed Case"."Events 2025 low" PARTITION OF "Mixed Case"."Events 2025"
  FOR VALUES FROM (0) TO (1000);
CREATE SEQUENCE "Mixed Case"."a sequence";
CREATE INDEX "Camel Index" ON "Mixed Case"."CamelTable" ("Id");
CREATE TYPE "Mixed Case"."a composite" AS (a integer, b text);

CREATE EXTENSION IF NOT EXISTS postgres_fdw;
CREATE SERVER "loop back" FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname 'postgres');
CREATE FOREIGN TABLE "Mixed Case"."Foreign Thing" (
  "Remote Id" integer NOT NULL,
  note varchar(20)
) SERVER "loop back" OPTIONS (schema_name 'public', table_name 'nothing');
COMMENT ON FOREIGN TABLE "Mixed Case"."Foreign Thing" IS 'A foreign table';
