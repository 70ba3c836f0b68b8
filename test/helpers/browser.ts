import { existsSync, mkdirSync } from 'node:fs';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium-launch.js';
import { describeUnless } from './server-availability.js';

export { CHROMIUM, CHROMIUM_ARGS };

/** Where screenshots go (git-ignored); the README shows copies committed under docs/. */
export const SCREENSHOT_DIR = new URL('../../test-results/', import.meta.url);

const chromiumMissing = existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM} (apt-get install chromium); set WARDEN_TEST_CHROMIUM`;

/**
 * `describe` for a suite that drives the UI in Chromium: skipped with the reason when there is
 * no Chromium (or another server the suite `needs` is missing), failing instead under CI=true.
 */
export function describeWithBrowser(name: string, body: () => void, missing: string | null = null): void {
  describeUnless([chromiumMissing, missing].filter((reason) => reason !== null).join('; ') || null, name, body);
}

/**
 * One Chromium for the suite (Playwright launches it on a fresh temporary profile, removed at
 * close); `page()` opens a tab in a new browser context, so each test starts signed out with no
 * cookies or storage of its own, and records the page's errors.
 */
export function useBrowser(): { page(): Promise<WatchedPage> } {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });
  return {
    async page() {
      if (!browser) throw new Error('the browser is not started yet');
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      contexts.push(context);
      return watch(await context.newPage());
    },
  };
}

/**
 * A page with the errors it had: script errors, console errors (a CSP refusal is one) and 5xx
 * answers. A 4xx is an answer the UI handles (401 before sign-in, a refused form), so Chromium's
 * "Failed to load resource" line for it is not counted.
 */
export interface WatchedPage {
  page: Page;
  errors: string[];
}

/** Under the test timeout, so a missing element fails naming its locator rather than as a timeout. */
const ACTION_TIMEOUT_MS = 15_000;

function watch(page: Page): WatchedPage {
  page.setDefaultTimeout(ACTION_TIMEOUT_MS);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 500) errors.push(`${response.status()} from ${response.request().method()} ${response.url()}`);
  });
  return { page, errors };
}

/**
 * Runs axe-core in the page and fails on any serious or critical violation, listing each rule
 * with the elements it found. Injected through the DevTools protocol, which the page's CSP does
 * not govern (a <script> tag would be refused, as it should be).
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await settled(page);
  await page.evaluate(axe.source);
  // A string, evaluated in the page: this project's TypeScript has no DOM types.
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.join(' ') + ' ' + n.html.slice(0, 120) + ' ' + (n.failureSummary ?? '').slice(0, 200)) })))`,
  )) as { id: string; impact: string | null; help: string; targets: string[] }[];
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.impact} ${v.id} (${v.help}): ${v.targets.join(', ')}`), `accessibility of ${what}`).toEqual([]);
}

/** Waits for running CSS transitions and animations (a modal fading in would fail axe's contrast check half-drawn). */
async function settled(page: Page): Promise<void> {
  // allSettled: a transition cut short (its element re-rendered) rejects `finished`.
  await page.evaluate('Promise.allSettled(document.getAnimations().map((animation) => animation.finished)).then(() => undefined)');
}

/** Saves a full-page screenshot as `test-results/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = new URL(`${name}.png`, SCREENSHOT_DIR).pathname;
  await settled(page);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs in through the sign-in page with `apiKey` and waits for the app's frame. */
export async function signIn(page: Page, baseUrl: string, apiKey: string): Promise<void> {
  await page.goto(`${baseUrl}/ui/`);
  await page.getByLabel('API key').fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}
