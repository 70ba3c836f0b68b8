import type { Command } from 'commander';
import { ALL_TECHNOLOGIES } from '../../connectors/technologies.js';
import { prefixOfTechnology } from '../../domain/legacy-handler-prefixes.js';
import type { HandlerView, RegisteredSource } from '../../http/schemas/legacy-handler-schemas.js';
import type { DataSourceList } from '../../http/schemas/data-source-schemas.js';
import type { Wire } from '../../http/schemas/wire.js';
import { addConnectionFlags, connectionFlagsHelp, connectionFromFlags } from '../connection-flags.js';
import { displayName, formatTable, UsageError, withJson, withPaging, type CliContext, type JsonOption } from './command-context.js';

interface RegisterOptions extends JsonOption, Record<string, unknown> {
  technology: string;
  schema?: string;
  table: string[];
  name?: string;
  monitor?: boolean;
}

interface HandlerOptions extends JsonOption {
  technology: string;
  yes?: boolean;
}

interface LsOptions extends JsonOption {
  search?: string;
  connection?: string;
  offset?: number;
  size?: number;
}

/**
 * `warden datasource ls`: data sources (enabled leaves) by generated name (GET /dataSource);
 * `register|rm|enable|disable`: legacy data sources, each table with its own connection details
 * (POST /{prefix}/handler, DELETE /{prefix}/handler/{id}, PUT /data/settings).
 */
export function addDataSourceCommands(program: Command, ctx: CliContext): void {
  const datasource = program.command('datasource').description('data sources: the enabled tables and views');
  withJson(
    withPaging(
      datasource
      .command('ls')
      .description('list data sources, by generated name (GET /dataSource)')
      .option('--search <text>', 'only names containing this text (any case); names are the path joined with "."')
      .option('--connection <key>', 'only data sources of this connection'),
      'data sources',
    ),
  ).action(async (options: LsOptions, command: Command) => {
    const result = await ctx.client(command).get<Wire<typeof DataSourceList>>('/dataSource', {
      query: { searchText: options.search, connectionKey: options.connection, offset: options.offset, size: options.size },
    });
    if (options.json) {
      ctx.printJson(result);
      return;
    }
    if (result.hits.length === 0) {
      ctx.print(result.count > 0 ? `No data sources from offset ${options.offset ?? 0} (${result.count} in all).` : 'No data sources.');
      return;
    }
    const offset = options.offset ?? 0;
    ctx.print(formatTable(['ID', 'NAME', 'KIND'], result.hits.map((hit) => [String(hit.id), displayName(hit.name), hit.kind])));
    ctx.print(`(${offset + 1}-${offset + result.hits.length} of ${result.count}${offset + result.hits.length < result.count ? '; --offset shows more' : ''})`);
  });

  const register = datasource
    .command('register')
    .description('register tables as legacy data sources with their own connection details (POST /{prefix}/handler)')
    .requiredOption('--technology <name>', `the platform: ${LEGACY_TECHNOLOGIES.join(', ')}`)
    .option('--authentication-type <name>', "how Warden signs in (default: the technology's first)")
    .option('--schema <name>', 'the remote schema of the tables (MariaDB/MySQL: none, the database is the schema)')
    .option('--table <name>', 'a table to register (repeat for several)', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--name <name>', 'the data source name (one table only; default: <schema>_<tablename>)')
    .option('--monitor', 'turn schema monitoring on for the schema project of these tables');
  withJson(addConnectionFlags(register, ALL_TECHNOLOGIES).addHelpText('after', `\n${connectionFlagsHelp(ALL_TECHNOLOGIES)}`)).action(
    async (options: RegisterOptions, command: Command) => {
      if (options.table.length === 0) throw new UsageError('name at least one --table');
      if (options.name !== undefined && options.table.length > 1) throw new UsageError('--name names one data source: give one --table with it');
      const { technology, ...connection } = await connectionFromFlags(options, ALL_TECHNOLOGIES, ctx.io);
      const handler = options.table.map((table) => ({ metadata: { ...connection, ...(options.schema !== undefined && { schema: options.schema }), table, ...(options.name !== undefined && { dataSourceName: options.name }) } }));
      const registered = await ctx.client(command).post<Wire<typeof RegisteredSource>[]>(`/${prefixOf(String(technology))}/handler`, {
        body: { handler, ...(options.monitor && { schemaEvolution: { disabled: false } }) },
      });
      if (options.json) ctx.printJson(registered);
      else for (const source of registered) ctx.print(`Registered data source ${source.dataSourceId} "${source.name}" (handler ${source.id}) on ${source.connectionString}.`);
    },
  );

  const handlerCommand = (name: string, description: string) =>
    withJson(
      datasource
        .command(name)
        .description(description)
        .argument('<handlerId>', 'the handler id register printed')
        .requiredOption('--technology <name>', `the platform: ${LEGACY_TECHNOLOGIES.join(', ')}`),
    );

  handlerCommand('rm', 'remove a legacy data source and its handler (DELETE /{prefix}/handler/{id})')
    .option('--yes', 'confirm the removal (required: there is no prompt)')
    .action(async (handlerId: string, options: HandlerOptions, command: Command) => {
      if (!options.yes) throw new UsageError(`not removing handler ${handlerId} without --yes`);
      const removed = await ctx.client(command).delete<Wire<typeof HandlerView>>(`/${prefixOf(options.technology)}/handler/${encodeURIComponent(handlerId)}`);
      if (options.json) ctx.printJson(removed);
      else ctx.print(`Removed data source ${removed.dataSourceId} "${removed.name}" (handler ${removed.id}).`);
    });

  for (const [name, isActive] of [['enable', true], ['disable', false]] as const) {
    handlerCommand(name, `${name} a legacy data source (its table's isActive, PUT /data/settings)`).action(async (handlerId: string, options: HandlerOptions, command: Command) => {
      const client = ctx.client(command);
      const found = await client.get<Wire<typeof HandlerView>>(`/${prefixOf(options.technology)}/handler/${encodeURIComponent(handlerId)}`);
      const changed = await client.put<unknown>('/data/settings', { body: { objectPath: found.objectPath, settings: { isActive } } });
      if (options.json) ctx.printJson(changed);
      else ctx.print(`${isActive ? 'Enabled' : 'Disabled'} data source ${found.dataSourceId} "${found.name}".`);
    });
  }
}

/** The technologies with legacy handler routes in this build. */
const LEGACY_TECHNOLOGIES = ALL_TECHNOLOGIES.map((d) => d.technology).filter((technology) => prefixOfTechnology(technology) !== undefined);

function prefixOf(technology: string): string {
  const prefix = prefixOfTechnology(technology);
  if (prefix === undefined || !LEGACY_TECHNOLOGIES.includes(technology)) throw new UsageError(`--technology must be one of: ${LEGACY_TECHNOLOGIES.join(', ')}`);
  return prefix;
}
