import type { CrawledObject, ScopeStep, StoredDictionaries } from '../../domain/catalog-types.js';
import { pathOf, type CatalogReader, type UnchangedLeaves } from '../shared/catalog-walk.js';
import { forEachChunkYielding } from '../../sync/yielding-map.js';
import { ColumnGrouping, leafKind, mapContainers, mapLeaves, oidParameter, pickScopedMatch, relationFingerprints } from './postgres-mapper.js';
import {
  DICTIONARY_DEPENDENCIES,
  FIND_DATABASE,
  FIND_RELATION,
  FIND_SCHEMA,
  LIST_DATABASES,
  LIST_RELATION_COMMENTS,
  LIST_RELATION_FINGERPRINTS,
  LIST_RELATION_COLUMNS,
  LIST_SCHEMAS,
  LIST_SCHEMA_COLUMNS,
  type ColumnRow,
  type ColumnRows,
  type ColumnTextRow,
  type ContainerRow,
  type RelationNameRow,
  type RelationRow,
  type RelationVersionRow,
  type RowVersionsRow,
} from './postgres-queries.js';
import type { PostgresSession } from './postgres-session.js';

/**
 * Reads a PostgreSQL catalog through one session, for the shared walk: the database listing
 * (on the session of the connection's first database), and a database's schemas and their
 * leaves (on a session of that database: PostgreSQL binds a session to one database). A scope
 * step is found by name or oid, the oid winning (see pickScopedMatch).
 */
export class PostgresCatalogReader implements CatalogReader {
  constructor(private readonly session: PostgresSession) {}

  get lost(): boolean {
    return this.session.lost;
  }

  /** The databases (`parent` = `[]`) or the schemas of the session's database (`parent` = `[database]`). */
  async listContainers(parent: readonly CrawledObject[], only: ScopeStep | undefined): Promise<CrawledObject[]> {
    const level = parent.length === 0 ? 'database' : 'schema';
    const [list, find] = parent.length === 0 ? [LIST_DATABASES, FIND_DATABASE] : [LIST_SCHEMAS, FIND_SCHEMA];
    const path = pathOf(parent);
    if (only === undefined) return mapContainers(await this.session.query<ContainerRow>(list, [], path), level);
    const rows = await this.session.query<ContainerRow>(find, [only.name, oidParameter(only.stableId)], path);
    const match = pickScopedMatch(mapContainers(rows, level), only);
    return match === undefined ? [] : [match];
  }

  /**
   * The leaves of one schema (the chain's last container, read by its oid) with their columns —
   * one query each for the relations, their comments, the columns, the defaults and the column
   * comments of the whole schema — or, when the crawl targets one table, that table (found by
   * name or oid) and its columns.
   *
   * The server computes every relation's fingerprint first (only it can: see
   * relationFingerprints), on a first sync too, so that the first re-sync can skip. With `stored`
   * (a re-sync), when the stored listing is complete and every relation's fingerprint is the
   * stored one, the schema is unchanged and nothing more is read. Otherwise only the relations
   * whose fingerprint differs have their columns read; the others come back without columns,
   * with their fingerprint.
   */
  async listLeaves(parent: readonly CrawledObject[], only: ScopeStep | undefined, stored?: StoredDictionaries): Promise<CrawledObject[] | UnchangedLeaves> {
    const schemaId = parent[parent.length - 1]!.stableId;
    const path = pathOf(parent);
    if (only === undefined) return this.readChangedDictionaries(stored ?? NOTHING_STORED, schemaId, path);
    const rows = await this.readRelations(FIND_RELATION, [schemaId, only.name, oidParameter(only.stableId)], path);
    const match = pickScopedMatch(mapLeaves(rows, NO_COLUMNS), only);
    if (match === undefined) return [];
    return mapLeaves(
      rows.filter(([stableId]) => stableId === match.stableId),
      await this.readDictionary(LIST_RELATION_COLUMNS, [[match.stableId]], [...path, match.name]),
    );
  }

  close(): Promise<void> {
    return this.session.close();
  }

  /**
   * A schema's leaves: the fingerprints from the server (before any fact they vouch for is read,
   * so a stored fact is never older than the fingerprint stored with it), then nothing more when
   * all are the stored ones, else the columns of the changed relations only (all on a first sync).
   */
  private async readChangedDictionaries(stored: StoredDictionaries, schemaId: string | null, path: readonly string[]): Promise<CrawledObject[] | UnchangedLeaves> {
    // One row: the role's own (CURRENT_USER is always in pg_roles).
    const [dependencies] = (await this.session.query<[string]>(DICTIONARY_DEPENDENCIES, [], path))[0]!;
    const versions = await this.session.query<RelationVersionRow>(LIST_RELATION_FINGERPRINTS.relations, [schemaId], path);
    const fingerprintOf = relationFingerprints(dependencies, {
      defaults: await this.session.query<RowVersionsRow>(LIST_RELATION_FINGERPRINTS.defaults, [schemaId], path),
      comments: await this.session.query<RowVersionsRow>(LIST_RELATION_FINGERPRINTS.comments, [schemaId], path),
    });
    if (versions.length === 0) return [];
    const fingerprints = new Map(versions.map(([stableId, , , rowVersions]) => [stableId, fingerprintOf(stableId, rowVersions)]));
    const unchanged = (stableId: string) => stored.fingerprints.get(stableId) === fingerprints.get(stableId);
    if (stored.complete && stored.fingerprints.size === versions.length && versions.every(([stableId]) => unchanged(stableId))) return { unchanged: fingerprints };

    const relations = await this.withComments(versions, schemaId, path);
    const changed = relations.filter(([stableId]) => !unchanged(stableId));
    // Every relation changed (a first sync, or the dependencies changed): the schema's queries read them best.
    const read =
      changed.length === 0
        ? []
        : changed.length === relations.length
          ? await this.readLeaves(changed, LIST_SCHEMA_COLUMNS, [schemaId], path)
          : await this.readLeaves(changed, LIST_RELATION_COLUMNS, [changed.map(([stableId]) => stableId)], path);
    const readById = new Map(read.map((leaf) => [leaf.stableId, leaf]));
    // The unchanged ones: the relation's own facts (name, kind, comment) as listed, the stored dictionary kept.
    return relations.map(([stableId, name, relkind, comment]) => {
      const dictionaryFingerprint = fingerprints.get(stableId)!;
      const leaf = readById.get(stableId);
      return leaf === undefined ? { name, kind: leafKind(relkind), stableId, comment, dictionaryFingerprint } : { ...leaf, dictionaryFingerprint };
    });
  }

  /** The relations `query` finds in a schema (`values[0]`, its oid), with their comments. */
  private async readRelations(query: string, values: unknown[], path: readonly string[]): Promise<RelationRow[]> {
    return this.withComments(await this.session.query<RelationNameRow>(query, values, path), values[0], path);
  }

  /** Relations of schema `schemaId` (oid, name and relkind first) with their comments, read by their own query. */
  private async withComments(relations: readonly [stableId: string, name: string, relkind: string, ...rest: unknown[]][], schemaId: unknown, path: readonly string[]): Promise<RelationRow[]> {
    if (relations.length === 0) return [];
    const comments = new Map(await this.session.query<[string, string]>(LIST_RELATION_COMMENTS, [schemaId], path));
    return relations.map(([stableId, name, relkind]) => [stableId, name, relkind, comments.get(stableId) ?? null]);
  }

  /**
   * mapLeaves for a whole schema (or many relations): defaults and comments first, then the
   * columns grouped as they stream in — a schema's 500,000 column rows are never held at once,
   * and die young — and the leaves built a turn of the event loop every few milliseconds.
   */
  private async readLeaves(relations: readonly RelationRow[], queries: Record<keyof ColumnRows, string>, values: unknown[], path: readonly string[]): Promise<CrawledObject[]> {
    const grouping = new ColumnGrouping({
      defaults: await this.session.query<ColumnTextRow>(queries.defaults, values, path),
      comments: await this.session.query<ColumnTextRow>(queries.comments, values, path),
    });
    let chunk: ColumnRow[] = [];
    await this.session.forEachRow<ColumnRow>(queries.columns, values, path, (row) => {
      chunk.push(row);
      if (chunk.length < COLUMNS_PER_CHUNK) return;
      grouping.add(chunk);
      chunk = [];
    });
    grouping.add(chunk);
    const leaves: CrawledObject[] = [];
    await forEachChunkYielding(relations, (slice) => leaves.push(...grouping.leaves(slice)), RELATIONS_PER_TURN);
    return leaves;
  }

  /** Columns, defaults and comments of a schema or of relations (`values`: the queries' one parameter), one after the other on the session. */
  private async readDictionary(queries: Record<keyof ColumnRows, string>, values: unknown[], path: readonly string[]): Promise<ColumnRows> {
    return {
      columns: await this.session.query<ColumnRow>(queries.columns, values, path),
      defaults: await this.session.query<ColumnTextRow>(queries.defaults, values, path),
      comments: await this.session.query<ColumnTextRow>(queries.comments, values, path),
    };
  }
}

/** About 2–4 ms of work each on the bench machine. */
const RELATIONS_PER_TURN = 200;
/** Column rows grouped at once as they stream in. */
const COLUMNS_PER_CHUNK = 1_000;

const NO_COLUMNS: ColumnRows = { columns: [], defaults: [], comments: [] };

/** A first sync's: nothing stored, every dictionary read (with the fingerprint the next re-sync compares). */
const NOTHING_STORED: StoredDictionaries = { fingerprints: new Map(), complete: false };
