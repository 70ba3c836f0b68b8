import type { CrawledTag } from './tag.js';

/** What a connector reports about one column of a table (the table's data dictionary). */
export interface CrawledColumn {
  name: string;
  /** 1-based position as the platform numbers it (may have gaps after drops). */
  ordinal: number;
  /** The platform's type as the platform writes it, e.g. `character varying(20)`. */
  type: string;
  /** False when the column cannot hold NULL (on PostgreSQL also through a NOT NULL domain). */
  nullable: boolean;
  /** The default as SQL, as the platform writes it; null when none (and for a generated column). */
  defaultValue: string | null;
  /** A generated (computed) column's expression; null for an ordinary column. */
  generated: GeneratedColumn | null;
  comment: string | null;
  /**
   * The platform's stable id of the column within its table (PostgreSQL `attnum`), which
   * survives a rename; absent or null where the platform has none (a rename is then a drop
   * plus an add).
   */
  stableId?: string | null;
  /** The column's platform tags; absent when they were not read (see CrawledObject.tags). */
  tags?: CrawledTag[];
}

/** How a generated column is computed. */
export interface GeneratedColumn {
  /** The generation expression as the platform writes it. */
  expression: string;
  /** True when the value is computed on write and stored, false when computed on read (virtual). */
  stored: boolean;
}

/** Leaf kinds a platform may have; containers use their level name as kind. */
export const LEAF_KINDS = [
  'table',
  'view',
  'materializedView',
  'partitionedTable',
  'foreignTable',
  'externalTable',
  'systemVersionedTable',
  'sequence',
  // Snowflake's dynamic, Iceberg and event tables.
  'dynamicTable',
  'icebergTable',
  'eventTable',
  // Databricks' streaming tables and metric views.
  'streamingTable',
  'metricView',
] as const;
export type LeafKind = (typeof LEAF_KINDS)[number];

/** One object a crawl found: a container (database, schema, catalog) or a leaf (table, view, …). */
export interface CrawledObject {
  name: string;
  /** The level name for containers (`database`, `schema`), a LeafKind for leaves. */
  kind: string;
  /** The platform's stable identifier (PostgreSQL OID, …) used to recognise renames; null if none. */
  stableId: string | null;
  comment: string | null;
  /** Leaves only: the complete column list, ordered by ordinal; absent when it could not be read (the stored dictionary stays). */
  columns?: CrawledColumn[];
  /**
   * Leaves only: the platform's fingerprint of the dictionary (every column with its default and
   * comment), where the platform can compute it itself. The connector gives it both for columns
   * it read (asked of the platform before them, so the columns are never older than it) and, on
   * a re-sync, for a leaf whose fingerprint equals the one {@link CrawlScope.storedDictionaries}
   * reported: then `columns` is absent, since the stored dictionary is the platform's. Absent
   * where the technology has none.
   */
  dictionaryFingerprint?: string;
  /**
   * The object's complete platform tags. Absent when they were not read — the technology has no
   * tags, or reading them failed: the stored platform tags stay as they are, as safe deletion
   * requires.
   */
  tags?: CrawledTag[];
}

/**
 * A connector's crawl streams batches, parent before child.
 *
 * - `listing`: the children of `parent` (a path relative to the connection root; `[]` is the
 *   root). When `only` is absent the list is the parent's *complete* list of children, so any
 *   stored child missing from it was removed. When `only` is given the listing was filtered to
 *   that one child (a scoped sync): it is complete for that name or stable id and says nothing
 *   about the parent's other children.
 * - `failure`: the subtree at `path` could not be read (error, timeout, lost connection,
 *   privilege). Nothing under it may be marked removed.
 * - `tagsNotRead`: the objects of the subtree at `path` (the object at `path` included) were
 *   read but their tags could not be (a separate query or credentials that failed). Sent
 *   before the listings it covers; the engine ignores any tags those listings carry, so no
 *   platform tag under `path` is removed, and reports the subtree on the run.
 * - `unchanged`: the complete listing of `parent`'s children is the stored one, as the platform
 *   vouches through its dictionary fingerprints (see {@link StoredDictionaries}): every child
 *   present, by stable id, with `fingerprints`' value, nothing added, removed or changed. It
 *   carries no objects and is never an empty listing: the engine keeps every stored child,
 *   after checking that the stored children are still exactly those.
 */
export type CrawlBatch =
  | { type: 'listing'; parent: string[]; objects: CrawledObject[]; only?: ScopeStep }
  | { type: 'unchanged'; parent: string[]; fingerprints: ReadonlyMap<string, string> }
  | { type: 'failure'; path: string[]; code: string; message: string }
  | { type: 'tagsNotRead'; path: string[]; code: string; message: string };

/** One step of a scope path: the object's name and, when Warden knows it, its stable id. */
export interface ScopeStep {
  name: string;
  stableId: string | null;
}

/** What a crawl should cover. */
export interface CrawlScope {
  /**
   * Path from the connection root to the subtree to crawl; empty = the whole connection.
   * The connector lists the last step filtered to that object (by name or stable id), then
   * everything below it.
   */
  target: ScopeStep[];
  /**
   * Asked for each container found below the target before the connector lists its children.
   * `false` means: skip that subtree (it is disabled and the sync is not forced recursive).
   */
  shouldDescend(path: string[], object: CrawledObject): boolean;
  /**
   * The dictionary fingerprints of the leaves stored under the container at `path` (see
   * {@link StoredDictionaries}). A connector that can ask the platform for the fingerprints reads
   * the columns only of leaves whose fingerprint differs, and reports a listing whose every leaf
   * matches as `unchanged`. Absent (a first sync): read every dictionary.
   */
  storedDictionaries?(path: string[]): Promise<StoredDictionaries>;
}

/** What the catalog holds of a container's leaves, for a re-sync that may skip what is unchanged. */
export interface StoredDictionaries {
  /**
   * By stable id, the fingerprint (CrawledObject.dictionaryFingerprint) of each present leaf
   * whose stored dictionary was written with one; a stable id two leaves share is left out.
   */
  fingerprints: ReadonlyMap<string, string>;
  /**
   * True when every present child of the container is in `fingerprints`: then a crawl that finds
   * exactly those stable ids, each with the same fingerprint, has found the stored listing.
   */
  complete: boolean;
}
