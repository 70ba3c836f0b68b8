/**
 * `npm run bench:snowflake`: the logins and the time of one crawl of an account of 1,000
 * databases (one table of two columns each) through the real snowflake-sdk against the
 * Snowflake protocol server of the tests, with and without ACCOUNT_USAGE. A crawl signs in
 * once per pooled session, not once per database. A bench, not a test.
 */
import { createSnowflakeConnector } from '../src/connectors/snowflake/snowflake-connector.js';
import { SnowflakeTestServer } from '../test/helpers/snowflake-server.js';

const DATABASES = Number(process.env.BENCH_DATABASES ?? 1_000);
const TIMEOUTS = { connectMs: 10_000, statementMs: 60_000 };

const snowflake = await SnowflakeTestServer.start();
try {
  for (let n = 1; n <= DATABASES; n++) {
    const name = `DB_${String(n).padStart(5, '0')}`;
    snowflake.account.createDatabase(name);
    snowflake.account.execute(name, 'CREATE TABLE T (ID int, NAME varchar(20))');
  }
  // A first crawl loads snowflake-sdk and warms the JIT; it is not measured.
  const warmUp = createSnowflakeConnector(snowflake.adminDetails(), TIMEOUTS);
  for await (const _batch of warmUp.crawl({ target: [{ name: 'DB_00001', stableId: null }], shouldDescend: () => true }, AbortSignal.timeout(60_000)));
  await warmUp.close();
  // The crawler without ACCOUNT_USAGE reads its tags per table: one more query per table.
  const crawler = snowflake.createUser('Crawler-pw-1', { accountUsage: false });
  for (const database of snowflake.account.databases.keys()) snowflake.account.grantTable(crawler.role, database, 'PUBLIC', 'T');
  const runs = [
    ['ACCOUNT_USAGE readable', snowflake.adminDetails()],
    ['without ACCOUNT_USAGE', crawler.details],
  ] as const;
  for (const [label, details] of runs) {
    const connector = createSnowflakeConnector(details, TIMEOUTS);
    const logins = snowflake.server.logins.length;
    const started = performance.now();
    let listings = 0;
    let failures = 0;
    for await (const batch of connector.crawl({ target: [], shouldDescend: () => true }, AbortSignal.timeout(600_000))) {
      if (batch.type === 'listing') listings++;
      else failures++;
    }
    const seconds = (performance.now() - started) / 1000;
    await connector.close();
    process.stdout.write(
      `${label}: ${DATABASES} databases, ${listings} listings, ${failures} failures, ` +
        `${snowflake.server.logins.length - logins} logins, ${seconds.toFixed(2)} s, ${snowflake.server.openSessions} sessions left open\n`,
    );
  }
} finally {
  await snowflake.close();
}
