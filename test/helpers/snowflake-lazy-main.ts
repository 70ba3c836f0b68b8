// A Warden server in a process of its own, reporting whether snowflake-sdk is loaded at start
// and after its first Snowflake call (test/sync/snowflake-sync.test.ts). Run with tsx.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/server.js';
import { SnowflakeTestServer } from './snowflake-server.js';

// ESM imports of a CommonJS package (snowflake-sdk is one) go through the CommonJS loader and its cache.
const cache = createRequire(import.meta.url).cache;
const sdkLoaded = (): boolean => Object.keys(cache).some((path) => path.includes(`${sep}snowflake-sdk${sep}`));

const dataDir = mkdtempSync(join(tmpdir(), 'warden-lazy-'));
const apiKey = 'test_lazy_snowflake_admin_key_0123456789';
const server = await startServer({ ...loadConfig({}), dataDir, port: 0, demo: false, adminApiKey: apiKey, logLevel: 'error' });
const atStart = sdkLoaded();
const snowflake = await SnowflakeTestServer.start();
snowflake.account.createDatabase('LAZY');
// Plain fetch: the test helpers that send requests use vitest's expect, which only runs under vitest.
const response = await fetch(`${server.url}/data/connection`, {
  method: 'POST',
  headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
  body: JSON.stringify({ connectionKey: 'Lazy', connection: snowflake.adminDetails() }),
});
process.stdout.write(`snowflake-sdk loading: ${JSON.stringify({ atStart, afterFirstCall: sdkLoaded(), status: response.status })}\n`);
await snowflake.close();
await server.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
