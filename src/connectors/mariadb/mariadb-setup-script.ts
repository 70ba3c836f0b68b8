import { WardenError } from '../../errors.js';
import type { SetupScriptOptions } from '../technology.js';

/** The user variable that carries the password, so the script never contains one. */
export const PASSWORD_VARIABLE = 'warden_password';

/**
 * A script for the `mariadb` / `mysql` command-line client that creates (or updates) the user
 * Warden crawls with, granting exactly what the crawl needs.
 *
 * Information_schema lists a database, table or column to a user holding *any* privilege on
 * it. The script grants REFERENCES: it reads no rows and changes nothing (MariaDB does not use
 * it at all; MySQL needs it, with other privileges, only to declare foreign keys), so Warden
 * sees the catalog and cannot touch the data. On the databases given, or on every database
 * (`*.*`, which also covers databases created later) when none are given.
 *
 * The password is the user variable `@warden_password`, set on the command line with
 * `--init-command`; the script stops before doing anything when it is not set (the client
 * stops at the first error when it reads a script).
 */
export function mariadbSetupScript(options: SetupScriptOptions): string {
  const user = options.username;
  if (user === '' || /[\r\n\0\\]/.test(user)) {
    throw new WardenError('VALIDATION_FAILED', { detail: 'username must be non-empty, on one line, without backslashes' });
  }
  for (const database of options.databases ?? []) {
    if (database === '' || /[\r\n\0]/.test(database)) {
      throw new WardenError('VALIDATION_FAILED', { detail: 'databases must be non-empty names on one line' });
    }
  }
  const account = `${quoteString(user)}@'%'`;
  const targets = options.databases === undefined ? ['*.*'] : options.databases.map((database) => `${quoteGrantDatabase(database)}.*`);
  const grants = targets.map((target) => `GRANT REFERENCES ON ${target} TO ${account};`).join('\n');
  return `-- Warden: system user ${account} for crawling this MariaDB / MySQL server.
--
-- Grants exactly what the crawl needs: REFERENCES on ${options.databases === undefined ? 'every database (also those created later)' : 'the listed databases (also tables created in them later)'}.
-- information_schema shows a user every table and column it holds some privilege on, and
-- REFERENCES reads no data and changes nothing. A table Warden should not see must not be
-- covered by any privilege of this user.
--
-- Run it as an administrator, passing the password on the command line so it is never written here:
--   mariadb -h <host> -u root -p --init-command="SET @${PASSWORD_VARIABLE}='<password>'" < warden-setup.sql
-- ('%' lets the user connect from any host; replace it with Warden's address to narrow that.)

-- Stop here unless the password is set (preparing this text fails with the message in it).
PREPARE warden_check FROM IF(COALESCE(@${PASSWORD_VARIABLE}, '') = '',
  'Set the password first: --init-command="SET @${PASSWORD_VARIABLE}=''<password>''"', 'DO 0');
DEALLOCATE PREPARE warden_check;

-- The user (re-running the script only resets its password).
CREATE USER IF NOT EXISTS ${account};
SET @warden_statement = CONCAT('ALTER USER ', ${quoteString(quoteString(user))}, '@''%'' IDENTIFIED BY ', QUOTE(@${PASSWORD_VARIABLE}));
PREPARE warden_password_statement FROM @warden_statement;
EXECUTE warden_password_statement;
DEALLOCATE PREPARE warden_password_statement;
SET @warden_statement = NULL;

${grants}
`;
}

/** A string literal, valid with and without NO_BACKSLASH_ESCAPES (backslashes are refused above). */
function quoteString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * A database name in a GRANT: a quoted identifier in which `_` and `%`, wildcards in GRANT's
 * database part, are escaped so that only that database matches.
 */
function quoteGrantDatabase(name: string): string {
  return `\`${name.replace(/`/g, '``').replace(/([_%])/g, '\\$1')}\``;
}
