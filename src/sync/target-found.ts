import type { CrawlBatch } from '../domain/catalog-types.js';
import { describePath } from '../domain/object-path.js';
import type { SyncCounts, SyncRunError } from '../store/repositories/sync-run-repository.js';

/**
 * True when a crawl batch shows that a sync's target (`names`, the path below the connection)
 * exists: the filtered listing of its parent holds it. A failure counts too: the subtree is
 * already reported as not crawled, and nothing can be said about the target. Tags not read
 * say nothing either way: the listings still show (or not) the objects.
 */
export function batchShowsTarget(names: readonly string[], batch: CrawlBatch): boolean {
  if (batch.type === 'failure') return true;
  if (batch.type === 'tagsNotRead') return false;
  const parent = names.slice(0, -1);
  const count = batch.type === 'unchanged' ? batch.fingerprints.size : batch.objects.length;
  return count > 0 && batch.parent.length === parent.length && parent.every((name, i) => batch.parent[i] === name);
}

/**
 * The run error of a sync whose target the crawl never showed and which removed nothing (so the
 * target was not in the catalog either, or was already marked removed); null otherwise. A
 * path not yet in the catalog is fine to ask for (a table just granted): only one the platform
 * does not have ends like this, instead of "completed, 0 unchanged".
 */
export function targetNotFound(scope: readonly string[], targetShown: boolean, counts: SyncCounts): SyncRunError | null {
  if (scope.length <= 1 || targetShown || counts.removed > 0) return null;
  return {
    objectPath: [...scope],
    code: 'OBJECT_NOT_FOUND',
    message: `The platform has no object at ${describePath(scope)}: check the names (exact spelling and case) and that the connection's user may see it`,
  };
}
