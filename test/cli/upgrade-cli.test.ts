import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { legacyMariadbSetup } from '../helpers/legacy-fixtures.js';
import { integrationOf } from '../helpers/legacy-upgrade-fixtures.js';
import { MariadbTestContext } from '../helpers/mariadb-server.js';
import { describeIfServer } from '../helpers/server-availability.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += String(chunk);
    done();
  }
}

/** `warden upgrade <integration> --connection-key K [--dry-run]` against a real server and a real MariaDB. */
describeIfServer(['MariaDB'], 'warden upgrade', () => {
  const maria = new MariadbTestContext();
  let server: TestServer;
  const cli = async (args: string[]) => {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runCli(args, { stdout, stderr, env: { WARDEN_URL: server.url, WARDEN_API_KEY: server.apiKey } });
    return { code, stdout: stdout.text, stderr: stderr.text };
  };

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
    await maria.cleanup();
  });

  it('shows the plan with --dry-run, then upgrades and says how many data sources moved', { timeout: 60_000 }, async () => {
    const setup = await legacyMariadbSetup(server, maria, { schemas: { any: ['t1', 't2'] }, name: (_s, t) => `cli ${t}` });
    const id = String(await integrationOf(server, 'MariaDB', setup.metadata(setup.database, 't1')));
    const plan = await cli(['upgrade', id, '--connection-key', 'CLI Upgrade', '--dry-run']);
    expect(plan, plan.stderr).toMatchObject({ code: 0 });
    expect(plan.stdout).toContain('nothing was changed');
    expect(plan.stdout).toMatch(new RegExp(`cli t1\\s+CLI Upgrade\\.${setup.database}\\.t1\\s+enabled\\s+upgraded`));
    const done = await cli(['upgrade', id, '--connection-key', 'CLI Upgrade']);
    expect(done, done.stderr).toMatchObject({ code: 0 });
    expect(done.stdout).toContain(`Upgrade of integration ${id} to connection CLI Upgrade: complete, 2 of 2 data sources upgraded.`);
    // Another key for the same integration: refused with what to use.
    const other = await cli(['upgrade', id, '--connection-key', 'Other']);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('continues under connectionKey "CLI Upgrade"');
  });
});
