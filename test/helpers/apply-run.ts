import type { Clock } from '../../src/clock.js';
import type { CatalogStore } from '../../src/store/catalog-store.js';
import type { CrawledObject } from '../../src/domain/catalog-types.js';
import { applyListing, type ApplyContext } from '../../src/sync/apply.js';

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

/**
 * A PostgreSQL-like connection `Conn` (root disabled) in the store, and `list`, which applies a
 * listing under it as a new claimed run each time — the first three as the first sync.
 */
export async function listedConnection(store: CatalogStore, clock: Clock): Promise<{ connectionId: number; list: (parent: string[], objects: CrawledObject[]) => Promise<unknown> }> {
  const now = clock.nowIso();
  const connectionId = (await store.connections.insert({ connectionKey: 'Conn', technology: 'PostgreSQL', details: {}, secretsCiphertext: null, createdBy: null }, now)).id;
  await store.objects.insertRoot(connectionId, 'Conn', { isActive: false, activateNewChildren: false, dataOwners: [] }, now);
  let run = 0;
  const list = async (parent: string[], objects: CrawledObject[]) => {
    run += 1;
    const context = await claimedApplyContext(store, { syncRunId: `run-${run}`, connectionId, connectionKey: 'Conn', firstSync: run < 4, leafDepth: 3, clock });
    return applyListing(store, context, { type: 'listing', parent, objects });
  };
  return { connectionId, list };
}
