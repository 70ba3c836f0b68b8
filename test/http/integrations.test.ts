import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectionInput, grantCrawlAccess } from '../helpers/catalog-fixtures.js';
import { MariadbTestContext, mariadbServer, type TestUser } from '../helpers/mariadb-server.js';
import { PostgresTestContext, type TestDatabase, type TestRole } from '../helpers/postgres-server.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** The legacy integrations API (SPEC 2.2) on both stores, validated against the real servers. */
describeEachStore(
  'integrations',
  (kind) => {
    const pg = new PostgresTestContext();
    const maria = new MariadbTestContext();
    let server: TestServer;
    let db: TestDatabase;
    let role: TestRole;
    let user: TestUser;
    const password = `Pw-${randomBytes(9).toString('hex')}-secret`;
    const postgresConfig = () => {
      const { technology: _technology, ...config } = connectionInput(db, role);
      return config;
    };
    const mariadbConfig = (pw: string) => ({
      hostname: mariadbServer.host,
      port: mariadbServer.port,
      authenticationType: 'userPassword',
      username: user.name,
      password: pw,
      tls: { mode: 'disable' },
    });

    beforeAll(async () => {
      server = await startTestServer({}, { store: kind });
      db = await pg.createDatabase();
      role = await pg.createRole({ connect: [db.name] });
      await grantCrawlAccess(db.name, role);
      user = await maria.createUser({ password });
    });
    afterAll(async () => {
      await server?.close();
      await pg.cleanup();
      await maria.cleanup();
    });

    it('creates, lists, edits and deletes a PostgreSQL integration, with its statuses and validation results', async () => {
      const created = await server.request('POST', '/integrations', { type: 'PostgreSQL', autoBootstrap: false, config: postgresConfig() });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        type: 'PostgreSQL',
        status: 'enabled',
        autoBootstrap: false,
        config: { hostname: connectionInput(db, role).hostname, database: db.name, username: role.name, password: '[REDACTED]' },
        validationResults: { status: 'passed', validationTests: [{ name: 'Initial Validation: Basic Connection Test', status: 'passed' }] },
      });
      const id = created.body.id as number;
      expect((await server.request('GET', '/integrations')).body.map((i: { id: number }) => i.id)).toContain(id);
      expect((await server.request('GET', `/integrations/${id}`)).body).toEqual(created.body);

      // An edit that does not validate keeps the configuration that did.
      const broken = await server.request('PUT', `/integrations/${id}`, { config: { database: 'warden_no_such_database' } });
      expect(broken.status).toBe(200);
      expect(broken.body).toMatchObject({ status: 'editError', config: { database: db.name }, validationResults: { status: 'failed' } });
      expect(broken.body.validationResults.validationTests[0].result).toContain('warden_no_such_database');
      const fixed = await server.request('PUT', `/integrations/${id}`, { config: { database: db.name } });
      expect(fixed.body).toMatchObject({ status: 'enabled', validationResults: { status: 'passed' } });

      // Moving the credentials elsewhere needs them again: nothing changes, the status is as it was.
      const moved = await server.request('PUT', `/integrations/${id}`, { config: { hostname: 'elsewhere.invalid' } });
      expect(moved.body).toMatchObject({ statusCode: 400, code: 'CREDENTIALS_REQUIRED' });
      expect((await server.request('GET', `/integrations/${id}`)).body).toMatchObject({ status: 'enabled', config: { hostname: connectionInput(db, role).hostname } });

      const deleted = await server.request('DELETE', `/integrations/${id}`);
      expect(deleted).toMatchObject({ status: 200, body: { id, status: 'deleting' } });
      expect((await server.request('GET', `/integrations/${id}`)).body).toMatchObject({ statusCode: 404, code: 'INTEGRATION_NOT_FOUND' });
      expect((await server.request('DELETE', `/integrations/${id}`)).status).toBe(404);
    });

    it('keeps a MariaDB integration with wrong credentials as createError, without the secret, until an edit fixes it', async () => {
      const wrong = `${password}-wrong`;
      const created = await server.request('POST', '/integrations', { type: 'MariaDB', config: mariadbConfig(wrong) });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ type: 'MariaDB', status: 'createError', config: { password: '[REDACTED]' }, validationResults: { status: 'failed' } });
      expect(created.body.validationResults.validationTests[0].result).toContain(user.name);
      const id = created.body.id as number;
      for (const body of [created.body, (await server.request('GET', `/integrations/${id}`)).body, (await server.request('GET', '/integrations')).body]) {
        expect(JSON.stringify(body)).not.toContain(password);
      }
      // Still createError after another failed try; enabled once the password is right.
      expect((await server.request('PUT', `/integrations/${id}`, { config: { password: wrong } })).body.status).toBe('createError');
      expect((await server.request('PUT', `/integrations/${id}`, { config: { password } })).body).toMatchObject({ status: 'enabled', validationResults: { status: 'passed' } });
      for (const line of server.logs) expect(line).not.toContain(password);
      expect((await server.request('DELETE', `/integrations/${id}`)).status).toBe(200);
    });

    it('refuses an edit while another change is under way, and deletes in any status', async () => {
      const id = (await server.request('POST', '/integrations', { type: 'PostgreSQL', config: postgresConfig() })).body.id as number;
      // As a crash in the middle of an edit would leave it.
      await server.server.container.catalogStore.integrations.setStatus(id, 'editing', new Date().toISOString());
      expect((await server.request('PUT', `/integrations/${id}`, { config: {} })).body).toMatchObject({ statusCode: 409, code: 'INTEGRATION_BUSY' });
      expect((await server.request('GET', `/integrations/${id}`)).body.status).toBe('editing');
      expect((await server.request('DELETE', `/integrations/${id}`)).status).toBe(200);
    });

    it('refuses technologies without a connector and malformed configurations, storing nothing', async () => {
      const before = (await server.request('GET', '/integrations')).body;
      const s3 = await server.request('POST', '/integrations', { type: 'Amazon S3', autoBootstrap: false, config: { awsRegion: 'eu-west-1' } });
      expect(s3.body).toMatchObject({ statusCode: 400, code: 'UNSUPPORTED_TECHNOLOGY' });
      expect(s3.body.message).toContain('PostgreSQL');
      const malformed = await server.request('POST', '/integrations', { type: 'PostgreSQL', config: { ...postgresConfig(), port: 'many' } });
      expect(malformed.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      const bootstrap = await server.request('POST', '/integrations', { type: 'PostgreSQL', autoBootstrap: true, config: postgresConfig() });
      expect(bootstrap.status).toBe(400);
      expect((await server.request('GET', '/integrations')).body).toEqual(before);
    });
  },
  { needs: ['PostgreSQL', 'MariaDB'] },
);
