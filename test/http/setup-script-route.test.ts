import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mariadbTechnology, mysqlTechnology } from '../../src/connectors/mariadb/mariadb-technology.js';
import { postgresTechnology } from '../../src/connectors/postgres/postgres-technology.js';
import { trinoTechnology } from '../../src/connectors/trino/trino-technology.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * POST /integrations/scripts/create: one route, in the legacy `{type, autoBootstrap, config}`
 * shape, answering each technology's own setup script (what each script grants is proven
 * against the real servers in the connector tests). No connection or integration is needed.
 */
describe('POST /integrations/scripts/create', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());
  const create = (body: unknown) => server.request('POST', '/integrations/scripts/create', body);

  for (const descriptor of [postgresTechnology, mariadbTechnology, mysqlTechnology, trinoTechnology]) {
    it(`${descriptor.technology}: the descriptor's script for the user and databases asked for, warden_sync by default`, async () => {
      const asked = await create({ type: descriptor.technology, autoBootstrap: false, config: { username: 'ops_sync', databases: ['sales'] } });
      expect(asked.status, JSON.stringify(asked.body)).toBe(200);
      expect(asked.body).toEqual({ type: descriptor.technology, script: descriptor.setupScript!({ username: 'ops_sync', databases: ['sales'] }) });
      expect(asked.body.script).toContain('ops_sync');
      expect(asked.body.script).toContain('sales');

      const defaults = await create({ type: descriptor.technology });
      expect(defaults.status).toBe(200);
      expect(defaults.body.script).toBe(descriptor.setupScript!({ username: 'warden_sync' }));
    });
  }

  it('refuses, at the edge, what it cannot answer: 400, nothing else', async () => {
    for (const body of [
      {},
      { type: 'Oracle' },
      { type: 'postgresql' },
      { type: 'PostgreSQL', autoBootstrap: true },
      { type: 'PostgreSQL', config: { username: '' } },
      { type: 'PostgreSQL', config: { username: 'x'.repeat(64) } },
      { type: 'PostgreSQL', config: { databases: [''] } },
      { type: 'PostgreSQL', config: { password: 'never' } },
      { type: 'PostgreSQL', technology: 'PostgreSQL' },
    ]) {
      const response = await create(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    }
  });
});
