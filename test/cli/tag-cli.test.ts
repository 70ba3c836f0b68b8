import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { registerTestConnection } from '../helpers/catalog-fixtures.js';
import { PostgresTestContext } from '../helpers/postgres-server.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { urlPath, useServerWithPostgres } from '../helpers/test-server.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += String(chunk);
    done();
  }
}

/** `warden tag ls|add|rm` against a real server and a real PostgreSQL source, on both stores. */
describeEachStore(
  'warden tag',
  (kind) => {
    const { server, pg } = useServerWithPostgres(() => new PostgresTestContext(), kind);
    const cli = async (args: string[]) => {
      const stdout = new Capture();
      const stderr = new Capture();
      const code = await runCli(args, { stdout, stderr, env: { WARDEN_URL: server().url, WARDEN_API_KEY: server().apiKey } });
      return { code, stdout: stdout.text, stderr: stderr.text };
    };

    it('adds, lists and removes tags on a table and a column, any name given exactly', async () => {
      const { db } = await registerTestConnection(server(), pg, {
        connectionKey: 'Tag CLI',
        sql: 'CREATE SCHEMA "dots.and/slashes"; CREATE TABLE "dots.and/slashes"."a ""quoted"" table" (id int, "E-mail" text);',
      });
      const table = ['Tag CLI', db.name, 'dots.and/slashes', 'a "quoted" table'];
      expect(await cli(['tag', 'ls', '--', ...table])).toEqual({ code: 0, stdout: 'No tags.\n', stderr: '' });

      const added = await cli(['tag', 'add', '--tag', 'Cost Centre', '--value', 'cc-1', '--', ...table]);
      expect(added).toMatchObject({ code: 0, stderr: '' });
      expect(added.stdout).toContain('Tagged "Tag CLI" / ');
      expect(added.stdout).toMatch(/^-\s+Cost Centre\s+cc-1\s+user\s+user:admin$/m);
      const column = await cli(['tag', 'add', '--tag', 'PII.Email', '--column', 'E-mail', '--url-path', urlPath(...table)]);
      expect(column.stdout).toMatch(/^E-mail\s+PII\.Email\s+user\s+user:admin$/m);
      expect(column.stdout).not.toContain('Cost Centre');

      const listed = await cli(['tag', 'ls', '--', ...table]);
      expect(listed.stdout.split('\n').slice(1, 3).map((line) => line.split(/\s{2,}/).slice(0, 2))).toEqual([
        ['-', 'Cost Centre'],
        ['E-mail', 'PII.Email'],
      ]);
      const json = JSON.parse((await cli(['tag', 'ls', '--json', '--', ...table])).stdout);
      expect(json).toMatchObject({ objectPath: table, tags: [{ name: 'Cost Centre', value: 'cc-1', source: 'user' }] });
      expect((await cli(['object', 'show', '--', ...table])).stdout).toMatch(/tags\s+Cost Centre \(user\)/);

      const removed = await cli(['tag', 'rm', '--tag', 'PII.Email', '--column', 'E-mail', '--', ...table]);
      expect(removed).toMatchObject({ code: 0, stderr: '' });
      expect(removed.stdout).toBe(`Removed PII.Email from column E-mail of "Tag CLI" / ${JSON.stringify(db.name)} / "dots.and/slashes" / "a \\"quoted\\" table".\nNo tags.\n`);

      const bad = await cli(['tag', 'add', '--tag', 'PII..Email', '--', ...table]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('body.tags.0.name');
      const missing = await cli(['tag', 'rm', '--tag', 'Absent', '--', ...table]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('No user tag "Absent"');
      expect((await cli(['tag', 'add', '--', ...table])).code).toBe(2);
    });
  },
  { needs: ['PostgreSQL'] },
);
