import type { ConnectionDetails, TlsOptions } from '../connector.js';

/** `connection.oAuthClientConfig` of the `oAuthM2M` authentication type (a service principal's OAuth secret). */
export interface DatabricksOAuthClientConfig {
  clientId: string;
  clientSecret: string;
  /** Always `all-apis`: the one scope Databricks' workspace token endpoint documents for M2M. */
  scope: 'all-apis';
  /** The token endpoint; default `https://<hostname>/oidc/v1/token`. */
  authorityUrl?: string;
}

/** A Databricks connection as its schema (databricks-technology.ts) describes it. */
export interface DatabricksConnectionDetails extends ConnectionDetails {
  hostname: string;
  port: number;
  /** The SQL warehouse's HTTP path (`/sql/1.0/warehouses/<id>`): tags are read through it. */
  httpPath?: string;
  tls?: TlsOptions;
  /** token only: a personal access token (`dapi…`). */
  token?: string;
  /** oAuthM2M only. */
  oAuthClientConfig?: DatabricksOAuthClientConfig;
}

/** The details typed; sound because a connection reaches a connector only after its schema accepted it. */
export function databricksDetails(details: ConnectionDetails): DatabricksConnectionDetails {
  return details as DatabricksConnectionDetails;
}

/** The workspace URL: HTTPS unless `tls.mode` is `disable` (a local test server or a TLS-terminating proxy). */
export function workspaceUrl(details: Pick<DatabricksConnectionDetails, 'hostname' | 'port' | 'tls'>): string {
  const scheme = details.tls?.mode === 'disable' ? 'http' : 'https';
  const host = details.hostname.includes(':') ? `[${details.hostname}]` : details.hostname;
  return `${scheme}://${host}:${details.port}`;
}

/** Where the OAuth M2M token is asked for: the configured authority, or the workspace's own endpoint. */
export function tokenUrl(details: DatabricksConnectionDetails): string {
  return details.oAuthClientConfig?.authorityUrl ?? `${workspaceUrl(details)}/oidc/v1/token`;
}

/** The warehouse id of an HTTP path: its last segment (`/sql/1.0/warehouses/abc123` → `abc123`). */
export function warehouseIdOf(httpPath: string): string {
  return httpPath.replace(/\/+$/, '').split('/').pop() ?? '';
}
