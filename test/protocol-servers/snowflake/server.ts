/**
 * A local HTTP server that speaks the Snowflake driver protocol for exactly the calls Warden's
 * Snowflake connector makes through the real `snowflake-sdk`, answering from one
 * {@link SnowflakeAccount}. No Snowflake can run here; this is what the connector is verified
 * against (README: "Snowflake").
 *
 * Where the shapes come from. The driver protocol is not publicly documented; it is pinned by
 * the open-source driver `snowflakedb/snowflake-connector-nodejs` (lib/services/sf.js for the
 * login request and its retries, lib/connection/statement.js and lib/connection/result/*.js
 * for query requests, results and chunks, lib/authentication/auth_keypair.js for the JWT,
 * auth_oauth_client_credentials.js for the token request) and its WireMock fixtures
 * (wiremock/mappings/), summarised in ../shared/reference/wire-protocols.md §2.3 and §2.7:
 *
 * - `POST /session/v1/login-request?…&warehouse=&roleName=`: body `{data:{ACCOUNT_NAME,
 *   LOGIN_NAME, PASSWORD | AUTHENTICATOR:"SNOWFLAKE_JWT", TOKEN | AUTHENTICATOR:"OAUTH", TOKEN}}`,
 *   possibly gzipped (decided by the magic bytes: the driver sets the header in a callback).
 *   Success `{success:true, data:{token, masterToken, validityInSeconds,
 *   masterValidityInSeconds, sessionId, parameters:[], sessionInfo}}`; failure, also HTTP 200,
 *   `{success:false, code:"390100" (password) | "390144" (JWT) | "390303" (OAuth token)}`.
 * - The JWT is RS256; `iss` = ACCOUNT.USER.SHA256:<base64 of the SHA-256 of the DER public
 *   key>, `sub` = ACCOUNT.USER, `iat`/`exp` in milliseconds (the driver's own choice).
 * - `POST /oauth/token-request`: form `grant_type=client_credentials&client_id&client_secret
 *   [&scope=session:role:R]` → `{access_token, token_type, expires_in}` or 401
 *   `{error:"invalid_client"}`.
 * - `POST /queries/v1/query-request` with `Authorization: Snowflake Token="…"`: body `{sqlText,
 *   bindings?:{"1":{type,value}}}` → `{success:true, data:{queryId, rowtype, rowset, total,
 *   returned, queryResultFormat:"json", parameters:[], chunks?}}` or `{success:false, code,
 *   message, data:{queryId, sqlState}}`. A result over {@link FIRST_ROWS} rows sends the rest
 *   as `chunks` the driver GETs, each body the rows joined by commas with no outer brackets.
 * - `POST /session?delete=true`, `/session/heartbeat` and `/telemetry/send` → `{success:true}`.
 * - An expired session token → HTTP 200 `{success:false, code:"390112"}`; the driver then
 *   POSTs `/session/token-request` with the master token as its token and `{requestType:
 *   "RENEW", oldSessionToken}`, and takes `{data:{sessionToken, validityInSecondsST,
 *   masterToken, validityInSecondsMT}}` (lib/services/sf.js, StateRenewing).
 * - A statement still running after 45 s → `{success:true, code:"333333", data:{queryId,
 *   getResultUrl:"/queries/<id>/result"}}`; the driver GETs that URL until the result comes
 *   (lib/connection/statement.js, QUERY_IN_PROGRESS).
 * - An unknown session token → 401 `{code:"390104"}`.
 */
import { createPublicKey, createHash, randomUUID, verify } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { ADMIN_ROLE, type SnowflakeAccount } from './account.js';
import { answerStatement, type RouterFaults } from './sql-router.js';

/** Rows sent in the first answer; the rest go in chunks of {@link CHUNK_ROWS}. */
export const FIRST_ROWS = 1_000;
export const CHUNK_ROWS = 3_000;

interface Session {
  user: string;
  role: string;
  /** Queries answered on the current session token. */
  queries: number;
}

interface Chunk {
  body: string;
}

export class SnowflakeProtocolServer {
  readonly faults: RouterFaults = { lostDatabases: new Set(), tooMuchData: new Set() };
  /** The next statement containing this text is never answered (a statement that never returns). */
  private stallOn: string | undefined;
  /** The next statement containing this text makes the server destroy the socket (a dropped connection). */
  private dropOn: { marker: string; dropped: () => void } | undefined;
  /** The next statement containing this text ends its session on the server, as its master token's expiry does after four hours: answered 390112, the renewal then 390114. */
  private endSessionOn: string | undefined;
  /** Every statement received, in order (tests check how many queries a crawl makes). */
  readonly statements: string[] = [];
  /** The statement parameters (`parameters` of the request body) of every statement, in the same order. */
  readonly statementParameters: Record<string, unknown>[] = [];
  /** Every login the server accepted or refused: `AUTHENTICATOR` (or PASSWORD) and the outcome. */
  readonly logins: { authenticator: string; user: string; ok: boolean }[] = [];
  private readonly sessions = new Map<string, Session>();
  /** Master token → session: what a token renewal authenticates with. */
  private readonly masters = new Map<string, Session>();
  /** When set, a session token expires (390112) after this many queries; the driver renews it. */
  expireSessionTokensAfter: number | undefined;
  /** Session tokens renewed through /session/token-request. */
  renewals = 0;
  private readonly oauthTokens = new Map<string, { user: string; role: string | undefined }>();
  private readonly chunks = new Map<string, Chunk>();
  private readonly sockets = new Set<Socket>();
  private readonly stalled = new Set<http.ServerResponse>();
  /** The next statement containing this text is answered "in progress" (333333) this many times before its result. */
  private slowOn: { marker: string; polls: number } | undefined;
  /** Results of slow statements, by query id, with the polls still to answer "in progress". */
  private readonly pending = new Map<string, { polls: number; answer: unknown }>();

  private constructor(
    readonly account: SnowflakeAccount,
    private readonly server: http.Server,
  ) {}

  static async start(account: SnowflakeAccount): Promise<SnowflakeProtocolServer> {
    const server = http.createServer();
    const protocol = new SnowflakeProtocolServer(account, server);
    server.on('request', (request, response) => {
      protocol.handle(request, response).catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
    });
    server.on('connection', (socket) => {
      protocol.sockets.add(socket);
      socket.on('close', () => protocol.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return protocol;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The next statement containing `marker` is never answered. */
  stallWhenClientSends(marker: string): void {
    this.stallOn = marker;
  }

  /**
   * The next statement containing `marker` is answered "still running" (333333 with a
   * getResultUrl), as Snowflake does after 45 s, `polls` times before its result arrives there.
   */
  answerSlowlyWhenClientSends(marker: string, polls: number): void {
    this.slowOn = { marker, polls };
  }

  /** The next statement containing `marker` has its connection destroyed; resolves when that happened. */
  cutWhenClientSends(marker: string): Promise<void> {
    return new Promise((resolve) => {
      this.dropOn = { marker, dropped: resolve };
    });
  }

  /** The next statement containing `marker` ends its session (390112, then 390114 to the driver's renewal). */
  endSessionWhenClientSends(marker: string): void {
    this.endSessionOn = marker;
  }

  /** How many sessions are open (logged in, not closed). */
  get openSessions(): number {
    return this.sessions.size;
  }

  async close(): Promise<void> {
    for (const response of this.stalled) response.destroy();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const body = await readBody(request);
    const reply = (value: unknown, status = 200) => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    };
    if (request.method === 'POST' && url.pathname === '/session/v1/login-request') return reply(this.login(url, JSON.parse(body)));
    if (request.method === 'POST' && url.pathname === '/oauth/token-request') {
      const [status, answer] = this.tokenRequest(new URLSearchParams(body));
      return reply(answer, status);
    }
    if (request.method === 'GET' && url.pathname.startsWith('/chunks/')) {
      const chunk = this.chunks.get(url.pathname);
      if (chunk === undefined) return reply({ error: 'no such chunk' }, 404);
      // Not JSON on its own (no outer brackets): the driver wraps it, and parses JSON bodies itself.
      response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(chunk.body);
      return;
    }
    if (url.pathname === '/telemetry/send') return reply({ success: true, data: null });
    if (url.pathname === '/session/token-request') {
      // Authenticated by the master token; the old session token goes away.
      const master = this.masters.get(tokenOf(request) ?? '');
      const { requestType, oldSessionToken } = JSON.parse(body) as { requestType?: string; oldSessionToken?: string };
      if (master === undefined || requestType !== 'RENEW') return reply({ success: false, code: '390114', message: 'Authentication token has expired.', data: null });
      this.sessions.delete(oldSessionToken ?? '');
      master.queries = 0;
      const token = `session-${randomUUID()}`;
      this.sessions.set(token, master);
      this.renewals++;
      return reply({ success: true, data: { sessionToken: token, validityInSecondsST: 3_600, masterToken: tokenOf(request), validityInSecondsMT: 14_400 } });
    }
    const session = this.sessionOf(request);
    if (session === undefined) return reply({ success: false, code: '390104', message: 'Invalid session token', data: null }, 401);
    if (url.pathname === '/session' && url.searchParams.get('delete') === 'true') {
      this.sessions.delete(tokenOf(request)!);
      for (const [master, owner] of this.masters) if (owner === session) this.masters.delete(master);
      return reply({ success: true, data: null });
    }
    if (url.pathname === '/session/heartbeat') return reply({ success: true, data: null });
    const resultOf = /^\/queries\/([^/]+)\/result$/.exec(url.pathname);
    if (request.method === 'GET' && resultOf !== null) {
      const pending = this.pending.get(resultOf[1]!);
      if (pending === undefined) return reply({ success: false, code: '000709', message: 'Statement not found.', data: null });
      if (pending.polls-- > 0) return reply(inProgress(resultOf[1]!));
      this.pending.delete(resultOf[1]!);
      return reply(pending.answer);
    }
    if (request.method === 'POST' && url.pathname === '/queries/v1/query-request') {
      const { sqlText, bindings, parameters } = JSON.parse(body) as {
        sqlText: string;
        bindings?: Record<string, { value: string | null }>;
        parameters?: Record<string, unknown>;
      };
      if (this.expireSessionTokensAfter !== undefined && session.queries >= this.expireSessionTokensAfter) {
        return reply({ success: false, code: '390112', message: 'Your session has expired. Please login again.', data: null });
      }
      session.queries++;
      this.statements.push(sqlText);
      this.statementParameters.push(parameters ?? {});
      if (this.stallOn !== undefined && sqlText.includes(this.stallOn)) {
        this.stallOn = undefined;
        this.stalled.add(response);
        return;
      }
      if (this.endSessionOn !== undefined && sqlText.includes(this.endSessionOn)) {
        this.endSessionOn = undefined;
        this.sessions.delete(tokenOf(request)!);
        for (const [master, owner] of this.masters) if (owner === session) this.masters.delete(master);
        return reply({ success: false, code: '390112', message: 'Your session has expired. Please login again.', data: null });
      }
      if (this.dropOn !== undefined && sqlText.includes(this.dropOn.marker)) {
        const { dropped } = this.dropOn;
        this.dropOn = undefined;
        request.socket.destroy();
        dropped();
        return;
      }
      const binds = Object.keys(bindings ?? {})
        .sort((a, b) => Number(a) - Number(b))
        .map((position) => bindings![position]!.value);
      const answer = this.query(sqlText, binds, session);
      if (this.slowOn !== undefined && sqlText.includes(this.slowOn.marker)) {
        const queryId = answer.data!.queryId;
        this.pending.set(queryId, { polls: this.slowOn.polls - 1, answer });
        this.slowOn = undefined;
        return reply(inProgress(queryId));
      }
      return reply(answer);
    }
    reply({ success: false, code: '000404', message: `no route ${url.pathname}`, data: null }, 404);
  }

  private login(url: URL, body: { data: Record<string, unknown> }) {
    const data = body.data;
    const loginName = String(data.LOGIN_NAME ?? '').toUpperCase();
    const authenticator = String(data.AUTHENTICATOR ?? 'SNOWFLAKE');
    const refuse = (code: string, message: string) => {
      this.logins.push({ authenticator, user: loginName, ok: false });
      return { success: false, code, message, data: { nextAction: 'RETRY_LOGIN', authnMethod: authenticator } };
    };
    if (String(data.ACCOUNT_NAME ?? '').toUpperCase() !== this.account.name) return refuse('390100', 'Incorrect username or password was specified.');
    let user: string | undefined;
    let tokenRole: string | undefined;
    if (authenticator === 'SNOWFLAKE_JWT') {
      user = this.verifyJwt(String(data.TOKEN ?? ''), loginName);
      if (user === undefined) return refuse('390144', 'JWT token is invalid.');
    } else if (authenticator === 'OAUTH') {
      const issued = this.oauthTokens.get(String(data.TOKEN ?? ''));
      if (issued === undefined) return refuse('390303', 'Invalid OAuth access token.');
      user = issued.user;
      tokenRole = issued.role;
    } else {
      const found = this.account.users.get(loginName);
      if (found === undefined || found.password === undefined || found.password !== data.PASSWORD) {
        return refuse('390100', 'Incorrect username or password was specified.');
      }
      user = found.name;
    }
    const model = this.account.users.get(user)!;
    const role = url.searchParams.get('roleName') ?? tokenRole ?? model.defaultRole;
    if (!model.roles.has(role)) return refuse('390189', `Role '${role}' specified in the connect string is not granted to this user.`);
    this.logins.push({ authenticator, user, ok: true });
    const session: Session = { user, role, queries: 0 };
    const token = this.openSession(session);
    const masterToken = `master-${randomUUID()}`;
    this.masters.set(masterToken, session);
    return {
      success: true,
      code: null,
      message: null,
      data: {
        token,
        masterToken,
        validityInSeconds: 3_600,
        masterValidityInSeconds: 14_400,
        sessionId: this.account.id(),
        parameters: [],
        sessionInfo: { databaseName: null, schemaName: null, warehouseName: url.searchParams.get('warehouse'), roleName: role },
        serverVersion: '9.0.0',
      },
    };
  }

  /** The user a key-pair JWT signs in, or undefined when the signature, issuer, subject or expiry is wrong. */
  private verifyJwt(jwt: string, loginName: string): string | undefined {
    const [header, payload, signature] = jwt.split('.');
    if (header === undefined || payload === undefined || signature === undefined) return undefined;
    const user = this.account.users.get(loginName);
    if (user?.rsaPublicKey === undefined) return undefined;
    const key = createPublicKey(user.rsaPublicKey);
    if (!verify('sha256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'))) return undefined;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { iss?: string; sub?: string; exp?: number };
    const fingerprint = createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('base64');
    const subject = `${this.account.name}.${loginName}`;
    if (claims.iss !== `${subject}.SHA256:${fingerprint}` || claims.sub !== subject) return undefined;
    // The driver writes exp in milliseconds; the SQL API in seconds.
    const exp = (claims.exp ?? 0) > 1e12 ? claims.exp! : (claims.exp ?? 0) * 1000;
    return exp > Date.now() ? user.name : undefined;
  }

  private tokenRequest(form: URLSearchParams): [number, unknown] {
    const client = this.account.oauthClients.get(form.get('client_id') ?? '');
    if (form.get('grant_type') !== 'client_credentials') return [400, { error: 'unsupported_grant_type' }];
    if (client === undefined || client.secret !== form.get('client_secret')) return [401, { error: 'invalid_client' }];
    const role = /^session:role:(.+)$/.exec(form.get('scope') ?? '')?.[1];
    const token = `oauth-${randomUUID()}`;
    this.oauthTokens.set(token, { user: client.user.toUpperCase(), role });
    return [200, { access_token: token, token_type: 'Bearer', expires_in: 600, scope: form.get('scope') ?? '' }];
  }

  private query(sqlText: string, binds: (string | null)[], session: Session) {
    const queryId = randomUUID();
    const role = this.account.roles.get(session.role) ?? this.account.roles.get(ADMIN_ROLE)!;
    const result = answerStatement(sqlText, { account: this.account, role, binds, faults: this.faults });
    if (result.kind === 'error') {
      return { success: false, code: result.code, message: result.message, data: { queryId, sqlState: result.sqlState, errorCode: result.code } };
    }
    const rowtype = result.columns.map((column) => ({
      name: column.name,
      type: column.type,
      nullable: true,
      scale: column.type === 'fixed' ? 0 : null,
      precision: column.type === 'fixed' ? 38 : null,
      length: column.type === 'text' ? 16_777_216 : null,
      byteLength: column.type === 'text' ? 16_777_216 : null,
      database: '',
      schema: '',
      table: '',
      collation: null,
    }));
    const rows = result.rows;
    const chunks = [];
    for (let start = FIRST_ROWS, index = 0; start < rows.length; start += CHUNK_ROWS, index++) {
      const slice = rows.slice(start, start + CHUNK_ROWS);
      const path = `/chunks/${queryId}/${index}`;
      this.chunks.set(path, { body: slice.map((row) => JSON.stringify(row)).join(',') });
      chunks.push({ url: `${this.url}${path}`, rowCount: slice.length, uncompressedSize: 0, compressedSize: 0 });
    }
    return {
      success: true,
      code: null,
      message: null,
      data: {
        queryId,
        rowtype,
        rowset: rows.slice(0, FIRST_ROWS),
        total: rows.length,
        returned: rows.length,
        queryResultFormat: 'json',
        parameters: [],
        statementTypeId: 4096,
        version: 1,
        finalRoleName: session.role,
        ...(chunks.length === 0 ? {} : { chunks, chunkHeaders: {} }),
      },
    };
  }

  private openSession(session: Session): string {
    const token = `session-${randomUUID()}`;
    this.sessions.set(token, session);
    return token;
  }

  private sessionOf(request: http.IncomingMessage): Session | undefined {
    const token = tokenOf(request);
    return token === undefined ? undefined : this.sessions.get(token);
  }
}

/** Snowflake's "statement still running" answer: the driver GETs getResultUrl until the result is there. */
function inProgress(queryId: string) {
  return {
    success: true,
    code: '333333',
    message: 'Asynchronous execution in progress. Use provided query id to perform query monitoring and management.',
    data: { queryId, getResultUrl: `/queries/${queryId}/result`, progressDesc: null, queryAbortsAfterSecs: 300 },
  };
}

function tokenOf(request: http.IncomingMessage): string | undefined {
  return /^Snowflake Token="([^"]+)"$/.exec(request.headers.authorization ?? '')?.[1];
}

/** The request body as text, gunzipped when it starts with gzip's magic bytes. */
async function readBody(request: http.IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  const raw = Buffer.concat(parts);
  return (raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8');
}
