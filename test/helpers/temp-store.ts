import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogStore } from '../../src/store/catalog-store.js';
import { openStoreOfKind, type StoreKind } from './store-kinds.js';

/** A fresh store of `kind` (embedded SQLite by default) in its own temporary directory or database. */
export async function openTempStore(kind: StoreKind = 'sqlite'): Promise<{ catalog: CatalogStore; dataDir: string; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-store-'));
  const { store, cleanup } = await openStoreOfKind(kind, dataDir);
  return {
    catalog: new CatalogStore(store),
    dataDir,
    async close() {
      await cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
