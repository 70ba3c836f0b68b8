import { describe, expect, it } from 'vitest';
import { TokenRequestError } from './trino-auth.js';
import { TrinoHttpError, TrinoStatementError } from './trino-client.js';
import type { TrinoConnectionDetails } from './trino-config.js';
import { translateTrinoError, type TrinoErrorContext } from './trino-errors.js';

const details: TrinoConnectionDetails = {
  technology: 'Trino',
  authenticationType: 'userPassword',
  hostname: 'trino.internal',
  port: 8443,
  username: 'warden',
  password: 's3cret-pw',
};
const context: TrinoErrorContext = { details, path: ['pg', 's1'], phase: 'query' };
const oauth: TrinoErrorContext = {
  ...context,
  details: {
    ...details,
    authenticationType: 'oAuth2',
    oAuthClientConfig: { tokenUrl: 'https://idp/token', clientId: 'warden-client', clientSecret: 'client-s3cret' },
  },
};
const statementError = (errorName: string, errorCode: number, message = 'Zugriff verweigert s3cret-pw client-s3cret') =>
  new TrinoStatementError({ errorName, errorCode, errorType: 'USER_ERROR', message });

describe('translateTrinoError', () => {
  it.each([
    ['PERMISSION_DENIED', 4, 'PERMISSION_DENIED'],
    ['EXCEEDED_TIME_LIMIT', 131075, 'QUERY_TIMEOUT'],
    ['CATALOG_NOT_FOUND', 44, 'PLATFORM_ERROR'],
    ['JDBC_ERROR', 67108864, 'PLATFORM_ERROR'],
    ['GENERIC_INTERNAL_ERROR', 65536, 'PLATFORM_ERROR'],
  ])('Trino %s (%i) is %s, whatever the text says', (name, code, expected) => {
    const error = translateTrinoError(statementError(name, code), context);
    expect(error.code).toBe(expected);
    expect(error.message).toContain(`Trino ${name} (${code}`);
    expect(error.message).not.toContain('Zugriff verweigert');
    expect(error.message).not.toContain('s3cret-pw');
  });

  it('HTTP 401: AUTHENTICATION_FAILED naming the user, or OAUTH_TOKEN_REFUSED for a bearer token', () => {
    const auth = translateTrinoError(new TrinoHttpError(401, 'Basic realm="Trino"', 'Unauthorized'), context);
    expect(auth.code).toBe('AUTHENTICATION_FAILED');
    expect(auth.message).toContain('"warden"');
    const bearer = translateTrinoError(new TrinoHttpError(401, 'Bearer', ''), oauth);
    expect(bearer.code).toBe('OAUTH_TOKEN_REFUSED');
    expect(bearer.message).toContain('"warden-client"');
    expect(translateTrinoError(new TrinoHttpError(403, undefined, ''), context).code).toBe('PERMISSION_DENIED');
    expect(translateTrinoError(new TrinoHttpError(503, undefined, ''), context).code).toBe('PLATFORM_ERROR');
  });

  it('a refused token request names the client and the OAuth error, never the secret', () => {
    const error = translateTrinoError(new TokenRequestError(401, 'invalid_client'), oauth);
    expect(error.code).toBe('OAUTH_TOKEN_REFUSED');
    expect(error.message).toContain('https://idp/token');
    expect(error.message).toContain('invalid_client');
    expect(translateTrinoError(statementError('X', 1), oauth).message).not.toContain('client-s3cret');
  });

  it('socket codes: unreachable while connecting, lost once connected; TLS codes; not a Trino answer', () => {
    const socket = (code: string) => Object.assign(new Error('socket text'), { code });
    expect(translateTrinoError(socket('ECONNREFUSED'), { ...context, phase: 'connect' }).code).toBe('HOST_UNREACHABLE');
    expect(translateTrinoError(socket('ECONNREFUSED'), context).code).toBe('CONNECTION_LOST');
    expect(translateTrinoError(socket('ECONNRESET'), { ...context, phase: 'connect' }).code).toBe('CONNECTION_LOST');
    expect(translateTrinoError(socket('DEPTH_ZERO_SELF_SIGNED_CERT'), context).code).toBe('TLS_FAILED');
    expect(translateTrinoError(new SyntaxError('Unexpected token <'), context).message).toContain('not a Trino answer');
  });
});
