import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettableClock } from '../../src/clock.js';
import { SyncScheduler } from '../../src/jobs/scheduler.js';
import { SyncRunQueue } from '../../src/jobs/sync-run-queue.js';
import { createLogger } from '../../src/logger.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { openTempStore } from '../helpers/temp-store.js';

/** The schedule by a set clock: nothing here depends on today's date. */
const CLOCK_DATES = ['2027-06-01T01:00:03Z', '2030-01-01T01:00:03Z'];

describeEachStore('the sync schedule', (kind) => {
  describe.each(CLOCK_DATES)('with the clock at %s', (date) => {
    let temp: Awaited<ReturnType<typeof openTempStore>>;
    let clock: SettableClock;
    let scheduler: SyncScheduler;
    let queue: SyncRunQueue;

    beforeEach(async () => {
      temp = await openTempStore(kind);
      clock = new SettableClock(date);
      queue = new SyncRunQueue(temp.catalog, clock);
      scheduler = new SyncScheduler(temp.catalog, queue, createLogger('silent'), clock);
      for (const key of ['A', 'B']) {
        await temp.catalog.connections.insert({ connectionKey: key, technology: 'PostgreSQL', details: {}, secretsCiphertext: null, createdBy: null }, clock.nowIso());
      }
    });
    afterEach(async () => {
      scheduler.stop();
      await temp.close();
    });

    it('queues one full sync per connection, and no second one while the first is still open', async () => {
      expect(await scheduler.tick()).toEqual(['A', 'B']);
      clock.advance(86_400_000);
      expect(await scheduler.tick()).toEqual([]);
      const runs = await temp.catalog.syncRuns.search({ offset: 0, size: 10 });
      expect(runs.hits.map((r) => [r.scope, r.trigger, r.state, r.createdAt]).sort()).toEqual([
        [['A'], 'schedule', 'created', new Date(date).toISOString()],
        [['B'], 'schedule', 'created', new Date(date).toISOString()],
      ]);
    });

    it('queues once per due time, even when a second tick (another process, a retry) comes after the run finished', async () => {
      expect(await scheduler.tick()).toEqual(['A', 'B']);
      await finishAll();
      clock.advance(38_000);
      expect(await scheduler.tick()).toEqual([]);
      clock.advance(86_400_000 - 40_000);
      expect(await scheduler.tick()).toEqual(['A', 'B']);
    });

    it('joins a manual request for a subtree to the queued scheduled sync', async () => {
      await scheduler.tick();
      const connection = (await temp.catalog.connections.findByKey('A'))!;
      const { joined } = await queue.request({ connection, scope: ['A', 'db'], trigger: 'manual', requestedBy: 'x', forceRecursive: false });
      expect(joined).toBe(true);
      const forced = await queue.request({ connection, scope: ['A', 'db'], trigger: 'manual', requestedBy: 'x', forceRecursive: true });
      expect(forced.joined).toBe(false);
    });

    async function finishAll() {
      for (const run of (await temp.catalog.syncRuns.search({ offset: 0, size: 10 })).hits) {
        await temp.catalog.syncRuns.claim(run.id, 'test-worker', clock.nowIso(), clock.nowIso());
        await temp.catalog.syncRuns.finish(run.id, 'test-worker', { state: 'completed', counts: run.counts, errors: [], progress: run.progress, failureMessage: null }, clock.nowIso());
      }
    }
  });

  it('runs daily at 01:00 UTC by default and refuses an invalid expression naming the variable', async () => {
    const temp = await openTempStore(kind);
    try {
      const clock = new SettableClock(CLOCK_DATES[0]!);
      const scheduler = new SyncScheduler(temp.catalog, new SyncRunQueue(temp.catalog, clock), createLogger('silent'), clock);
      scheduler.start('0 1 * * *');
      const next = scheduler.nextRun()!;
      scheduler.stop();
      expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([1, 0]);
      expect(() => scheduler.start('not cron')).toThrowError(/WARDEN_SYNC_SCHEDULE/);
    } finally {
      await temp.close();
    }
  });
});
