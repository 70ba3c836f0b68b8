import type { Logger } from 'pino';
import { nowIso } from '../clock.js';
import type { ConnectorRegistry } from '../connectors/registry.js';
import { isWardenError } from '../errors.js';
import { openConnection } from '../services/connection-secrets.js';
import type { SecretBox } from '../services/secret-box.js';
import type { CatalogStore } from '../store/catalog-store.js';
import type { ConnectionRecord } from '../store/repositories/connection-repository.js';
import {
  SYNC_RUN_STATES,
  type SyncProgress,
  type SyncRunError,
  type SyncRunRecord,
} from '../store/repositories/sync-run-repository.js';
import { addCounts, applyListing, emptyCounts } from './apply.js';
import { buildCrawlScope } from './crawl-scope.js';
import { finishSyncRun } from './sync-run-finish.js';

export interface SyncEngineDeps {
  store: CatalogStore;
  registry: ConnectorRegistry;
  secrets: SecretBox;
  logger: Logger;
}

/** How often a running sync writes its counts (and renews its lease). */
const PROGRESS_INTERVAL_MS = 1_000;

/**
 * Runs one sync run: crawl → diff → apply, streamed listing by listing. A listing is applied
 * only when the connector read it completely; a subtree the connector could not read is
 * recorded as not crawled and left as it was.
 */
export class SyncEngine {
  constructor(private readonly deps: SyncEngineDeps) {}

  async run(run: SyncRunRecord, signal: AbortSignal, renewLease: () => string): Promise<void> {
    const { store, logger } = this.deps;
    const counts = emptyCounts();
    const errors: SyncRunError[] = [];
    const progress: SyncProgress = { containersListed: 0, objectsSeen: 0 };
    const log = logger.child({ syncRunId: run.id, scope: run.scope });
    const connection = await store.connections.findById(run.connectionId);
    if (!connection) {
      await finishSyncRun(store, run, { state: SYNC_RUN_STATES.cancelled, counts, errors, progress, failureMessage: 'The connection was deleted' }, nowIso());
      return;
    }
    const technology = this.deps.registry.get(connection.technology);
    const connector = await this.deps.registry.createConnector(openConnection(connection.details, connection.secretsCiphertext, this.deps.secrets));
    let lastProgressAt = Date.now();
    try {
      // Until a whole-connection sync has completed, every sync behaves like the first one.
      const firstSync = connection.firstSyncCompletedAt === null;
      const scope = await this.scopeFor(connection, run, firstSync);
      const context = {
        syncRunId: run.id,
        connectionId: connection.id,
        connectionKey: connection.connectionKey,
        firstSync,
        leafDepth: technology.levels.length,
        stableIds: connector.capabilities.stableIds,
      };
      for await (const batch of connector.crawl(scope, signal)) {
        if (batch.type === 'failure') {
          errors.push({ objectPath: [connection.connectionKey, ...batch.path], code: batch.code, message: batch.message });
          log.warn({ path: batch.path, code: batch.code }, 'subtree not crawled');
          continue;
        }
        const result = await applyListing(store, context, batch);
        addCounts(counts, result.counts);
        errors.push(...result.errors);
        progress.containersListed += 1;
        progress.objectsSeen += result.objectsSeen;
        if (Date.now() - lastProgressAt > PROGRESS_INTERVAL_MS) {
          lastProgressAt = Date.now();
          await store.syncRuns.recordProgress(run.id, counts, errors, progress, renewLease());
        }
      }
      const finishedAt = nowIso();
      await finishSyncRun(store, run, { state: SYNC_RUN_STATES.completed, counts, errors, progress, failureMessage: null }, finishedAt);
      if (firstSync && run.scope.length === 1) await store.connections.markFirstSyncCompleted(connection.id, finishedAt);
      await store.connections.setHealth(connection.id, { status: 'healthy', checkedAt: finishedAt });
      log.info({ counts, notCrawled: errors.length }, 'sync completed');
    } catch (error) {
      const message = isWardenError(error) ? error.message : 'Internal error during the sync; see the server log';
      if (!isWardenError(error)) log.error({ err: error }, 'sync failed');
      else log.warn({ err: error }, 'sync failed');
      const finishedAt = nowIso();
      const state = signal.aborted ? SYNC_RUN_STATES.cancelled : SYNC_RUN_STATES.failed;
      await finishSyncRun(store, run, { state, counts, errors, progress, failureMessage: message }, finishedAt);
      if (isWardenError(error)) await store.connections.setHealth(connection.id, { status: 'unhealthy', checkedAt: finishedAt, message });
    } finally {
      await connector.close();
    }
  }

  private async scopeFor(connection: ConnectionRecord, run: SyncRunRecord, firstSync: boolean) {
    const { objects } = this.deps.store;
    const names = run.scope.slice(1);
    const root = await objects.findRoot(connection.id);
    const chain = root ? [root] : [];
    for (const name of names) {
      const next = await objects.findChild(chain[chain.length - 1]!.id, name);
      if (!next) break;
      chain.push(next);
    }
    const descendEverywhere = firstSync || run.forceRecursive;
    const end = chain[chain.length - 1];
    const catalog = {
      chainAsFarAsKnown: chain,
      containers: end && !descendEverywhere ? await objects.listContainers(end) : [],
      withEnabledDescendants: end && !descendEverywhere ? await objects.containersWithActiveDescendants(end) : new Set<number>(),
      withChildren: end && !descendEverywhere ? await objects.containersWithChildren(end) : new Set<number>(),
    };
    return buildCrawlScope(names, catalog, descendEverywhere);
  }
}
