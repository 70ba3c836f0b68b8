import type { Command } from 'commander';
import type { DestinationStream } from 'pino';
import type { RunningServer } from '../../server.js';
import { UI_PREFIX, uiBuilt } from '../../http/ui/ui-files.js';
import { formatFields, integerOption, type CliContext } from './command-context.js';

interface ServeOptions {
  host?: string;
  port?: number;
  role?: string;
}

const SERVE_HELP = `
Configuration comes from WARDEN_* environment variables (WARDEN_DATA_DIR, WARDEN_HOST,
WARDEN_PORT, WARDEN_DEMO, WARDEN_SYNC_SCHEDULE, WARDEN_ADMIN_API_KEY, WARDEN_SECRET_KEY,
WARDEN_LOG_LEVEL, WARDEN_DATABASE_URL, WARDEN_ROLE, …); --host, --port and --role override theirs.
With WARDEN_DATABASE_URL=postgres://… the store is that PostgreSQL database and any number of
processes may share it: --role api serves only the API, --role worker only runs syncs and the
schedule (no API), --role all (the default) both. Without it the store is SQLite in the data
directory, which one process holds (<data dir>/warden.lock): a second server on it is refused,
and a server killed mid-sync fails that sync as abandoned when it starts again. On its first
start the server generates the admin API key and writes it to <data dir>/admin-api-key (mode
0600); other warden commands run from the same directory (or with the same WARDEN_DATA_DIR)
read it there.
Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.`;

/** `warden serve`: the API, the sync worker and the scheduler (or, with `--role`, some of them) until a signal. */
export function addServeCommand(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('run the Warden server (API, sync worker, scheduler) in this process')
    .option('--host <address>', 'address to listen on (default WARDEN_HOST or 127.0.0.1)')
    .option('--port <port>', 'port to listen on, 0 for any free one (default WARDEN_PORT or 8080)', integerOption(0, 65_535))
    .option('--role <role>', 'api, worker or all: what this process runs (default WARDEN_ROLE or all; api and worker need WARDEN_DATABASE_URL)')
    .addHelpText('after', SERVE_HELP)
    .action(async (options: ServeOptions) => {
      // Loaded here, not at the top: the other commands start without the server's weight.
      const [{ loadConfig, serverRole }, { createLogger }, { startServer }, { limitHeapGrowth }] = await Promise.all([
        import('../../config.js'),
        import('../../logger.js'),
        import('../../server.js'),
        import('../../heap-growth.js'),
      ]);
      const config = {
        ...loadConfig(ctx.io.env),
        ...(options.host !== undefined && { host: options.host }),
        ...(options.port !== undefined && { port: options.port }),
        ...(options.role !== undefined && { role: serverRole(options.role, '--role') }),
      };
      // Logs go where the CLI writes (a test's buffer); the real process keeps pino's fast stdout.
      const logger = ctx.io.stdout === process.stdout ? undefined : createLogger(config.logLevel, ctx.io.stdout as unknown as DestinationStream);
      // A process-wide setting: the server's own process only, not the CLI's other commands.
      limitHeapGrowth();
      const server = await startServer(config, logger ? { logger } : {});
      ctx.print(describeServer(server, config.adminApiKey !== null, ctx.io.stdout.isTTY === true));
      await untilStopped(ctx.io.signal);
      ctx.io.stderr.write('Stopping Warden…\n');
      await server.close();
      ctx.print('Warden stopped.');
    });
}

function describeServer(server: RunningServer, keyFromEnv: boolean, tty: boolean): string {
  const { config, catalogStore } = server.container;
  const roleFields: [string, string][] = [
    ['role', config.role],
    ['store', catalogStore.store.location],
  ];
  if (server.url === '') return `Warden is running (sync worker and schedule, no API).\n${indent(formatFields(roleFields))}\nPress Ctrl-C to stop.`;
  const fields: [string, string][] = [
    ...roleFields,
    ['web UI', uiBuilt() ? `${server.url}${UI_PREFIX}/ (sign in with the admin API key below)` : 'not built: run npm run build (or npm start)'],
    ['API', server.url],
    ['API docs', `${server.url}/docs`],
    ['OpenAPI', `${server.url}/openapi.json`],
    ['admin API key', keyFromEnv ? 'set by WARDEN_ADMIN_API_KEY' : `in ${server.adminKeyFile}`],
  ];
  if (server.generatedAdminKey !== null) {
    // The key is shown only to a person at a terminal, never to a log collector or a pipe.
    fields.push(['', tty ? `new key (shown once): ${server.generatedAdminKey}` : 'a new key was generated; read it from that file']);
  }
  if (server.demo) fields.push(['demo warehouse', `PostgreSQL on ${server.demo.host}:${server.demo.port} (connection "Demo Warehouse")`]);
  return `Warden is running.\n${indent(formatFields(fields))}\nPress Ctrl-C to stop.`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/** Resolves on SIGINT, SIGTERM or the abort of `signal`; a second Ctrl-C then kills the process as usual. */
function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop, { once: true });
  });
}
