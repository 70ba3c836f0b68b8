import { afterEach, beforeEach, expect, it } from 'vitest';
import { SyncScheduler } from '../../src/jobs/scheduler.js';
import { SyncRunQueue } from '../../src/jobs/sync-run-queue.js';
import { createLogger } from '../../src/logger.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { openTempStore } from '../helpers/temp-store.js';

describeEachStore('the sync schedule', (kind) => {
  let temp: Awaited<ReturnType<typeof openTempStore>>;
  let scheduler: SyncScheduler;
  let queue: SyncRunQueue;

  beforeEach(async () => {
    temp = await openTempStore(kind);
    queue = new SyncRunQueue(temp.catalog);
    scheduler = new SyncScheduler(temp.catalog, queue, createLogger('silent'));
    const now = new Date().toISOString();
    for (const key of ['A', 'B']) {
      await temp.catalog.connections.insert({ connectionKey: key, technology: 'PostgreSQL', details: {}, secretsCiphertext: null, createdBy: null }, now);
    }
  });
  afterEach(async () => {
    scheduler.stop();
    await temp.close();
  });

  it('queues one full sync per connection, and no second one while the first is still open', async () => {
    expect(await scheduler.tick()).toEqual(['A', 'B']);
    expect(await scheduler.tick()).toEqual([]);
    const runs = await temp.catalog.syncRuns.search({ offset: 0, size: 10 });
    expect(runs.hits.map((r) => [r.scope, r.trigger, r.state]).sort()).toEqual([
      [['A'], 'schedule', 'created'],
      [['B'], 'schedule', 'created'],
    ]);
  });

  it('queues once per due time, even when a second tick (another process, a retry) comes after the run finished', async () => {
    const due = new Date('2026-11-26T01:00:03Z');
    expect(await scheduler.tick(due)).toEqual(['A', 'B']);
    for (const run of (await temp.catalog.syncRuns.search({ offset: 0, size: 10 })).hits) {
      await temp.catalog.syncRuns.finish(run.id, { state: 'completed', counts: run.counts, errors: [], progress: run.progress, failureMessage: null }, new Date().toISOString());
    }
    expect(await scheduler.tick(new Date('2026-11-26T01:00:41Z'))).toEqual([]);
    expect(await scheduler.tick(new Date('2026-11-27T01:00:02Z'))).toEqual(['A', 'B']);
  });

  it('joins a manual request for a subtree to the queued scheduled sync', async () => {
    await scheduler.tick();
    const connection = (await temp.catalog.connections.findByKey('A'))!;
    const { joined } = await queue.request({ connection, scope: ['A', 'db'], trigger: 'manual', requestedBy: 'x', forceRecursive: false });
    expect(joined).toBe(true);
    const forced = await queue.request({ connection, scope: ['A', 'db'], trigger: 'manual', requestedBy: 'x', forceRecursive: true });
    expect(forced.joined).toBe(false);
  });

  it('runs daily at 01:00 UTC by default and refuses an invalid expression naming the variable', () => {
    scheduler.start('0 1 * * *');
    const next = scheduler.nextRun()!;
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([1, 0]);
    expect(() => new SyncScheduler(temp.catalog, queue, createLogger('silent')).start('not cron')).toThrowError(/WARDEN_SYNC_SCHEDULE/);
  });
});
