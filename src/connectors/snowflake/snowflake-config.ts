import type { ConnectionDetails, TlsOptions } from '../connector.js';

/** `connection.oAuthClientConfig` of the `oAuthClientCredentials` authentication type. */
export interface SnowflakeOAuthClientConfig {
  clientId: string;
  clientSecret: string;
  /** The token endpoint (Snowflake's own `https://<account host>/oauth/token-request`, or the identity provider's). */
  authorityUrl: string;
  scope?: string;
}

/** A Snowflake connection as its schema (snowflake-technology.ts) describes it. */
export interface SnowflakeConnectionDetails extends ConnectionDetails {
  hostname: string;
  port: number;
  /** The account identifier; default: the first label of `hostname`. */
  account?: string;
  warehouse: string;
  role?: string;
  tls?: TlsOptions;
  /** userPassword and keyPair; oAuthClientCredentials: optional (the token's user). */
  username?: string;
  /** userPassword only. */
  password?: string;
  /** keyPair only: a PEM private key (PKCS#8, optionally encrypted) in `content`. */
  privateKey?: { content: string; keyName?: string; userFilename?: string };
  /** keyPair only: the passphrase of an encrypted private key. */
  privateKeyPassword?: string;
  /** oAuthClientCredentials only. */
  oAuthClientConfig?: SnowflakeOAuthClientConfig;
}

/** The details typed; sound because a connection reaches a connector only after its schema accepted it. */
export function snowflakeDetails(details: ConnectionDetails): SnowflakeConnectionDetails {
  return details as SnowflakeConnectionDetails;
}

/** The account identifier the driver signs in to: `xy12345` of `xy12345.eu-west-1.snowflakecomputing.com`. */
export function accountOf(details: Pick<SnowflakeConnectionDetails, 'account' | 'hostname'>): string {
  return details.account ?? details.hostname.split('.')[0]!;
}

/** Where the driver sends its requests: HTTPS unless `tls.mode` is `disable` (a local test server or a TLS-terminating proxy). */
export function snowflakeAccessUrl(details: Pick<SnowflakeConnectionDetails, 'hostname' | 'port' | 'tls'>): string {
  const scheme = details.tls?.mode === 'disable' ? 'http' : 'https';
  const host = details.hostname.includes(':') ? `[${details.hostname}]` : details.hostname;
  return `${scheme}://${host}:${details.port}`;
}

/** The user named in messages: the one signing in, or the OAuth client. */
export function principalOf(details: SnowflakeConnectionDetails): string {
  return details.username ?? details.oAuthClientConfig?.clientId ?? '';
}
