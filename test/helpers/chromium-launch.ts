/** How Chromium is launched, without vitest: the browser tests and `npm run bench:ui` share it. */

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it when missing). */
export const CHROMIUM = process.env.WARDEN_TEST_CHROMIUM ?? '/usr/bin/chromium';

/** What the browser tests launch Chromium with: no GPU, no sandbox (containers), nothing fetched in the background. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
