import { describe, expect, it } from 'vitest';
import type { SnowflakeConnectionDetails } from './snowflake-config.js';
import { TOO_MUCH_DATA_CAUSE, translateSnowflakeError } from './snowflake-errors.js';

const details: SnowflakeConnectionDetails = {
  technology: 'Snowflake',
  authenticationType: 'userPassword',
  hostname: 'xy12345.snowflakecomputing.com',
  port: 443,
  warehouse: 'WH',
  username: 'WARDEN',
  password: 'Secret-pw-1',
};
const operationFailed = (code: string, sqlState?: string) => Object.assign(new Error(`driver text with Secret-pw-1 (${code})`), { code, sqlState });
const translate = (error: unknown, overrides: Partial<SnowflakeConnectionDetails> = {}, phase: 'connect' | 'query' = 'query') =>
  translateSnowflakeError(error, { details: { ...details, ...overrides }, path: ['DB', 'S'], phase });

describe('translateSnowflakeError', () => {
  it('translates by Snowflake code, never by text, and keeps the password out of the message and the logged cause', () => {
    const cases: [string, string][] = [
      ['390100', 'AUTHENTICATION_FAILED'],
      ['390144', 'AUTHENTICATION_FAILED'],
      ['002003', 'PERMISSION_DENIED'],
      ['003001', 'PERMISSION_DENIED'],
      ['390104', 'CONNECTION_LOST'],
      ['001003', 'PLATFORM_ERROR'],
    ];
    for (const [code, expected] of cases) {
      const error = translate(operationFailed(code, '42000'));
      expect(error.code, code).toBe(expected);
      expect(error.message).not.toContain('Secret-pw-1');
      expect(String((error.cause as Error).message)).not.toContain('Secret-pw-1');
    }
    expect(translate(operationFailed('390100')).message).toContain('"WARDEN"');
    expect(translate(operationFailed('090030')).params.cause).toBe(TOO_MUCH_DATA_CAUSE);
  });

  it('an OAuth sign-in refused is OAUTH_TOKEN_REFUSED naming the client and the token URL', () => {
    const oauth = { authenticationType: 'oAuthClientCredentials', oAuthClientConfig: { clientId: 'c1', clientSecret: 'S3cret', authorityUrl: 'https://idp/token' } };
    for (const code of ['390303', '390318', '390100']) {
      const error = translate(operationFailed(code), oauth, 'connect');
      expect(error.code).toBe('OAUTH_TOKEN_REFUSED');
      expect(error.message).toContain('c1');
      expect(error.message).toContain('https://idp/token');
    }
  });

  it("reads Node's socket codes through the driver's network error: unreachable at connect, lost after", () => {
    const network = (code: string) => Object.assign(new Error('Network error'), { code: 401001, cause: Object.assign(new Error(code), { code }) });
    expect(translate(network('ECONNREFUSED'), {}, 'connect').code).toBe('HOST_UNREACHABLE');
    expect(translate(network('ECONNREFUSED'), {}, 'query').code).toBe('CONNECTION_LOST');
    expect(translate(network('ECONNRESET'), {}, 'connect').code).toBe('CONNECTION_LOST');
    expect(translate(network('CERT_HAS_EXPIRED'), {}, 'connect').code).toBe('TLS_FAILED');
  });

  it('a private key the driver or Node cannot read is AUTHENTICATION_FAILED, for key pairs', () => {
    const keyPair = { authenticationType: 'keyPair', privateKey: { content: '-----BEGIN PRIVATE KEY-----x' } };
    expect(translate(Object.assign(new Error('invalid key'), { code: 404026 }), keyPair, 'connect').code).toBe('AUTHENTICATION_FAILED');
    expect(translate(Object.assign(new Error('bad decrypt'), { code: 'ERR_OSSL_BAD_DECRYPT' }), keyPair, 'connect').code).toBe('AUTHENTICATION_FAILED');
  });
});
