import type { ConnectorTimeouts } from '../connector.js';
import { GuardedSession, type SessionDriver } from '../shared/guarded-session.js';
import { nodeTlsOptions } from '../shared/tls-options.js';
import { authenticationHeaders } from './trino-auth.js';
import { TrinoClient } from './trino-client.js';
import { trinoBaseUrl, type TrinoConnectionDetails } from './trino-config.js';
import { translateTrinoError } from './trino-errors.js';
import { HttpSockets } from './trino-http.js';

/** A session on a Trino coordinator. */
export type TrinoSession = GuardedSession<TrinoDriver>;

/**
 * Opens a session: asks for an access token (oAuth2) and checks the coordinator answers and
 * has started, within `timeouts.connectMs` (GuardedSession gives the deadlines, abort and close).
 * @throws WardenError translated from the failure, or the signal's abort reason.
 */
export function openTrinoSession(details: TrinoConnectionDetails, timeouts: ConnectorTimeouts, signal: AbortSignal): Promise<TrinoSession> {
  return GuardedSession.open(() => new TrinoDriver(details), details, timeouts, signal);
}

/**
 * Trino's REST API as a GuardedSession drives it. There is no connection to keep: a session is
 * one set of keep-alive sockets and the authentication headers of its requests. A statement
 * that outlives its deadline is cancelled on the server when the session destroys it.
 */
class TrinoDriver implements SessionDriver {
  private readonly sockets: HttpSockets;
  /** For the token endpoint: the identity provider is trusted by the system's CAs, not by `connection.tls.ca`. */
  private readonly tokenSockets = new HttpSockets(undefined);
  private readonly stopped = new AbortController();
  private client: TrinoClient | undefined;

  constructor(private readonly details: TrinoConnectionDetails) {
    this.sockets = new HttpSockets(nodeTlsOptions(details.tls));
  }

  async connect(): Promise<void> {
    const headers = await authenticationHeaders(this.details, this.tokenSockets, this.stopped.signal);
    this.tokenSockets.destroy();
    this.client = new TrinoClient(this.sockets, trinoBaseUrl(this.details), headers);
    await this.client.waitUntilStarted();
  }

  /** Values are not bound: Trino's REST protocol has no parameters, so the queries carry literals (trino-queries.ts). */
  query(sql: string): Promise<unknown[][]> {
    return this.client!.execute(sql);
  }

  async end(): Promise<void> {
    this.sockets.destroy();
  }

  destroy(): void {
    this.stopped.abort();
    this.tokenSockets.destroy();
    // Cancels the running statement on the server, then closes the sockets.
    if (this.client === undefined) this.sockets.destroy();
    else this.client.cancel();
  }

  get socketGone(): boolean {
    return false;
  }

  translate(error: unknown, phase: 'connect' | 'query', path: readonly string[]) {
    return translateTrinoError(error, { details: this.details, phase, path });
  }
}
