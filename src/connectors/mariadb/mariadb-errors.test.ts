import { describe, expect, it } from 'vitest';
import { translateMariadbError, type MariadbErrorContext } from './mariadb-errors.js';

const context: MariadbErrorContext = {
  hostname: 'db.internal',
  port: 3306,
  username: 'warden',
  database: 'sales',
  password: 's3cret-pw',
  path: ['sales', 'orders'],
  phase: 'query',
  tlsRequested: false,
};
/** An error shaped as mysql2 reports it: server errors carry errno, socket errors a code. */
const driverError = (fields: { errno?: number; code?: string; message?: string }) =>
  Object.assign(new Error(fields.message ?? 'driver text'), fields);

describe('translateMariadbError', () => {
  it.each([
    [1045, 'AUTHENTICATION_FAILED'],
    [1698, 'AUTHENTICATION_FAILED'],
    [4151, 'AUTHENTICATION_FAILED'],
    [1049, 'DATABASE_NOT_FOUND'],
    [1044, 'PERMISSION_DENIED'],
    [1142, 'PERMISSION_DENIED'],
    [1143, 'PERMISSION_DENIED'],
    [1227, 'PERMISSION_DENIED'],
    [1969, 'QUERY_TIMEOUT'],
    [3024, 'QUERY_TIMEOUT'],
    [2013, 'CONNECTION_LOST'],
    [1927, 'CONNECTION_LOST'],
    [1040, 'PLATFORM_ERROR'],
  ])('errno %i is %s, whatever the text says', (errno, code) => {
    expect(translateMariadbError(driverError({ errno, message: 'Zugriff verweigert' }), context).code).toBe(code);
  });

  it('names the user and the database, never the password', () => {
    const auth = translateMariadbError(driverError({ errno: 1045, message: "Access denied for 'warden' using s3cret-pw" }), context);
    expect(auth.message).toContain('"warden"');
    const other = translateMariadbError(driverError({ errno: 1064, message: 'near s3cret-pw' }), context);
    expect(other.message).not.toContain('s3cret-pw');
    expect(other.message).toContain('errno 1064');
    expect(translateMariadbError(driverError({ errno: 1049 }), context).message).toContain('"sales"');
    expect(translateMariadbError(driverError({ errno: 1969 }), context).message).toContain('"sales"."orders"');
  });

  it('socket codes: unreachable while connecting, lost once connected', () => {
    const connecting = { ...context, phase: 'connect' as const };
    expect(translateMariadbError(driverError({ code: 'ECONNREFUSED', errno: -111 }), connecting).code).toBe('HOST_UNREACHABLE');
    expect(translateMariadbError(driverError({ code: 'ENOTFOUND' }), connecting).code).toBe('HOST_UNREACHABLE');
    expect(translateMariadbError(driverError({ code: 'ETIMEDOUT' }), context).code).toBe('CONNECTION_LOST');
    expect(translateMariadbError(driverError({ code: 'PROTOCOL_CONNECTION_LOST' }), context).code).toBe('CONNECTION_LOST');
    expect(translateMariadbError(driverError({ code: 'ECONNRESET' }), connecting).code).toBe('CONNECTION_LOST');
    expect(translateMariadbError(new AggregateError([driverError({ code: 'ECONNREFUSED' })]), connecting).code).toBe('HOST_UNREACHABLE');
  });

  it('TLS codes are TLS_FAILED; anything unknown is PLATFORM_ERROR', () => {
    expect(translateMariadbError(driverError({ code: 'HANDSHAKE_NO_SSL_SUPPORT' }), context).code).toBe('TLS_FAILED');
    expect(translateMariadbError(driverError({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), context).code).toBe('TLS_FAILED');
    expect(translateMariadbError('weird', context).code).toBe('PLATFORM_ERROR');
  });

  it('shows no driver text, so a one-letter password cannot be read off the redaction', () => {
    const short = { ...context, password: 'p' };
    const errors = [driverError({ errno: 1064, message: 'unexpected copyData' }), driverError({ errno: 1142, message: 'unexpected copyData' }), driverError({ code: 'ECONNRESET', message: 'unexpected copyData' }), 'unexpected copyData'];
    for (const error of errors) {
      const translated = translateMariadbError(error, short);
      expect(translated.message).not.toContain('[REDACTED]');
      expect(translated.message).not.toContain('ected');
      expect((translated.cause as Error).message).toBe('unex[REDACTED]ected co[REDACTED]yData');
    }
  });
});
