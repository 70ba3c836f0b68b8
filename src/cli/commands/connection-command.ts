import type { Command } from 'commander';
import { ALL_TECHNOLOGIES } from '../../connectors/technologies.js';
import type { ConnectionView as ConnectionSchema, RegisterResponse } from '../../http/schemas/connection-schemas.js';
import type { DeleteResponse } from '../../http/schemas/object-schemas.js';
import type { Wire } from '../../http/schemas/wire.js';
import {
  CliFailure,
  formatFields,
  formatTable,
  integerOption,
  UsageError,
  withJson,
  type CliContext,
  type CliIo,
  type JsonOption,
} from './command-context.js';
import { addConnectionFlags, connectionFlagsHelp, connectionFromFlags } from '../connection-flags.js';
import { waitForJob } from './job-command.js';

type ConnectionView = Wire<typeof ConnectionSchema>;

interface AddOptions extends JsonOption, Record<string, unknown> {
  technology: string;
  enable?: boolean;
  activateNewChildren?: boolean;
  dryRun?: boolean;
  wait?: boolean;
}

/** Detail keys whose values are secrets: never shown, whatever the server sent. */
const SECRET_DETAIL = /password|secret|token|private/i;

const ADD_HELP = `
Secrets never go on the command line (other users could read them in "ps"):
  WARDEN_PG_PASSWORD=... warden connection add "My Conn" --technology PostgreSQL \\
    --hostname db.example.com --port 5432 --username warden_sync --password-env WARDEN_PG_PASSWORD
  printf %s "$PW" | warden connection add ... --password-stdin
The credentials are checked against the platform first; nothing is stored if they fail.`;

/** `warden connection add|list|show|test|remove`. */
export function addConnectionCommands(program: Command, ctx: CliContext): void {
  const connection = program.command('connection').description('connections: one per platform account (register, inspect, test, remove)');

  const add = connection
    .command('add')
    .description('register a connection: check the credentials, store it, start its first sync (POST /data/connection)')
    .argument('<key>', 'the connection key: letters, digits, space, "-" and "_" (the first name of every object path)')
    .requiredOption('--technology <name>', `the platform: ${ALL_TECHNOLOGIES.map((d) => d.technology).join(', ')}`)
    .option('--authentication-type <name>', "how Warden signs in (default: the technology's first, see below)");
  withJson(
    addConnectionFlags(add, ALL_TECHNOLOGIES)
      .option('--enable', 'enable the connection at once (by default everything arrives disabled)')
      .option('--activate-new-children', 'objects found by later syncs arrive enabled')
      .option('--dry-run', 'only check the details and credentials; store nothing')
      .option('--wait', 'wait for the first sync to end and show its summary; exit 1 unless it completed')
      .addHelpText('after', `${ADD_HELP}\n${connectionFlagsHelp(ALL_TECHNOLOGIES)}`),
  ).action(async (key: string, options: AddOptions, command: Command) => {
    const body = {
      connectionKey: key,
      connection: await connectionFromFlags(options, ALL_TECHNOLOGIES, ctx.io),
      settings: { isActive: options.enable === true, activateNewChildren: options.activateNewChildren === true },
    };
    const client = ctx.client(command);
    if (options.dryRun) {
      const result = await client.post<unknown>('/data/connection', { body, query: { dryRun: true } });
      if (options.json) ctx.printJson(result);
      else ctx.print(`The details and credentials of "${key}" are valid (dry run: nothing was stored).`);
      return;
    }
    const result = await client.post<Wire<typeof RegisterResponse>>('/data/connection', { body });
    if (options.wait) {
      if (!options.json) ctx.print(`Registered connection "${key}" (${result.connection.technology}); first sync ${result.syncRunId} queued`);
      await waitForJob(ctx, client, result.syncRunId, { json: options.json === true, jsonOutput: (job) => ({ ...result, job }) });
      return;
    }
    if (options.json) {
      ctx.printJson(result);
      return;
    }
    ctx.print(`Registered connection "${key}" (${result.connection.technology}, ${result.connection.state}); first sync ${result.syncRunId} queued`);
    ctx.print(`Follow it with: warden job show ${result.syncRunId}`);
  });

  withJson(connection.command('list').description('list the connections (GET /data/connection)')).action(
    async (options: JsonOption, command: Command) => {
      const connections = await ctx.client(command).get<ConnectionView[]>('/data/connection');
      if (options.json) ctx.printJson(connections);
      else if (connections.length === 0) ctx.print('No connections. Add one with: warden connection add --help');
      else {
        ctx.print(
          formatTable(
            ['KEY', 'TECHNOLOGY', 'STATE', 'HOST', 'LAST SYNC'],
            connections.map((c) => [c.connectionKey, c.technology, c.state, hostOf(c), lastSyncOf(c)]),
          ),
        );
      }
    },
  );

  withJson(
    connection.command('show').description('show a connection, secrets redacted (GET /data/connection/:key)').argument('<key>', 'the connection key'),
  ).action(async (key: string, options: JsonOption, command: Command) => {
    const found = await ctx.client(command).get<ConnectionView>(`/data/connection/${encodeURIComponent(key)}`);
    if (options.json) ctx.printJson(found);
    else ctx.print(formatConnection(found));
  });

  withJson(
    connection
      .command('test')
      .description('check the stored credentials against the platform now (POST /data/connection/:key/test)')
      .argument('<key>', 'the connection key'),
  ).action(async (key: string, options: JsonOption, command: Command) => {
    const tested = await ctx.client(command).post<ConnectionView>(`/data/connection/${encodeURIComponent(key)}/test`);
    if (options.json) ctx.printJson(tested);
    else ctx.print(`Connection "${tested.connectionKey}" is ${tested.health?.status ?? 'unchecked'}${tested.health ? ` (checked at ${tested.health.checkedAt})` : ''}.`);
    if (tested.health?.status === 'unhealthy') throw new CliFailure(tested.health.message ?? `Connection "${key}" is unhealthy`);
  });

  withJson(
    connection
      .command('remove')
      .description('delete a connection with all its objects, settings and history (DELETE /data/object)')
      .argument('<key>', 'the connection key')
      .option('--yes', 'confirm the deletion (required: there is no prompt)'),
  ).action(async (key: string, options: JsonOption & { yes?: boolean }, command: Command) => {
    if (!options.yes) {
      throw new UsageError(`not deleting connection "${key}" and every object below it without --yes`);
    }
    const deleted = await ctx.client(command).delete<Wire<typeof DeleteResponse>>('/data/object', { body: { objectPath: [key] } });
    if (options.json) ctx.printJson(deleted);
    else ctx.print(`Deleted connection "${key}" and the ${deleted.childCount} objects below it.`);
  });
}

function hostOf(connection: ConnectionView): string {
  // The schema leaves the details open (they differ per technology); read the two every technology has.
  const { hostname, port } = connection.connection as { hostname?: unknown; port?: unknown };
  return typeof hostname === 'string' ? `${hostname}:${String(port)}` : '-';
}

function lastSyncOf(connection: ConnectionView): string {
  const run = connection.lastSyncRun;
  return run ? `${run.state} ${run.finishedAt ?? run.createdAt}` : '-';
}

function formatConnection(found: ConnectionView): string {
  const details = Object.entries(found.connection).map(([name, value]): [string, string] => [
    name,
    SECRET_DETAIL.test(name) ? '[REDACTED]' : formatDetail(value),
  ]);
  const fields: [string, string][] = [
    ['key', found.connectionKey],
    ['technology', found.technology],
    ['state', found.state],
    ...details.filter(([name]) => name !== 'technology'),
    ['levels', found.levels.join(' > ')],
    ['health', found.health ? `${found.health.status} at ${found.health.checkedAt}${found.health.message ? `: ${found.health.message}` : ''}` : '-'],
    ['created', `${found.createdAt}${found.createdBy ? ` by ${found.createdBy}` : ''}`],
    ['first sync', found.firstSyncCompletedAt ?? 'not completed yet'],
    ['last sync', found.lastSyncRun ? `${found.lastSyncRun.id} ${found.lastSyncRun.state} ${found.lastSyncRun.finishedAt ?? ''}`.trimEnd() : '-'],
  ];
  return formatFields(fields);
}

function formatDetail(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'mode' in value) {
    return `${String(value.mode)}${'ca' in value && value.ca ? ' (with a CA bundle)' : ''}`;
  }
  return JSON.stringify(value);
}
