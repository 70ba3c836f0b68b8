import { Option, type Command } from 'commander';
import type { ObjectTagsResponse } from '../../http/schemas/object-schemas.js';
import type { Wire } from '../../http/schemas/wire.js';
import { OBJECT_PATH_HELP, parseObjectPathArg } from '../object-path-arg.js';
import { displayName, displayPath, formatTable, type CliContext, type JsonOption } from './command-context.js';
import { pathCommand } from './object-command.js';

type ObjectTags = Wire<typeof ObjectTagsResponse>;

interface TagOptions extends JsonOption {
  urlPath?: string;
  column?: string;
}

interface ChangeOptions extends TagOptions {
  tag: string;
  value?: string;
  source?: 'user' | 'system';
}

/** `warden tag ls|add|rm`: an object's and its columns' tags, user tags added and removed (/data/tags). */
export function addTagCommands(program: Command, ctx: CliContext): void {
  const tag = program
    .command('tag')
    .description("tags on objects and columns: platform tags (follow the platform), user tags, and Warden's New")
    .addHelpText('after', OBJECT_PATH_HELP);
  const columnOption = (what: string) => new Option('--column <name>', `${what} of this column of the table instead of the object`);

  pathCommand(tag, 'ls', "list the tags of an object and of its columns (GET /data/tags)", true)
    .addOption(columnOption('only the tags'))
    .action(async (names: string[], options: TagOptions, command: Command) => {
      const path = parseObjectPathArg({ segments: names, urlPath: options.urlPath }, { required: true });
      const found = await ctx.client(command).get<ObjectTags>('/data/tags', { query: { objectPath: JSON.stringify(path) } });
      if (options.json) ctx.printJson(found);
      else ctx.print(formatTags(found, options.column));
    });

  pathCommand(tag, 'add', 'add a user tag; adding it again sets its value (POST /data/tags)', true)
    .requiredOption('--tag <name>', 'the tag name, e.g. PII or PII.Email')
    .option('--value <text>', 'a value for the tag')
    .addOption(columnOption('tag'))
    .action(async (names: string[], options: ChangeOptions, command: Command) => {
      const path = parseObjectPathArg({ segments: names, urlPath: options.urlPath }, { required: true });
      const body = {
        objectPath: path,
        tags: [{ name: options.tag, ...(options.value !== undefined && { value: options.value }) }],
        ...(options.column !== undefined && { column: options.column }),
      };
      const result = await ctx.client(command).post<ObjectTags>('/data/tags', { body });
      if (options.json) ctx.printJson(result);
      else ctx.print(`Tagged ${placeOf(path, options.column)} ${displayName(options.tag)}.\n${formatTags(result, options.column)}`);
    });

  pathCommand(tag, 'rm', 'remove a user tag, or clear New with --source system (DELETE /data/tags)', true)
    .requiredOption('--tag <name>', 'the tag name')
    .addOption(new Option('--source <source>', 'user tags, or system to clear New').choices(['user', 'system']).default('user'))
    .addOption(columnOption('tag'))
    .action(async (names: string[], options: ChangeOptions, command: Command) => {
      const path = parseObjectPathArg({ segments: names, urlPath: options.urlPath }, { required: true });
      const body = { objectPath: path, name: options.tag, source: options.source, ...(options.column !== undefined && { column: options.column }) };
      const result = await ctx.client(command).delete<ObjectTags>('/data/tags', { body });
      if (options.json) ctx.printJson(result);
      else ctx.print(`Removed ${displayName(options.tag)} from ${placeOf(path, options.column)}.\n${formatTags(result, options.column)}`);
    });
}

function placeOf(path: readonly string[], column: string | undefined): string {
  return column === undefined ? displayPath(path) : `column ${displayName(column)} of ${displayPath(path)}`;
}

/** One row per tag: the object's first (column "-"), then each column's; or only the given column's. */
function formatTags(found: ObjectTags, column: string | undefined): string {
  const places = [
    ...(column === undefined ? [{ name: '-', tags: found.tags }] : []),
    ...(found.columns ?? []).filter((c) => column === undefined || c.name === column).map((c) => ({ name: displayName(c.name), tags: c.tags })),
  ];
  const rows = places.flatMap((place) => place.tags.map((t) => [place.name, displayName(t.name), t.value ?? '', t.source, t.addedBy ?? '']));
  return rows.length === 0 ? 'No tags.' : formatTable(['COLUMN', 'TAG', 'VALUE', 'SOURCE', 'ADDED BY'], rows);
}
