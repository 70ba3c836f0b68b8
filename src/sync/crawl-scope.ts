import { pathKey } from '../domain/object-path.js';
import type { CrawlScope, ScopeStep } from '../domain/catalog-types.js';
import { inheritSettings, ROOT_DEFAULTS, type EffectiveSettings } from '../domain/settings.js';
import type { ObjectRecord } from '../store/repositories/object-repository.js';

/** What the scope builder needs from the catalog. */
export interface ScopeCatalog {
  /** Objects from the root down along `names`, as far as they exist (root first). */
  chainAsFarAsKnown: ObjectRecord[];
  /** Every stored container at or below the end of the chain. */
  containers: ObjectRecord[];
  /** Ids of objects that are, or are ancestors of, an object overriding isActive to true. */
  withEnabledDescendants: Set<number>;
  /** Ids of the containers that have children stored (the others were never listed, or are empty). */
  withChildren: Set<number>;
}

/**
 * Builds the crawl scope of a sync of `names` (the path below the connection).
 *
 * Steps carry the stable ids the catalog knows, so a renamed target is still found. Where the
 * crawl descends: everywhere on the first sync or when forced; otherwise not into a known
 * container that is disabled and holds no enabled override below it. Containers the catalog
 * does not know yet, knows as removed, or holds no children of (a sync that stopped after
 * adding a container but before listing it, or an empty one) are always listed, so nothing a
 * disabled container holds stays unknown.
 */
export function buildCrawlScope(names: readonly string[], catalog: ScopeCatalog, descendEverywhere: boolean): CrawlScope {
  const [root, ...knownSteps] = catalog.chainAsFarAsKnown;
  const target: ScopeStep[] = names.map((name, i) => ({ name, stableId: knownSteps[i]?.stableId ?? null }));
  if (descendEverywhere || !root) return { target, shouldDescend: () => true };

  const skipped = skippedContainers(catalog);
  return {
    target,
    shouldDescend: (path, object) => {
      const key = pathKey(path);
      if (!skipped.has(key)) return true;
      // Another object (by stable id) holds the skipped container's name now, e.g. after a swap: list it.
      const stableId = skipped.get(key);
      return stableId !== null && object.stableId !== null && stableId !== object.stableId;
    },
  };
}

/**
 * The stored containers a non-forced sync does not descend into: path key (below the root) →
 * stable id.
 */
function skippedContainers(catalog: ScopeCatalog): Map<string, string | null> {
  const settings = new Map<number, EffectiveSettings>();
  const paths = new Map<number, string[]>();
  let above = ROOT_DEFAULTS;
  let path: string[] = [];
  for (const [i, object] of catalog.chainAsFarAsKnown.entries()) {
    above = inheritSettings(above, object.overrides);
    if (i > 0) path = [...path, object.name];
    settings.set(object.id, above);
    paths.set(object.id, path);
  }
  const skipped = new Map<string, string | null>();
  // Parents first, so each container finds its parent's settings already resolved.
  for (const container of [...catalog.containers].sort((a, b) => a.depth - b.depth)) {
    if (settings.has(container.id) || container.parentId === null) continue;
    const parentSettings = settings.get(container.parentId);
    const parentPath = paths.get(container.parentId);
    if (!parentSettings || !parentPath) continue;
    const own = inheritSettings(parentSettings, container.overrides);
    const ownPath = [...parentPath, container.name];
    settings.set(container.id, own);
    paths.set(container.id, ownPath);
    const known = !container.removed && catalog.withChildren.has(container.id);
    if (!own.isActive && known && !catalog.withEnabledDescendants.has(container.id)) skipped.set(pathKey(ownPath), container.stableId);
  }
  return skipped;
}
