import { Command } from 'commander';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPABILITIES } from '../connectors/connector.js';
import type { TechnologyDescriptor } from '../connectors/technology.js';
import { addConnectionFlags, connectionFromFlags } from './connection-flags.js';

/** A technology shaped like Databricks: a nested OAuth client whose secret is a field of it. */
const databricks: TechnologyDescriptor = {
  technology: 'Databricks',
  levels: ['catalog', 'schema', 'table'],
  capabilities: DEFAULT_CAPABILITIES,
  connectionFields: { hostname: Type.String(), port: Type.Integer({ minimum: 1, maximum: 65_535 }), httpPath: Type.String() },
  credentialRoute: ['hostname', 'port', 'httpPath'],
  authenticationTypes: [
    {
      name: 'oAuthM2M',
      description: 'a service principal',
      fields: { oAuthClientConfig: Type.Object({ clientId: Type.String(), clientSecret: Type.String() }) },
      secretFields: ['oAuthClientConfig.clientSecret'],
    },
  ],
  defaultPort: 443,
  defaultTimeouts: { connectMs: 1, statementMs: 1 },
  loadConnector: () => Promise.reject(new Error('not loaded here')),
};

async function parse(argv: string[], env: Record<string, string> = {}) {
  const command = addConnectionFlags(new Command().exitOverride().configureOutput({ writeErr: () => {} }).requiredOption('--technology <name>').option('--authentication-type <name>'), [databricks]);
  command.parse(argv, { from: 'user' });
  return connectionFromFlags(command.opts(), [databricks], { env } as never);
}

describe('connection flags', () => {
  it('are derived from the descriptor at any depth, with secrets from the environment and defaults filled in', async () => {
    const connection = await parse(
      ['--technology', 'Databricks', '--hostname', 'h', '--http-path', '/sql', '--o-auth-client-config-client-id', 'id', '--o-auth-client-config-client-secret-env', 'S'],
      { S: 'secret' },
    );
    expect(connection).toEqual({
      technology: 'Databricks',
      authenticationType: 'oAuthM2M',
      hostname: 'h',
      port: 443,
      httpPath: '/sql',
      oAuthClientConfig: { clientId: 'id', clientSecret: 'secret' },
    });
  });

  it('set a connection-wide boolean only when given, on or off (--tag-new-columns, --no-tag-new-columns)', async () => {
    const base = ['--technology', 'Databricks', '--hostname', 'h', '--http-path', '/sql'];
    expect(await parse(base)).not.toHaveProperty('tagNewColumns');
    expect(await parse([...base, '--no-tag-new-columns'])).toMatchObject({ tagNewColumns: false });
    expect(await parse([...base, '--tag-new-columns'])).toMatchObject({ tagNewColumns: true });
  });

  it('never take a secret as a plain flag', async () => {
    await expect(parse(['--technology', 'Databricks', '--o-auth-client-config-client-secret', 'x'])).rejects.toThrow(/unknown option/);
  });
});
