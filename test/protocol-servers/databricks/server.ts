/**
 * A Databricks workspace for the Databricks connector tests, on 127.0.0.1 over plain HTTP.
 *
 * Where each shape comes from (read, never copied):
 * - `/api/2.1/unity-catalog/{catalogs,schemas,tables}` lists: the open-source Unity Catalog
 *   spec (unitycatalog/unitycatalog `api/all.yaml`, v0.6.0) and Databricks' REST reference
 *   (uc-catalogs, uc-schemas, uc-tables): `{catalogs|schemas|tables: [...], next_page_token?}`,
 *   `max_results` and `page_token`, CatalogInfo `id`, SchemaInfo `schema_id`, TableInfo
 *   `table_id` / `table_type` / `columns[]` (ColumnInfo `type_text`, `type_name`, 0-based
 *   `position`, `nullable`, `comment`); errors `{error_code, message}` with the status the
 *   open-source server's ErrorCode gives (PERMISSION_DENIED 403, *_NOT_FOUND 404, …).
 * - `POST /api/2.0/sql/statements` (SQL Statement Execution API, Databricks' reference
 *   `statement-execution`): `{warehouse_id, statement, parameters, wait_timeout, disposition:
 *   INLINE, format: JSON_ARRAY}` answered `{statement_id, status{state, error{error_code}},
 *   manifest, result{data_array, next_chunk_index}}`, `GET …/{id}` to poll and
 *   `GET …/{id}/result/chunks/{n}`; only the four `system.information_schema.*_tags` reads the
 *   connector sends are understood (columns as Databricks' information_schema docs list them).
 * - Authentication: Databricks' docs — a personal access token as `Authorization: Bearer
 *   dapi…`; OAuth M2M at `POST /oidc/v1/token` with the client id and secret as HTTP Basic
 *   and `grant_type=client_credentials&scope=all-apis`, answered `{access_token, token_type,
 *   expires_in, scope}`.
 *
 * This stands in for the real open-source Unity Catalog server, whose Maven artifact
 * (io.unitycatalog:unitycatalog-server) is not served to this machine (see
 * scripts/test-servers/unity-catalog.sh); the catalog model is in memory, changed by the
 * tests through its methods. Faults: any status (with Retry-After), a dropped connection and
 * a stall, on the requests a predicate picks.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DatabricksConnectionDetails } from '../../../src/connectors/databricks/databricks-config.js';

export interface UcColumn {
  name: string;
  type_text: string;
  type_name: string;
  nullable?: boolean;
  comment?: string;
}

interface UcTable {
  table_id: string;
  table_type: string;
  comment?: string;
  columns: UcColumn[];
}

interface UcSchema {
  schema_id: string;
  comment?: string;
  tables: Map<string, UcTable>;
}

interface UcCatalog {
  id: string;
  comment?: string;
  schemas: Map<string, UcSchema>;
}

/**
 * A fault for the requests its predicate picks: an error answer, a dropped connection, a stall,
 * or every access token expiring just before the request is checked (its hour ran out mid-crawl).
 */
export type Fault = { status: number; errorCode: string; retryAfter?: string } | 'drop' | 'stall' | 'expireTokens';

interface ArmedFault {
  matches(url: URL): boolean;
  fault: Fault;
  /** How many more requests it hits; Infinity for all. */
  remaining: number;
}

export class DatabricksTestWorkspace {
  readonly pat = `dapi${randomBytes(16).toString('hex')}`;
  readonly clientId = randomUUID();
  readonly clientSecret = `dose${randomBytes(16).toString('hex')}`;
  /** The `expires_in` of the access tokens handed out. */
  tokenLifetimeS = 3600;
  /** The most objects one page holds, whatever max_results asks (servers may send fewer). */
  pageLimit = 100;
  /** Every request, by path (token requests included). */
  readonly requests: string[] = [];
  tokensIssued = 0;
  readonly warehouseId = 'warden0test0wh';
  /** Rows per result chunk of a statement. */
  chunkRows = 1000;
  /** The next this many statements answer PENDING first (a warehouse starting); the poll then finds them done. */
  pendingStatements = 0;
  /** Direct tag assignments, by JSON object path (a column's ends with the column name). */
  private readonly tags = new Map<string, Map<string, string>>();
  private readonly statements = new Map<string, (string | null)[][][]>();
  private readonly catalogs = new Map<string, UcCatalog>();
  private readonly accessTokens = new Set<string>();
  private readonly faults: ArmedFault[] = [];

  private constructor(
    private readonly listener: http.Server,
    readonly port: number,
  ) {}

  static async start(): Promise<DatabricksTestWorkspace> {
    let workspace: DatabricksTestWorkspace | undefined;
    const listener = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => workspace!.answer(request, Buffer.concat(chunks).toString('utf8'), response));
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    workspace = new DatabricksTestWorkspace(listener, (listener.address() as AddressInfo).port);
    return workspace;
  }

  /** Connection details of either authentication type (plain HTTP to this server). */
  details(type: 'token' | 'oAuthM2M' = 'token', overrides: Partial<DatabricksConnectionDetails> = {}): DatabricksConnectionDetails {
    const base = { technology: 'Databricks', hostname: '127.0.0.1', port: this.port, tls: { mode: 'disable' as const } };
    if (type === 'token') return { ...base, authenticationType: 'token', token: this.pat, ...overrides };
    return {
      ...base,
      authenticationType: 'oAuthM2M',
      oAuthClientConfig: { clientId: this.clientId, clientSecret: this.clientSecret, scope: 'all-apis' },
      ...overrides,
    };
  }

  createCatalog(name: string, comment?: string): string {
    const id = randomUUID();
    this.catalogs.set(name, { id, comment, schemas: new Map() });
    return id;
  }

  createSchema(catalog: string, name: string, comment?: string): string {
    const id = randomUUID();
    this.catalog(catalog).schemas.set(name, { schema_id: id, comment, tables: new Map() });
    return id;
  }

  createTable(catalog: string, schema: string, name: string, columns: UcColumn[], options: { type?: string; comment?: string } = {}): string {
    const id = randomUUID();
    this.schema(catalog, schema).tables.set(name, { table_id: id, table_type: options.type ?? 'EXTERNAL', comment: options.comment, columns });
    return id;
  }

  dropTable(catalog: string, schema: string, name: string): void {
    this.schema(catalog, schema).tables.delete(name);
  }

  dropSchema(catalog: string, name: string): void {
    this.catalog(catalog).schemas.delete(name);
  }

  /** ALTER TABLE … RENAME TO: the table keeps its table_id. */
  renameTable(catalog: string, schema: string, from: string, to: string): void {
    const tables = this.schema(catalog, schema).tables;
    tables.set(to, tables.get(from)!);
    tables.delete(from);
  }

  /** ALTER … SET TAGS ('name' = 'value') on the object or column at `path` (`[catalog, schema?, table?, column?]`). */
  setTag(path: string[], name: string, value = ''): void {
    const key = JSON.stringify(path);
    this.tags.set(key, (this.tags.get(key) ?? new Map()).set(name, value));
  }

  /** ALTER … UNSET TAGS ('name'). */
  unsetTag(path: string[], name: string): void {
    this.tags.get(JSON.stringify(path))?.delete(name);
  }

  /** The next `times` requests whose URL `matches` picks meet `fault`. */
  fail(matches: (url: URL) => boolean, fault: Fault, times = 1): void {
    this.faults.push({ matches, fault, remaining: times });
  }

  /** Every access token handed out so far stops working (as if its hour had passed). */
  expireTokens(): void {
    this.accessTokens.clear();
  }

  close(): Promise<void> {
    this.listener.closeAllConnections();
    return new Promise((resolve) => this.listener.close(() => resolve()));
  }

  private catalog(name: string): UcCatalog {
    const catalog = this.catalogs.get(name);
    if (catalog === undefined) throw new Error(`no catalog ${name}`);
    return catalog;
  }

  private schema(catalog: string, name: string): UcSchema {
    const schema = this.catalog(catalog).schemas.get(name);
    if (schema === undefined) throw new Error(`no schema ${catalog}.${name}`);
    return schema;
  }

  private answer(request: http.IncomingMessage, body: string, response: http.ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    this.requests.push(url.pathname);
    const json = (status: number, value: unknown, headers: Record<string, string> = {}): void => {
      response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(value));
    };
    const armed = this.faults.find((candidate) => candidate.remaining > 0 && candidate.matches(url));
    if (armed !== undefined) {
      armed.remaining--;
      const fault = armed.fault;
      if (fault === 'drop') return void request.socket.destroy();
      if (fault === 'stall') return;
      if (fault === 'expireTokens') this.expireTokens();
      else {
        const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'Retry-After': fault.retryAfter };
        return json(fault.status, { error_code: fault.errorCode, message: `injected ${fault.errorCode}` }, headers);
      }
    }
    if (request.method === 'POST' && url.pathname === '/oidc/v1/token') return this.token(request, body, json);
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (bearer === undefined) return json(401, { error_code: 'UNAUTHENTICATED', message: 'no credentials' });
    if (bearer !== this.pat && !this.accessTokens.has(bearer)) return json(401, { error_code: 'UNAUTHENTICATED', message: 'invalid token' });
    if (url.pathname.startsWith('/api/2.0/sql/statements')) return this.statement(request.method ?? 'GET', url.pathname, body, json);
    if (request.method !== 'GET') return json(501, { error_code: 'UNIMPLEMENTED', message: 'not served here' });
    const params = url.searchParams;
    switch (url.pathname) {
      case '/api/2.1/unity-catalog/catalogs':
        return json(200, this.page('catalogs', [...this.catalogs].map(([name, c]) => ({ name, full_name: name, id: c.id, comment: c.comment })), params));
      case '/api/2.1/unity-catalog/schemas': {
        const catalog = this.catalogs.get(params.get('catalog_name') ?? '');
        if (catalog === undefined) return json(404, { error_code: 'CATALOG_NOT_FOUND', message: 'no such catalog' });
        const schemas = [...catalog.schemas].map(([name, s]) => ({ name, catalog_name: params.get('catalog_name'), schema_id: s.schema_id, comment: s.comment }));
        return json(200, this.page('schemas', schemas, params));
      }
      case '/api/2.1/unity-catalog/tables': {
        const schema = this.catalogs.get(params.get('catalog_name') ?? '')?.schemas.get(params.get('schema_name') ?? '');
        if (schema === undefined) return json(404, { error_code: 'SCHEMA_NOT_FOUND', message: 'no such schema' });
        const tables = [...schema.tables].map(([name, t]) => ({
          name,
          catalog_name: params.get('catalog_name'),
          schema_name: params.get('schema_name'),
          table_id: t.table_id,
          table_type: t.table_type,
          comment: t.comment,
          columns: t.columns.map((column, position) => ({ ...column, position, nullable: column.nullable ?? true })),
        }));
        return json(200, this.page('tables', tables, params));
      }
      default:
        return json(404, { error_code: 'ENDPOINT_NOT_FOUND', message: 'no such endpoint' });
    }
  }

  /** The Statement Execution API for the tag views: submit, poll, chunks. */
  private statement(method: string, path: string, body: string, json: (status: number, value: unknown) => void): void {
    const done = (id: string, chunks: (string | null)[][][], index = 0) => ({
      statement_id: id,
      status: { state: 'SUCCEEDED' },
      manifest: { format: 'JSON_ARRAY', total_chunk_count: chunks.length },
      result: { chunk_index: index, data_array: chunks[index] ?? [], ...(index + 1 < chunks.length ? { next_chunk_index: index + 1 } : {}) },
    });
    if (method === 'POST' && path === '/api/2.0/sql/statements') {
      const request = JSON.parse(body) as { warehouse_id?: string; statement?: string; parameters?: { name: string; value: string }[] };
      if (request.warehouse_id !== this.warehouseId) return json(404, { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'no such warehouse' });
      const parsed = /^SELECT [a-z_, ]+ FROM system\.information_schema\.(catalog|schema|table|column)_tags( WHERE catalog_name = :catalog)?$/.exec(request.statement ?? '');
      if (parsed === null) return json(200, { statement_id: randomUUID(), status: { state: 'FAILED', error: { error_code: 'BAD_REQUEST', message: 'not understood here' } } });
      const depth = ['catalog', 'schema', 'table', 'column'].indexOf(parsed[1]!) + 1;
      const catalog = parsed[2] === undefined ? undefined : request.parameters?.find((parameter) => parameter.name === 'catalog')?.value;
      const rows: (string | null)[][] = [];
      for (const [key, tags] of this.tags) {
        const objectPath = JSON.parse(key) as string[];
        if (objectPath.length !== depth || (catalog !== undefined && objectPath[0] !== catalog)) continue;
        for (const [name, value] of tags) rows.push([...objectPath, name, value]);
      }
      const chunks: (string | null)[][][] = [];
      for (let start = 0; start < rows.length; start += this.chunkRows) chunks.push(rows.slice(start, start + this.chunkRows));
      const id = randomUUID();
      this.statements.set(id, chunks);
      if (this.pendingStatements > 0) {
        this.pendingStatements--;
        return json(200, { statement_id: id, status: { state: 'PENDING' } });
      }
      return json(200, done(id, chunks));
    }
    const parts = /^\/api\/2\.0\/sql\/statements\/([^/]+)(?:\/result\/chunks\/(\d+))?$/.exec(path);
    const chunks = parts === null ? undefined : this.statements.get(decodeURIComponent(parts[1]!));
    if (method !== 'GET' || chunks === undefined) return json(404, { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'no such statement' });
    const answer = done(decodeURIComponent(parts![1]!), chunks, Number(parts![2] ?? '0'));
    return json(200, parts![2] === undefined ? answer : answer.result);
  }

  /** One page, by name; page_token is the offset, max_results 0 the server's default. */
  private page(field: string, items: { name: string }[], params: URLSearchParams): Record<string, unknown> {
    const sorted = items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const asked = Number(params.get('max_results') ?? '0');
    const size = Math.min(asked > 0 ? asked : this.pageLimit, this.pageLimit);
    const offset = Number(params.get('page_token') ?? '0');
    const next = offset + size;
    return { [field]: sorted.slice(offset, next), ...(next < sorted.length ? { next_page_token: String(next) } : {}) };
  }

  private token(request: http.IncomingMessage, body: string, json: (status: number, value: unknown) => void): void {
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'client_credentials') return json(400, { error: 'unsupported_grant_type' });
    if (form.get('scope') !== 'all-apis') return json(400, { error: 'invalid_scope' });
    const expected = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64')}`;
    if (request.headers.authorization !== expected) return json(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    const token = `eyJ${randomBytes(24).toString('hex')}`;
    this.accessTokens.add(token);
    this.tokensIssued++;
    json(200, { access_token: token, token_type: 'Bearer', expires_in: this.tokenLifetimeS, scope: 'all-apis' });
  }
}
