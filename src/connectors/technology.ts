import type { ConnectorFactory } from './connector.js';

/** Options for a technology's setup script. */
export interface SetupScriptOptions {
  /** Name of the system user/role the script creates. */
  username: string;
  /** Databases to grant access on; all the admin's databases when absent (where the platform allows). */
  databases?: string[];
}

/** Everything Warden knows about one technology, registered once in the connector registry. */
export interface TechnologyDescriptor {
  /** The value of `connection.technology`, e.g. `PostgreSQL`. */
  technology: string;
  /** Hierarchy level names below the connection, top to leaf. */
  levels: readonly string[];
  authenticationTypes: readonly string[];
  defaultPort: number;
  create: ConnectorFactory;
  /** SQL that creates the system user with exactly the privileges the crawl needs. */
  setupScript(options: SetupScriptOptions): string;
}
