import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

/**
 * What registering legacy data sources one by one needs beyond 010 (ARCHITECTURE.md "The legacy model"):
 * - `connections.legacy_connection_string`: non-null marks the **hidden legacy connection** of
 *   one set of legacy connection details — the legacy `connectionString`
 *   (`username@<credential route>/<database>`), unique per technology. A user connection has
 *   null (NULLs are distinct in both stores' unique indexes). Its key is `legacy:…`, a form
 *   `connection-key.ts` refuses (":"), so it never collides with a user connection's.
 * - `schema_projects`: the legacy `type: "Schema"` project, one per (hidden connection, remote
 *   database, remote schema), with schema monitoring on or off, the name template of the data
 *   sources it detects and the principal who owns them.
 * - `legacy_handlers`: its schema project, the legacy query-engine names (`sqlSchemaName`,
 *   `sqlTableName`) and the V2 `connectionKey` it was declared under (null for V1 handlers).
 *   Its secrets move to the hidden connection (one sealed copy, rotated with the connections'),
 *   so 010's `secrets_ciphertext` goes.
 */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await db.schema.alterTable('connections').addColumn('legacy_connection_string', 'text').execute();
  await sql`create unique index connections_legacy_connection_string on connections (technology, legacy_connection_string)`.execute(db);

  await db.schema
    .createTable('schema_projects')
    .addColumn('id', 'integer', (c) => dialect.identity(c))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('connection_id', 'integer', (c) => c.notNull().references('connections.id').onDelete('cascade'))
    // For a two-level technology (MariaDB) the database is the schema: both hold its name.
    .addColumn('remote_database', 'text', (c) => c.notNull())
    .addColumn('remote_schema', 'text', (c) => c.notNull())
    .addColumn('monitoring', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('name_template_json', 'text', (c) => c.notNull())
    .addColumn('detection_owner_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('schema_projects_remote', ['connection_id', 'remote_database', 'remote_schema'])
    .execute();

  await db.schema.alterTable('legacy_handlers').addColumn('schema_project_id', 'integer', (c) => c.references('schema_projects.id')).execute();
  await db.schema.alterTable('legacy_handlers').addColumn('sql_schema_name', 'text').execute();
  await db.schema.alterTable('legacy_handlers').addColumn('sql_table_name', 'text').execute();
  await db.schema.alterTable('legacy_handlers').addColumn('v2_connection_key', 'text').execute();
  await db.schema.alterTable('legacy_handlers').dropColumn('secrets_ciphertext').execute();
  await sql`create index legacy_handlers_schema_project on legacy_handlers (schema_project_id)`.execute(db);
  await sql`create index legacy_handlers_v2_connection_key on legacy_handlers (v2_connection_key) where v2_connection_key is not null`.execute(db);
}
