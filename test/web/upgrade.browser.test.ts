import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, expectAccessible, screenshot, signIn, useBrowser } from '../helpers/browser.js';
import { quoteIdent } from '../helpers/catalog-fixtures.js';
import { legacyPostgresSetup } from '../helpers/legacy-fixtures.js';
import { integrationOf } from '../helpers/legacy-upgrade-fixtures.js';
import { adminQuery, PostgresTestContext } from '../helpers/postgres-server.js';
import { missingServers } from '../helpers/server-availability.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * The Upgrade manager (issue 15, item 6) on a legacy PostgreSQL setup built through the API:
 * two registered tables, new credentials that see only one, so the upgrade is partial. The
 * test signs in, finds the integration from the navigation, dry-runs, upgrades and reads the
 * reason of the table left behind.
 */
describeWithBrowser(
  'the web UI: the Upgrade manager',
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
    }, 120_000);

    it('dry-runs and runs the upgrade of a legacy integration and shows the partial result with its reason', { timeout: 120_000 }, async () => {
      const setup = await legacyPostgresSetup(server, pg, { schemas: { s: ['seen', 'hidden'] }, name: (schema, table) => `ui upgrade ${schema} ${table}` });
      const narrow = await pg.createRole({ connect: [setup.db.name] });
      await adminQuery(setup.db.name, `GRANT USAGE ON SCHEMA s TO ${quoteIdent(narrow.name)}; GRANT SELECT ON s.seen TO ${quoteIdent(narrow.name)}`);
      const integrationId = await integrationOf(server, 'PostgreSQL', setup.metadata('s', 'seen'));
      const hidden = setup.table('s', 'hidden');

      const { page, errors } = await browser.page();
      page.setDefaultTimeout(30_000);
      await signIn(page, server.url, server.apiKey);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Upgrade manager' }).click();
      await page.getByRole('heading', { name: 'Upgrade manager', level: 1 }).waitFor();
      const integrations = page.getByRole('table', { name: 'Integrations' });
      const row = integrations.getByRole('row').filter({ hasText: 'PostgreSQL' });
      await expect.poll(() => row.getByRole('cell').allTextContents()).toEqual([String(integrationId), 'PostgreSQL', expect.any(String), '2', '0', 'not started', 'Start upgrade']);
      await expectAccessible(page, 'the integrations of the Upgrade manager');

      await row.getByRole('button', { name: `Start upgrade of integration ${integrationId}` }).click();
      await page.getByLabel('Connection key (display name)').fill('UI Narrow');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByLabel('Credentials (optional)').fill(JSON.stringify({ username: narrow.name, password: narrow.password }));
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('button', { name: 'Dry run', exact: true }).click();
      const planned = page.getByRole('table', { name: 'Planned data sources' });
      await planned.getByRole('row').filter({ hasText: `UI Narrow.${setup.db.name}.s.seen` }).getByText('yes').waitFor();
      await planned.getByRole('row').filter({ hasText: `UI Narrow.${setup.db.name}.s.hidden` }).getByText('no: notVisible').waitFor();
      await page.getByRole('table', { name: 'Data sources not upgraded by the plan' }).getByText('notVisible').waitFor();
      await expectAccessible(page, 'the dry-run plan');

      const upgrade = page.getByRole('button', { name: 'Upgrade', exact: true });
      expect(await upgrade.isDisabled()).toBe(true);
      await page.getByLabel(/I have reviewed the plan/).check();
      await upgrade.click();
      await page.getByText('partially complete').first().waitFor({ timeout: 90_000 });
      await page.getByText(`1 of 2 data sources upgraded to connection UI Narrow.`).waitFor();
      const left = page.getByRole('table', { name: 'Data sources not upgraded' });
      expect(await left.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
        String(hidden.dataSourceId),
        hidden.name,
        `${setup.db.name}.s.hidden`,
        'notVisible',
        expect.stringMatching(/\S/),
      ]);
      await page.getByRole('button', { name: 'Run again' }).waitFor();
      await expectAccessible(page, 'a partially complete upgrade');
      await screenshot(page, 'upgrade');
      expect(errors).toEqual([]);
    });
  },
  missingServers(['PostgreSQL']),
);
