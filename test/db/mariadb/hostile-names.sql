-- Seed for MariaDB connector and sync tests: names that break naive quoting, splitting or
-- case folding, every leaf kind MariaDB has, and a dictionary with full column types,
-- defaults, NOT NULL and comments. Run as the administrator inside a fresh test database.
-- Expected crawl results are asserted in test/connectors/mariadb-connector.test.ts; change
-- both together.

-- Two tables whose names differ only in case (lower_case_table_names=0 keeps them apart).
CREATE TABLE `CamelTable` (`Id` int NOT NULL, `Name` text);
CREATE TABLE `cameltable` (`id` bigint);

-- The dictionary: COLUMN_TYPE as MariaDB writes it, defaults (literal, expression, none,
-- explicit NULL), NOT NULL, comments, a generated column, enum and unsigned types.
CREATE TABLE `Typed Columns` (
  `Id` bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
  `Short Name` varchar(20) NOT NULL DEFAULT 'anon' COMMENT 'At most 20 characters',
  `Amount` decimal(10,2) DEFAULT 0.00,
  `Status` enum('new','done') NOT NULL DEFAULT 'new',
  `Created At` timestamp NOT NULL DEFAULT current_timestamp(),
  `col.with.dots/and/slash` text,
  `quoted "col" and 'single' and ``back``` int DEFAULT 42 COMMENT 'Comment with "double" and ''single'' quotes',
  `Doubled` decimal(10,2) GENERATED ALWAYS AS (`Amount` * 2) VIRTUAL,
  `Maybe` int DEFAULT NULL
) COMMENT 'Every column kind we care about';

-- Quotes, backticks, spaces, dots, slashes, non-ASCII and the longest name MariaDB keeps (64).
CREATE TABLE `a "quoted" table with 'single' and ``back`` ticks` (`x y` int);
CREATE TABLE `table.with.dots/and/slash` (`a.b` text);
CREATE TABLE `Ünïcødé 表` (`列 ü` varchar(10) NOT NULL DEFAULT 'ß') COMMENT 'Ünïcødé comment 表';
CREATE TABLE `t234567890123456789012345678901234567890123456789012345678901234` (
  `c234567890123456789012345678901234567890123456789012345678901234` int
);

-- Leaf kinds: view, system-versioned table, sequence.
CREATE VIEW `Camel View` AS SELECT `Id`, `Name` FROM `CamelTable`;
CREATE TABLE `History` (`Id` int NOT NULL, `Value` text) WITH SYSTEM VERSIONING COMMENT 'System-versioned';
CREATE SEQUENCE `a sequence`;
