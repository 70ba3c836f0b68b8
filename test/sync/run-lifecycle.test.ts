import { afterEach, beforeEach, expect, it } from 'vitest';
import { SettableClock } from '../../src/clock.js';
import { DEFAULT_CAPABILITIES, type Connector } from '../../src/connectors/connector.js';
import { ConnectorRegistry } from '../../src/connectors/registry.js';
import { WardenError } from '../../src/errors.js';
import type { TechnologyDescriptor } from '../../src/connectors/technology.js';
import type { CrawlBatch, CrawledObject } from '../../src/domain/catalog-types.js';
import { SyncRunQueue } from '../../src/jobs/sync-run-queue.js';
import { SyncWorker } from '../../src/jobs/worker.js';
import { createLogger } from '../../src/logger.js';
import { SecretBox } from '../../src/services/secret-box.js';
import type { CatalogStore } from '../../src/store/catalog-store.js';
import type { ConnectionRecord } from '../../src/store/repositories/connection-repository.js';
import { SyncEngine } from '../../src/sync/sync-engine.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { openTempStore } from '../helpers/temp-store.js';

/** A step of a scripted crawl: a batch to yield, or something to await when the crawl gets there. */
type Step = CrawlBatch | (() => Promise<void> | void);

const LEASE_MS = 60_000;
const FAR_FUTURE = '2100-01-01T00:00:00.000Z';

/**
 * The life of a sync run around its worker, with a scripted connector and a set clock: what
 * happens when a worker dies, loses its lease, is stopped, or fails before its first listing.
 */
describeEachStore('the sync run lifecycle', (kind) => {
  let temp: Awaited<ReturnType<typeof openTempStore>>;
  let store: CatalogStore;
  let clock: SettableClock;
  let queue: SyncRunQueue;
  let engine: SyncEngine;
  let connection: ConnectionRecord;
  /** Each crawl() takes the next script. */
  let scripts: Step[][];
  const workers: SyncWorker[] = [];

  const scriptedConnector = (): Connector => ({
    technology: 'Scripted',
    levels: ['database', 'schema', 'table'],
    capabilities: DEFAULT_CAPABILITIES,
    testConnection: async () => {},
    // Ignores the signal on purpose: a stopped crawl must not pass for a complete one however the connector ends.
    async *crawl() {
      for (const step of scripts.shift() ?? []) {
        if (typeof step === 'function') await step();
        else yield step;
      }
    },
    close: async () => {},
  });
  const scripted: TechnologyDescriptor = {
    technology: 'Scripted',
    levels: ['database', 'schema', 'table'],
    capabilities: DEFAULT_CAPABILITIES,
    connectionFields: {},
    credentialRoute: [],
    authenticationTypes: [{ name: 'none', description: 'no credentials', fields: {}, secretFields: [] }],
    defaultPort: 1,
    defaultTimeouts: { connectMs: 1_000, statementMs: 1_000 },
    loadConnector: async () => scriptedConnector,
  };

  const workerOf = (id: string, soleProcess = false) => {
    const worker = new SyncWorker({ store, engine, logger: createLogger('silent'), clock, concurrency: 2, workerId: id, leaseMs: LEASE_MS, soleProcess });
    workers.push(worker);
    return worker;
  };
  const requestSync = async (scope: string[] = [connection.connectionKey]) =>
    (await queue.request({ connection, scope, trigger: 'manual', requestedBy: 'test', forceRecursive: false })).run.id;
  const runOf = async (id: string) => (await store.syncRuns.findById(id))!;
  const auditOf = async (id: string) => (await store.audit.search({ offset: 0, size: 100 })).hits.filter((e) => e.target === `syncRun:${id}`);
  const containers = async () => (await store.objects.listContainers((await store.objects.findRoot(connection.id))!)).map((o) => o.name).sort();
  const leaves = async () => {
    const root = (await store.objects.findRoot(connection.id))!;
    const db = (await store.objects.findChild(root.id, 'db1'))!;
    const schema = (await store.objects.findChild(db.id, 's1'))!;
    return (await store.objects.listChildren(schema.id)).filter((o) => !o.removed).map((o) => o.name).sort();
  };
  const gate = () => {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { opened, open };
  };

  beforeEach(async () => {
    temp = await openTempStore(kind);
    store = temp.catalog;
    clock = new SettableClock('2027-06-01T00:00:00Z');
    scripts = [];
    queue = new SyncRunQueue(store, clock);
    const registry = new ConnectorRegistry([scripted]);
    engine = new SyncEngine({ store, registry, secrets: SecretBox.fromPassphrase('test'), logger: createLogger('silent'), clock });
    connection = await store.connections.insert({ connectionKey: 'Conn', technology: 'Scripted', details: {}, secretsCiphertext: null, createdBy: null }, clock.nowIso());
    await store.objects.insertRoot(connection.id, 'Conn', { isActive: true, activateNewChildren: true, dataOwners: [] }, clock.nowIso());
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await temp.close();
  });

  it('never spins on a queued run blocked by another worker\'s active one: it goes idle and the event loop keeps turning', async () => {
    const stale = await requestSync();
    await store.syncRuns.claim(stale, 'worker-elsewhere', FAR_FUTURE, clock.nowIso());
    const worker = workerOf('worker-here');
    queue.onQueued(() => worker.wake());
    await worker.start();
    const blocked = await requestSync(['Conn', 'db1']);
    // Before the fix this never resolved, and no timer ever fired again: the claim loop re-woke itself without yielding.
    await worker.whenIdle();
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect((await runOf(blocked)).state).toBe('created');
  });

  it('on the embedded store\'s start, fails every run a gone process left active, with the abandoned reason and an audit row', async () => {
    const left = await requestSync();
    await store.syncRuns.claim(left, 'worker-gone', FAR_FUTURE, clock.nowIso());
    await workerOf('worker-next', true).start();
    expect(await runOf(left)).toMatchObject({ state: 'failed', failureMessage: expect.stringMatching(/^Abandoned: .*server started/), leaseOwner: null });
    expect(await auditOf(left)).toEqual([
      expect.objectContaining({ action: 'sync.failed', actor: 'system:sync', before: { state: 'active' }, after: expect.objectContaining({ failureCode: 'SYNC_RUN_ABANDONED' }) }),
    ]);
  });

  it.each([
    ['the technology is not supported', { technology: 'Missing' }, /not supported/],
    ['the secrets do not decrypt (the key was rotated under the server)', { secretsCiphertext: SecretBox.fromPassphrase('another key').seal('{}') }, /does not decrypt the stored connection secrets \(connection "Broken"\)/],
  ])('fails a run at once when %s (it was left active until its lease expired)', async (_, change, message) => {
    connection = { ...connection, ...change };
    await store.connections.delete(connection.id);
    connection = await store.connections.insert({ connectionKey: 'Broken', technology: connection.technology, details: {}, secretsCiphertext: connection.secretsCiphertext, createdBy: null }, clock.nowIso());
    const worker = workerOf('worker-here', true);
    queue.onQueued(() => worker.wake());
    await worker.start();
    const id = await requestSync([connection.connectionKey]);
    await worker.whenIdle();
    expect(await runOf(id)).toMatchObject({ state: 'failed', failureMessage: expect.stringMatching(message) });
    expect((await auditOf(id)).map((e) => e.action)).toEqual(['sync.failed']);
  });

  it('a worker whose lease was taken over writes nothing more; the catalog is what the new run produced', async () => {
    const db = (name: string): CrawledObject => ({ name, kind: 'database', stableId: name, comment: null });
    const schema = (name: string): CrawledObject => ({ name, kind: 'schema', stableId: name, comment: null });
    const table = (name: string): CrawledObject => ({ name, kind: 'table', stableId: name, comment: null, columns: [{ name: 'id', ordinal: 1, type: 'int', nullable: false, defaultValue: null, generated: null, comment: null }] });
    const stalled = gate();
    const reachedGate = gate();
    scripts.push(
      [
        { type: 'listing', parent: [], objects: [db('db1')] },
        { type: 'listing', parent: ['db1'], objects: [schema('s1')] },
        () => {
          reachedGate.open();
          return stalled.opened;
        },
        { type: 'listing', parent: ['db1', 's1'], objects: [table('old_table')] },
        { type: 'listing', parent: [], objects: [db('db1'), db('db_old')] },
      ],
      [{ type: 'listing', parent: [], objects: [db('db1')] }, { type: 'listing', parent: ['db1'], objects: [schema('s1')] }, { type: 'listing', parent: ['db1', 's1'], objects: [table('new_table')] }],
    );
    const live = workerOf('worker-live');
    const first = await requestSync();
    live.wake();
    await reachedGate.opened;
    expect((await runOf(first)).leaseOwner).toBe('worker-live');

    // The live worker stalls past its lease; another worker fails the run as abandoned and syncs again.
    clock.advance(LEASE_MS + 1);
    const other = workerOf('worker-other');
    queue.onQueued(() => other.wake());
    await other.reapExpired();
    expect(await runOf(first)).toMatchObject({ state: 'failed', failureMessage: expect.stringMatching(/^Abandoned: .*lease expired/) });
    const second = await requestSync();
    await other.whenIdle();
    expect(await runOf(second)).toMatchObject({ state: 'completed' });

    stalled.open();
    await live.whenIdle();
    expect(await runOf(first)).toMatchObject({ state: 'failed', failureMessage: expect.stringMatching(/^Abandoned/) });
    expect((await auditOf(first)).map((e) => e.action)).toEqual(['sync.failed']);
    expect(await leaves()).toEqual(['new_table']);
    expect(await containers()).toEqual(['Conn', 'db1', 's1']);
  });

  it('a failed run marks the connection unhealthy only when it covered the whole connection, never a subtree', async () => {
    const lost = () => {
      throw new WardenError('CONNECTION_LOST', { cause: 'reset by peer' });
    };
    const healthAfter = async (scope: string[]) => {
      scripts.push([lost]);
      const worker = workerOf(`worker-${scope.length}`, true);
      const id = await requestSync(scope);
      worker.wake();
      await worker.whenIdle();
      expect(await runOf(id)).toMatchObject({ state: 'failed', failureMessage: expect.stringMatching(/lost: reset by peer/) });
      return (await store.connections.findById(connection.id))!.health;
    };
    // A data owner may sync a subtree it owns: its failure says nothing about the rest of the connection.
    expect(await healthAfter(['Conn', 'db1', 's1'])).toBeNull();
    expect(await healthAfter(['Conn'])).toMatchObject({ status: 'unhealthy', message: expect.stringMatching(/lost: reset by peer/) });
  });

  it('a run stopped while its crawl is under way ends cancelled, never completed, even when the crawl ends as if complete', async () => {
    const stalled = gate();
    const reached = gate();
    scripts.push([
      { type: 'listing', parent: [], objects: [{ name: 'db1', kind: 'database', stableId: 'db1', comment: null }] },
      () => {
        reached.open();
        return stalled.opened;
      },
    ]);
    const worker = workerOf('worker-here', true);
    const id = await requestSync();
    worker.wake();
    await reached.opened;
    const stopping = worker.stop();
    stalled.open();
    await stopping;
    expect((await runOf(id)).state).toBe('cancelled');
    const after = (await store.connections.findById(connection.id))!;
    expect(after.firstSyncCompletedAt).toBeNull();
    expect(after.health).toBeNull();
  });

  it('keeps the platform tags of a subtree whose tags were not read, and shows it on the run', async () => {
    const tags = [{ name: 'PII', value: 'email' }];
    const table = (withTags: boolean): CrawledObject => ({
      name: 't', kind: 'table', stableId: 't', comment: null, ...(withTags && { tags }),
      columns: [{ name: 'id', ordinal: 1, type: 'int', nullable: false, defaultValue: null, generated: null, comment: null, ...(withTags && { tags }) }],
    });
    const containersListed: CrawlBatch[] = [
      { type: 'listing', parent: [], objects: [{ name: 'db1', kind: 'database', stableId: 'db1', comment: null }] },
      { type: 'listing', parent: ['db1'], objects: [{ name: 's1', kind: 'schema', stableId: 's1', comment: null }] },
    ];
    scripts.push(
      [...containersListed, { type: 'listing', parent: ['db1', 's1'], objects: [table(true)] }],
      // The tag query failed: the listing that follows carries an empty list, which must not count as "none".
      [...containersListed, { type: 'tagsNotRead', path: ['db1', 's1'], code: 'PERMISSION_DENIED', message: 'no privilege on the tag views' }, { type: 'listing', parent: ['db1', 's1'], objects: [{ ...table(true), tags: [], columns: table(true).columns!.map((c) => ({ ...c, tags: [] })) }] }],
    );
    const worker = workerOf('worker-here', true);
    queue.onQueued(() => worker.wake());
    await worker.start();
    await requestSync();
    await worker.whenIdle();
    const second = await requestSync();
    await worker.whenIdle();
    expect(await runOf(second)).toMatchObject({
      state: 'completed',
      errors: [{ objectPath: ['Conn', 'db1', 's1'], code: 'PERMISSION_DENIED', message: 'no privilege on the tag views', notRead: 'tags' }],
    });
    const root = (await store.objects.findRoot(connection.id))!;
    const leaf = (await store.objects.findChild((await store.objects.findChild((await store.objects.findChild(root.id, 'db1'))!.id, 's1'))!.id, 't'))!;
    expect((await store.tags.listFor(leaf.id)).map((t) => [t.column, t.name, t.value, t.source])).toEqual([
      [null, 'PII', 'email', 'platform'],
      ['id', 'PII', 'email', 'platform'],
    ]);
    expect((await store.syncChanges.listByRun(second, { offset: 0, size: 10 })).hits).toEqual([]);
  });
});
