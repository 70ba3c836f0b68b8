import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachStore } from '../helpers/store-kinds.js';
import { grantCrawlAccess, registerTestConnection, sqlIn } from '../helpers/catalog-fixtures.js';
import { adminQuery, adminServer, PostgresTestContext, quoteIdent, type TestDatabase, type TestRole } from '../helpers/postgres-server.js';
import { syncThroughApi, urlPath, useServerWithPostgres, type TestServer } from '../helpers/test-server.js';

/**
 * Identity follows the platform's OIDs, not names (SPEC 1.2, 1.4): on a small Chinook schema,
 * swaps, rename + re-create, moves between schemas and schema and database renames keep each
 * object's settings, owners, data source id and history, end to end through the API.
 */
describeEachStore('object identity against PostgreSQL', (kind) => {
  const suite = useServerWithPostgres(() => new PostgresTestContext(), kind);
  const pg = suite.pg;
  let server: TestServer;
  let db: TestDatabase;
  let role: TestRole;
  /** Object ids by table name, from the registration run's `added` changes: the history's key. */
  let addedIds: Map<string, number>;
  const key = 'Identity';
  const owner = (name: string) => [{ type: 'user', name }];

  const sync = (...path: string[]) => syncThroughApi(server, ...path);
  const object = async (...path: string[]) => (await server.request('GET', `/data/object/${urlPath(key, db.name, ...path)}`)).body;
  const govern = async (path: string[], settings: Record<string, unknown>) => {
    const response = await server.request('PUT', `/data/settings/${urlPath(key, db.name, ...path)}`, { settings });
    expect(response.status).toBe(200);
    return response.body;
  };
  /** What must survive: the platform id, the overrides, the data source id and the row's creation. */
  const identity = (view: any) => ({ stableId: view.stableId, overrides: view.overrides, dataSourceId: view.dataSourceId, createdAt: view.createdAt });

  beforeAll(async () => {
    server = suite.server();
    const sql = `
      CREATE SCHEMA chinook; CREATE SCHEMA vault;
      CREATE TABLE chinook.artist (artist_id int PRIMARY KEY, name text);
      CREATE TABLE chinook.genre (genre_id int PRIMARY KEY, name text);
      CREATE TABLE chinook.album (album_id int PRIMARY KEY, title text, artist_id int);
      CREATE TABLE chinook.track (track_id int PRIMARY KEY, name text, album_id int, genre_id int)`;
    let firstSync: any;
    ({ db, role, firstSync } = await registerTestConnection(server, pg, { connectionKey: key, sql, settings: { isActive: true } }));
    const added = await server.request('GET', `/data/sync-runs/${firstSync.id}/changes?change=added&size=100`);
    addedIds = new Map(added.body.hits.map((c: any) => [c.objectPath.at(-1), c.objectId]));
    await govern(['chinook', 'artist'], { dataOwners: owner('artist-owner') });
    await govern(['chinook', 'genre'], { dataOwners: owner('genre-owner') });
    await govern(['chinook', 'album'], { dataOwners: owner('album-owner') });
    await govern(['chinook', 'track'], { dataOwners: owner('track-owner') });
  });

  it('keeps settings with the OIDs when two tables swap names in one transaction', async () => {
    const artist = identity(await object('chinook', 'artist'));
    const genre = identity(await object('chinook', 'genre'));
    await sqlIn(db, 'BEGIN; ALTER TABLE chinook.artist RENAME TO swap; ALTER TABLE chinook.genre RENAME TO artist; ALTER TABLE chinook.swap RENAME TO genre; COMMIT');
    const { job, changes } = await sync(key, db.name);
    expect(job).toMatchObject({ state: 'completed', errors: [] });
    expect(job.counts).toMatchObject({ renamed: 2, added: 0, removed: 0, changed: 0 });
    expect(changes.map((c: any) => [c.change, c.details.from, c.details.to, c.objectId]).sort()).toEqual([
      ['renamed', 'artist', 'genre', addedIds.get('artist')],
      ['renamed', 'genre', 'artist', addedIds.get('genre')],
    ]);
    expect(identity(await object('chinook', 'genre'))).toEqual(artist);
    expect(identity(await object('chinook', 'artist'))).toEqual(genre);
  });

  it('keeps a renamed table and adds the one re-created under its old name', async () => {
    const album = identity(await object('chinook', 'album'));
    await sqlIn(db, 'ALTER TABLE chinook.album RENAME TO album_2025; CREATE TABLE chinook.album (album_id int, title text, artist_id int, year int)');
    const { job, changes } = await sync(key, db.name);
    expect(job.counts).toMatchObject({ renamed: 1, added: 1, removed: 0 });
    expect(changes.map((c) => [c.change, c.objectPath.at(-1)]).sort()).toEqual([
      ['added', 'album'],
      ['renamed', 'album_2025'],
    ]);
    expect(identity(await object('chinook', 'album_2025'))).toEqual(album);
    const fresh = await object('chinook', 'album');
    expect(fresh.stableId).not.toBe(album.stableId);
    // A new object: the status activateNewChildren gives (false), none of the original's owners.
    expect(fresh).toMatchObject({ state: 'inactive', overrides: { isActive: false } });
    expect(fresh.dataSourceId).toBeUndefined();
  });

  it('keeps governance through a drop and re-create under the same name, as dbt and ETL jobs do', async () => {
    const genre = await object('chinook', 'genre');
    await sqlIn(db, 'DROP TABLE chinook.genre; CREATE TABLE chinook.genre (artist_id int PRIMARY KEY, name text, rebuilt_at timestamptz)');
    const { job, changes } = await sync(key, db.name);
    expect(job.counts).toMatchObject({ changed: 1, added: 0, removed: 0, renamed: 0 });
    const rebuilt = await object('chinook', 'genre');
    expect(changes).toEqual([
      expect.objectContaining({ change: 'changed', objectPath: [key, db.name, 'chinook', 'genre'], details: expect.objectContaining({ stableId: { from: genre.stableId, to: rebuilt.stableId } }) }),
    ]);
    expect(rebuilt.stableId).not.toBe(genre.stableId);
    expect({ ...identity(rebuilt), stableId: genre.stableId }).toEqual(identity(genre));
  });

  it('moves a table to another schema (same OID) with its settings and history, not removed and added', async () => {
    const track = await object('chinook', 'track');
    // "chinook" sorts before "vault": the old schema is listed, and the table marked removed, first.
    await sqlIn(db, 'ALTER TABLE chinook.track SET SCHEMA vault');
    const { job, changes } = await sync(key, db.name);
    expect(job.counts).toMatchObject({ moved: 1, removed: 0, added: 0 });
    expect(changes).toEqual([
      expect.objectContaining({
        change: 'moved',
        objectId: addedIds.get('track'),
        objectPath: [key, db.name, 'vault', 'track'],
        details: expect.objectContaining({ from: [key, db.name, 'chinook', 'track'], to: [key, db.name, 'vault', 'track'] }),
      }),
    ]);
    const moved = await object('vault', 'track');
    expect(identity(moved)).toEqual(identity(track));
    expect(moved).toMatchObject({ removed: false, state: 'active' });
    expect((await server.request('GET', `/data/object/${urlPath(key, db.name, 'chinook', 'track')}`)).status).toBe(404);
    const history = await server.request('GET', `/data/sync-runs/${job.id}/changes?change=removed`);
    expect(history.body.count).toBe(0);
  });

  it('renames a schema in place, its tables staying with it', async () => {
    const schema = identity(await object('vault'));
    const track = identity(await object('vault', 'track'));
    await sqlIn(db, 'ALTER SCHEMA vault RENAME TO attic');
    const { job, changes } = await sync(key, db.name);
    expect(job.counts).toMatchObject({ renamed: 1, added: 0, removed: 0 });
    expect(changes).toEqual([expect.objectContaining({ change: 'renamed', objectPath: [key, db.name, 'attic'], details: { from: 'vault', to: 'attic' } })]);
    expect(identity(await object('attic'))).toEqual(schema);
    expect(identity(await object('attic', 'track'))).toEqual(track);
  });

  describe('a database rename', () => {
    let other: TestDatabase;
    let renamed: string;

    beforeAll(async () => {
      other = await pg.createDatabase({ label: 'music' });
      await sqlIn(other, 'CREATE SCHEMA music; CREATE TABLE music.playlist (playlist_id int, name text)');
      await adminQuery(adminServer.database, `GRANT CONNECT ON DATABASE ${quoteIdent(other.name)} TO ${quoteIdent(role.name)}`);
      await grantCrawlAccess(other.name, role);
      await sync(key);
      renamed = `${other.name}_renamed`;
    });
    afterAll(async () => {
      await adminQuery(adminServer.database, `DROP DATABASE IF EXISTS ${quoteIdent(renamed)} WITH (FORCE)`);
    });

    it('keeps the database and everything below it on its OID', async () => {
      const at = (...path: string[]) => server.request('GET', `/data/object/${urlPath(key, ...path)}`);
      await server.request('PUT', `/data/settings/${urlPath(key, other.name)}`, { settings: { dataOwners: owner('music-owner') } });
      const database = identity((await at(other.name)).body);
      const playlist = identity((await at(other.name, 'music', 'playlist')).body);
      // Nobody may be connected to a database being renamed.
      await adminQuery(adminServer.database, 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [other.name]);
      await adminQuery(adminServer.database, `ALTER DATABASE ${quoteIdent(other.name)} RENAME TO ${quoteIdent(renamed)}`);
      const { job, changes } = await sync(key, other.name);
      expect(job).toMatchObject({ state: 'completed', errors: [] });
      expect(changes).toEqual([expect.objectContaining({ change: 'renamed', objectPath: [key, renamed], details: { from: other.name, to: renamed } })]);
      expect(identity((await at(renamed)).body)).toEqual(database);
      expect(identity((await at(renamed, 'music', 'playlist')).body)).toEqual(playlist);
      expect((await at(other.name)).status).toBe(404);
    });
  });
});
