import { Type } from 'typebox';
import type { ConnectionDetails, ConnectorTimeouts, TlsOptions } from '../connector.js';
import type { AuthenticationType } from '../technology.js';

/**
 * The connection of a database server reached over TCP with a user and a password
 * (PostgreSQL, MariaDB, MySQL): the fields of its schema and the details type its connector
 * reads.
 */
export interface ServerConnectionDetails extends ConnectionDetails {
  hostname: string;
  port: number;
  /** The database to connect to first (PostgreSQL: `postgres` when absent). */
  database?: string;
  username?: string;
  password?: string;
  tls?: TlsOptions;
}

/**
 * The details a server connector was created with, typed. Sound because a connection reaches
 * a connector only after its technology's schema accepted it (registration and every edit
 * validate against it).
 */
export function serverDetails(details: ConnectionDetails): ServerConnectionDetails {
  return details as ServerConnectionDetails;
}

/** `connection.tls`: how the connection is encrypted and which CA it trusts. */
export const TLS_FIELD = Type.Object(
  {
    mode: Type.Union([Type.Literal('disable'), Type.Literal('require'), Type.Literal('verify-full')], {
      description: 'disable: plain TCP; require: TLS without certificate checks; verify-full: TLS checked against ca',
    }),
    ca: Type.Optional(Type.String({ description: 'PEM CA bundle for verify-full', contentMediaType: 'application/x-pem-file' })),
  },
  { additionalProperties: false },
);

/** Where a server listens: the fields every server-like technology starts with. */
export const HOST_PORT_FIELDS = {
  hostname: Type.String({ minLength: 1, maxLength: 255, description: 'Host name or address of the server' }),
  port: Type.Integer({ minimum: 1, maximum: 65_535 }),
};

/** The fields every authentication type of a server connection shares. */
export function serverConnectionFields(databaseDescription: string) {
  return {
    ...HOST_PORT_FIELDS,
    database: Type.Optional(Type.String({ minLength: 1, description: databaseDescription })),
    tls: Type.Optional(TLS_FIELD),
  };
}

/** Where and how a server connection's password travels: the fields an edit must send it again with. */
export const SERVER_CREDENTIAL_ROUTE = ['hostname', 'port', 'tls'] as const;

/** Sign in with a user name and a password. */
export const USER_PASSWORD: AuthenticationType = {
  name: 'userPassword',
  description: 'a user name and a password',
  fields: {
    username: Type.String({ minLength: 1, description: 'The system user Warden crawls as' }),
    password: Type.String({ description: 'The password (write-only: encrypted at rest, shown as [REDACTED])' }),
  },
  secretFields: ['password'],
};

/** Timeouts of a server connection unless WARDEN_CONNECT_TIMEOUT_MS / WARDEN_STATEMENT_TIMEOUT_MS say otherwise. */
export const SERVER_TIMEOUTS: ConnectorTimeouts = { connectMs: 10_000, statementMs: 120_000 };
