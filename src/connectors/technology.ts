import type { TSchema } from 'typebox';
import type { ConnectorCapabilities, ConnectorFactory, ConnectorTimeouts } from './connector.js';

/** Options for a technology's setup script. */
export interface SetupScriptOptions {
  /** Name of the system user/role the script creates. */
  username: string;
  /** Databases to grant access on; all the admin's databases when absent (where the platform allows). */
  databases?: string[];
}

/**
 * One way of signing in to a technology (`connection.authenticationType`), with the fields it
 * adds to the connection. Two types of one technology may share field names (Snowflake's
 * `username`) with different required-ness.
 */
export interface AuthenticationType {
  /** The value of `connection.authenticationType`, e.g. `userPassword`, `keyPair`, `oAuthM2M`. */
  name: string;
  /** One line for the API documentation and the CLI help. */
  description: string;
  /** The fields this type adds, as TypeBox properties (wrap optional ones in `Type.Optional`). */
  fields: Readonly<Record<string, TSchema>>;
  /**
   * Dotted paths of the secret values among `fields`, at any depth (`password`,
   * `oAuthClientConfig.clientSecret`, `privateKey.content`): sealed at rest, never returned,
   * never logged.
   */
  secretFields: readonly string[];
}

/** An Additional Connection String Option connections do not support, and what does its job instead. */
export interface UnsupportedOption {
  /** The option's name as the string sets it (never its value: it may be a secret). */
  option: string;
  useInstead: string;
}

/**
 * Everything Warden knows about one technology, registered once in the connector registry.
 *
 * A descriptor is light on purpose: the registry, the HTTP schemas, the CLI and the server's
 * start import every descriptor, so a descriptor module imports no driver or SDK. The
 * connector itself (pg, mysql2, snowflake-sdk, …) is loaded by {@link loadConnector} the
 * first time a connection of the technology is tested or crawled.
 */
export interface TechnologyDescriptor {
  /** The value of `connection.technology`, e.g. `PostgreSQL`. */
  technology: string;
  /** Hierarchy level names below the connection, top to leaf. */
  levels: readonly string[];
  capabilities: ConnectorCapabilities;
  /**
   * The connection fields every authentication type shares (`hostname`, `port`, `warehouse`,
   * `httpPath`, `tls`, …), as TypeBox properties; `technology` and `authenticationType` are
   * added by the registry.
   */
  connectionFields: Readonly<Record<string, TSchema>>;
  /**
   * The connection fields that decide where the secrets are sent and how they travel
   * (`hostname`, `port`, `tls`, an account URL, …): an edit that changes one must send the
   * secrets again, or the stored ones would be presented to a host of the editor's choosing.
   */
  credentialRoute: readonly string[];
  /** The ways of signing in, at least one; the first is the default the CLI documents. */
  authenticationTypes: readonly AuthenticationType[];
  /** The port a connection usually uses (documentation, CLI help). */
  defaultPort: number;
  /** Connect and statement timeouts unless the operator sets them (WARDEN_*_TIMEOUT_MS). */
  defaultTimeouts: ConnectorTimeouts;
  /**
   * The first of a connection's Additional Connection String Options (`connectionStringOptions`,
   * the legacy handler's field, where the technology has it) that connections do not support;
   * undefined when none. Registration and edits refuse such a connection
   * (UNSUPPORTED_CONNECTION_STRING_OPTION), and the upgrade from integrations reports the same.
   */
  unsupportedConnectionStringOption?(options: string): UnsupportedOption | undefined;
  /**
   * What in a legacy data source's own connection details the upgrade to a connection cannot
   * carry over (Trino: TLS without certificate validation); undefined when nothing. The
   * upgrade refuses such data sources (UPGRADE_REFUSED) before it changes anything.
   */
  notUpgradable?(details: Readonly<Record<string, unknown>>): UnsupportedOption | undefined;
  /** True when the integration itself goes once its upgrade completes (Trino exists only as connections then). */
  integrationEndsWithUpgrade?: true;
  /** SQL that creates the system user with exactly the privileges the crawl needs (where the platform has one). */
  setupScript?(options: SetupScriptOptions): string;
  /** Loads the connector implementation (by dynamic `import()`) and returns its factory. */
  loadConnector(): Promise<ConnectorFactory>;
}
