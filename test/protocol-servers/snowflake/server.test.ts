import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSnowflakeSdk } from '../../../src/connectors/snowflake/snowflake-session.js';
import { ADMIN_PASSWORD, ADMIN_USER, SnowflakeTestServer, TEST_ACCOUNT } from '../../helpers/snowflake-server.js';
import { answerStatement } from './sql-router.js';

/** The protocol server itself, through the real driver: what it refuses, so drift in Warden's SQL fails loudly. */
describe('Snowflake protocol server', () => {
  let snowflake: SnowflakeTestServer;
  beforeAll(async () => {
    snowflake = await SnowflakeTestServer.start();
  });
  afterAll(() => snowflake.close());

  const execute = async (sqlText: string) => {
    const sdk = await loadSnowflakeSdk();
    const connection = sdk.createConnection({ account: TEST_ACCOUNT, username: ADMIN_USER, password: ADMIN_PASSWORD, accessUrl: snowflake.server.url, sfRetryMaxLoginRetries: 0 });
    await new Promise<void>((resolve, reject) => connection.connect((error) => (error ? reject(error) : resolve())));
    try {
      return await new Promise<unknown[]>((resolve, reject) =>
        connection.execute({ sqlText, rowMode: 'array', complete: (error, _statement, rows) => (error ? reject(error) : resolve(rows ?? [])) }),
      );
    } finally {
      await new Promise<void>((resolve) => connection.destroy(() => resolve()));
    }
  };

  it("answers a statement Warden does not send with Snowflake's syntax error, 001003 / 42000", async () => {
    await expect(execute('SELECT CURRENT_VERSION()')).rejects.toMatchObject({ code: '001003', sqlState: '42000' });
    await expect(execute('SELECT * FROM "X".INFORMATION_SCHEMA.TABLES')).rejects.toMatchObject({ code: '001003' });
  });

  it('answers SHOW DATABASES LIKE case-insensitively with _ and % escaped, and FROM inclusively', () => {
    const { account } = snowflake;
    for (const name of ['A_B', 'AXB', 'a_b', 'C']) account.createDatabase(name);
    const context = { account, role: account.roles.get('ACCOUNTADMIN')!, binds: [], faults: { lostDatabases: new Set<string>(), tooMuchData: new Set<string>() } };
    const names = (sql: string) => {
      const result = answerStatement(sql, context);
      return result.kind === 'rows' ? result.rows.map((row) => row[1]) : result.code;
    };
    expect(names("SHOW DATABASES LIKE 'A\\\\_B'")).toEqual(['A_B', 'a_b']);
    expect(names("SHOW DATABASES LIKE 'A_B'")).toEqual(['AXB', 'A_B', 'a_b']);
    expect(names("SHOW DATABASES LIMIT 2 FROM 'AXB'")).toEqual(['AXB', 'A_B']);
  });
});
