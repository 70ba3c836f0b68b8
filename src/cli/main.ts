import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { ClientConfigError } from './api-client.js';
import { createContext, UsageError, type CliContext, type CliIo } from './commands/command-context.js';
import { addApiKeyCommands } from './commands/apikey-command.js';
import { addAuditCommand } from './commands/audit-command.js';
import { addConnectionCommands } from './commands/connection-command.js';
import { addDataSourceCommands } from './commands/datasource-command.js';
import { addIntegrationCommands } from './commands/integration-command.js';
import { addUpgradeCommand } from './commands/upgrade-command.js';
import { addJobCommands } from './commands/job-command.js';
import { addObjectCommands } from './commands/object-command.js';
import { addServeCommand } from './commands/serve-command.js';
import { addSecretsCommands } from './commands/secrets-command.js';
import { addSyncCommand } from './commands/sync-command.js';
import { addTagCommands } from './commands/tag-command.js';
import { addUserCommands } from './commands/user-command.js';

export type { CliIo } from './commands/command-context.js';

/** Exit codes: 0 done, 1 the operation failed (API error, failed job, no server), 2 bad usage. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

const GLOBAL_HELP = `
Server and key: --url, else WARDEN_URL, else http://127.0.0.1:$WARDEN_PORT (8080).
The API key: WARDEN_API_KEY, else WARDEN_ADMIN_API_KEY, else the admin key file the server
writes to $WARDEN_DATA_DIR/admin-api-key (./.warden/admin-api-key by default).
Every command but serve takes --json to print the API's JSON answer as it is.
Exit codes: 0 done, 1 failed (API error, failed sync, server unreachable), 2 bad usage.`;

/** The `warden` command tree, writing to `ctx.io` and never exiting the process. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('warden')
    .description('Warden: connections, object sync and data sources from the command line')
    .version(packageVersion(), '-V, --version')
    .option('--url <url>', 'base URL of the Warden API (default: WARDEN_URL or http://127.0.0.1:8080)')
    .option('--api-key <key>', 'API key (visible to other users in "ps": prefer WARDEN_API_KEY)')
    .showHelpAfterError('(add --help for usage)')
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({
      writeOut: (text) => ctx.io.stdout.write(text),
      writeErr: (text) => ctx.io.stderr.write(text),
    })
    // Commander throws instead of exiting; runCli turns that into exit code 2 (or 0 for --help).
    .exitOverride()
    .addHelpText('after', GLOBAL_HELP);
  addServeCommand(program, ctx);
  addConnectionCommands(program, ctx);
  addIntegrationCommands(program, ctx);
  addUpgradeCommand(program, ctx);
  addSyncCommand(program, ctx);
  addObjectCommands(program, ctx);
  addDataSourceCommands(program, ctx);
  addTagCommands(program, ctx);
  addJobCommands(program, ctx);
  addUserCommands(program, ctx);
  addApiKeyCommands(program, ctx);
  addAuditCommand(program, ctx);
  addSecretsCommands(program, ctx);
  return program;
}

/**
 * Runs the CLI on `argv` (without the node and script arguments) and returns the exit code.
 * Never calls `process.exit`, so tests run it in-process with their own streams.
 */
export async function runCli(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const ctx = createContext(io);
  try {
    await buildProgram(ctx).parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    return report(error, io);
  } finally {
    ctx.close();
  }
}

/** Prints what went wrong (no stack trace) and picks the exit code. */
function report(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Commander has printed its message (or the help) already.
    return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`error: ${message}\n`);
  if (error instanceof UsageError || (error instanceof ClientConfigError && error.usage)) {
    io.stderr.write('(add --help for usage)\n');
    return EXIT_USAGE;
  }
  // ApiError, ServerUnreachableError, CliFailure, a missing key, a server that fails to start.
  return EXIT_FAILURE;
}

function packageVersion(): string {
  try {
    // src/cli/main.ts and dist/cli/main.js both sit two levels below the package root.
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Runs the CLI as the process: real streams, then exits with its code once stdout is flushed. */
export async function main(): Promise<never> {
  // `warden datasource ls | head` closes the pipe early: stop quietly, as other CLIs do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT_OK);
    throw error;
  });
  const code = await runCli(process.argv.slice(2));
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(code);
}

/** True when this file is the script node was started with (not when the bin shim imports it). */
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) await main();
