import type { Command } from 'commander';
import type { DataSourceList } from '../../http/schemas/data-source-schemas.js';
import type { Wire } from '../../http/schemas/wire.js';
import { displayName, formatTable, withJson, withPaging, type CliContext, type JsonOption } from './command-context.js';

interface LsOptions extends JsonOption {
  search?: string;
  connection?: string;
  offset?: number;
  size?: number;
}

/** `warden datasource ls`: data sources (enabled leaves) by generated name (GET /dataSource). */
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
}
