import { Type } from 'typebox';
import { DEFAULT_CAPABILITIES } from '../connector.js';
import { HOST_PORT_FIELDS, SERVER_TIMEOUTS, TLS_FIELD, USER_PASSWORD } from '../shared/server-connection.js';
import type { AuthenticationType, TechnologyDescriptor, UnsupportedOption } from '../technology.js';
import { snowflakeSetupScript } from './snowflake-setup-script.js';

/** The value of `connection.technology`. */
export const SNOWFLAKE_TECHNOLOGY = 'Snowflake';

/** The hierarchy levels of a Snowflake connection, top to leaf. */
export const SNOWFLAKE_LEVELS = ['database', 'schema', 'table'] as const;

/** A Snowflake string literal: literals take backslash escapes, so both `\` and `'` are escaped (the setup script and the crawl's SHOW). */
export function literal(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A quoted identifier, exact in case. */
export function identifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Sign in with a key pair: the driver signs a JWT with the private key whose public key is registered on the user. */
export const KEY_PAIR: AuthenticationType = {
  name: 'keyPair',
  description: 'a private key whose public key is set on the user (ALTER USER … SET RSA_PUBLIC_KEY), optionally encrypted',
  fields: {
    username: Type.String({ minLength: 1, description: 'The system user Warden crawls as' }),
    // The shape Immuta's API uses (docs/connectors.md): the PEM in `content`, the file's names for display only.
    privateKey: Type.Object(
      {
        content: Type.String({
          minLength: 1,
          contentMediaType: 'application/x-pem-file',
          description: 'The PEM private key (PKCS#8, `BEGIN PRIVATE KEY` or `BEGIN ENCRYPTED PRIVATE KEY`; write-only: encrypted at rest, shown as [REDACTED])',
        }),
        keyName: Type.Optional(Type.String({ description: 'A name for the key, shown back' })),
        userFilename: Type.Optional(Type.String({ description: 'The file the key came from, shown back' })),
      },
      { additionalProperties: false },
    ),
    privateKeyPassword: Type.Optional(Type.String({ description: 'The passphrase of an encrypted private key (write-only)' })),
  },
  secretFields: ['privateKey.content', 'privateKeyPassword'],
};

/** Sign in with an OAuth 2.0 client-credentials grant: the driver asks the token URL for an access token at each sign-in. */
export const OAUTH_CLIENT_CREDENTIALS: AuthenticationType = {
  name: 'oAuthClientCredentials',
  description: 'an OAuth 2.0 client-credentials grant at a token URL (Snowflake OAuth or an external identity provider)',
  fields: {
    username: Type.Optional(Type.String({ minLength: 1, description: "The Snowflake user the token maps to; default: the token's" })),
    oAuthClientConfig: Type.Object(
      {
        clientId: Type.String({ minLength: 1 }),
        clientSecret: Type.String({ description: 'The client secret (write-only: encrypted at rest, shown as [REDACTED])' }),
        authorityUrl: Type.String({ minLength: 1, description: 'The token endpoint (https://; http:// only for a local identity provider)' }),
        scope: Type.Optional(Type.String({ minLength: 1, description: 'Scopes to ask for; default: session:role:<role> when connection.role is set' })),
      },
      { additionalProperties: false },
    ),
  },
  secretFields: ['oAuthClientConfig.clientSecret'],
};

/**
 * The JDBC parameters that set the private key file's password, which the upgrade guide names
 * as unsupported with connections (keyPair's privateKeyPassword does that job).
 */
const PRIVATE_KEY_PASSWORD_OPTIONS = new Set(['private_key_file_pwd', 'private_key_pwd']);

/**
 * The first option of `options` (JDBC `name=value` pairs joined by `&` or `;`, names in any
 * case) that Snowflake connections do not support.
 */
export function unsupportedSnowflakeOption(options: string): UnsupportedOption | undefined {
  for (const pair of options.split(/[&;]/)) {
    const name = pair.split('=', 1)[0]!.trim();
    if (PRIVATE_KEY_PASSWORD_OPTIONS.has(name.toLowerCase())) {
      return {
        option: `"${name}" (the private key file password)`,
        useInstead: 'use authenticationType "keyPair" with the PEM key in privateKey.content and its passphrase in privateKeyPassword',
      };
    }
  }
  return undefined;
}

/** Snowflake as the connector registry knows it; snowflake-sdk is loaded with the connector, on first use. */
export const snowflakeTechnology: TechnologyDescriptor = {
  technology: SNOWFLAKE_TECHNOLOGY,
  levels: SNOWFLAKE_LEVELS,
  // Table ids come from ACCOUNT_USAGE (account-wide) when the role may read it, object by object.
  capabilities: { ...DEFAULT_CAPABILITIES, tags: true },
  connectionFields: {
    hostname: Type.String({ minLength: 1, maxLength: 255, description: 'The account host, e.g. xy12345.eu-west-1.snowflakecomputing.com' }),
    port: HOST_PORT_FIELDS.port,
    account: Type.Optional(
      Type.String({ minLength: 1, description: 'The account identifier; default: the first label of hostname (set it for a private-link or proxy host)' }),
    ),
    warehouse: Type.String({ minLength: 1, description: 'The warehouse the catalog queries run on (USAGE on it)' }),
    role: Type.Optional(Type.String({ minLength: 1, description: "The role Warden crawls as; default: the user's default role" })),
    // HTTPS checked against the system's CAs by default; `disable` (plain HTTP) only for a TLS-terminating proxy.
    tls: Type.Optional(TLS_FIELD),
    // The legacy handler's name for it (legacy-api.md: POST /api/v2/data connection.connectionStringOptions).
    connectionStringOptions: Type.Optional(
      Type.String({
        description:
          "The integration's Additional Connection String Options (JDBC name=value pairs joined by & or ;), kept as they were; the connector passes none to the driver. " +
          'Options connections do not support are refused (UNSUPPORTED_CONNECTION_STRING_OPTION): the private key file password (private_key_file_pwd, private_key_pwd) is set with keyPair\'s privateKeyPassword. Put no secret here: this field is not encrypted.',
      }),
    ),
  },
  authenticationTypes: [USER_PASSWORD, KEY_PAIR, OAUTH_CLIENT_CREDENTIALS],
  // The password, key's JWT or token go to the host; the client secret to the token URL.
  credentialRoute: ['hostname', 'port', 'account', 'tls', 'oAuthClientConfig'],
  defaultPort: 443,
  defaultTimeouts: SERVER_TIMEOUTS,
  unsupportedConnectionStringOption: unsupportedSnowflakeOption,
  setupScript: snowflakeSetupScript,
  loadConnector: async () => (await import('./snowflake-connector.js')).createSnowflakeConnector,
};
