import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it, onTestFailed } from 'vitest';
import { describeWithBrowser, expectAccessible, screenshot, signIn, useBrowser, type WatchedPage } from '../helpers/browser.js';
import { registerTestConnection, sqlIn } from '../helpers/catalog-fixtures.js';
import { PostgresTestContext, type TestDatabase } from '../helpers/postgres-server.js';
import { missingServers } from '../helpers/server-availability.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const KEY = 'Browser Warehouse';
const HOSTILE = '<img src=x onerror=alert(1)>';

/** The UI's URL of an object: each name percent-encoded, as the app builds its links. */
const objectPage = (base: string, ...path: string[]) => `${base}/ui/objects/${path.map(encodeURIComponent).join('/')}`;

/**
 * The pages against a real PostgreSQL source, in the order a newcomer uses them: browse to a
 * table, enable its schema, see it become a data source, tag a column, change the source and
 * sync from the UI, see the change in the dictionary and on the jobs page. Every page is
 * checked with axe and photographed.
 */
describeWithBrowser(
  'the web UI pages against PostgreSQL',
  () => {
    const browser = useBrowser();
    const pg = new PostgresTestContext();
    let server: TestServer;
    let db: TestDatabase;
    let watched: WatchedPage;
    let page: Page;
    const dialogs: string[] = [];

    beforeAll(async () => {
      server = await startTestServer();
      db = (
        await registerTestConnection(server, pg, {
          connectionKey: KEY,
          sql: `CREATE SCHEMA sales; CREATE TABLE sales.orders (id int PRIMARY KEY, note text); CREATE TABLE sales.customers (id int);
                CREATE SCHEMA hostile; CREATE TABLE hostile."${HOSTILE}" (id int);`,
        })
      ).db;
      watched = await browser.page();
      page = watched.page;
      page.setDefaultTimeout(10_000);
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await signIn(page, server.url, server.apiKey);
    });
    beforeEach(() => {
      onTestFailed(async () => {
        console.log('the page when the test failed:', page.url(), watched.errors, await page.locator('main').innerText({ timeout: 2_000 }));
      });
    });
    afterAll(async () => {
      await server?.close();
      await pg.cleanup();
    });

    it('browses from the connections through the tree and the children table to a table', async () => {
      await page.goto(`${server.url}/ui/objects`);
      await page.getByRole('heading', { name: 'Data objects', level: 1 }).waitFor();
      const children = page.getByRole('table', { name: 'Children' });
      await children.getByRole('link', { name: KEY }).click();
      await page.getByRole('heading', { name: KEY, level: 1 }).waitFor();
      await children.getByRole('link', { name: db.name }).click();
      await children.getByRole('link', { name: 'sales' }).click();
      await page.getByRole('heading', { name: 'sales', level: 1 }).waitFor();
      await expect.poll(() => children.getByRole('row').count()).toBe(3);
      // The tree opened along the way shows the branch, the object in bold as the current page.
      const tree = page.getByRole('navigation', { name: 'Object hierarchy' });
      expect(await tree.getByRole('link', { name: 'sales' }).getAttribute('aria-current')).toBe('page');
      await expectAccessible(page, 'a schema on the data objects page');
      await screenshot(page, 'data-objects');

      await children.getByRole('link', { name: 'orders' }).click();
      await page.getByRole('heading', { name: 'orders', level: 1 }).waitFor();
      const crumbs = page.getByRole('navigation', { name: 'Object path' });
      expect(await crumbs.getByRole('link').allTextContents()).toEqual(['All connections', KEY, db.name, 'sales']);
      await page.getByText('Disabled', { exact: true }).first().waitFor();
      await page.getByText('inherited', { exact: true }).first().waitFor();
      await expectAccessible(page, 'the overview of a table');
      await screenshot(page, 'object-overview');
    });

    it('filters the children by kind, state, removed and name on the server', async () => {
      await page.goto(objectPage(server.url, KEY, db.name, 'sales'));
      const children = page.getByRole('table', { name: 'Children' });
      await page.getByLabel('Search names').fill('cust');
      await expect.poll(() => children.getByRole('row').count()).toBe(2);
      await children.getByRole('link', { name: 'customers' }).waitFor();
      await page.getByLabel('Search names').fill('');
      await page.getByRole('textbox', { name: 'Removed' }).click();
      await page.getByRole('option', { name: 'Removed' }).click();
      await page.getByText('No objects match.').waitFor();
    });

    it('enables the schema in Settings, and its tables become data sources', async () => {
      await page.goto(`${objectPage(server.url, KEY, db.name, 'sales')}?tab=settings`);
      const status = page.getByRole('radiogroup', { name: 'Data object' });
      await status.getByLabel('Enable').check();
      await expectAccessible(page, 'the settings of a schema');
      await screenshot(page, 'object-settings');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Now enabled.', { exact: false }).waitFor();

      await page.goto(`${server.url}/ui/data-sources`);
      await page.getByRole('heading', { name: 'Data sources', level: 1 }).waitFor();
      const sources = page.getByRole('table', { name: 'Data sources' });
      await sources.getByRole('link', { name: `${KEY}.${db.name}.sales.orders` }).waitFor();
      expect(await sources.getByRole('row').count()).toBe(3);
      await expectAccessible(page, 'the data sources page');
      await screenshot(page, 'data-sources');
    });

    it('adds a user tag to a column in the dictionary', async () => {
      await page.goto(`${objectPage(server.url, KEY, db.name, 'sales', 'orders')}?tab=dictionary`);
      await page.getByRole('table', { name: 'Data dictionary' }).waitFor();
      await page.getByRole('textbox', { name: 'Column' }).click();
      await page.getByRole('option', { name: 'note' }).click();
      await page.getByRole('textbox', { name: 'Tag name' }).fill('PII.Email');
      await page.getByRole('button', { name: 'Add tag' }).click();
      await page.getByRole('list', { name: 'Tags of column note' }).getByText('PII.Email').waitFor();
      const stored = await server.request('GET', `/data/tags?objectPath=${encodeURIComponent(JSON.stringify([KEY, db.name, 'sales', 'orders']))}`);
      expect(stored.body.columns.find((c: { name: string }) => c.name === 'note').tags).toMatchObject([{ name: 'PII.Email', source: 'user' }]);
      await expectAccessible(page, 'the data dictionary');
      await screenshot(page, 'object-dictionary');
    });

    it('runs object sync from the UI after the source changed, and shows the change in the dictionary and on the jobs page', async () => {
      await sqlIn(db, 'ALTER TABLE sales.orders ADD COLUMN amount numeric(10,2)');
      await page.goto(`${objectPage(server.url, KEY, db.name, 'sales', 'orders')}?tab=dictionary`);
      await page.getByRole('button', { name: 'Run object sync' }).click();
      const dialog = page.getByRole('dialog', { name: 'Run object sync' });
      await dialog.getByLabel('Also scan all inactive objects').check();
      await expectAccessible(page, 'the Run Object Sync dialog');
      await dialog.getByRole('button', { name: 'Run Object Sync' }).click();
      const started = page.getByRole('status').getByRole('link', { name: /^job / });
      const jobId = (await started.textContent())!.replace('job ', '');
      await server.waitForJob(jobId);

      await page.reload();
      await page.getByRole('table', { name: 'Data dictionary' }).getByText('amount', { exact: true }).waitFor();
      await page.getByRole('table', { name: 'Data dictionary' }).getByText('numeric(10,2)').waitFor();

      await page.goto(`${server.url}/ui/jobs`);
      const runs = page.getByRole('table', { name: 'Sync runs' });
      await runs.getByRole('link', { name: jobId.slice(0, 8) }).waitFor();
      await expectAccessible(page, 'the jobs page');
      await screenshot(page, 'jobs');
      await runs.getByRole('link', { name: jobId.slice(0, 8) }).click();
      await page.getByRole('heading', { name: `Sync run ${jobId}` }).waitFor();
      const changes = page.getByRole('table', { name: 'Changes of the run' });
      await changes.getByText('changed', { exact: true }).waitFor();
      await changes.getByText(`${KEY} › ${db.name} › sales › orders`).waitFor();
      await expectAccessible(page, 'a sync run');
      await screenshot(page, 'job');

      await page.goto(`${objectPage(server.url, KEY, db.name, 'sales', 'orders')}?tab=history`);
      await page.getByRole('table', { name: 'History of changes' }).getByText('changed', { exact: true }).waitFor();
      await expectAccessible(page, 'the history of a table');
    });

    it('renders a table named like markup as text and runs nothing', async () => {
      await page.goto(objectPage(server.url, KEY, db.name, 'hostile'));
      await page.getByRole('table', { name: 'Children' }).getByRole('link', { name: HOSTILE }).click();
      await page.getByRole('heading', { name: HOSTILE, level: 1 }).waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(HOSTILE);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(dialogs).toEqual([]);
    });

    it('shows the audit with filters by object and actor', async () => {
      await page.goto(`${server.url}/ui/audit`);
      await page.getByRole('heading', { name: 'Audit', level: 1 }).waitFor();
      await page.getByRole('textbox', { name: 'Object' }).fill(`${KEY}/${db.name}/sales`);
      await page.getByRole('textbox', { name: 'Actor' }).fill(`user:admin`);
      await page.getByRole('button', { name: 'Filter' }).click();
      const entries = page.getByRole('table', { name: 'Audit entries' });
      await entries.getByText('object.settings').waitFor();
      await entries.getByText('object.tags').waitFor();
      await expectAccessible(page, 'the audit page');
      await screenshot(page, 'audit');
    });

    it('adds a user on the People page and shows their new API key once', async () => {
      await page.goto(`${server.url}/ui/people`);
      await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
      await page.getByRole('textbox', { name: 'New user' }).fill('alice');
      await page.getByRole('button', { name: 'Add user' }).click();
      await page.getByRole('heading', { name: 'User alice' }).waitFor();
      await page.getByRole('button', { name: 'Create API key' }).click();
      const key = (await page.getByTestId('new-api-key').textContent())!;
      expect((await server.request('GET', '/me', undefined, { apiKey: key })).body).toMatchObject({ name: 'alice' });
      await expectAccessible(page, 'the people page');
      await screenshot(page, 'people');
      await page.reload();
      await page.getByRole('button', { name: 'Open user alice' }).click();
      await page.getByRole('table', { name: 'API keys of alice' }).getByText('active').waitFor();
      expect(await page.getByText(key).count()).toBe(0);
      expect(watched.errors).toEqual([]);
    });
  },
  missingServers(['PostgreSQL']),
);
