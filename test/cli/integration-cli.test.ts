import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { MariadbTestContext, mariadbServer, type TestUser } from '../helpers/mariadb-server.js';
import { describeIfServer } from '../helpers/server-availability.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += String(chunk);
    done();
  }
}

/** `warden integration add|ls|show|rm` against a real server and a real MariaDB. */
describeIfServer(['MariaDB'], 'warden integration', () => {
  const maria = new MariadbTestContext();
  let server: TestServer;
  let user: TestUser;
  const password = `Pw-${randomBytes(9).toString('hex')}`;
  const cli = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runCli(args, { stdout, stderr, env: { WARDEN_URL: server.url, WARDEN_API_KEY: server.apiKey, ...env } });
    return { code, stdout: stdout.text, stderr: stderr.text };
  };
  const add = (pw: string) =>
    cli(
      ['integration', 'add', '--technology', 'MariaDB', '--hostname', mariadbServer.host, '--port', String(mariadbServer.port), '--username', user.name, '--password-env', 'PW', '--tls-mode', 'disable'],
      { PW: pw },
    );

  beforeAll(async () => {
    server = await startTestServer();
    user = await maria.createUser({ password });
  });
  afterAll(async () => {
    await server?.close();
    await maria.cleanup();
  });

  it('adds, lists, shows and removes an integration; a refused password exits 1 with the reason and no secret', async () => {
    const added = await add(password);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const id = /Integration (\d+) \(MariaDB\) is enabled\./.exec(added.stdout)![1]!;
    expect((await cli(['integration', 'ls'])).stdout).toMatch(new RegExp(`^${id}\\s+MariaDB\\s+enabled\\s+passed$`, 'm'));
    const shown = await cli(['integration', 'show', id]);
    expect(shown.stdout).toMatch(/^password\s+\[REDACTED\]$/m);
    expect(shown.stdout).toMatch(/^Initial Validation: Basic Connection Test\s+passed$/m);

    const refused = await add(`${password}-wrong`);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('createError');
    expect(refused.stdout + refused.stderr).not.toContain(password);

    expect((await cli(['integration', 'rm', id])).code).toBe(2);
    expect(await cli(['integration', 'rm', id, '--yes'])).toMatchObject({ code: 0, stdout: `Removed integration ${id} (MariaDB).\n` });
    expect((await cli(['integration', 'show', id])).stderr).toContain(`No integration with id "${id}"`);
  });
});
