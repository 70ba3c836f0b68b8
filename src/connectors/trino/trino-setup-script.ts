import type { SetupScriptOptions } from '../technology.js';
import { SYSTEM_CATALOG } from './trino-technology.js';

/**
 * Rules for Trino's file-based access control (`access-control.name=file`,
 * `security.config-file`) that let the system user see what the crawl reads and nothing more:
 * read-only access to the crawled catalogs (all, or the listed ones) and to `system`, and
 * SELECT on their tables. Trino's information_schema and system.metadata list a table only to
 * a user holding some privilege on it, so SELECT is what makes tables visible (and a schema is
 * listed when a table in it is: no schema rule is needed); read-only catalog access lets no
 * statement change anything. Without the `system` entries the crawl's own reads of
 * system.metadata are "Access Denied". The Trino contract's access case proves this shape on a
 * real Trino (test/helpers/trino-server.ts RestrictedTrino: these entries, with the SELECT rule
 * narrowed to single tables, on top of an administrator's rules, reloaded while Trino runs).
 *
 * Trino has no SQL for users: the password lives in the password file (or the principal in the
 * identity provider), so the script holds no secret. The rules file is the whole policy and
 * its first matching rule wins, so the entries are merged at the top of the file's lists.
 */
export function trinoSetupScript(options: SetupScriptOptions): string {
  const rules = trinoAccessRules(options);
  return `// Warden: access for the system user ${JSON.stringify(options.username)} on this Trino.
//
// Merge the entries below at the top of the "catalogs" and "tables" lists of the rules file
// Trino's file-based access control reads (etc/access-control.properties:
// access-control.name=file, security.config-file=<this file>). Rules are tried in order and the
// first match wins, so these must come before any rule that matches every user.
// They grant read-only access to ${options.databases === undefined ? 'every catalog' : 'the listed catalogs'} and to "system", and SELECT
// on their tables: Trino lists a table to a user only when the user holds a privilege on it.
// The user signs in as the authenticator says (a password file entry, or the identity
// provider's principal for oAuth2); this file holds no password.
${JSON.stringify(rules, null, 2)}
`;
}

/** One entry of a file-based access control rules list (Trino's own JSON field names). */
export interface TrinoAccessRule {
  user: string;
  catalog: string;
  schema?: string;
  table?: string;
  allow?: 'all' | 'read-only' | 'none';
  privileges?: string[];
}

/** The rules the setup script prints: the entries to put on top of the file's "catalogs" and "tables" lists. */
export function trinoAccessRules(options: SetupScriptOptions): { catalogs: TrinoAccessRule[]; tables: TrinoAccessRule[] } {
  const user = exactPattern(options.username);
  const catalogs = options.databases === undefined ? '.*' : `(${options.databases.map(exactPattern).join('|')})`;
  return {
    catalogs: [
      { user, catalog: exactPattern(SYSTEM_CATALOG), allow: 'read-only' },
      { user, catalog: catalogs, allow: 'read-only' },
    ],
    tables: [
      { user, catalog: exactPattern(SYSTEM_CATALOG), privileges: ['SELECT'] },
      { user, catalog: catalogs, privileges: ['SELECT'] },
    ],
  };
}

/** A rule pattern (a Java regular expression over the whole name) matching exactly `name`. */
export function exactPattern(name: string): string {
  return name.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
