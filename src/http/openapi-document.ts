import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { createContainer } from '../container.js';
import { createLogger } from '../logger.js';
import { buildApp } from './app.js';

/**
 * The OpenAPI document exactly as the server serves it, built from the route schemas on a
 * throwaway store. `openapi/openapi.json` is this, committed; a test fails when it is stale.
 */
export async function generateOpenApiDocument(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-openapi-'));
  const container = await createContainer({ ...loadConfig({}), dataDir, demo: false }, { logger: createLogger('silent') });
  try {
    const app = await buildApp(container);
    await app.ready();
    const document = `${JSON.stringify(app.swagger(), null, 2)}\n`;
    await app.close();
    return document;
  } finally {
    await container.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
