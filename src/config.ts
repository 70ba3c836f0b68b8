import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { WardenError } from './errors.js';

/** Everything the server reads from its environment, parsed once at start. */
export interface Config {
  /** Holds the SQLite store (embedded mode), the admin key file and the secret key file. */
  dataDir: string;
  /** `postgres://…`: the store (and the job queue) is this PostgreSQL database; null for embedded SQLite. */
  databaseUrl: string | null;
  /** What this process runs: the API, the sync worker (and schedule), or both. */
  role: ServerRole;
  host: string;
  port: number;
  /** Start the in-process demo warehouse and register it. */
  demo: boolean;
  /** Port of the demo warehouse; 0 picks a free one. */
  demoPort: number;
  /** Cron expression (UTC) for the scheduled object sync of every connection. */
  syncSchedule: string;
  /** Sets the admin API key instead of generating one. */
  adminApiKey: string | null;
  /** Key for encrypting connection secrets; a generated key file in the data directory when absent. */
  secretKey: string | null;
  logLevel: string;
  /** Sync runs executed at once by this process. */
  syncConcurrency: number;
  /** Connector timeouts set by the operator; unset, each technology's defaults apply. */
  connectTimeoutMs: number | undefined;
  statementTimeoutMs: number | undefined;
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  /** Time a client may take to send a request's headers, and its whole request (see http/connection-limits.ts). */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Time an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Open connections one client address may hold. */
  maxConnectionsPerAddress: number;
  /** Invalid API keys one client address may present within `authFailureWindowMs` before it is refused (429). */
  authFailureLimit: number;
  authFailureWindowMs: number;
  /** How long a web UI sign-in lasts (never longer than the key it was made with). */
  sessionTtlMs: number;
  /**
   * Addresses (or CIDR ranges) of the reverse proxies in front of Warden: from these only,
   * `X-Forwarded-For` names the client address (what the failed-key limit and the audit log see).
   */
  trustedProxies: string[];
  /** How long a running sync stays its worker's without a renewal; a dead worker's run fails after it. */
  syncLeaseMs: number;
}

export const SERVER_ROLES = ['all', 'api', 'worker'] as const;
export type ServerRole = (typeof SERVER_ROLES)[number];

/** Parses the WARDEN_* variables; a bad value stops the start with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    dataDir: resolve(env.WARDEN_DATA_DIR ?? '.warden'),
    databaseUrl: databaseUrl(env.WARDEN_DATABASE_URL),
    role: serverRole(env.WARDEN_ROLE ?? 'all', 'WARDEN_ROLE'),
    host: env.WARDEN_HOST ?? '127.0.0.1',
    port: integer(env, 'WARDEN_PORT', 8080, 0, 65_535),
    demo: env.WARDEN_DEMO !== '0' && env.WARDEN_DEMO !== 'false',
    demoPort: integer(env, 'WARDEN_DEMO_PORT', 0, 0, 65_535),
    syncSchedule: env.WARDEN_SYNC_SCHEDULE ?? '0 1 * * *',
    adminApiKey: adminApiKey(env.WARDEN_ADMIN_API_KEY),
    secretKey: env.WARDEN_SECRET_KEY || null,
    logLevel: env.WARDEN_LOG_LEVEL ?? 'info',
    syncConcurrency: integer(env, 'WARDEN_SYNC_CONCURRENCY', 2, 1, 64),
    connectTimeoutMs: integer(env, 'WARDEN_CONNECT_TIMEOUT_MS', undefined, 100, 600_000),
    statementTimeoutMs: integer(env, 'WARDEN_STATEMENT_TIMEOUT_MS', undefined, 100, 86_400_000),
    bodyLimit: integer(env, 'WARDEN_BODY_LIMIT', 1_048_576, 1024, 104_857_600),
    headersTimeoutMs: integer(env, 'WARDEN_HEADERS_TIMEOUT_MS', 10_000, 100, 600_000),
    requestTimeoutMs: integer(env, 'WARDEN_REQUEST_TIMEOUT_MS', 60_000, 100, 3_600_000),
    keepAliveTimeoutMs: integer(env, 'WARDEN_KEEP_ALIVE_TIMEOUT_MS', 5_000, 100, 600_000),
    maxConnectionsPerAddress: integer(env, 'WARDEN_MAX_CONNECTIONS_PER_ADDRESS', 128, 1, 1_000_000),
    authFailureLimit: integer(env, 'WARDEN_AUTH_FAILURE_LIMIT', 10, 1, 1_000_000),
    authFailureWindowMs: integer(env, 'WARDEN_AUTH_FAILURE_WINDOW_MS', 60_000, 1_000, 86_400_000),
    sessionTtlMs: integer(env, 'WARDEN_SESSION_TTL_MS', 8 * 3_600_000, 60_000, 7 * 86_400_000),
    trustedProxies: addressList(env, 'WARDEN_TRUSTED_PROXIES'),
    syncLeaseMs: integer(env, 'WARDEN_SYNC_LEASE_MS', 5 * 60_000, 1_000, 86_400_000),
  };
}

/** Checks a role named by `source` (the variable or the option). */
export function serverRole(value: string, source: string): ServerRole {
  if ((SERVER_ROLES as readonly string[]).includes(value)) return value as ServerRole;
  throw new WardenError('VALIDATION_FAILED', { detail: `${source} must be one of ${SERVER_ROLES.join(', ')}, not "${value}"` });
}

/** WARDEN_ADMIN_API_KEY opens everything: a short one is guessable. */
const MIN_ADMIN_API_KEY_LENGTH = 32;

function adminApiKey(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  if (raw.length < MIN_ADMIN_API_KEY_LENGTH) {
    throw new WardenError('VALIDATION_FAILED', {
      detail: `WARDEN_ADMIN_API_KEY must be at least ${MIN_ADMIN_API_KEY_LENGTH} characters (make one with \`openssl rand -base64 32\`), or unset to have a key generated`,
    });
  }
  return raw;
}

function databaseUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  if (!/^postgres(ql)?:\/\//.test(raw)) {
    throw new WardenError('VALIDATION_FAILED', { detail: 'WARDEN_DATABASE_URL must be a postgres:// or postgresql:// URL' });
  }
  return raw;
}

function integer<Fallback extends number | undefined>(env: NodeJS.ProcessEnv, name: string, fallback: Fallback, min: number, max: number): number | Fallback {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new WardenError('VALIDATION_FAILED', { detail: `${name} must be a whole number from ${min} to ${max}, not "${raw}"` });
  }
  return value;
}

/** A comma-separated list of IP addresses or CIDR ranges (`10.0.0.0/8`, `::1`). */
function addressList(env: NodeJS.ProcessEnv, name: string): string[] {
  const entries = (env[name] ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 4 ? 32 : 128;
    if (family === 0 || rest.length > 0 || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= maxBits))) {
      throw new WardenError('VALIDATION_FAILED', { detail: `${name} must list IP addresses or CIDR ranges separated by commas, not "${entry}"` });
    }
  }
  return entries;
}
