import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogStore } from '../../src/store/catalog-store.js';
import { openSqliteStore } from '../../src/store/database.js';

/** A fresh embedded store in its own temporary directory. */
export async function openTempStore(): Promise<{ catalog: CatalogStore; dataDir: string; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-store-'));
  const store = await openSqliteStore(dataDir);
  return {
    catalog: new CatalogStore(store),
    dataDir,
    async close() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
