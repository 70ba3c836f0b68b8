import type { Command } from 'commander';
import type { AuditEntryView, AuditResponse } from '../../http/schemas/access-schemas.js';
import type { Wire } from '../../http/schemas/wire.js';
import { OBJECT_PATH_HELP, parseObjectPathArg, toUrlPath } from '../object-path-arg.js';
import { displayPath, formatTable, UsageError, withJson, withPaging, type CliContext, type JsonOption } from './command-context.js';

interface AuditOptions extends JsonOption {
  urlPath?: string;
  actor?: string;
  action?: string;
  since?: string;
  until?: string;
  offset?: number;
  size?: number;
}

/** `warden audit [path…]`: the audit log, newest first (GET /audit; GOVERNANCE or APPLICATION_ADMIN). */
export function addAuditCommand(program: Command, ctx: CliContext): void {
  withJson(
    withPaging(
      program
        .command('audit')
      .description('the audit log, newest first: who changed what, when, before and after (GET /audit)')
      .argument('[names...]', 'only changes to this object and everything below it')
      .option('--url-path <path>', 'the object path in URL form (instead of separate names)')
      .option('--actor <actor>', 'only changes by this actor, e.g. user:alice, system:sync, anonymous')
      .option('--action <action>', 'only this action, e.g. object.settings, connection.registered, auth.failed')
      .option('--since <instant>', 'at or after this ISO-8601 instant')
      .option('--until <instant>', 'before this ISO-8601 instant'),
      'entries',
    ).addHelpText('after', OBJECT_PATH_HELP),
  ).action(async (names: string[], options: AuditOptions, command: Command) => {
    const path = parseObjectPathArg({ segments: names, urlPath: options.urlPath }, { required: false });
    for (const [flag, value] of [['--since', options.since], ['--until', options.until]] as const) {
      if (value !== undefined && Number.isNaN(Date.parse(value))) throw new UsageError(`${flag} "${value}" is not an ISO-8601 instant, e.g. 2026-01-31T00:00:00Z`);
    }
    const result = await ctx.client(command).get<Wire<typeof AuditResponse>>('/audit', {
      query: {
        objectPath: path.length > 0 ? toUrlPath(path) : undefined,
        actor: options.actor,
        action: options.action,
        from: options.since && new Date(options.since).toISOString(),
        to: options.until && new Date(options.until).toISOString(),
        offset: options.offset,
        size: options.size,
      },
    });
    if (options.json) {
      ctx.printJson(result);
      return;
    }
    if (result.hits.length === 0) {
      ctx.print(result.count > 0 ? `No entries from offset ${options.offset ?? 0} (${result.count} in all).` : 'No audit entries.');
      return;
    }
    ctx.print(
      formatTable(
        ['AT', 'ACTOR', 'ACTION', 'ON', 'CHANGE'],
        result.hits.map((e) => [e.at, e.actor, e.action, e.objectPath ? displayPath(e.objectPath) : (e.target ?? '-'), summarise(e)]),
      ),
    );
    const offset = options.offset ?? 0;
    ctx.print(`(${offset + 1}-${offset + result.hits.length} of ${result.count}${offset + result.hits.length < result.count ? '; --offset shows more' : ''})`);
  });
}

/** One line of before → after, short enough for a table (--json has everything). */
function summarise(entry: Wire<typeof AuditEntryView>): string {
  const text = (value: unknown) => (value === null || value === undefined ? '-' : JSON.stringify(value));
  const line = `${text(entry.before)} -> ${text(entry.after)}`;
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}
