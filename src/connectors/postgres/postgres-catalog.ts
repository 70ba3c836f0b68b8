import type { CrawledObject, ScopeStep } from '../../domain/catalog-types.js';
import { pathOf, type CatalogReader } from '../shared/catalog-walk.js';
import { forEachChunkYielding } from '../../sync/yielding-map.js';
import { ColumnGrouping, leafKind, mapContainers, mapLeaves, oidParameter, pickScopedMatch, serverFingerprints } from './postgres-mapper.js';
import {
  FIND_DATABASE,
  FIND_RELATION,
  FIND_SCHEMA,
  LIST_DATABASES,
  LIST_RELATION_COMMENTS,
  LIST_RELATIONS,
  LIST_RELATION_COLUMNS,
  LIST_SCHEMAS,
  LIST_SCHEMA_COLUMNS,
  LIST_SCHEMA_FINGERPRINTS,
  type ColumnRow,
  type ColumnRows,
  type ColumnTextRow,
  type ContainerRow,
  type FingerprintRow,
  type RelationNameRow,
  type RelationRow,
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
   * With `stored` fingerprints (a re-sync), the server computes every relation's fingerprint
   * first, and only the relations whose fingerprint differs from the stored one have their
   * columns read (by oid); the others come back without columns, with their fingerprint.
   */
  async listLeaves(parent: readonly CrawledObject[], only: ScopeStep | undefined, stored?: ReadonlyMap<string, string>): Promise<CrawledObject[]> {
    const schemaId = parent[parent.length - 1]!.stableId;
    const path = pathOf(parent);
    if (only === undefined) {
      const relations = await this.readRelations(LIST_RELATIONS, [schemaId], path);
      if (stored === undefined || stored.size === 0 || relations.length === 0) return this.readLeaves(relations, LIST_SCHEMA_COLUMNS, [schemaId], path);
      return this.readChangedDictionaries(relations, stored, schemaId, path);
    }
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

  /** A schema's leaves on a re-sync: the fingerprints from the server, the columns of the changed relations only. */
  private async readChangedDictionaries(relations: readonly RelationRow[], stored: ReadonlyMap<string, string>, schemaId: string | null, path: readonly string[]): Promise<CrawledObject[]> {
    const fingerprintOf = serverFingerprints({
      columns: await this.session.query<FingerprintRow>(LIST_SCHEMA_FINGERPRINTS.columns, [schemaId], path),
      defaults: await this.session.query<FingerprintRow>(LIST_SCHEMA_FINGERPRINTS.defaults, [schemaId], path),
      comments: await this.session.query<FingerprintRow>(LIST_SCHEMA_FINGERPRINTS.comments, [schemaId], path),
    });
    const changed = relations.filter(([stableId]) => stored.get(stableId) !== fingerprintOf(stableId));
    const read = changed.length === 0 ? [] : await this.readLeaves(changed, LIST_RELATION_COLUMNS, [changed.map(([stableId]) => stableId)], path);
    const readById = new Map(read.map((leaf) => [leaf.stableId, leaf]));
    // The unchanged ones: the relation's own facts (name, kind, comment) as listed, the stored dictionary kept.
    return relations.map(([stableId, name, relkind, comment]) => readById.get(stableId) ?? { name, kind: leafKind(relkind), stableId, comment, dictionaryFingerprint: fingerprintOf(stableId) });
  }

  /** Relations of a schema (`values[0]`, its oid) with their comments, read by their own query. */
  private async readRelations(query: string, values: unknown[], path: readonly string[]): Promise<RelationRow[]> {
    const relations = await this.session.query<RelationNameRow>(query, values, path);
    if (relations.length === 0) return [];
    const comments = new Map(await this.session.query<[string, string]>(LIST_RELATION_COMMENTS, [values[0]], path));
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
