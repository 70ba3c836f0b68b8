import * as http from 'node:http';
import * as https from 'node:https';
import type { Socket } from 'node:net';
import { WardenError } from '../../errors.js';
import type { ConnectorTimeouts } from '../connector.js';
import { GuardedSession, type SessionDriver, type SessionEvents } from '../shared/guarded-session.js';
import { nodeTlsOptions } from '../shared/tls-options.js';
import { accountOf, snowflakeAccessUrl, type SnowflakeConnectionDetails } from './snowflake-config.js';
import { isSessionGone, translateSnowflakeError } from './snowflake-errors.js';

type Sdk = typeof import('snowflake-sdk');
type SdkConnection = ReturnType<Sdk['createConnection']>;

/** A session on a Snowflake account. */
export type SnowflakeSession = GuardedSession<SnowflakeDriver>;

let sdk: Promise<Sdk> | undefined;

/**
 * `snowflake-sdk` (120 MB with its dependencies), imported the first time a Snowflake
 * connection is tested or crawled, never at the server's start. Its logger is silenced: it
 * would write the driver's text (hosts, statement text) to a file in the working directory.
 */
export function loadSnowflakeSdk(): Promise<Sdk> {
  sdk ??= import('snowflake-sdk').then((module) => {
    const loaded = ((module as { default?: Sdk }).default ?? module) as Sdk;
    const quiet = () => {};
    loaded.configure({ logLevel: 'OFF', customLogger: { error: quiet, warn: quiet, info: quiet, debug: quiet, trace: quiet } });
    return loaded;
  });
  return sdk;
}

/**
 * Opens a session: the driver signs in (fetching the OAuth token first for client
 * credentials) within `timeouts.connectMs`; GuardedSession gives the deadlines, abort and close.
 * @throws WardenError translated from the failure, or the signal's abort reason.
 */
export async function openSnowflakeSession(details: SnowflakeConnectionDetails, timeouts: ConnectorTimeouts, signal: AbortSignal): Promise<SnowflakeSession> {
  const loaded = await loadSnowflakeSdk();
  return GuardedSession.open((events) => new SnowflakeDriver(loaded, details, timeouts, events), details, timeouts, signal);
}

/** What the driver saw break: a socket closed under a request still waiting for its answer. */
export class DroppedConnectionError extends Error {
  readonly code = 'ECONNRESET';
  constructor() {
    super('the connection closed before the answer arrived');
  }
}

/**
 * One snowflake-sdk connection as a GuardedSession drives it.
 *
 * The driver retries on its own: a login on a network error (we set its retries to 0), every
 * query request up to 7 times with sleeps of 1–16 s on a network error or a 5xx, and it
 * never gives up on a host that does not answer. Warden's deadlines decide instead, so the
 * driver's HTTP goes through our own agent (`agentClass`, the driver's hook for exactly this):
 * a socket that closes under a request still waiting for its answer fails the session at once
 * (CONNECTION_LOST: the next sync retries, not the driver), and destroy() tears every socket
 * down and refuses new ones. Our agent is Node's own, with Node's certificate checks
 * (`connection.tls`): the driver's OCSP agent, which asks OCSP responders on the internet, is
 * never used.
 */
export class SnowflakeDriver implements SessionDriver {
  private readonly agent: http.Agent;
  /** Created by connect(): the driver validates its options (a private key it cannot read) by throwing there. */
  private connection: SdkConnection | undefined;
  private readonly dropped: Promise<never>;
  private drop!: (error: Error) => void;
  private stopped = false;

  constructor(
    private readonly sdkModule: Sdk,
    private readonly details: SnowflakeConnectionDetails,
    private readonly timeouts: ConnectorTimeouts,
    private readonly events: SessionEvents,
  ) {
    this.dropped = new Promise<never>((_resolve, reject) => {
      this.drop = reject;
    });
    // Nobody may be waiting when the connection drops between queries.
    this.dropped.catch(() => {});
    this.agent = watchedAgent(details, () => this.stopped, (socket) => this.watch(socket));
  }

  async connect(): Promise<void> {
    const { details, timeouts } = this;
    this.connection = this.sdkModule.createConnection({
      ...credentialOptions(details),
      account: accountOf(details),
      accessUrl: snowflakeAccessUrl(details),
      warehouse: details.warehouse,
      ...(details.role === undefined ? {} : { role: details.role }),
      // Warden's deadlines decide (see above); the driver's own per-request timer only bounds one HTTP request.
      timeout: Math.max(timeouts.connectMs, timeouts.statementMs),
      sfRetryMaxLoginRetries: 0,
      clientSessionKeepAlive: false,
      disableQueryContextCache: true,
      agentClass: () => this.agent,
    } as Parameters<Sdk['createConnection']>[0]);
    const connection = this.connection;
    const connected = new Promise<void>((resolve, reject) => {
      connection.connect((error) => (error ? reject(error) : resolve()));
    });
    return Promise.race([connected, this.dropped]);
  }

  /** Values are bound (`?`), sent as TEXT. */
  query(sql: string, values: readonly unknown[]): Promise<unknown[][]> {
    const rows = new Promise<unknown[][]>((resolve, reject) => {
      this.connection!.execute({
        sqlText: sql,
        binds: values as string[],
        rowMode: 'array',
        // Closing our sockets does not stop a query on Snowflake's side (it would run, and bill
        // the warehouse, until done): Snowflake itself abandons it at our statement deadline.
        parameters: { STATEMENT_TIMEOUT_IN_SECONDS: Math.max(1, Math.ceil(this.timeouts.statementMs / 1000)) },
        complete: (error, _statement, result) => {
          if (!error) return resolve((result ?? []) as unknown[][]);
          // The session, not just this statement, failed: the crawl's pool must not lend it again.
          if (isSessionGone(error)) this.events.failed(error);
          else if (!this.connection!.isUp()) {
            // The driver could not renew an expired token and went down; its error says only "disconnected".
            const ended = new WardenError('CONNECTION_LOST', { cause: 'Snowflake ended the session: its token could not be renewed' });
            this.events.failed(ended);
            return reject(ended);
          }
          reject(error);
        },
      });
    });
    return Promise.race([rows, this.dropped]);
  }

  /** Closes the session on the server (POST /session?delete=true), then the sockets. */
  async end(): Promise<void> {
    const connection = this.connection;
    try {
      if (connection !== undefined) await new Promise<void>((resolve, reject) => connection.destroy((error) => (error ? reject(error) : resolve())));
    } finally {
      this.destroy();
    }
  }

  destroy(): void {
    this.stopped = true;
    this.agent.destroy();
  }

  get socketGone(): boolean {
    return this.stopped;
  }

  translate(error: unknown, phase: 'connect' | 'query', path: readonly string[]) {
    return translateSnowflakeError(error, { details: this.details, phase, path });
  }

  private watch(socket: Socket): void {
    socket.on('close', () => {
      // `_httpMessage` is the request the socket serves (Node's http client; null while pooled).
      const request = (socket as Socket & { _httpMessage?: (http.ClientRequest & { res?: http.IncomingMessage }) | null })._httpMessage;
      if (this.stopped || request === null || request === undefined || request.res?.complete === true) return;
      const error = new DroppedConnectionError();
      this.events.failed(error);
      this.drop(error);
    });
  }
}

/** The driver's options for the connection's authentication type. */
function credentialOptions(details: SnowflakeConnectionDetails): Record<string, unknown> {
  switch (details.authenticationType) {
    case 'keyPair':
      return {
        authenticator: 'SNOWFLAKE_JWT',
        username: details.username,
        privateKey: details.privateKey?.content,
        ...(details.privateKeyPassword === undefined ? {} : { privateKeyPass: details.privateKeyPassword }),
      };
    case 'oAuthClientCredentials': {
      const config = details.oAuthClientConfig!;
      return {
        authenticator: 'OAUTH_CLIENT_CREDENTIALS',
        ...(details.username === undefined ? {} : { username: details.username }),
        oauthClientId: config.clientId,
        oauthClientSecret: config.clientSecret,
        oauthTokenRequestUrl: config.authorityUrl,
        ...(config.scope === undefined ? {} : { oauthScope: config.scope }),
        // The driver refuses an http: token URL unless told; the connection schema allows one (a local identity provider).
        oauthHttpAllowed: config.authorityUrl.startsWith('http:'),
      };
    }
    default:
      return { authenticator: 'SNOWFLAKE', username: details.username, password: details.password };
  }
}

/** Node's agent for the connection's scheme, reporting each new socket and refusing new ones once stopped. */
function watchedAgent(details: SnowflakeConnectionDetails, stopped: () => boolean, watch: (socket: Socket) => void): http.Agent {
  const base = details.tls?.mode === 'disable' ? http.Agent : https.Agent;
  const tls = details.tls?.mode === 'disable' ? {} : nodeTlsOptions(details.tls ?? { mode: 'verify-full' });
  class WatchedAgent extends (base as typeof http.Agent) {
    override createConnection(...args: Parameters<http.Agent['createConnection']>): ReturnType<http.Agent['createConnection']> {
      if (stopped()) throw new Error('the session was closed');
      const socket = super.createConnection(...args) as Socket;
      watch(socket);
      return socket;
    }
  }
  return new WatchedAgent({ keepAlive: true, ...tls });
}
