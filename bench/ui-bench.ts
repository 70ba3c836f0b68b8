/**
 * `npm run bench:ui`: the Data objects page with 100,000 children in one schema, in Debian's
 * Chromium (the browser tests' launch flags): time from navigation to the first rows, time to
 * rows after jumping to the middle of the list, and frame times while scrolling the table.
 * Prints the figures; BENCHMARKS.md records them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { BENCH_PASSWORD, databaseName, ensureSource, roleName, type SourceShape } from './bench-sources.js';
import { startBenchServer } from './bench-server.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/helpers/chromium-launch.js';

const log = (line: string) => process.stderr.write(`${line}\n`);
// One schema of 100,000 one-column tables: the children count is what the page is about.
const shape: SourceShape = { name: '100000x1', tables: 100_000, columns: 1, schemas: 1, referenceSeconds: null };
const SCROLL_MS = 3_000;
const KEY = 'UI Bench';

await ensureSource(shape, log);
const server = await startBenchServer();
const profile = mkdtempSync(join(tmpdir(), 'warden-ui-bench-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 } });
try {
  const registered = await server.request('POST', '/data/connection', {
    connectionKey: KEY,
    connection: { technology: 'PostgreSQL', hostname: '127.0.0.1', port: 5432, database: databaseName(shape), authenticationType: 'userPassword', username: roleName(shape), password: BENCH_PASSWORD },
  });
  if (registered.status !== 201) throw new Error(`registration answered ${registered.status}: ${JSON.stringify(registered.body)}`);
  log('first sync of 100,000 tables…');
  await server.waitForJob(registered.body.syncRunId);

  const page = await context.newPage();
  await page.goto(`${server.url}/ui/`);
  await page.getByLabel('API key').fill(server.apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();

  const children = page.getByRole('table', { name: 'Children' });
  const started = performance.now();
  await page.goto(`${server.url}/ui/objects/${[KEY, databaseName(shape), 's1'].map(encodeURIComponent).join('/')}`);
  await children.getByRole('link', { name: 't1', exact: true }).waitFor({ timeout: 120_000 });
  const firstRowsMs = performance.now() - started;
  const domRows = await children.getByRole('row').count();

  // Jump to the middle: only that page is asked for.
  const jumped = performance.now();
  await page.getByTestId('children-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  // Polled from here: waitForFunction evaluates its string in the page, which the UI's CSP refuses.
  const middleLoaded = `(() => { const rows = [...document.querySelectorAll('[data-testid="children-scroll"] tbody tr[aria-rowindex]')]; return rows.length > 0 && rows.every((r) => r.querySelector('a')); })()`;
  while (!(await page.evaluate(middleLoaded))) {
    if (performance.now() - jumped > 60_000) throw new Error('the rows in the middle did not load within 60 s');
    await page.waitForTimeout(5);
  }
  const middleRowsMs = performance.now() - jumped;

  // Scroll continuously for SCROLL_MS, 40 px a frame, and record each frame's duration.
  // A string, evaluated in the page: this project's TypeScript has no DOM types.
  const frames = (await page.evaluate(`new Promise((resolve) => {
    const el = document.querySelector('[data-testid="children-scroll"]');
    el.scrollTop = 0;
    const times = [];
    let last = performance.now();
    const end = last + ${SCROLL_MS};
    const step = (now) => {
      times.push(now - last);
      last = now;
      el.scrollTop += 40;
      if (now < end) requestAnimationFrame(step);
      else resolve(times);
    };
    requestAnimationFrame(step);
  })`)) as number[];
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  console.log(`bench:ui — Data objects page, one schema of ${shape.tables.toLocaleString('en')} children, Chromium ${context.browser()?.version() ?? ''} 1280x800`);
  console.log(`  first rows after navigation: ${firstRowsMs.toFixed(0)} ms (${domRows} table rows in the DOM)`);
  console.log(`  rows after jumping to the middle: ${middleRowsMs.toFixed(0)} ms`);
  console.log(`  scrolling ${SCROLL_MS} ms at 40 px/frame: ${frames.length} frames, p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  await server.stop();
}
