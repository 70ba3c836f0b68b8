import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, expectAccessible, screenshot, signIn, useBrowser } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describeWithBrowser('the web UI: sign-in and the app frame', () => {
  const browser = useBrowser();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('shows sign-in at /, signs in with the admin key, shows the navigation, and signs out', async () => {
    const { page, errors } = await browser.page();
    await page.goto(`${server.url}/`);
    expect(new URL(page.url()).pathname).toBe('/ui/');
    await page.getByLabel('API key').waitFor();
    await expectAccessible(page, 'the sign-in page');
    await screenshot(page, 'sign-in');

    await page.getByLabel('API key').fill('wdn_not-a-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'That API key is not valid' }).waitFor();

    await signIn(page, server.url, server.apiKey);
    await page.getByRole('heading', { name: 'Connections' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    // No integration has legacy data sources here, so the Upgrade manager is not offered (test/web/upgrade.browser.test.ts).
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Connections', 'Data objects', 'Data sources', 'Jobs', 'Audit', 'People']);
    await expectAccessible(page, 'the connections page');
    expect(await page.evaluate('localStorage.length + sessionStorage.length')).toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').waitFor();
    expect(errors).toEqual([]);
  });
});
