import type { ConnectionOptions } from 'mysql2';
import type { ConnectorTimeouts } from '../connector.js';
import type { ServerConnectionDetails } from '../shared/server-connection.js';
import { nodeTlsOptions } from '../shared/tls-options.js';

/**
 * How much later than our own timers mysql2's connect timeout fires. Ours (see
 * shared/guarded-session.ts) reports CONNECT_TIMEOUT as a typed error; mysql2's would report a bare
 * ETIMEDOUT, so it only stays as a safety net that closes the socket if ours did not.
 */
export const DRIVER_TIMER_BACKSTOP_MS = 1_000;

/**
 * Maps a connection's details and timeouts to mysql2 connection options.
 *
 * - utf8mb4 both ways, so names with any character arrive as the server stores them;
 * - `rowsAsArray` on every query and no type casting of text columns (information_schema is
 *   all text and small integers), big numbers as strings so nothing is rounded;
 * - no `database` unless the connection names one: information_schema spans every database, and
 *   connecting to a named database only proves it exists (1049 otherwise);
 * - no `multipleStatements`: every catalog query is one statement with bound values;
 * - TLS as `connection.tls` says (see shared/tls-options.ts).
 *
 * No session `max_statement_time` is set: query time is bounded on the client side, so an
 * administrator's own server-side limit keeps applying (and is translated when it fires).
 */
export function mariadbConnectionOptions(details: ServerConnectionDetails, timeouts: ConnectorTimeouts): ConnectionOptions {
  const options: ConnectionOptions = {
    host: details.hostname,
    port: details.port,
    user: details.username ?? '',
    password: details.password ?? '',
    charset: 'UTF8MB4_UNICODE_CI',
    connectTimeout: timeouts.connectMs + DRIVER_TIMER_BACKSTOP_MS,
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    multipleStatements: false,
    // A crawl can sit idle between batches while its consumer writes; keepalive lets the OS
    // notice a dead peer instead of leaving the socket hanging.
    enableKeepAlive: true,
  };
  if (details.database !== undefined) options.database = details.database;
  const ssl = nodeTlsOptions(details.tls);
  if (ssl !== undefined) options.ssl = ssl;
  return options;
}
