import { adminQuery, adminServer, quoteIdent, type PostgresTestContext, type TestDatabase, type TestRole } from './postgres-server.js';
import type { TestServer } from './test-server.js';

/** Grants `role` what Warden's crawl needs on every user schema of `database` (tables created later too), as the setup script would. */
export async function grantCrawlAccess(database: string, role: TestRole): Promise<void> {
  await adminQuery(
    database,
    `DO $$
     DECLARE s text;
     BEGIN
       FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%' LOOP
         EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', s, ${quoteLiteralSql(role.name)});
         EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I', s, ${quoteLiteralSql(role.name)});
         EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON TABLES TO %I', s, ${quoteLiteralSql(role.name)});
       END LOOP;
     END $$`,
  );
}

function quoteLiteralSql(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * A seeded test database, a role that may crawl only it, and a Warden connection for that role
 * registered through the API with its first sync completed.
 */
export async function registerTestConnection(
  server: TestServer,
  pg: PostgresTestContext,
  options: { connectionKey: string; seed?: string | string[]; sql?: string; settings?: Record<string, unknown>; password?: string },
): Promise<{ db: TestDatabase; role: TestRole; firstSync: any }> {
  const db = await pg.createDatabase(options.seed === undefined ? {} : { seed: options.seed });
  if (options.sql !== undefined) await adminQuery(db.name, options.sql);
  const role = await pg.createRole({ connect: [db.name], ...(options.password !== undefined && { password: options.password }) });
  await grantCrawlAccess(db.name, role);
  const response = await server.request('POST', '/data/connection', {
    connectionKey: options.connectionKey,
    connection: connectionInput(db, role),
    ...(options.settings && { settings: options.settings }),
  });
  if (response.status !== 201) throw new Error(`register answered ${response.status}: ${JSON.stringify(response.body)}`);
  const firstSync = await server.waitForJob(response.body.syncRunId);
  return { db, role, firstSync };
}

/** The `connection` of a registration for `role`, starting in `db`. */
export function connectionInput(db: TestDatabase, role: TestRole, password = role.password) {
  return {
    technology: 'PostgreSQL',
    hostname: adminServer.host,
    port: adminServer.port,
    database: db.name,
    authenticationType: 'userPassword',
    username: role.name,
    password,
    tls: { mode: 'disable' },
  };
}

/** Runs SQL as the superuser in the test database. */
export function sqlIn(db: TestDatabase, statement: string): Promise<unknown> {
  return adminQuery(db.name, statement);
}

export { quoteIdent };
