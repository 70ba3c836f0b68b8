import type { Clock } from '../../src/clock.js';
import type { CatalogStore } from '../../src/store/catalog-store.js';
import type { ApplyContext } from '../../src/sync/apply.js';

const TEST_WORKER = 'test-worker';
const FAR_LEASE = '2100-01-01T00:00:00.000Z';

/**
 * A sync run inserted and claimed by a test worker, and the ApplyContext that applies listings
 * for it: apply writes only for an active run whose lease the caller holds (run-lease.ts).
 */
export async function claimedApplyContext(
  store: CatalogStore,
  run: { syncRunId: string; connectionId: number; connectionKey: string; firstSync: boolean; leafDepth: number; clock: Clock },
): Promise<ApplyContext> {
  const { syncRunId, connectionId, connectionKey, firstSync, clock } = run;
  await store.syncRuns.insert({ id: syncRunId, connectionId, scope: [connectionKey], trigger: 'manual', requestedBy: null, forceRecursive: false, firstSync }, clock.nowIso());
  await store.syncRuns.claim(syncRunId, TEST_WORKER, FAR_LEASE, clock.nowIso());
  return { ...run, lease: { syncRunId, owner: TEST_WORKER, until: () => FAR_LEASE } };
}
