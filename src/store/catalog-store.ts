import type { Transaction } from 'kysely';
import type { Store } from './database.js';
import { ApiKeyRepository } from './repositories/api-key-repository.js';
import { AuditRepository } from './repositories/audit-repository.js';
import { AuthFailureRepository } from './repositories/auth-failure-repository.js';
import { ColumnRepository } from './repositories/column-repository.js';
import { ConnectionRepository } from './repositories/connection-repository.js';
import { DataSourceRepository } from './repositories/data-source-repository.js';
import { IntegrationRepository } from './repositories/integration-repository.js';
import { ObjectRepository } from './repositories/object-repository.js';
import { PrincipalRepository } from './repositories/principal-repository.js';
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
  tags: TagRepository;
  syncRuns: SyncRunRepository;
  syncChanges: SyncChangeRepository;
  apiKeys: ApiKeyRepository;
  principals: PrincipalRepository;
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
  readonly tags: TagRepository;
  readonly syncRuns: SyncRunRepository;
  readonly syncChanges: SyncChangeRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly principals: PrincipalRepository;
  readonly audit: AuditRepository;
  /** Outside transactions only: a failure counts even when the request's other work rolls back. */
  readonly authFailures: AuthFailureRepository;

  constructor(readonly store: Store) {
    this.connections = new ConnectionRepository(store.db);
    this.objects = new ObjectRepository(store.db, store.dialect, store.bulk);
    this.columns = new ColumnRepository(store.db, store.dialect, store.bulk);
    this.dataSources = new DataSourceRepository(store.db, store.dialect);
    this.integrations = new IntegrationRepository(store.db);
    this.tags = new TagRepository(store.db, store.dialect);
    this.syncRuns = new SyncRunRepository(store.db);
    this.syncChanges = new SyncChangeRepository(store.db, store.dialect);
    this.apiKeys = new ApiKeyRepository(store.db);
    this.principals = new PrincipalRepository(store.db);
    this.audit = new AuditRepository(store.db);
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
      tags: this.tags.with(trx),
      syncRuns: this.syncRuns.with(trx),
      syncChanges: this.syncChanges.with(trx),
      apiKeys: this.apiKeys.with(trx),
      principals: this.principals.with(trx),
      audit: this.audit.with(trx),
    };
  }
}
