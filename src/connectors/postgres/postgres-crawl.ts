import type { CrawlBatch, CrawlScope, CrawledObject, ScopeStep } from '../../domain/catalog-types.js';
import { WardenError, isWardenError } from '../../errors.js';
import { abortReason, mergeBounded, type MergeSource } from '../connector-runtime.js';
import { mapContainers, mapLeaves, oidParameter, pickScopedMatch } from './postgres-mapper.js';
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
  type ColumnRow,
  type ColumnRows,
  type ColumnTextRow,
  type ContainerRow,
  type RelationNameRow,
  type RelationRow,
} from './postgres-queries.js';
import type { PostgresSession } from './postgres-session.js';

import { POSTGRES_LEVELS } from './postgres-technology.js';

/** What the crawl needs from its connector. */
export interface PostgresCrawlContext {
  /** The database the connection starts in; the database listing is read there. */
  rootDatabase: string;
  /** How many databases are crawled at once. */
  databaseConcurrency: number;
  /** Opens a session on `database`; throws a WardenError (or the abort reason). */
  openSession(database: string, signal: AbortSignal): Promise<PostgresSession>;
}

/**
 * Streams the batches of one crawl of a PostgreSQL server, following the contract of
 * `Connector.crawl`: the database listing first, then per database its schema listing followed
 * by the leaf listings of its schemas. Databases are crawled `databaseConcurrency` at a time,
 * pull-driven (see mergeBounded). Only a failure to read the database level rejects; anything
 * below becomes a `failure` batch for the subtree that could not be read.
 */
export async function* crawlPostgres(
  context: PostgresCrawlContext,
  scope: CrawlScope,
  signal: AbortSignal,
): AsyncGenerator<CrawlBatch> {
  if (scope.target.length > POSTGRES_LEVELS.length) {
    throw new WardenError('VALIDATION_FAILED', {
      detail: `a PostgreSQL crawl target has at most ${POSTGRES_LEVELS.length} steps (database, schema, table); got ${scope.target.length}`,
    });
  }
  const [step, ...below] = scope.target;
  const databases = await readDatabases(context, step, signal);
  yield listing([], databases, step);

  if (step !== undefined) {
    // The target itself always descends, whatever shouldDescend would say.
    const target = databases[0];
    if (target !== undefined) yield* crawlDatabase(context, scope, target, below, signal);
    return;
  }
  function* sources(): Generator<MergeSource<CrawlBatch>> {
    for (const database of databases) {
      if (scope.shouldDescend([database.name], database)) {
        yield (sourceSignal) => crawlDatabase(context, scope, database, [], sourceSignal);
      }
    }
  }
  yield* mergeBounded(sources(), { concurrency: context.databaseConcurrency, signal });
}

/** The database listing (or the one database a scope step designates). Rejects on failure. */
async function readDatabases(
  context: PostgresCrawlContext,
  step: ScopeStep | undefined,
  signal: AbortSignal,
): Promise<CrawledObject[]> {
  const session = await context.openSession(context.rootDatabase, signal);
  try {
    if (step === undefined) return mapContainers(await session.query<ContainerRow>(LIST_DATABASES, [], []), 'database');
    const rows = await session.query<ContainerRow>(FIND_DATABASE, [step.name, oidParameter(step.stableId)], [step.name]);
    return onlyMatch(mapContainers(rows, 'database'), step);
  } finally {
    await session.close();
  }
}

/**
 * One database's subtree: its schema listing, then the leaf listing of each schema it descends
 * into. `below` holds the remaining scope steps (schema, table) when the crawl is scoped.
 */
async function* crawlDatabase(
  context: PostgresCrawlContext,
  scope: CrawlScope,
  database: CrawledObject,
  below: readonly ScopeStep[],
  signal: AbortSignal,
): AsyncGenerator<CrawlBatch> {
  const databasePath = [database.name];
  let session: PostgresSession;
  try {
    session = await context.openSession(database.name, signal);
  } catch (error) {
    yield failure(databasePath, error, signal);
    return;
  }
  try {
    const [schemaStep, tableStep] = below;
    let schemas: CrawledObject[];
    try {
      schemas = await readSchemas(session, schemaStep, databasePath);
    } catch (error) {
      yield failure(databasePath, error, signal);
      return;
    }
    yield listing(databasePath, schemas, schemaStep);

    // Once the connection broke, the remaining schemas are reported unread without trying.
    let brokenBy: WardenError | undefined;
    for (const schema of schemas) {
      const schemaPath = [database.name, schema.name];
      if (schemaStep === undefined && !scope.shouldDescend(schemaPath, schema)) continue;
      if (brokenBy !== undefined) {
        yield notReadAfter(schemaPath, brokenBy);
        continue;
      }
      try {
        const leaves = await readLeaves(session, schema, tableStep, schemaPath);
        yield listing(schemaPath, leaves, tableStep);
      } catch (error) {
        const batch = failure(schemaPath, error, signal);
        // failure() returned, so `error` is a WardenError.
        if (session.lost) brokenBy = error as WardenError;
        yield batch;
      }
    }
  } finally {
    await session.close();
  }
}

/** The schema listing of the session's database (or the one schema `step` designates). */
async function readSchemas(
  session: PostgresSession,
  step: ScopeStep | undefined,
  path: readonly string[],
): Promise<CrawledObject[]> {
  if (step === undefined) return mapContainers(await session.query<ContainerRow>(LIST_SCHEMAS, [], path), 'schema');
  const rows = await session.query<ContainerRow>(FIND_SCHEMA, [step.name, oidParameter(step.stableId)], path);
  return onlyMatch(mapContainers(rows, 'schema'), step);
}

/**
 * The leaves of one schema with their columns — one query each for the relations, their
 * comments, the columns, the defaults and the column comments of the whole schema — or, when
 * the crawl targets one table, that table (found by name or oid) and its columns.
 */
async function readLeaves(
  session: PostgresSession,
  schema: CrawledObject,
  step: ScopeStep | undefined,
  path: readonly string[],
): Promise<CrawledObject[]> {
  if (step === undefined) {
    const relations = await readRelations(session, LIST_RELATIONS, [schema.stableId], path);
    return mapLeaves(relations, await readDictionary(session, LIST_SCHEMA_COLUMNS, schema.stableId, path));
  }
  const rows = await readRelations(session, FIND_RELATION, [schema.stableId, step.name, oidParameter(step.stableId)], path);
  const match = pickScopedMatch(mapLeaves(rows, NO_COLUMNS), step);
  if (match === undefined) return [];
  return mapLeaves(
    rows.filter(([stableId]) => stableId === match.stableId),
    await readDictionary(session, LIST_RELATION_COLUMNS, match.stableId, [...path, match.name]),
  );
}

const NO_COLUMNS: ColumnRows = { columns: [], defaults: [], comments: [] };

/** Relations of a schema (`values[0]`, its oid) with their comments, read by their own query. */
async function readRelations(session: PostgresSession, query: string, values: unknown[], path: readonly string[]): Promise<RelationRow[]> {
  const relations = await session.query<RelationNameRow>(query, values, path);
  if (relations.length === 0) return [];
  const comments = new Map(await session.query<[string, string]>(LIST_RELATION_COMMENTS, [values[0]], path));
  return relations.map(([stableId, name, relkind]) => [stableId, name, relkind, comments.get(stableId) ?? null]);
}

/** Columns, defaults and comments of a schema or a relation (`id`), one after the other on the session. */
async function readDictionary(
  session: PostgresSession,
  queries: Record<keyof ColumnRows, string>,
  id: string | null,
  path: readonly string[],
): Promise<ColumnRows> {
  return {
    columns: await session.query<ColumnRow>(queries.columns, [id], path),
    defaults: await session.query<ColumnTextRow>(queries.defaults, [id], path),
    comments: await session.query<ColumnTextRow>(queries.comments, [id], path),
  };
}

/** The failure of a schema left unread because the database's session broke on an earlier one. */
function notReadAfter(path: string[], brokenBy: WardenError): CrawlBatch {
  const error = new WardenError('CONNECTION_LOST', {
    cause: `not read because an earlier query on database "${path[0]}" failed: ${brokenBy.message}`,
  });
  return { type: 'failure', path, code: error.code, message: error.message };
}

function onlyMatch(objects: CrawledObject[], step: ScopeStep): CrawledObject[] {
  const match = pickScopedMatch(objects, step);
  return match === undefined ? [] : [match];
}

function listing(parent: string[], objects: CrawledObject[], only: ScopeStep | undefined): CrawlBatch {
  return only === undefined ? { type: 'listing', parent, objects } : { type: 'listing', parent, objects, only };
}

/**
 * The failure batch for a subtree. An abort is not a failure of the subtree: it ends the crawl,
 * so it is rethrown; so is anything that is not a WardenError (a bug must not pass for a
 * platform problem).
 */
function failure(path: string[], error: unknown, signal: AbortSignal): CrawlBatch {
  if (signal.aborted) throw abortReason(signal);
  if (!isWardenError(error)) throw error;
  return { type: 'failure', path, code: error.code, message: error.message };
}
