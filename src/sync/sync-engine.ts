import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Connector } from '../connectors/connector.js';
import type { CrawlScope, StoredDictionaries } from '../domain/catalog-types.js';
import type { ConnectorRegistry } from '../connectors/registry.js';
import { isWholeConnection } from '../domain/object-path.js';
import { isWardenError, WardenError } from '../errors.js';
import { openConnection } from '../services/connection-secrets.js';
import type { SecretBox } from '../services/secret-box.js';
import type { CatalogStore } from '../store/catalog-store.js';
import type { ConnectionRecord } from '../store/repositories/connection-repository.js';
import { SYNC_RUN_STATES } from '../domain/sync-run-states.js';
import type { SyncRunRecord } from '../store/repositories/sync-run-repository.js';
import { addCounts, applyListing, applyUnchangedListing, emptyCounts, type ApplyContext } from './apply.js';
import { buildCrawlScope } from './crawl-scope.js';
import { isLeaseLost, leaseLost, type RunLease } from './run-lease.js';
import { finishSyncRun, type ConnectionOutcome, type SyncRunOutcome } from './sync-run-finish.js';
import { batchShowsTarget, targetNotFound } from './target-found.js';
import { UnreadTags } from './unread-tags.js';
import { tagNewColumns } from '../connectors/connection-schema.js';

export interface SyncEngineDeps {
  store: CatalogStore;
  registry: ConnectorRegistry;
  secrets: SecretBox;
  logger: Logger;
  clock: Clock;
}

/** How often a running sync writes its counts (and renews its lease). */
const PROGRESS_INTERVAL_MS = 1_000;

/** A run ready to stream: its connection, a connector for it and what to crawl. */
interface OpenedRun {
  connection: ConnectionRecord;
  connector: Connector;
  scope: CrawlScope;
  context: ApplyContext;
}

/** The totals a run accumulates while it streams. */
type RunTotals = Pick<SyncRunOutcome, 'counts' | 'errors' | 'progress'>;

/**
 * Runs one sync run in three steps: open (connection, secrets, connector, crawl scope), stream
 * (crawl → diff → apply, listing by listing) and finish (the run's state, its audit row and
 * what it says about the connection, in one transaction). A listing is applied only when the
 * connector read it completely; a subtree the connector could not read is recorded as not
 * crawled and left as it was. Whatever fails, at whichever step, ends the run at once; a run
 * whose lease was taken over writes nothing more.
 */
export class SyncEngine {
  constructor(private readonly deps: SyncEngineDeps) {}

  async run(run: SyncRunRecord, signal: AbortSignal, lease: RunLease): Promise<void> {
    const log = this.deps.logger.child({ syncRunId: run.id, scope: run.scope });
    const totals: RunTotals = { counts: emptyCounts(), errors: [], progress: { containersListed: 0, objectsSeen: 0 } };
    let opened: OpenedRun | null = null;
    try {
      opened = await this.open(run, lease);
      if (!opened) {
        await this.finish(run, lease, { ...totals, state: SYNC_RUN_STATES.cancelled, failureMessage: 'The connection was deleted' }, log);
        return;
      }
      const targetShown = await this.stream(opened, run.scope.slice(1), signal, lease, totals, log);
      // A crawl stopped by the signal is never complete, however its stream ended.
      signal.throwIfAborted();
      const { connection, context } = opened;
      const notFound = targetNotFound(run.scope, targetShown, totals.counts);
      if (notFound) {
        // The platform lacks what was asked for: the run fails, the connection's health stays as it was.
        totals.errors.push(notFound);
        await this.finish(run, lease, { ...totals, state: SYNC_RUN_STATES.failed, failureMessage: notFound.message, failureCode: 'OBJECT_NOT_FOUND' }, log);
        log.warn({ code: notFound.code }, 'sync failed');
        return;
      }
      const health = { status: 'healthy' as const, checkedAt: this.deps.clock.nowIso() };
      const firstSyncCompleted = context.firstSync && isWholeConnection(run.scope);
      await this.finish(run, lease, { ...totals, state: SYNC_RUN_STATES.completed, failureMessage: null }, log, { connectionId: connection.id, firstSyncCompleted, health });
      log.info({ counts: totals.counts, notCrawled: totals.errors.length }, 'sync completed');
    } catch (error) {
      await this.fail(run, lease, signal, error, totals, opened?.connection ?? null, log);
    } finally {
      await opened?.connector.close();
    }
  }

  /** Everything before the first listing; null when the connection is gone. */
  private async open(run: SyncRunRecord, lease: RunLease): Promise<OpenedRun | null> {
    const { store, registry, secrets, clock } = this.deps;
    const connection = await store.connections.findById(run.connectionId);
    if (!connection) return null;
    const technology = registry.get(connection.technology);
    // The key changed under a running server (`warden secrets rotate` elsewhere): say so, not "internal error".
    if (connection.secretsCiphertext !== null && !secrets.opens(connection.secretsCiphertext)) {
      throw new WardenError('SECRET_KEY_MISMATCH', { detail: `connection "${connection.connectionKey}"` });
    }
    // The record's technology column is the truth; the details are what the connector reads.
    const connector = await registry.createConnector({ ...openConnection(connection.details, connection.secretsCiphertext, secrets), technology: technology.technology });
    try {
      // Until a whole-connection sync has completed, every sync behaves like the first one.
      const firstSync = connection.firstSyncCompletedAt === null;
      const scope = await this.scopeFor(connection, run, firstSync);
      const context: ApplyContext = {
        syncRunId: run.id,
        connectionId: connection.id,
        connectionKey: connection.connectionKey,
        firstSync,
        leafDepth: technology.levels.length,
        stableIdsUniqueWithin: connector.capabilities.stableIdsUniqueWithin,
        clock,
        lease,
        tagNewColumns: tagNewColumns(connection.details),
      };
      return { connection, connector, scope, context };
    } catch (error) {
      await connector.close();
      throw error;
    }
  }

  /** Crawls and applies; resolves whether the crawl showed the run's target (see target-found.ts). */
  private async stream({ connection, connector, scope, context }: OpenedRun, targetNames: readonly string[], signal: AbortSignal, lease: RunLease, totals: RunTotals, log: Logger): Promise<boolean> {
    const { store, clock } = this.deps;
    let targetShown = false;
    let lastProgressAt = clock.now().getTime();
    const unreadTags = new UnreadTags();
    for await (const batch of connector.crawl(scope, signal)) {
      targetShown ||= batchShowsTarget(targetNames, batch);
      if (batch.type === 'failure') {
        totals.errors.push({ objectPath: [connection.connectionKey, ...batch.path], code: batch.code, message: batch.message });
        log.warn({ path: batch.path, code: batch.code }, 'subtree not crawled');
        continue;
      }
      if (batch.type === 'tagsNotRead') {
        unreadTags.add(batch.path);
        totals.errors.push({ objectPath: [connection.connectionKey, ...batch.path], code: batch.code, message: batch.message, notRead: 'tags' });
        log.warn({ path: batch.path, code: batch.code }, 'tags of a subtree not read');
        continue;
      }
      const result = batch.type === 'unchanged' ? await applyUnchangedListing(store, context, batch) : await applyListing(store, context, unreadTags.strip(batch));
      addCounts(totals.counts, result.counts);
      totals.errors.push(...result.errors);
      totals.progress.containersListed += 1;
      totals.progress.objectsSeen += result.objectsSeen;
      const now = clock.now().getTime();
      if (now - lastProgressAt > PROGRESS_INTERVAL_MS) {
        lastProgressAt = now;
        if (!(await store.syncRuns.recordProgress(lease.syncRunId, lease.owner, totals.counts, totals.errors, totals.progress, lease.until()))) throw leaseLost(lease);
      }
    }
    return targetShown;
  }

  private async fail(run: SyncRunRecord, lease: RunLease, signal: AbortSignal, error: unknown, totals: RunTotals, connection: ConnectionRecord | null, log: Logger): Promise<void> {
    if (isLeaseLost(error) || isLeaseLost(signal.reason)) {
      log.warn('sync stopped: its lease was taken over (failed as abandoned); nothing more written');
      return;
    }
    const known = isWardenError(error) ? error : null;
    // The error's cause holds the driver's (redacted) text: for the log only, never the run's message.
    if (known) log.warn({ err: known, code: known.code }, 'sync failed');
    else log.error({ err: error }, 'sync failed');
    const failureMessage = known ? known.message : 'Internal error during the sync; see the server log';
    const state = signal.aborted ? SYNC_RUN_STATES.cancelled : SYNC_RUN_STATES.failed;
    // Only a run over the whole connection speaks for it: a subtree's failure (a path a data
    // owner may name) says nothing about the rest, so it leaves the health as it was.
    const speaksForConnection = known && connection && isWholeConnection(run.scope);
    const health = speaksForConnection ? { status: 'unhealthy' as const, checkedAt: this.deps.clock.nowIso(), message: failureMessage } : null;
    const outcome = { ...totals, state, failureMessage, failureCode: known?.code ?? null };
    await this.finish(run, lease, outcome, log, connection ? { connectionId: connection.id, firstSyncCompleted: false, health } : undefined);
  }

  private async finish(run: SyncRunRecord, lease: RunLease, outcome: SyncRunOutcome, log: Logger, connection?: ConnectionOutcome): Promise<void> {
    if (!(await finishSyncRun(this.deps.store, run, lease.owner, outcome, this.deps.clock.nowIso(), connection))) {
      log.warn({ state: outcome.state }, 'sync ended after its lease was taken over; its outcome was not recorded');
    }
  }

  private async scopeFor(connection: ConnectionRecord, run: SyncRunRecord, firstSync: boolean): Promise<CrawlScope> {
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
    const scope = buildCrawlScope(names, catalog, descendEverywhere);
    // Nothing is stored before the first sync; afterwards the connector may skip unchanged dictionaries.
    return firstSync ? scope : { ...scope, storedDictionaries: (path) => this.storedDictionaries(connection.id, path) };
  }

  /**
   * The stored dictionary fingerprints under the container at `path` (below the connection),
   * read on the read connection (committed rows, not queued behind this run's apply). A
   * container not stored yet has none: its leaves are read in full.
   */
  private async storedDictionaries(connectionId: number, path: string[]): Promise<StoredDictionaries> {
    const { objects } = this.deps.store.reads;
    const chain = await objects.findChain(connectionId, path);
    return chain === undefined ? { fingerprints: new Map(), complete: false } : objects.storedDictionaries(chain[chain.length - 1]!.id);
  }
}
