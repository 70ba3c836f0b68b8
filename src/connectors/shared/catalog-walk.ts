import type { CrawlBatch, CrawlScope, CrawledObject, ScopeStep, StoredDictionaries } from '../../domain/catalog-types.js';
import { WardenError, isWardenError } from '../../errors.js';
import { abortReason, mergeBounded, type MergeSource } from '../connector-runtime.js';

/**
 * One session's view of a platform catalog, as the generic walk reads it. A technology
 * implements it on top of its own queries (PostgreSQL's pg_catalog queries, the
 * information_schema queries of `information-schema-queries.ts`); every method either resolves
 * or throws a WardenError (or the abort reason).
 *
 * `parent` is the chain of containers from the top level down to the container whose children
 * are listed (`[]` = the connection root), exactly as the walk listed them: a reader can
 * address a container by its name path or by its stable id (PostgreSQL lists a schema's
 * relations by the schema's oid).
 */
export interface CatalogReader {
  /** The containers of level `levels[parent.length]` under `parent`, in full, or only the one `only` designates (by name or stable id). */
  listContainers(parent: readonly CrawledObject[], only: ScopeStep | undefined): Promise<CrawledObject[]>;
  /**
   * The leaves under `parent` (a chain down to a container of the last container level) with their
   * columns. `stored` (see CrawlScope.storedDictionaries; complete listings only) lets a reader
   * whose platform computes dictionary fingerprints leave out the columns of leaves whose
   * fingerprint is the stored one, or, when `stored` is complete and every leaf's fingerprint is
   * the stored one, answer {@link UnchangedLeaves} instead of the leaves; a reader may ignore it.
   */
  listLeaves(parent: readonly CrawledObject[], only: ScopeStep | undefined, stored?: StoredDictionaries): Promise<CrawledObject[] | UnchangedLeaves>;
  /** The session broke: nothing more can be read through this reader. */
  readonly lost: boolean;
  close(): Promise<void>;
}

/** A reader's answer that a container's leaves are the stored ones: the platform's fingerprint of each, by stable id (an `unchanged` batch). */
export interface UnchangedLeaves {
  unchanged: ReadonlyMap<string, string>;
}

/** What {@link walkCatalog} needs from its connector. */
export interface CatalogWalkContext {
  /** The technology's level names below the connection, top to leaf (at least two). */
  levels: readonly string[];
  /** How many top-level containers are read at once. */
  concurrency: number;
  /**
   * Opens a reader for the root listing (`top` undefined) or for the subtree of one top-level
   * container. The walk opens one per top-level container and closes it when that subtree is
   * done, so a technology whose session is bound to a top-level container (a PostgreSQL
   * database) opens its session there; others may open one per call or hand out pooled ones.
   */
  openReader(top: CrawledObject | undefined, signal: AbortSignal): Promise<CatalogReader>;
}

/**
 * The crawl every catalog-backed connector shares, following the contract of
 * `Connector.crawl` for any number of levels:
 *
 * - the root listing first (complete, or filtered to the scope's first step); failing to read
 *   it rejects the iteration;
 * - then, per top-level container, its children and, depth first, theirs: each listing is
 *   complete (or filtered to the scope step at that depth) and comes before its children's;
 * - a listing that cannot be read becomes a `failure` batch for that subtree, never a partial
 *   listing; once a reader is lost, every remaining subtree of that top-level container is
 *   reported unread without trying;
 * - top-level containers are read `concurrency` at a time, pull-driven (see mergeBounded);
 *   `scope.shouldDescend` is asked before every container below the target.
 */
export async function* walkCatalog(context: CatalogWalkContext, scope: CrawlScope, signal: AbortSignal): AsyncGenerator<CrawlBatch> {
  const { levels } = context;
  if (scope.target.length > levels.length) {
    throw new WardenError('VALIDATION_FAILED', {
      detail: `a crawl target has at most ${levels.length} steps (${levels.join(', ')}); got ${scope.target.length}`,
    });
  }
  const [step, ...below] = scope.target;
  const top = await readRoot(context, step, signal);
  yield listing([], top, step);
  if (levels.length === 1) return;
  // The consumer may have aborted while it held the root listing; no container is opened then.
  signal.throwIfAborted();

  // A scoped crawl always descends into its target, whatever shouldDescend would say.
  const descendInto = step !== undefined ? top.slice(0, 1) : top.filter((container) => scope.shouldDescend([container.name], container));
  const sources = descendInto.map(
    (container): MergeSource<CrawlBatch> =>
      (sourceSignal) => walkTopContainer(context, scope, container, below, sourceSignal),
  );
  yield* mergeBounded(sources, { concurrency: context.concurrency, signal });
}

async function readRoot(context: CatalogWalkContext, step: ScopeStep | undefined, signal: AbortSignal): Promise<CrawledObject[]> {
  const reader = await context.openReader(undefined, signal);
  try {
    const top = await listChildren(reader, context.levels, [], step);
    // No stored dictionaries are asked for at the root, so a reader cannot answer "unchanged" there.
    if (!Array.isArray(top)) throw new Error('a root listing was reported unchanged');
    return top;
  } finally {
    await reader.close();
  }
}

/** One top-level container's subtree, read through its own reader. */
async function* walkTopContainer(
  context: CatalogWalkContext,
  scope: CrawlScope,
  container: CrawledObject,
  below: readonly ScopeStep[],
  signal: AbortSignal,
): AsyncGenerator<CrawlBatch> {
  const path = [container.name];
  let reader: CatalogReader;
  try {
    reader = await context.openReader(container, signal);
  } catch (error) {
    yield failure(path, error, signal);
    return;
  }
  const walk: SubtreeWalk = { reader, levels: context.levels, scope, signal, brokenBy: undefined };
  try {
    yield* walkSubtree(walk, [container], below);
  } finally {
    await reader.close();
  }
}

interface SubtreeWalk {
  reader: CatalogReader;
  levels: readonly string[];
  scope: CrawlScope;
  signal: AbortSignal;
  /** Set once the reader is lost: the remaining subtrees are reported unread. */
  brokenBy: WardenError | undefined;
}

/** The listing of the children of `chain`'s last container, then (containers only) each child's subtree. */
async function* walkSubtree(walk: SubtreeWalk, chain: readonly CrawledObject[], steps: readonly ScopeStep[]): AsyncGenerator<CrawlBatch> {
  const path = pathOf(chain);
  if (walk.brokenBy !== undefined) {
    yield notReadAfter(path, walk.brokenBy);
    return;
  }
  const [step, ...rest] = steps;
  let children: CrawledObject[] | UnchangedLeaves;
  try {
    children = await listChildren(walk.reader, walk.levels, chain, step, walk.scope);
  } catch (error) {
    const batch = failure(path, error, walk.signal);
    // failure() returned, so `error` is a WardenError.
    if (walk.reader.lost) walk.brokenBy = error as WardenError;
    yield batch;
    return;
  }
  if (!Array.isArray(children)) {
    yield { type: 'unchanged', parent: path, fingerprints: children.unchanged };
    return;
  }
  yield listing(path, children, step);
  if (path.length + 1 >= walk.levels.length) return;
  for (const child of children) {
    const childPath = [...path, child.name];
    if (step === undefined && !walk.scope.shouldDescend(childPath, child)) continue;
    yield* walkSubtree(walk, [...chain, child], rest);
  }
}

async function listChildren(
  reader: CatalogReader,
  levels: readonly string[],
  parent: readonly CrawledObject[],
  step: ScopeStep | undefined,
  scope?: CrawlScope,
): Promise<CrawledObject[] | UnchangedLeaves> {
  if (parent.length + 1 < levels.length) return reader.listContainers(parent, step);
  // A scoped listing reads its one leaf in full; a complete one may skip unchanged dictionaries.
  const stored = step === undefined ? await scope?.storedDictionaries?.(pathOf(parent)) : undefined;
  return reader.listLeaves(parent, step, stored);
}

/** The names of a chain of containers: its object path below the connection. */
export function pathOf(chain: readonly CrawledObject[]): string[] {
  return chain.map((container) => container.name);
}

/** The failure of a subtree left unread because its reader broke on an earlier one. */
function notReadAfter(path: string[], brokenBy: WardenError): CrawlBatch {
  const error = new WardenError('CONNECTION_LOST', {
    cause: `not read because an earlier query on ${JSON.stringify(path[0])} failed: ${brokenBy.message}`,
  });
  return { type: 'failure', path, code: error.code, message: error.message };
}

/** A listing batch; `only` marks a listing filtered to one scope step. */
export function listing(parent: string[], objects: CrawledObject[], only: ScopeStep | undefined): CrawlBatch {
  return only === undefined ? { type: 'listing', parent, objects } : { type: 'listing', parent, objects, only };
}

/**
 * The failure batch for a subtree. An abort is not a failure of the subtree: it ends the crawl,
 * so it is rethrown; so is anything that is not a WardenError (a bug must not pass for a
 * platform problem).
 */
export function failure(path: string[], error: unknown, signal: AbortSignal): CrawlBatch {
  if (signal.aborted) throw abortReason(signal);
  if (!isWardenError(error)) throw error;
  return { type: 'failure', path, code: error.code, message: error.message };
}
