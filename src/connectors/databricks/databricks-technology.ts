import { Type } from 'typebox';
import { DEFAULT_CAPABILITIES } from '../connector.js';
import { HOST_PORT_FIELDS, SERVER_TIMEOUTS, TLS_FIELD } from '../shared/server-connection.js';
import type { AuthenticationType, TechnologyDescriptor } from '../technology.js';
import { databricksSetupScript } from './databricks-setup-script.js';

/** The value of `connection.technology`: Databricks Unity Catalog, over its REST API. */
export const DATABRICKS_TECHNOLOGY = 'Databricks';

/** The hierarchy levels of a Databricks connection, top to leaf. */
export const DATABRICKS_LEVELS = ['catalog', 'schema', 'table'] as const;

/** A Databricks SQL identifier in backticks (the setup script's principal and catalogs). */
export function identifier(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

/** A personal access token on every request (`Authorization: Bearer dapi…`). */
export const PERSONAL_ACCESS_TOKEN: AuthenticationType = {
  name: 'token',
  description: "a personal access token (dapi…) of a user or service principal",
  fields: {
    token: Type.String({ minLength: 1, description: 'The personal access token (write-only: encrypted at rest, shown as [REDACTED])' }),
  },
  secretFields: ['token'],
};

/** OAuth machine-to-machine: a service principal's client id and secret exchanged for an access token. */
export const OAUTH_M2M: AuthenticationType = {
  name: 'oAuthM2M',
  description: "a service principal's OAuth secret, exchanged at the workspace's /oidc/v1/token for hour-long access tokens",
  fields: {
    oAuthClientConfig: Type.Object(
      {
        clientId: Type.String({ minLength: 1, description: "The service principal's application id" }),
        clientSecret: Type.String({ minLength: 1, description: 'The OAuth secret (write-only: encrypted at rest, shown as [REDACTED])' }),
        scope: Type.Literal('all-apis', { description: 'The scope Databricks documents for workspace-level M2M access' }),
        authorityUrl: Type.Optional(
          Type.String({ minLength: 1, description: 'The token endpoint; default https://<hostname>/oidc/v1/token' }),
        ),
      },
      { additionalProperties: false },
    ),
  },
  secretFields: ['oAuthClientConfig.clientSecret'],
};

/** Databricks as the connector registry knows it; the connector (plain fetch) is loaded on first use. */
export const databricksTechnology: TechnologyDescriptor = {
  technology: DATABRICKS_TECHNOLOGY,
  levels: DATABRICKS_LEVELS,
  // catalog ids, schema_id and table_id are metastore-wide UUIDs.
  capabilities: { ...DEFAULT_CAPABILITIES, tags: true },
  connectionFields: {
    hostname: Type.String({ minLength: 1, maxLength: 255, description: 'The workspace host, e.g. adb-1234567890123456.7.azuredatabricks.net' }),
    port: HOST_PORT_FIELDS.port,
    httpPath: Type.Optional(
      Type.String({ minLength: 1, description: 'The HTTP path of the SQL warehouse tags are read through (/sql/1.0/warehouses/<id>)' }),
    ),
    // HTTPS checked against the system's CAs by default; `disable` (plain HTTP) only for a TLS-terminating proxy.
    tls: Type.Optional(TLS_FIELD),
  },
  authenticationTypes: [PERSONAL_ACCESS_TOKEN, OAUTH_M2M],
  // The token goes to the workspace; the client secret to the token endpoint.
  credentialRoute: ['hostname', 'port', 'tls', 'oAuthClientConfig'],
  defaultPort: 443,
  defaultTimeouts: SERVER_TIMEOUTS,
  setupScript: databricksSetupScript,
  loadConnector: async () => (await import('./databricks-connector.js')).createDatabricksConnector,
};
