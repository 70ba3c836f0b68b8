import type { Generated } from 'kysely';

/**
 * Row types of every store table, shared by both dialects. Booleans are stored as 0/1 integers
 * and timestamps as ISO-8601 UTC text so the same SQL and the same row mapping serve SQLite
 * and PostgreSQL.
 */
export interface StoreSchema {
  connections: ConnectionsTable;
  objects: ObjectsTable;
  columns: ColumnsTable;
  data_sources: DataSourcesTable;
  sync_runs: SyncRunsTable;
  sync_changes: SyncChangesTable;
  api_keys: ApiKeysTable;
  principals: PrincipalsTable;
  group_members: GroupMembersTable;
  audit_log: AuditLogTable;
  auth_failures: AuthFailuresTable;
  tags: TagsTable;
  integrations: IntegrationsTable;
  legacy_handlers: LegacyHandlersTable;
  sessions: SessionsTable;
  schema_projects: SchemaProjectsTable;
  integration_upgrades: IntegrationUpgradesTable;
  upgraded_legacy_sources: UpgradedLegacySourcesTable;
  column_descriptions: ColumnDescriptionsTable;
  data_source_access: DataSourceAccessTable;
}

export interface ConnectionsTable {
  id: Generated<number>;
  connection_key: string;
  technology: string;
  /** JSON of the non-secret connection details (hostname, port, database, TLS, …). */
  details_json: string;
  /** AES-256-GCM ciphertext of the JSON of the secret fields; null when there are none. */
  secrets_ciphertext: string | null;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  /** Set when the first (registration) sync completes; objects found later follow activateNewChildren. */
  first_sync_completed_at: string | null;
  /** JSON `{status, checkedAt, message?}` from the last credential check or sync. */
  health_json: string | null;
  /**
   * Non-null marks a hidden legacy connection (migration 011): the legacy `connectionString` of
   * the registrations it serves, unique per technology. Null for every user connection.
   */
  legacy_connection_string: string | null;
}

export interface ObjectsTable {
  id: Generated<number>;
  connection_id: number;
  parent_id: number | null;
  /** `/rootId/…/ownId/`: a subtree is one index range scan on this column. */
  id_path: string;
  /** 0 for the connection root. */
  depth: number;
  name: string;
  kind: string;
  is_leaf: number;
  stable_id: string | null;
  comment: string | null;
  /** Overrides: null inherits from the parent. */
  is_active: number | null;
  activate_new_children: number | null;
  data_owners_json: string | null;
  removed: number;
  removed_at: string | null;
  columns_fingerprint: string | null;
  /** Digest of the platform tags last read for the object and its columns (see tagsFingerprint); null until read. */
  tags_fingerprint: string | null;
  /** The platform's fingerprint of the stored dictionary (leaves; see migration 011); null where none. */
  dictionary_fingerprint: string | null;
  created_at: string;
  updated_at: string;
  last_sync_run_id: string | null;
  last_synced_at: string | null;
}

/** A leaf that has been enabled at least once: its data source id outlives disabling, renames and moves. */
export interface DataSourcesTable {
  id: Generated<number>;
  object_id: number;
  created_at: string;
  /** `connection` (created by a sync) or `legacy` (registered through a handler); the upgrade flips it. */
  origin: Generated<string>;
}

export interface IntegrationsTable {
  id: Generated<number>;
  technology: string;
  /** The legacy status (`creating`, `enabled`, `editing`, `deleting`, `createError`, …). */
  status: string;
  /** JSON of the non-secret configuration, shaped like a connection of the technology. */
  details_json: string;
  /** AES-256-GCM ciphertext of the JSON of the secret fields (as connections'); null when there are none. */
  secrets_ciphertext: string | null;
  /** JSON `{status, validationTests}` of the last credential check; null before the first. */
  validation_json: string | null;
  created_at: string;
  updated_at: string;
  created_by: string | null;
}

export interface LegacyHandlersTable {
  id: Generated<number>;
  data_source_id: number;
  name: string;
  technology: string;
  /** JSON of the non-secret connection details it was registered with; the secrets are its hidden connection's. */
  details_json: string;
  remote_database: string | null;
  remote_schema: string | null;
  remote_table: string;
  created_at: string;
  updated_at: string;
  schema_project_id: number | null;
  sql_schema_name: string | null;
  sql_table_name: string | null;
  /** The V2 `connectionKey` it was declared under (POST /api/v2/data); null for a V1 handler. */
  v2_connection_key: string | null;
  /** JSON `{host, HTTPPath, manual}` of PUT /dataSource/{id}/overrideHost (migration 013); null when never set. */
  override_host_json: string | null;
}

/** A user-set description of one dictionary column (migration 013); syncs never write these. */
export interface ColumnDescriptionsTable {
  object_id: number;
  column_name: string;
  description: string;
  set_by: string | null;
  set_at: string;
}

/** A legacy access request / membership of one user or group on one data source (migration 013). */
export interface DataSourceAccessTable {
  id: Generated<number>;
  data_source_id: number;
  /** `user` or `group`. */
  principal_type: string;
  principal_name: string;
  /** `pending`, `denied` or `owner`. */
  state: string;
  denial_reasoning: string | null;
  created_at: string;
  updated_at: string;
}

/** A legacy `type: "Schema"` project: the registered tables of one remote schema of one hidden connection. */
export interface SchemaProjectsTable {
  id: Generated<number>;
  name: string;
  connection_id: number;
  remote_database: string;
  remote_schema: string;
  /** 1 = schema monitoring on (`schemaEvolution.disabled: false`). */
  monitoring: number;
  /** JSON `{nameFormat, tableFormat, sqlSchemaNameFormat, schemaProjectNameFormat}`. */
  name_template_json: string;
  /** JSON principal `{type, name}` who owns the data sources detection creates; null = nobody. */
  detection_owner_json: string | null;
  created_at: string;
  updated_at: string;
}

export interface ColumnsTable {
  object_id: number;
  name: string;
  ordinal: number;
  type: string;
  nullable: number;
  default_value: string | null;
  /** A generated column's expression and whether it is stored (0/1); both null for an ordinary column. */
  generated_expression: string | null;
  generated_stored: number | null;
  comment: string | null;
  /** The platform's id of the column (PostgreSQL attnum); null where it has none. */
  stable_id: string | null;
}

/** A tag on an object or on one column of a leaf (see migration 008). */
export interface TagsTable {
  id: Generated<number>;
  object_id: number;
  /** The column's name; '' for a tag on the object itself. */
  column_name: string;
  name: string;
  value: string | null;
  /** `platform`, `user` or `system` (TagSource). */
  source: string;
  added_by: string | null;
  added_at: string;
}

export interface SyncRunsTable {
  id: string;
  connection_id: number;
  /** JSON array: the path of the subtree synced, connection key first. */
  scope_json: string;
  trigger: string;
  requested_by: string | null;
  state: string;
  force_recursive: number;
  first_sync: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  counts_json: string;
  errors_json: string;
  progress_json: string;
  failure_message: string | null;
  lease_owner: string | null;
  lease_expires_at: string | null;
}

export interface SyncChangesTable {
  id: Generated<number>;
  sync_run_id: string;
  object_id: number | null;
  /** JSON array: the object's path after the change. */
  object_path_json: string;
  change: string;
  details_json: string | null;
}

/** A web UI session: the cookie's token hashed, acting as one API key until `expires_at`. */
export interface SessionsTable {
  /** SHA-256 of the session token (the cookie holds the token). */
  id: string;
  api_key_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  /** The first characters of the key, shown in listings to tell keys apart. */
  prefix: string;
  /** SHA-256 of the whole key, how a presented key is found; keys are 256-bit random, so a slow hash adds nothing. */
  key_hash: string;
  /** The user the key acts as (its permissions are the user's and their groups'). */
  user_id: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

/** Failed authentications of one client address with one key prefix, in the window that started at `window_started_at`. */
export interface AuthFailuresTable {
  address: string;
  /** The first characters of the presented key ('' when the header held none). */
  key_prefix: string;
  window_started_at: string;
  failures: number;
}

/** Users and groups: who holds global permissions. */
export interface PrincipalsTable {
  id: string;
  /** `user` or `group`. */
  type: string;
  name: string;
  /** JSON array of global permissions granted directly. */
  permissions_json: string;
  /** 1 for the built-in admin user, which cannot be deleted. */
  builtin: number;
  created_at: string;
  updated_at: string;
}

export interface GroupMembersTable {
  group_id: string;
  user_id: string;
}

/** One change, as recorded: append-only (the repository offers insert and query, nothing else). */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  /** Who: `user:<name>`, `system:<part>` or `anonymous`. */
  actor: string;
  action: string;
  /** JSON array: the object path the change is about, when it is about an object. */
  object_path_json: string | null;
  /** Each segment percent-encoded, each followed by `/`: the objects of a subtree share a prefix. */
  object_path_key: string | null;
  /** What else the change is about when not an object (`user:alice`, `apikey:<id>`). */
  target: string | null;
  before_json: string | null;
  after_json: string | null;
  client_address: string | null;
}

export interface IntegrationUpgradesTable {
  id: Generated<number>;
  integration_id: number;
  technology: string;
  connection_key: string;
  /** `running`, `complete`, `partiallyComplete` or `failed`. */
  state: string;
  /** Where a running upgrade is: `validating`, `crawling`, `mapping`, `done`. */
  phase: string;
  /** The connection's crawl of the latest run. */
  sync_run_id: string | null;
  /** Legacy data sources the integration had when the latest run started, plus those upgraded before. */
  total: number;
  upgraded: number;
  /** JSON array of `{dataSourceId, name, remotePath, reason, suggestedAction}`. */
  not_upgraded_json: string;
  failure_message: string | null;
  started_by: string | null;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface UpgradedLegacySourcesTable {
  data_source_id: number;
  handler_id: number;
  legacy_name: string;
  v2_connection_key: string | null;
  connection_key: string;
  upgrade_id: number;
  upgraded_at: string;
}
