import { WardenError } from '../../errors.js';
import type { SetupScriptOptions } from '../technology.js';

/** The psql variable that carries the password, so the script never contains one. */
export const PASSWORD_VARIABLE = 'warden_password';

/**
 * A psql script that creates (or updates) the login role Warden crawls with, granting exactly
 * what the crawl needs: CONNECT on the databases, USAGE on their schemas, SELECT on their
 * tables, views, materialized views and foreign tables, and default privileges so objects
 * created later are visible too. No superuser, no write privileges.
 *
 * The password is a psql variable (`-v warden_password=…`); the script stops before doing
 * anything when it is not set. With `databases` the script visits each with `\connect`;
 * without, it grants CONNECT on every database and sets up the current one, and says how to
 * repeat that part in the others (PostgreSQL cannot grant inside another database).
 */
export function postgresSetupScript(options: SetupScriptOptions): string {
  const role = options.username;
  if (role === '' || /[\r\n\0]/.test(role)) {
    throw new WardenError('VALIDATION_FAILED', { detail: 'username must be non-empty and on one line' });
  }
  for (const database of options.databases ?? []) {
    if (database === '' || /[\r\n\0]/.test(database)) {
      throw new WardenError('VALIDATION_FAILED', { detail: 'databases must be non-empty names on one line' });
    }
  }
  const parts = [header(role), createRole(role)];
  if (options.databases === undefined) {
    parts.push(grantConnectEverywhere(role), perDatabaseNote(), databaseGrants(role));
  } else {
    for (const database of options.databases) {
      parts.push(`GRANT CONNECT ON DATABASE ${quoteIdent(database)} TO ${quoteIdent(role)};`);
    }
    for (const database of options.databases) {
      parts.push(`-- Database ${quoteIdent(database)}\n${psqlConnect(database)}\n${databaseGrants(role)}`);
    }
  }
  return `${parts.join('\n\n')}\n`;
}

function header(role: string): string {
  return `-- Warden: system role ${quoteIdent(role)} for crawling this PostgreSQL server.
--
-- Grants exactly what the crawl needs and nothing more:
--   * CONNECT on the databases to crawl;
--   * USAGE on their schemas;
--   * SELECT on their tables, views, materialized views and foreign tables. Warden reads only
--     the system catalogs, but it lists exactly what this role may read, so a table without
--     SELECT is not in Warden's catalog;
--   * default privileges, so schemas and tables created later are visible as well.
--
-- Run it with psql as a superuser (or as a role that owns the schemas and tables and may
-- grant on them), passing the password on the command line so it is never written here:
--   psql -h <host> -U postgres -d postgres -v ${PASSWORD_VARIABLE}='<password>' -f warden-setup.sql
-- (ALTER ROLE sends the password to the server; with log_statement = 'ddl' or 'all' it lands in
-- the server log. Set it afterwards with psql's \\password to avoid that.)

\\set ON_ERROR_STOP on
\\if :{?${PASSWORD_VARIABLE}}
\\else
  DO $$ BEGIN RAISE EXCEPTION 'Set the password first: psql -v ${PASSWORD_VARIABLE}=<password> -f <this file>'; END $$;
\\endif`;
}

function createRole(role: string): string {
  return `-- The role: may log in, nothing else (re-running the script only resets its attributes).
SELECT format('CREATE ROLE %I', ${quoteLiteral(role)})
WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = ${quoteLiteral(role)}) \\gexec
ALTER ROLE ${quoteIdent(role)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
  PASSWORD :'${PASSWORD_VARIABLE}';`;
}

function grantConnectEverywhere(role: string): string {
  return `-- CONNECT on every database that accepts connections (templates are not crawled).
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', datname, ${quoteLiteral(role)})
FROM pg_catalog.pg_database
WHERE NOT datistemplate AND datallowconn \\gexec`;
}

function perDatabaseNote(): string {
  return `-- Schema and table privileges live inside each database. What follows sets up the database
-- psql is connected to; run it again in every other database Warden should see
-- (\\connect <database>, then the statements below), or generate this script with the list of
-- databases so it visits each of them.`;
}

/** The statements to run inside one database (psql is connected to it). */
function databaseGrants(role: string): string {
  const roleLiteral = quoteLiteral(role);
  return `-- USAGE on every schema and SELECT on every table-like relation in it (GRANT ... ON ALL
-- TABLES covers tables, partitioned tables, views, materialized views and foreign tables).
SELECT format('GRANT USAGE ON SCHEMA %I TO %I', nspname, ${roleLiteral}),
       format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I', nspname, ${roleLiteral})
FROM pg_catalog.pg_namespace
WHERE nspname NOT IN ('pg_catalog', 'information_schema')
  AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp%' \\gexec

-- Objects created later. Default privileges belong to the role that creates the object, so
-- they are set for every role that owns a schema or a table here today, and for the role
-- running this script. A role that starts creating tables later needs the same two
-- statements (FOR ROLE <that role>).
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I GRANT USAGE ON SCHEMAS TO %I', rolname, ${roleLiteral}),
       format('ALTER DEFAULT PRIVILEGES FOR ROLE %I GRANT SELECT ON TABLES TO %I', rolname, ${roleLiteral})
FROM pg_catalog.pg_roles
WHERE rolname NOT LIKE 'pg\\_%'
  AND rolname <> ${roleLiteral}
  AND (rolname = current_user
       OR oid IN (SELECT nspowner FROM pg_catalog.pg_namespace
                  WHERE nspname NOT IN ('pg_catalog', 'information_schema')
                    AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp%')
       OR oid IN (SELECT c.relowner FROM pg_catalog.pg_class c
                  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
                    AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                    AND n.nspname NOT LIKE 'pg\\_toast%')) \\gexec`;
}

/**
 * psql's `\connect` for any database name, as pg_dump writes it: a conninfo string in double
 * quotes, so spaces, quotes and `=` in the name cannot be misread.
 */
function psqlConnect(database: string): string {
  const value = database.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  const conninfo = `dbname='${value}'`;
  return `\\connect -reuse-previous=on "${conninfo.replace(/"/g, '""')}"`;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
