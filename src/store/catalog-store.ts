import type { Kysely, Transaction } from 'kysely';
import type { Store } from './database.js';
import { ApiKeyRepository } from './repositories/api-key-repository.js';
import { AuditRepository } from './repositories/audit-repository.js';
import { AuthFailureRepository } from './repositories/auth-failure-repository.js';
import { ColumnDescriptionRepository } from './repositories/column-description-repository.js';
import { ColumnRepository } from './repositories/column-repository.js';
import { ConnectionRepository } from './repositories/connection-repository.js';
import { DataSourceAccessRepository } from './repositories/data-source-access-repository.js';
import { DataSourceRepository } from './repositories/data-source-repository.js';
import { IntegrationRepository } from './repositories/integration-repository.js';
import { IntegrationUpgradeRepository } from './repositories/integration-upgrade-repository.js';
import { LegacyHandlerRepository } from './repositories/legacy-handler-repository.js';
import { ObjectRepository } from './repositories/object-repository.js';
import { PrincipalRepository } from './repositories/principal-repository.js';
import { SessionRepository } from './repositories/session-repository.js';
import { SchemaProjectRepository } from './repositories/schema-project-repository.js';
import { SyncChangeRepository } from './repositories/sync-change-repository.js';
import { SyncRunRepository } from './repositories/sync-run-repository.js';
import { TagRepository } from './repositories/tag-repository.js';
import type { StoreSchema } from './store-schema.js';

/** The repositories that work together inside one transaction. */
export interface Repositories {
  connections: ConnectionRepository;
  objects: ObjectRepository;
  columns: ColumnRepository;
  dataSources: DataSourceRepository;
  integrations: IntegrationRepository;
  integrationUpgrades: IntegrationUpgradeRepository;
  legacyHandlers: LegacyHandlerRepository;
  schemaProjects: SchemaProjectRepository;
  columnDescriptions: ColumnDescriptionRepository;
  dataSourceAccess: DataSourceAccessRepository;
  tags: TagRepository;
  syncRuns: SyncRunRepository;
  syncChanges: SyncChangeRepository;
  apiKeys: ApiKeyRepository;
  principals: PrincipalRepository;
  sessions: SessionRepository;
  /** Append-only: insert and search. */
  audit: AuditRepository;
}

/** Every repository over one store, and a way to run work on all of them in one transaction. */
export class CatalogStore implements Repositories {
  readonly connections: ConnectionRepository;
  readonly objects: ObjectRepository;
  readonly columns: ColumnRepository;
  readonly dataSources: DataSourceRepository;
  readonly integrations: IntegrationRepository;
  readonly integrationUpgrades: IntegrationUpgradeRepository;
  readonly legacyHandlers: LegacyHandlerRepository;
  readonly schemaProjects: SchemaProjectRepository;
  readonly columnDescriptions: ColumnDescriptionRepository;
  readonly dataSourceAccess: DataSourceAccessRepository;
  readonly tags: TagRepository;
  readonly syncRuns: SyncRunRepository;
  readonly syncChanges: SyncChangeRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly principals: PrincipalRepository;
  readonly sessions: SessionRepository;
  readonly audit: AuditRepository;
  /** Outside transactions only: a failure counts even when the request's other work rolls back. */
  readonly authFailures: AuthFailureRepository;

  /**
   * The same repositories over the store's read connection: for reads outside transactions that
   * must not queue behind a sync's write transaction (object reads, authentication). Never write here.
   */
  readonly reads: Repositories;

  constructor(readonly store: Store) {
    ({
      connections: this.connections,
      objects: this.objects,
      columns: this.columns,
      dataSources: this.dataSources,
      integrations: this.integrations,
      integrationUpgrades: this.integrationUpgrades,
      legacyHandlers: this.legacyHandlers,
      schemaProjects: this.schemaProjects,
      columnDescriptions: this.columnDescriptions,
      dataSourceAccess: this.dataSourceAccess,
      tags: this.tags,
      syncRuns: this.syncRuns,
      syncChanges: this.syncChanges,
      apiKeys: this.apiKeys,
      principals: this.principals,
      sessions: this.sessions,
      audit: this.audit,
    } = repositoriesOver(store, store.db));
    this.reads = store.readDb === store.db ? this : repositoriesOver(store, store.readDb);
    this.authFailures = new AuthFailureRepository(store.db);
  }

  /** Runs `work` atomically: it all commits, or none of it does. */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.store.db.transaction().execute((trx: Transaction<StoreSchema>) => work(this.within(trx)));
  }

  /**
   * A transaction holding the store-wide job lock: across every process on the store, one such
   * transaction runs at a time (queueing, claiming sync runs). Keep it short.
   */
  exclusive<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.store.db.transaction().execute(async (trx: Transaction<StoreSchema>) => {
      await this.store.dialect.lockJobs(trx);
      return work(this.within(trx));
    });
  }

  private within(trx: Transaction<StoreSchema>): Repositories {
    return {
      connections: this.connections.with(trx),
      objects: this.objects.with(trx),
      columns: this.columns.with(trx),
      dataSources: this.dataSources.with(trx),
      integrations: this.integrations.with(trx),
      integrationUpgrades: this.integrationUpgrades.with(trx),
      legacyHandlers: this.legacyHandlers.with(trx),
      schemaProjects: this.schemaProjects.with(trx),
      columnDescriptions: this.columnDescriptions.with(trx),
      dataSourceAccess: this.dataSourceAccess.with(trx),
      tags: this.tags.with(trx),
      syncRuns: this.syncRuns.with(trx),
      syncChanges: this.syncChanges.with(trx),
      apiKeys: this.apiKeys.with(trx),
      principals: this.principals.with(trx),
      sessions: this.sessions.with(trx),
      audit: this.audit.with(trx),
    };
  }
}

function repositoriesOver(store: Store, db: Kysely<StoreSchema>): Repositories {
  return {
    connections: new ConnectionRepository(db),
    objects: new ObjectRepository(db, store.dialect, store.bulk),
    columns: new ColumnRepository(db, store.dialect, store.bulk),
    dataSources: new DataSourceRepository(db, store.dialect),
    integrations: new IntegrationRepository(db),
    integrationUpgrades: new IntegrationUpgradeRepository(db),
    legacyHandlers: new LegacyHandlerRepository(db),
    schemaProjects: new SchemaProjectRepository(db),
    columnDescriptions: new ColumnDescriptionRepository(db),
    dataSourceAccess: new DataSourceAccessRepository(db),
    tags: new TagRepository(db, store.dialect),
    syncRuns: new SyncRunRepository(db),
    syncChanges: new SyncChangeRepository(db, store.dialect),
    apiKeys: new ApiKeyRepository(db),
    principals: new PrincipalRepository(db),
    sessions: new SessionRepository(db),
    audit: new AuditRepository(db),
  };
}
