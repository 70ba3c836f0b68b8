import type { ClientConfig } from 'pg';
import type { ConnectorTimeouts, TlsOptions } from '../connector.js';
import type { ServerConnectionDetails } from '../shared/server-connection.js';
import { nodeTlsOptions } from '../shared/tls-options.js';

/** What Warden's sessions call themselves in `pg_stat_activity.application_name`. */
export const APPLICATION_NAME = 'warden';

/** The database a connection without `database` starts in (the one every cluster has). */
export const DEFAULT_DATABASE = 'postgres';

/**
 * How much later than our own timers pg's built-in ones fire. Our timers (connectMs,
 * statementMs, see shared/guarded-session.ts) report CONNECT_TIMEOUT / QUERY_TIMEOUT as typed
 * errors; pg's fire the same teardown but with code-less errors ("timeout expired", "Query
 * read timeout") that could only be recognised by their message text. Set a little later,
 * they never win the race and remain a safety net that closes the socket if ours did not.
 */
export const DRIVER_TIMER_BACKSTOP_MS = 1_000;

/**
 * Maps a connection's details and timeouts to a `pg.Client` configuration for one database.
 *
 * No session `statement_timeout` is set: it would override the per-database and per-role
 * settings administrators rely on. Query time is bounded on the client side instead.
 */
export function postgresClientConfig(
  details: ServerConnectionDetails,
  timeouts: ConnectorTimeouts,
  database: string = details.database ?? DEFAULT_DATABASE,
): ClientConfig {
  const config: ClientConfig = {
    host: details.hostname,
    port: details.port,
    database,
    application_name: APPLICATION_NAME,
    ssl: postgresSsl(details.tls),
    connectionTimeoutMillis: timeouts.connectMs + DRIVER_TIMER_BACKSTOP_MS,
    query_timeout: timeouts.statementMs + DRIVER_TIMER_BACKSTOP_MS,
    // A crawl can sit idle between batches while its consumer writes; keepalive lets the OS
    // notice a dead peer instead of leaving the socket hanging.
    keepAlive: true,
  };
  if (details.username !== undefined) config.user = details.username;
  // A function, not the string: pg replaces an empty password with $PGPASSWORD or ~/.pgpass,
  // and only the connection's own credentials may ever be used. It also keeps the secret out
  // of anything that prints this config object.
  const password = details.password ?? '';
  config.password = () => password;
  return config;
}

/** TLS mode → pg's `ssl` option (`false`: plain TCP). */
export function postgresSsl(tls: TlsOptions | undefined): ClientConfig['ssl'] {
  return nodeTlsOptions(tls) ?? false;
}
