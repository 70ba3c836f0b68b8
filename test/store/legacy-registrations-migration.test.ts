import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { CatalogStore } from '../../src/store/catalog-store.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { openOlderStore } from '../helpers/older-store.js';
import { describeEachStore } from '../helpers/store-kinds.js';

const BEFORE = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '011'));

/** Migration 011-legacy-registrations: existing connections are the users'; hidden connections and schema projects are new. */
describeEachStore('migration 011-legacy-registrations on an existing store', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('keeps every existing connection listed, and keys hidden connections and schema projects uniquely', async () => {
    const older = await openOlderStore(kind, BEFORE);
    cleanups.push(() => older.cleanup());
    await sql`insert into connections (connection_key, technology, details_json, created_at, updated_at) values ('Old', 'PostgreSQL', '{}', '2024-01-01', '2024-01-01')`.execute(older.db);
    const store = await older.open();
    try {
      const catalog = new CatalogStore(store);
      expect((await catalog.connections.list()).map((c) => [c.connectionKey, c.legacyConnectionString])).toEqual([['Old', null]]);
      const hidden = await catalog.connections.insert({ connectionKey: 'legacy:PostgreSQL:u@h:5432/d', technology: 'PostgreSQL', details: {}, secretsCiphertext: null, createdBy: null, legacyConnectionString: 'u@h:5432/d' }, '2024-01-02');
      expect((await catalog.connections.list()).map((c) => c.connectionKey)).toEqual(['Old']);
      expect(await catalog.connections.findHidden('PostgreSQL', 'u@h:5432/d')).toMatchObject({ id: hidden.id });
      await expect(
        catalog.connections.insert({ connectionKey: 'legacy:other', technology: 'PostgreSQL', details: {}, secretsCiphertext: null, createdBy: null, legacyConnectionString: 'u@h:5432/d' }, '2024-01-02'),
      ).rejects.toThrow();
      const project = { name: 'public', connectionId: hidden.id, remoteDatabase: 'd', remoteSchema: 'public', monitoring: true, nameTemplate: { nameFormat: '<tablename>', tableFormat: '<tablename>', sqlSchemaNameFormat: '<schema>', schemaProjectNameFormat: '<schema>' }, detectionOwner: null };
      expect(await catalog.schemaProjects.insert(project, '2024-01-02')).toMatchObject({ name: 'public', monitoring: true });
      await expect(catalog.schemaProjects.insert({ ...project, name: 'other' }, '2024-01-02')).rejects.toThrow();
      // The handler's secrets live on the hidden connection now.
      const columns = await store.db.introspection.getTables();
      expect(columns.find((t) => t.name === 'legacy_handlers')!.columns.map((c) => c.name)).not.toContain('secrets_ciphertext');
      // The hidden connection goes with its schema projects.
      await catalog.connections.delete(hidden.id);
      expect(await catalog.schemaProjects.list()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
