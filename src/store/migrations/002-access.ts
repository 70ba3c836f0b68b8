import { sql, type Kysely } from 'kysely';
import { BUILTIN_ADMIN_USER_ID, GLOBAL_PERMISSIONS } from '../../domain/permissions.js';
import type { StoreDialect } from '../store-dialect.js';


/**
 * Users and groups with global permissions, group membership, API keys owned by users, and
 * the append-only audit log. Keys created before this migration were all admin keys: they
 * become keys of the built-in admin user.
 */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('principals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('permissions_json', 'text', (c) => c.notNull())
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('principals_type_name', ['type', 'name'])
    .execute();

  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('principals.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('principals.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'user_id'])
    .execute();
  await db.schema.createIndex('group_members_user').on('group_members').columns(['user_id']).execute();

  const now = new Date().toISOString();
  await sql`insert into principals (id, type, name, permissions_json, builtin, created_at, updated_at)
    values (${BUILTIN_ADMIN_USER_ID}, 'user', 'admin', ${JSON.stringify(GLOBAL_PERMISSIONS)}, 1, ${now}, ${now})`.execute(db);

  // A key's permissions are its user's now; SQLite (3.35+) and PostgreSQL both drop columns.
  await db.schema.alterTable('api_keys').addColumn('user_id', 'text', (c) => c.references('principals.id').onDelete('cascade')).execute();
  await db.schema.alterTable('api_keys').dropColumn('permissions_json').execute();
  await sql`update api_keys set user_id = ${BUILTIN_ADMIN_USER_ID}`.execute(db);
  await db.schema.createIndex('api_keys_user').on('api_keys').columns(['user_id']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => dialect.identity(c))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_path_json', 'text')
    /** The path with each segment percent-encoded and a `/` after each: a subtree is a prefix. */
    .addColumn('object_path_key', 'text')
    .addColumn('target', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('client_address', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor', 'at']).execute();
  await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'at']).execute();
}
