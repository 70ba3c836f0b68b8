import type { CrawlBatch, CrawlScope } from '../domain/catalog-types.js';

/**
 * Flags that say what a technology can do. Engine code branches on these, never on the
 * technology's name.
 */
export interface ConnectorCapabilities {
  /**
   * The level within whose containers the platform's stable ids are unique, 1 being the
   * top-level containers; 0 (default) means across the whole connection. A moved object is
   * looked for by id only there: PostgreSQL (1) reuses schema and table OIDs across databases.
   * Whether an object has a stable id at all is the crawl's to say, object by object.
   */
  stableIdsUniqueWithin: number;
  /** The platform has tags the crawl ingests. Default false. */
  tags: boolean;
  /** Several top-level containers can be crawled at once. Default true. */
  parallelContainers: boolean;
}

/** TLS settings for a connection. */
export interface TlsOptions {
  /** `disable`: plain TCP; `require`: TLS without certificate checks; `verify-full`: TLS checked against `ca`. */
  mode: 'disable' | 'require' | 'verify-full';
  /** PEM CA bundle for `verify-full` (the system store when absent). */
  ca?: string;
}

/**
 * Everything a connector needs to reach a platform, as its technology's connection schema
 * describes it (see TechnologyDescriptor): the two fields every technology has, and the rest
 * by name. Secrets are decrypted only here.
 */
export interface ConnectionDetails {
  technology: string;
  authenticationType: string;
  [field: string]: unknown;
}

/** Timeouts every connector honours (milliseconds). */
export interface ConnectorTimeouts {
  /** Establishing a session. */
  connectMs: number;
  /** One catalog query. */
  statementMs: number;
}

/**
 * The contract between the sync engine and a technology. Small on purpose: a connector tests
 * credentials and streams what it sees; diffing and writing are the engine's job.
 */
export interface Connector {
  readonly technology: string;
  /** Names of the hierarchy levels below the connection, top to leaf, e.g. `['database', 'schema', 'table']`. */
  readonly levels: readonly string[];
  readonly capabilities: ConnectorCapabilities;
  /** Resolves when the credentials work; rejects with a WardenError naming the cause. */
  testConnection(signal: AbortSignal): Promise<void>;
  /**
   * Streams the objects of `scope`, parent listings before their children's. A subtree that
   * cannot be read yields a `failure` batch and the crawl goes on with the rest; only a failure
   * to read the scope's own top listing rejects the iteration.
   */
  crawl(scope: CrawlScope, signal: AbortSignal): AsyncIterable<CrawlBatch>;
  /** Releases pools and sockets. */
  close(): Promise<void>;
}

/** Creates a connector for one connection's details. */
export type ConnectorFactory = (details: ConnectionDetails, timeouts: ConnectorTimeouts) => Connector;

export const DEFAULT_CAPABILITIES: ConnectorCapabilities = {
  stableIdsUniqueWithin: 0,
  tags: false,
  parallelContainers: true,
};
