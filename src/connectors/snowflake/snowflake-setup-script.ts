import type { SetupScriptOptions } from '../technology.js';
import { identifier, literal } from './snowflake-technology.js';

/**
 * SQL for a Snowflake administrator (run as SECURITYADMIN, or a role with MANAGE GRANTS) that
 * creates the system role and user with what the crawl needs and nothing more: USAGE on the
 * databases and their schemas, REFERENCES (structure without data) and SELECT on their tables
 * and views — now and in future (future grants) — and IMPORTED PRIVILEGES on the SNOWFLAKE
 * database, for ACCOUNT_USAGE's stable ids and its tags in bulk. The user signs in with a key
 * pair (ALTER USER … SET RSA_PUBLIC_KEY); the script holds no secret.
 *
 * Snowflake has no grant on every database, so without a database list the per-database block
 * is written once for a placeholder, to repeat per database.
 */
export function snowflakeSetupScript(options: SetupScriptOptions): string {
  const user = identifier(options.username);
  const role = identifier(`${options.username}_ROLE`);
  const databases = options.databases ?? ['<DATABASE>'];
  const perDatabase = databases.map((name) => {
    const database = name === '<DATABASE>' ? name : identifier(name);
    return [
      `GRANT USAGE ON DATABASE ${database} TO ROLE ${role};`,
      `GRANT USAGE ON ALL SCHEMAS IN DATABASE ${database} TO ROLE ${role};`,
      `GRANT USAGE ON FUTURE SCHEMAS IN DATABASE ${database} TO ROLE ${role};`,
      `GRANT REFERENCES, SELECT ON ALL TABLES IN DATABASE ${database} TO ROLE ${role};`,
      `GRANT REFERENCES, SELECT ON FUTURE TABLES IN DATABASE ${database} TO ROLE ${role};`,
      `GRANT REFERENCES, SELECT ON ALL VIEWS IN DATABASE ${database} TO ROLE ${role};`,
      `GRANT REFERENCES, SELECT ON FUTURE VIEWS IN DATABASE ${database} TO ROLE ${role};`,
    ].join('\n');
  });
  return `-- Warden: the system user ${JSON.stringify(options.username)} and its role, with exactly what the crawl needs.
-- Run as SECURITYADMIN (or a role with MANAGE GRANTS); the warehouse is the one the connection names.
USE ROLE SECURITYADMIN;
CREATE ROLE IF NOT EXISTS ${role};
CREATE USER IF NOT EXISTS ${user} TYPE = SERVICE DEFAULT_ROLE = ${role};
GRANT ROLE ${role} TO USER ${user};
GRANT USAGE ON WAREHOUSE <WAREHOUSE> TO ROLE ${role};

-- Catalog access${options.databases === undefined ? ' (repeat this block for every database Warden crawls)' : ''}:
${perDatabase.join('\n\n')}

-- Stable table ids and tags in one query each, from SNOWFLAKE.ACCOUNT_USAGE (without it Warden
-- reads tags table by table and recognises renames by their columns).
GRANT IMPORTED PRIVILEGES ON DATABASE SNOWFLAKE TO ROLE ${role};

-- Key-pair sign-in: the public key of the pair whose private key the connection holds
-- (the base64 body of the PEM, without the BEGIN/END lines).
ALTER USER ${user} SET RSA_PUBLIC_KEY = ${literal('<PUBLIC KEY>')};
`;
}
