import type { CrawledTag } from '../../domain/tag.js';
import { WardenError, isWardenError } from '../../errors.js';
import { sleep, type DatabricksClient } from './databricks-client.js';

/** The four tag views of `system.information_schema`, with the name columns before tag_name and tag_value. */
const TAG_VIEWS = [
  { view: 'catalog_tags', names: ['catalog_name'] },
  { view: 'schema_tags', names: ['catalog_name', 'schema_name'] },
  { view: 'table_tags', names: ['catalog_name', 'schema_name', 'table_name'] },
  { view: 'column_tags', names: ['catalog_name', 'schema_name', 'table_name', 'column_name'] },
] as const;

/** The SQL of one tag view, all catalogs or the one `:catalog` names (a bound parameter, never text). */
export function tagQuery(view: (typeof TAG_VIEWS)[number], oneCatalog: boolean): string {
  const where = oneCatalog ? ' WHERE catalog_name = :catalog' : '';
  return `SELECT ${[...view.names, 'tag_name', 'tag_value'].join(', ')} FROM system.information_schema.${view.view}${where}`;
}

/**
 * Every platform tag of the objects a crawl reads, by object path (a column's path ends with
 * the column name). An object it has no entry for has no tags — the views list every direct
 * assignment the principal may see.
 */
export class TagIndex {
  private readonly byPath = new Map<string, CrawledTag[]>();

  add(path: readonly string[], tag: CrawledTag): void {
    const key = JSON.stringify(path);
    const tags = this.byPath.get(key);
    if (tags === undefined) this.byPath.set(key, [tag]);
    else tags.push(tag);
  }

  tagsOf(path: readonly string[]): CrawledTag[] {
    return [...(this.byPath.get(JSON.stringify(path)) ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}

/** A statement that did not succeed: its state and Databricks' error_code. */
export class DatabricksStatementError extends Error {
  constructor(
    readonly state: string,
    readonly errorCode: string | undefined,
  ) {
    super(`statement ${state}${errorCode === undefined ? '' : ` ${errorCode}`}`);
  }
}

interface StatementResponse {
  statement_id?: string;
  status?: { state?: string; error?: { error_code?: string } };
  result?: StatementChunk;
}

interface StatementChunk {
  data_array?: (string | null)[][];
  next_chunk_index?: number;
}

const STATEMENTS = '/api/2.0/sql/statements';
/** How long a poll waits before asking again about a statement still running (the warehouse starting). */
const POLL_INTERVAL_MS = 500;

/**
 * Reads the tag views through the SQL Statement Execution API on the warehouse `warehouseId`:
 * one statement per view (for the whole metastore, or one catalog), inline JSON rows, every
 * chunk fetched. A statement still running when the wait ends is polled until it ends.
 */
export async function readTags(client: DatabricksClient, warehouseId: string, catalog: string | undefined, signal: AbortSignal): Promise<TagIndex> {
  const index = new TagIndex();
  for (const view of TAG_VIEWS) {
    const rows = await runStatement(client, warehouseId, tagQuery(view, catalog !== undefined), catalog === undefined ? [] : [{ name: 'catalog', value: catalog }], signal);
    for (const row of rows) {
      const names = row.slice(0, view.names.length);
      const [tagName, tagValue] = row.slice(view.names.length);
      if (names.some((name) => name === null) || typeof tagName !== 'string') continue;
      index.add(names as string[], { name: tagName, value: tagValue === '' || tagValue === undefined ? null : tagValue });
    }
  }
  return index;
}

async function runStatement(
  client: DatabricksClient,
  warehouseId: string,
  statement: string,
  parameters: { name: string; value: string }[],
  signal: AbortSignal,
): Promise<(string | null)[][]> {
  const path = ['system', 'information_schema'];
  let response = await client.post<StatementResponse>(
    STATEMENTS,
    { warehouse_id: warehouseId, statement, parameters, wait_timeout: '30s', on_wait_timeout: 'CONTINUE', disposition: 'INLINE', format: 'JSON_ARRAY' },
    path,
    signal,
  );
  while (response.status?.state === 'PENDING' || response.status?.state === 'RUNNING') {
    await sleep(POLL_INTERVAL_MS, signal);
    response = await client.get<StatementResponse>(`${STATEMENTS}/${encodeURIComponent(response.statement_id ?? '')}`, {}, path, signal);
  }
  if (response.status?.state !== 'SUCCEEDED') throw new DatabricksStatementError(response.status?.state ?? 'UNKNOWN', response.status?.error?.error_code);
  const rows = [...(response.result?.data_array ?? [])];
  let next = response.result?.next_chunk_index;
  while (next !== undefined) {
    const chunk = await client.get<StatementChunk>(`${STATEMENTS}/${encodeURIComponent(response.statement_id ?? '')}/result/chunks/${next}`, {}, path, signal);
    rows.push(...(chunk.data_array ?? []));
    next = chunk.next_chunk_index;
  }
  return rows;
}

/** Why tags could not be read, as a WardenError for the tagsNotRead batch (by state and error_code). */
export function tagsNotReadError(error: unknown): WardenError {
  if (isWardenError(error)) return error;
  if (error instanceof DatabricksStatementError) {
    const cause = `the tag query on the warehouse ended ${error.message}`;
    return error.errorCode === 'PERMISSION_DENIED' ? new WardenError('PERMISSION_DENIED', { cause }) : new WardenError('PLATFORM_ERROR', { cause });
  }
  throw error;
}
