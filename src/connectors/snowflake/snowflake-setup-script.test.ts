import { describe, expect, it } from 'vitest';
import { snowflakeSetupScript } from './snowflake-setup-script.js';

const statements = (script: string) =>
  script
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('--'))
    .join('\n')
    .split(';\n')
    .map((statement) => statement.trim().replace(/;$/, ''));

describe('snowflakeSetupScript', () => {
  it('creates the role and user, grants USAGE, REFERENCES and SELECT now and in future, ACCOUNT_USAGE, and registers the key', () => {
    const script = snowflakeSetupScript({ username: 'WARDEN', databases: ['SALES', 'My "Db"'] });
    expect(statements(script)).toEqual([
      'USE ROLE SECURITYADMIN',
      'CREATE ROLE IF NOT EXISTS "WARDEN_ROLE"',
      'CREATE USER IF NOT EXISTS "WARDEN" TYPE = SERVICE DEFAULT_ROLE = "WARDEN_ROLE"',
      'GRANT ROLE "WARDEN_ROLE" TO USER "WARDEN"',
      'GRANT USAGE ON WAREHOUSE <WAREHOUSE> TO ROLE "WARDEN_ROLE"',
      ...['"SALES"', '"My ""Db"""'].flatMap((database) => [
        `GRANT USAGE ON DATABASE ${database} TO ROLE "WARDEN_ROLE"`,
        `GRANT USAGE ON ALL SCHEMAS IN DATABASE ${database} TO ROLE "WARDEN_ROLE"`,
        `GRANT USAGE ON FUTURE SCHEMAS IN DATABASE ${database} TO ROLE "WARDEN_ROLE"`,
        `GRANT REFERENCES, SELECT ON ALL TABLES IN DATABASE ${database} TO ROLE "WARDEN_ROLE"`,
        `GRANT REFERENCES, SELECT ON FUTURE TABLES IN DATABASE ${database} TO ROLE "WARDEN_ROLE"`,
        `GRANT REFERENCES, SELECT ON ALL VIEWS IN DATABASE ${database} TO ROLE "WARDEN_ROLE"`,
        `GRANT REFERENCES, SELECT ON FUTURE VIEWS IN DATABASE ${database} TO ROLE "WARDEN_ROLE"`,
      ]),
      'GRANT IMPORTED PRIVILEGES ON DATABASE SNOWFLAKE TO ROLE "WARDEN_ROLE"',
      `ALTER USER "WARDEN" SET RSA_PUBLIC_KEY = '<PUBLIC KEY>'`,
    ]);
    expect(script).not.toMatch(/PASSWORD\s*=/i);
  });

  it('writes the per-database block once for a placeholder when no database is listed', () => {
    const script = snowflakeSetupScript({ username: 'warden' });
    expect(script).toContain('repeat this block for every database');
    expect(script).toContain('GRANT USAGE ON DATABASE <DATABASE> TO ROLE "warden_ROLE";');
    expect(script).toContain('CREATE USER IF NOT EXISTS "warden"');
  });
});
