import { Type } from 'typebox';
import { DEFAULT_CAPABILITIES } from '../connector.js';
import { HOST_PORT_FIELDS, SERVER_TIMEOUTS, TLS_FIELD, USER_PASSWORD } from '../shared/server-connection.js';
import type { AuthenticationType, TechnologyDescriptor } from '../technology.js';
import { trinoSetupScript } from './trino-setup-script.js';

/** The value of `connection.technology`. */
export const TRINO_TECHNOLOGY = 'Trino';

/** The catalog that is never an object: Trino's own (`system.metadata`, `system.runtime`, …). */
export const SYSTEM_CATALOG = 'system';

/** The hierarchy levels of a Trino connection, top to leaf. */
export const TRINO_LEVELS = ['catalog', 'schema', 'table'] as const;

/** `connection.catalogs`: which catalogs are crawled. */
const CATALOGS_FIELD = Type.Object(
  {
    include: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), { description: 'Crawl only these catalogs (exact names); all catalogs when absent' }),
    ),
    exclude: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Never crawl these catalogs (exact names)' })),
  },
  { additionalProperties: false, description: 'Which catalogs Warden crawls; `system` never is' },
);

/**
 * Sign in with an OAuth 2.0 client-credentials grant: Warden asks the token URL for an access
 * token before every crawl and sends it to Trino as a bearer token (Trino's OAuth2 or JWT
 * authenticator verifies it).
 */
export const OAUTH2: AuthenticationType = {
  name: 'oAuth2',
  description: 'an OAuth 2.0 client-credentials grant at a token URL, then the access token as a bearer token',
  fields: {
    username: Type.Optional(
      Type.String({ minLength: 1, description: "The Trino user to act as (X-Trino-User); default: the token's principal" }),
    ),
    oAuthClientConfig: Type.Object(
      {
        tokenUrl: Type.String({ minLength: 1, description: 'The identity provider token endpoint (https:// or http://)' }),
        clientId: Type.String({ minLength: 1 }),
        clientSecret: Type.String({ description: 'The client secret (write-only: encrypted at rest, shown as [REDACTED])' }),
        scope: Type.Optional(Type.String({ minLength: 1, description: 'Space-separated scopes to ask for' })),
        audience: Type.Optional(Type.String({ minLength: 1, description: 'The audience to ask for, where the identity provider needs one' })),
      },
      { additionalProperties: false },
    ),
  },
  secretFields: ['oAuthClientConfig.clientSecret'],
};

/** Trino as the connector registry knows it; the REST client is loaded with the connector. */
export const trinoTechnology: TechnologyDescriptor = {
  technology: TRINO_TECHNOLOGY,
  levels: TRINO_LEVELS,
  // No object identifiers (and most connectors lower-case names): renames are recognised by
  // the diff's column-fingerprint heuristic, as for MariaDB.
  capabilities: DEFAULT_CAPABILITIES,
  connectionFields: {
    ...HOST_PORT_FIELDS,
    // Passwords and tokens are only accepted over HTTPS by Trino; `disable` is plain HTTP.
    tls: Type.Optional(TLS_FIELD),
    catalogs: Type.Optional(CATALOGS_FIELD),
  },
  authenticationTypes: [USER_PASSWORD, OAUTH2],
  // The client secret travels to the token URL, the password or token to the host.
  credentialRoute: ['hostname', 'port', 'tls', 'oAuthClientConfig'],
  defaultPort: 8443,
  defaultTimeouts: SERVER_TIMEOUTS,
  setupScript: trinoSetupScript,
  // The upgrade guide: Trino data sources with TLS but no certificate validation are not upgraded.
  notUpgradable: (details) =>
    (details.tls as { mode?: string } | undefined)?.mode === 'require'
      ? { option: 'TLS without certificate validation (tls.mode "require")', useInstead: 'register it with tls.mode "verify-full" (and tls.ca for a private CA)' }
      : undefined,
  integrationEndsWithUpgrade: true,
  loadConnector: async () => (await import('./trino-connector.js')).createTrinoConnector,
};
