import type { Command } from 'commander';
import { formatFields, UsageError, withJson, type CliContext, type JsonOption } from './command-context.js';

interface RotateOptions extends JsonOption {
  newKeyEnv?: string;
}

const ROTATE_HELP = `
Runs on the server's machine, not over the API, against the server's store: the PostgreSQL
database of WARDEN_DATABASE_URL when it is set, else the SQLite store in the data directory
(WARDEN_DATA_DIR). The key file is in the data directory either way. Stop the server first
(every process sharing a PostgreSQL store): a running server keeps the old key in memory. On
the embedded store the command refuses while a server holds the data directory.
Back up the store and secret.key together before rotating.

With the key file (<data dir>/secret.key, the default): a new random key is written to
secret.key.next, every connection secret is re-encrypted with it in one transaction, then
secret.key.next replaces secret.key. If the command is interrupted, the server refuses to
start until you run it again, which finishes (or rolls back) the rotation.

With WARDEN_SECRET_KEY: give the new key in another variable, then switch:
  WARDEN_NEW_SECRET_KEY="$(openssl rand -base64 32)" warden secrets rotate --new-key-env WARDEN_NEW_SECRET_KEY
  # then set WARDEN_SECRET_KEY to that new value wherever the server's environment is kept,
  # and start the server. With the old value it refuses to start (SECRET_KEY_MISMATCH).
--new-key-env also moves a key-file installation to WARDEN_SECRET_KEY (secret.key is removed).`;

/** `warden secrets rotate`: re-encrypt every connection secret with a new key. */
export function addSecretsCommands(program: Command, ctx: CliContext): void {
  const secrets = program.command('secrets').description('the key that encrypts connection secrets at rest');
  withJson(
    secrets
      .command('rotate')
      .description('re-encrypt every connection secret with a new key, in one transaction (stop the server first)')
      .option('--new-key-env <variable>', 'take the new key from this environment variable (required when WARDEN_SECRET_KEY is set)')
      .addHelpText('after', ROTATE_HELP),
  ).action(async (options: RotateOptions) => {
    const [{ loadConfig }, { lockDataDir }, { openStore }, { CatalogStore }, { rotateSecretKey }, { systemActor }] = await Promise.all([
      import('../../config.js'),
      import('../../store/data-dir-lock.js'),
      import('../../store/database.js'),
      import('../../store/catalog-store.js'),
      import('../../services/secret-rotation.js'),
      import('../../services/actor.js'),
    ]);
    const config = loadConfig(ctx.io.env);
    let newPassphrase: string | null = null;
    if (options.newKeyEnv !== undefined) {
      newPassphrase = ctx.io.env[options.newKeyEnv] ?? null;
      if (!newPassphrase) throw new UsageError(`--new-key-env: the environment variable ${options.newKeyEnv} is not set`);
      if (newPassphrase === config.secretKey) throw new UsageError(`--new-key-env: ${options.newKeyEnv} holds the current WARDEN_SECRET_KEY; give a new key`);
    } else if (config.secretKey !== null) {
      throw new UsageError('WARDEN_SECRET_KEY is set: put the new key in another variable and name it with --new-key-env (see --help)');
    }
    // The store the server would open: PostgreSQL with WARDEN_DATABASE_URL, else SQLite in the
    // data directory, which a running server holds (STORE_IN_USE): it keeps the old key in memory.
    const lock = config.databaseUrl ? null : lockDataDir(config.dataDir);
    const store = await openStore(config).catch((error: unknown) => {
      lock?.release();
      throw error;
    });
    try {
      const result = await rotateSecretKey(new CatalogStore(store), {
        dataDir: config.dataDir,
        currentPassphrase: config.secretKey,
        newPassphrase,
        actor: systemActor('secrets-rotate'),
      });
      if (options.json) {
        ctx.printJson(result);
        return;
      }
      const fields: [string, string][] = [
        ['store', store.location],
        ['connections', `${result.connections} re-encrypted`],
        ['new key', result.newKey === 'file' ? `in ${config.dataDir}/secret.key` : `the value of ${options.newKeyEnv}`],
      ];
      if (result.resumed) fields.unshift(['interrupted rotation', result.resumed === 'finished' ? 'finished' : 'rolled back, then rotated again']);
      ctx.print(`Rotated the secret key.\n${formatFields(fields)}`);
      if (result.newKey === 'environment') ctx.print(`Now set WARDEN_SECRET_KEY to the value of ${options.newKeyEnv} for the server, then start it.`);
    } finally {
      await store.close();
      lock?.release();
    }
  });
}
