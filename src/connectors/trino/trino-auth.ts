import type { TrinoConnectionDetails } from './trino-config.js';
import type { HttpSockets } from './trino-http.js';

/** The token endpoint did not hand out an access token. */
export class TokenRequestError extends Error {
  constructor(
    /** The HTTP status, or undefined when the answer had no usable token. */
    readonly status: number | undefined,
    /** The OAuth 2.0 `error` code of the answer (`invalid_client`, …), when it had one. */
    readonly oauthError: string | undefined,
  ) {
    super(status === undefined ? 'the token endpoint answered without an access_token' : `the token endpoint answered HTTP ${status}`);
  }
}

/** The headers that authenticate every request of one session, as the authentication type says. */
export async function authenticationHeaders(
  details: TrinoConnectionDetails,
  tokenSockets: HttpSockets,
  signal: AbortSignal,
): Promise<Record<string, string>> {
  const headers: Record<string, string> = { 'X-Trino-Source': 'warden' };
  if (details.authenticationType === 'oAuth2') {
    headers.Authorization = `Bearer ${await requestAccessToken(details, tokenSockets, signal)}`;
    // Without a user, Trino acts as the token's principal (its user mapping of `sub`).
    if (details.username !== undefined) headers['X-Trino-User'] = details.username;
    return headers;
  }
  headers.Authorization = `Basic ${Buffer.from(`${details.username ?? ''}:${details.password ?? ''}`, 'utf8').toString('base64')}`;
  headers['X-Trino-User'] = details.username ?? '';
  return headers;
}

/**
 * The client-credentials grant (RFC 6749 4.4): the client authenticates with HTTP Basic
 * (client_secret_basic, the method every server must support), and a fresh token is asked for
 * per session, so it never expires during a crawl's queries.
 */
async function requestAccessToken(details: TrinoConnectionDetails, sockets: HttpSockets, signal: AbortSignal): Promise<string> {
  const config = details.oAuthClientConfig!;
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (config.scope !== undefined) form.set('scope', config.scope);
  if (config.audience !== undefined) form.set('audience', config.audience);
  const credentials = `${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`;
  const answer = await sockets.request({
    method: 'POST',
    url: config.tokenUrl,
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
      Authorization: `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`,
    },
    body: form.toString(),
    signal,
  });
  const parsed = parseJson(answer.body);
  if (answer.status !== 200) throw new TokenRequestError(answer.status, typeof parsed?.error === 'string' ? parsed.error : undefined);
  if (typeof parsed?.access_token !== 'string' || parsed.access_token === '') throw new TokenRequestError(undefined, undefined);
  return parsed.access_token;
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
