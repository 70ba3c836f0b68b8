import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, expectAccessible, screenshot, signIn, useBrowser } from '../helpers/browser.js';
import { auditOf } from '../helpers/access-fixtures.js';
import { registerTestConnection } from '../helpers/catalog-fixtures.js';
import { adminServer, PostgresTestContext } from '../helpers/postgres-server.js';
import { missingServers } from '../helpers/server-availability.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describeWithBrowser(
  'the web UI: Connections',
  () => {
    const browser = useBrowser();
    const pg = new PostgresTestContext();
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(async () => {
      await server?.close();
      await pg.cleanup();
    });

    it('registers a PostgreSQL connection through the form the schema builds, checks it first, and lists it', async () => {
      const db = await pg.createDatabase({ label: 'ui' });
      await pg.createRole({ label: 'ui', connect: [db.name] });
      const role = await pg.createRole({ label: 'ui_reader', connect: [db.name] });
      const { page, errors } = await browser.page();
      await signIn(page, server.url, server.apiKey);
      await page.getByRole('heading', { name: 'Connections' }).waitFor();
      await expect.poll(() => page.getByText('No connections yet.').count()).toBe(1);

      await page.getByRole('button', { name: 'Add connection' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a connection' });
      await dialog.getByRole('textbox', { name: 'Technology' }).click();
      await page.getByRole('option', { name: 'PostgreSQL', exact: true }).click();
      await dialog.getByRole('textbox', { name: 'Connection key' }).fill('UI Warehouse');
      await dialog.getByRole('textbox', { name: 'Hostname' }).fill(adminServer.host);
      await dialog.getByRole('textbox', { name: 'Port' }).fill(String(adminServer.port));
      await dialog.getByRole('textbox', { name: 'Database' }).fill(db.name);
      await dialog.getByRole('textbox', { name: 'Username' }).fill(role.name);
      await dialog.getByLabel('Password').fill(role.password);
      await dialog.getByRole('textbox', { name: 'Mode' }).click();
      await page.getByRole('option', { name: 'disable' }).click();
      await expectAccessible(page, 'the add-connection form');
      await screenshot(page, 'connections-register');

      await dialog.getByRole('button', { name: 'Check credentials' }).click();
      await dialog.getByText('The credentials work').waitFor();
      expect((await server.request('GET', '/data/connection')).body).toEqual([]);

      await dialog.getByRole('button', { name: 'Register' }).click();
      await page.getByText('UI Warehouse is registered').waitFor();
      const row = page.getByRole('row', { name: /UI Warehouse/ });
      await row.getByRole('cell', { name: 'PostgreSQL' }).waitFor();
      await expect.poll(async () => (await server.request('GET', '/data/connection/UI%20Warehouse')).body.lastSyncRun?.state, { timeout: 30_000 }).toBe('completed');
      await page.reload();
      await page.getByRole('row', { name: /UI Warehouse/ }).getByText('completed').waitFor();
      await expectAccessible(page, 'the connections list');
      await screenshot(page, 'connections');
      expect(errors).toEqual([]);
    });

    it('rotates a password through the edit form (secrets not shown), then deletes after saying how many objects go', async () => {
      await registerTestConnection(server, pg, { connectionKey: 'Edited', sql: 'CREATE SCHEMA s; CREATE TABLE s.a (id int); CREATE TABLE s.b (id int);' });
      const objectCount = (await server.request('GET', '/data/connection/Edited')).body.objectCount as number;
      expect(objectCount).toBeGreaterThan(3);
      const { page, errors } = await browser.page();
      await signIn(page, server.url, server.apiKey);
      const row = page.getByRole('row', { name: /Edited/ });
      await row.getByRole('button', { name: 'Actions for Edited' }).click();
      await page.getByRole('menuitem', { name: 'Edit or rotate credentials' }).click();
      const edit = page.getByRole('dialog', { name: 'Edit Edited' });
      expect(await edit.getByLabel('Password').inputValue()).toBe('');
      expect(await edit.getByRole('textbox', { name: 'Hostname' }).inputValue()).toBe(adminServer.host);
      await edit.getByLabel('Password').fill('rotated-in-the-ui');
      await expectAccessible(page, 'the edit form');
      await edit.getByRole('button', { name: 'Save' }).click();
      await edit.waitFor({ state: 'detached' });
      const updated = (await auditOf(server, '&action=connection.updated&objectPath=Edited')).hits[0];
      expect(updated.after).toMatchObject({ credentialsChanged: true, connection: { password: '[REDACTED]' } });

      await row.getByRole('button', { name: 'Actions for Edited' }).click();
      await page.getByRole('menuitem', { name: 'Run object sync' }).click();
      const sync = page.getByRole('dialog', { name: 'Run object sync' });
      await sync.getByLabel('Also scan all inactive objects').check();
      await expectAccessible(page, 'the run-object-sync dialog');
      await sync.getByRole('button', { name: 'Run Object Sync' }).click();
      const started = await page.getByRole('status').filter({ hasText: 'Object sync started' }).textContent();
      const runId = /sync ([0-9a-f-]{36}) is queued/.exec(started ?? '')?.[1] ?? /\(([0-9a-f-]{36})\)/.exec(started ?? '')?.[1];
      const run = await server.waitForJob(runId!);
      expect(run).toMatchObject({ objectPath: ['Edited'], trigger: expect.any(String), forceRecursiveCrawl: true });

      await row.getByRole('button', { name: 'Actions for Edited' }).click();
      await page.getByRole('menuitem', { name: 'Delete' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete Edited?' });
      await confirm.getByText(`${objectCount} objects of its catalog`).waitFor();
      await expectAccessible(page, 'the delete confirmation');
      await screenshot(page, 'connections-delete');
      await confirm.getByRole('button', { name: `Delete ${objectCount} objects` }).click();
      await row.waitFor({ state: 'detached' });
      expect((await server.request('GET', '/data/connection/Edited')).status).toBe(404);
      expect(errors).toEqual([]);
    });

    it('shows the API\'s message when the platform refuses the connection, and stores nothing', async () => {
      const role = await pg.createRole({ label: 'ui_refused' });
      const { page, errors } = await browser.page();
      await signIn(page, server.url, server.apiKey);
      await page.getByRole('button', { name: 'Add connection' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a connection' });
      await dialog.getByRole('textbox', { name: 'Technology' }).click();
      await page.getByRole('option', { name: 'PostgreSQL', exact: true }).click();
      await dialog.getByRole('textbox', { name: 'Connection key' }).fill('Refused');
      await dialog.getByRole('textbox', { name: 'Hostname' }).fill(adminServer.host);
      await dialog.getByRole('textbox', { name: 'Port' }).fill(String(adminServer.port));
      await dialog.getByRole('textbox', { name: 'Database' }).fill('warden_test_no_such_database');
      await dialog.getByRole('textbox', { name: 'Username' }).fill(role.name);
      await dialog.getByLabel('Password').fill(role.password);
      await dialog.getByRole('button', { name: 'Register' }).click();
      await dialog.getByRole('alert').filter({ hasText: 'The connection was not registered' }).waitFor();
      expect(await dialog.getByRole('alert').textContent()).toContain('(DATABASE_NOT_FOUND)');
      expect((await server.request('GET', '/data/connection/Refused')).status).toBe(404);
      expect(errors).toEqual([]);
    });
  },
  missingServers(['PostgreSQL']),
);
