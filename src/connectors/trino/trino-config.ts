import type { ConnectionDetails, TlsOptions } from '../connector.js';

/** `connection.oAuthClientConfig` of the `oAuth2` authentication type. */
export interface OAuthClientConfig {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  audience?: string;
}

/** A Trino connection as its schema (trino-technology.ts) describes it. */
export interface TrinoConnectionDetails extends ConnectionDetails {
  hostname: string;
  port: number;
  tls?: TlsOptions;
  catalogs?: CatalogFilter;
  /** userPassword: the user; oAuth2: the user to act as (default: the token's principal). */
  username?: string;
  /** userPassword only. */
  password?: string;
  /** oAuth2 only. */
  oAuthClientConfig?: OAuthClientConfig;
}

/** `connection.catalogs`: which catalogs are crawled (exact names). */
export interface CatalogFilter {
  include?: string[];
  exclude?: string[];
}

/** The details typed; sound because a connection reaches a connector only after its schema accepted it. */
export function trinoDetails(details: ConnectionDetails): TrinoConnectionDetails {
  return details as TrinoConnectionDetails;
}

/** Where the REST API answers: HTTPS unless `tls.mode` is `disable` (Trino takes credentials over HTTPS only). */
export function trinoBaseUrl(details: Pick<TrinoConnectionDetails, 'hostname' | 'port' | 'tls'>): string {
  const scheme = (details.tls?.mode ?? 'disable') === 'disable' ? 'http' : 'https';
  // An IPv6 address needs brackets in a URL.
  const host = details.hostname.includes(':') ? `[${details.hostname}]` : details.hostname;
  return `${scheme}://${host}:${details.port}`;
}
