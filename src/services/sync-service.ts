import type { ConnectorRegistry } from '../connectors/registry.js';
import { WardenError } from '../errors.js';
import type { SyncRunQueue } from '../jobs/sync-run-queue.js';
import type { CatalogStore } from '../store/catalog-store.js';
import type { SyncChangeKind } from '../store/repositories/sync-change-repository.js';
import type { SyncRunState } from '../domain/sync-run-states.js';
import { auditEntry, type Actor } from './actor.js';
import { toSyncRunView, type SyncRunView } from './sync-run-view.js';

/** Starts syncs on request and reads sync runs (jobs) and their per-object changes. */
export class SyncService {
  constructor(
    private readonly store: CatalogStore,
    private readonly queue: SyncRunQueue,
    private readonly registry: ConnectorRegistry,
  ) {}

  /**
   * Queues a sync of the subtree at `path` (or joins a queued one covering it). The path may
   * name objects the catalog does not hold yet, e.g. a table just granted to the system user.
   */
  async requestSync(path: readonly string[], options: { forceRecursiveCrawl: boolean }, actor: Actor): Promise<{ run: SyncRunView; joined: boolean }> {
    const [connectionKey] = path;
    const connection = connectionKey === undefined ? undefined : await this.store.connections.findByKey(connectionKey);
    // A hidden legacy connection holds registered tables only: it is never crawled whole.
    const hiddenWhole = connection?.legacyConnectionString != null && path.length === 1;
    if (!connection || connectionKey === undefined || hiddenWhole) throw new WardenError('CONNECTION_NOT_FOUND', { connectionKey: connectionKey ?? '' });
    assertWithinLevels(path, connection.technology, this.registry.get(connection.technology).levels);
    const { run, joined } = await this.queue.request(
      { connection, scope: [...path], trigger: 'manual', requestedBy: actor.id, forceRecursive: options.forceRecursiveCrawl },
      (repos, outcome) =>
        repos.audit.insert(
          auditEntry(actor, 'sync.requested', {
            objectPath: path,
            after: { syncRunId: outcome.run.id, joined: outcome.joined, forceRecursiveCrawl: options.forceRecursiveCrawl },
          }),
        ),
    );
    return { run: toSyncRunView(run), joined };
  }

  /** The object path a sync run covers, or null when there is no such run. */
  async scopeOf(id: string): Promise<string[] | null> {
    return (await this.store.syncRuns.findById(id))?.scope ?? null;
  }

  async getRun(id: string): Promise<SyncRunView> {
    const run = await this.store.syncRuns.findById(id);
    if (!run) throw new WardenError('JOB_NOT_FOUND', { id });
    return toSyncRunView(run);
  }

  async searchRuns(search: { connectionKey?: string; state?: SyncRunState; offset: number; size: number }) {
    const { count, hits } = await this.store.syncRuns.search(search);
    return { count, hits: hits.map(toSyncRunView) };
  }

  async changes(id: string, page: { offset: number; size: number; change?: SyncChangeKind }) {
    await this.getRun(id);
    return this.store.syncChanges.listByRun(id, page);
  }
}

/**
 * A path deeper than the technology's levels names nothing the platform can have: refused
 * now, rather than queued as a run that can only fail.
 */
function assertWithinLevels(path: readonly string[], technology: string, levels: readonly string[]): void {
  const below = path.length - 1;
  if (below <= levels.length) return;
  throw new WardenError('INVALID_OBJECT_PATH', {
    reason: `names ${below} levels below the connection, but ${technology} has ${levels.length} (${levels.join(' > ')}): name at most the ${levels.at(-1)}`,
  });
}
