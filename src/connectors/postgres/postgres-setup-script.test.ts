import { describe, expect, it } from 'vitest';
import { postgresSetupScript } from './postgres-setup-script.js';

describe('postgresSetupScript', () => {
  it('takes the password from a psql variable and never contains one', () => {
    const script = postgresSetupScript({ username: 'warden' });
    expect(script).toContain(`PASSWORD :'warden_password'`);
    expect(script).not.toMatch(/PASSWORD\s+'/);
    expect(script).toContain('RAISE EXCEPTION');
  });

  it('grants CONNECT, USAGE, SELECT and default privileges, nothing that writes', () => {
    const script = postgresSetupScript({ username: 'warden', databases: ['sales'] });
    expect(script).toContain('GRANT CONNECT ON DATABASE "sales" TO "warden";');
    expect(script).toContain('GRANT USAGE ON SCHEMA %I TO %I');
    expect(script).toContain('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I');
    expect(script).toContain('GRANT SELECT ON TABLES TO %I');
    expect(script).toContain('GRANT USAGE ON SCHEMAS TO %I');
    expect(script).toContain('NOSUPERUSER NOCREATEDB NOCREATEROLE');
    expect(script).not.toMatch(/\b(INSERT|UPDATE|DELETE|TRUNCATE|ALL PRIVILEGES)\b/);
  });

  it('quotes hostile role and database names', () => {
    const script = postgresSetupScript({ username: `o'brien "ops"`, databases: [`a 'b"=c`] });
    expect(script).toContain(`ALTER ROLE "o'brien ""ops""" WITH LOGIN`);
    expect(script).toContain(`rolname = 'o''brien "ops"'`);
    expect(script).toContain(`GRANT CONNECT ON DATABASE "a 'b""=c"`);
    expect(script).toContain(`\\connect -reuse-previous=on "dbname='a \\'b""=c'"`);
  });

  it('without databases, grants CONNECT everywhere and explains the per-database part', () => {
    const script = postgresSetupScript({ username: 'warden' });
    expect(script).toContain(`SELECT format('GRANT CONNECT ON DATABASE %I TO %I', datname, 'warden')`);
    expect(script).toContain('run it again in every other database');
    expect(script).not.toContain('\\connect -reuse-previous');
  });

  it('refuses names psql could not carry on one line', () => {
    expect(() => postgresSetupScript({ username: 'a\nb' })).toThrow(/one line/);
    expect(() => postgresSetupScript({ username: 'warden', databases: ['x\ny'] })).toThrow(/one line/);
  });
});
