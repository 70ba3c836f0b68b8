import type { SetupScriptOptions } from '../technology.js';
import { identifier } from './databricks-technology.js';

/**
 * Databricks SQL for a metastore admin (or each catalog's owner) that gives the service
 * principal what the crawl needs and nothing more: USE CATALOG and USE SCHEMA to reach the
 * objects, BROWSE for their metadata (include_browse), SELECT for the tables' columns, and
 * CAN USE on the warehouse that reads the tag views. Privileges granted on a catalog are
 * inherited by its schemas and tables, now and in future. The principal signs in with a
 * personal access token or an OAuth secret made in the account console; the script holds none.
 *
 * Without a catalog list the per-catalog block is written once for a placeholder, to repeat.
 */
export function databricksSetupScript(options: SetupScriptOptions): string {
  const principal = identifier(options.username);
  const catalogs = options.databases ?? ['<CATALOG>'];
  const perCatalog = catalogs.map((name) => {
    const catalog = name === '<CATALOG>' ? name : identifier(name);
    return [
      `GRANT USE CATALOG ON CATALOG ${catalog} TO ${principal};`,
      `GRANT USE SCHEMA ON CATALOG ${catalog} TO ${principal};`,
      `GRANT BROWSE ON CATALOG ${catalog} TO ${principal};`,
      `GRANT SELECT ON CATALOG ${catalog} TO ${principal};`,
    ].join('\n');
  });
  return `-- Warden: what the service principal ${JSON.stringify(options.username)} needs to crawl Unity Catalog.
-- Run as a metastore admin or as the owner of each catalog.

-- Catalog access${options.databases === undefined ? ' (repeat this block for every catalog Warden crawls)' : ''}:
${perCatalog.join('\n\n')}

-- Tags are read from system.information_schema through the SQL warehouse of connection.httpPath:
-- give the principal CAN USE on that warehouse (workspace UI: SQL Warehouses > Permissions).
`;
}
