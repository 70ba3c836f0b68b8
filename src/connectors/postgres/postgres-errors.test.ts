import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { WardenError } from '../../errors.js';
import { translatePostgresError, type PostgresErrorContext } from './postgres-errors.js';

const PASSWORD = 'hunter2-secret';
const context: PostgresErrorContext = {
  hostname: 'db.example.com',
  port: 5432,
  username: 'warden',
  database: 'sales',
  password: PASSWORD,
  path: ['sales', 'public'],
  phase: 'query',
  tlsRequested: false,
  clientEnded: false,
};

function serverError(code: string, message = `server said ${code}`): pg.DatabaseError {
  const error = new pg.DatabaseError(message, 0, 'error');
  error.code = code;
  return error;
}

function nodeError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 10.0.0.1:5432`), { code });
}

describe('translatePostgresError', () => {
  it.each([
    ['28P01', 'AUTHENTICATION_FAILED'],
    ['28000', 'AUTHENTICATION_FAILED'],
    ['3D000', 'DATABASE_NOT_FOUND'],
    ['57014', 'QUERY_TIMEOUT'],
    ['42501', 'PERMISSION_DENIED'],
    ['57P01', 'CONNECTION_LOST'],
    ['57P02', 'CONNECTION_LOST'],
    ['57P03', 'CONNECTION_LOST'],
    ['08006', 'CONNECTION_LOST'],
    ['08P01', 'CONNECTION_LOST'],
    ['53300', 'PLATFORM_ERROR'],
    ['XX000', 'PLATFORM_ERROR'],
  ])('SQLSTATE %s → %s', (state, code) => {
    expect(translatePostgresError(serverError(state), context).code).toBe(code);
  });

  it('fills the message from the context', () => {
    expect(translatePostgresError(serverError('28P01'), context).message).toContain('"warden"');
    expect(translatePostgresError(serverError('3D000'), context).message).toContain('"sales"');
    expect(translatePostgresError(serverError('57014'), context).message).toContain('"sales"."public"');
    expect(translatePostgresError(serverError('53300', 'too many'), context).message).toContain('SQLSTATE 53300');
  });

  it.each([
    ['ECONNREFUSED', 'HOST_UNREACHABLE'],
    ['ENOTFOUND', 'HOST_UNREACHABLE'],
    ['EHOSTUNREACH', 'HOST_UNREACHABLE'],
    ['EAI_AGAIN', 'HOST_UNREACHABLE'],
    ['ECONNRESET', 'CONNECTION_LOST'],
    ['EPIPE', 'CONNECTION_LOST'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'TLS_FAILED'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'TLS_FAILED'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'TLS_FAILED'],
    ['EWHATEVER', 'PLATFORM_ERROR'],
  ])('Node code %s while connecting → %s', (nodeCode, code) => {
    expect(translatePostgresError(nodeError(nodeCode), { ...context, phase: 'connect' }).code).toBe(code);
  });

  it('a socket that times out once connected is a lost connection, not an unreachable host', () => {
    expect(translatePostgresError(nodeError('ETIMEDOUT'), context).code).toBe('CONNECTION_LOST');
    expect(translatePostgresError(nodeError('ETIMEDOUT'), { ...context, phase: 'connect' }).code).toBe('HOST_UNREACHABLE');
  });

  it('reads the code of the first attempt of an AggregateError (several addresses tried)', () => {
    const error = new AggregateError([nodeError('ECONNREFUSED'), nodeError('ECONNREFUSED')], 'all failed');
    expect(translatePostgresError(error, { ...context, phase: 'connect' }).code).toBe('HOST_UNREACHABLE');
  });

  it('code-less errors: lost when the client ended, TLS while connecting with TLS, platform otherwise', () => {
    const terminated = new Error('Connection terminated unexpectedly');
    expect(translatePostgresError(terminated, { ...context, clientEnded: true }).code).toBe('CONNECTION_LOST');
    expect(translatePostgresError(terminated, { ...context, phase: 'connect' }).code).toBe('CONNECTION_LOST');
    expect(translatePostgresError(terminated, { ...context, phase: 'connect', tlsRequested: true }).code).toBe('TLS_FAILED');
    expect(translatePostgresError(terminated, context).code).toBe('PLATFORM_ERROR');
  });

  it('passes WardenErrors through unchanged', () => {
    const ours = new WardenError('CONNECT_TIMEOUT', { hostname: 'h', port: 1, timeoutMs: 5 });
    expect(translatePostgresError(ours, context)).toBe(ours);
  });

  it('never lets the password into a message', () => {
    const echoing = [serverError('XX000', `bad password "${PASSWORD}"`), new Error(`oops ${PASSWORD}`), nodeError('EPIPE')];
    for (const error of echoing) {
      const translated = translatePostgresError(error, { ...context, clientEnded: true });
      expect(translated.message).not.toContain(PASSWORD);
      expect(JSON.stringify(translated.params)).not.toContain(PASSWORD);
    }
  });
});
