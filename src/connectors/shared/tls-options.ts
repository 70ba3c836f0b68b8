import type { TlsOptions } from '../connector.js';

/** The Node `tls.connect` options both pg and mysql2 accept as their `ssl` setting. */
export interface NodeTlsOptions {
  rejectUnauthorized: boolean;
  ca?: string;
}

/**
 * A connection's TLS mode → Node TLS options, or undefined for plain TCP. `require` encrypts
 * but accepts any certificate (libpq's sslmode=require, the mysql client's --ssl-mode=REQUIRED);
 * `verify-full` checks the chain against `ca` (or the system store) and the host name.
 */
export function nodeTlsOptions(tls: TlsOptions | undefined): NodeTlsOptions | undefined {
  switch (tls?.mode ?? 'disable') {
    case 'disable':
      return undefined;
    case 'require':
      return { rejectUnauthorized: false };
    case 'verify-full':
      return tls?.ca === undefined ? { rejectUnauthorized: true } : { ca: tls.ca, rejectUnauthorized: true };
  }
}
