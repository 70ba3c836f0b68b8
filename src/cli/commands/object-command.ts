import { Option, type Command } from 'commander';
import type { ObjectView, SearchResponse } from '../../http/schemas/object-schemas.js';
import type { Wire } from '../../http/schemas/wire.js';
import { OBJECT_PATH_HELP, parseObjectPathArg } from '../object-path-arg.js';
import {
  displayName,
  displayPath,
  formatFields,
  formatTable,
  withJson,
  withPaging,
  type CliContext,
  type JsonOption,
} from './command-context.js';

type DataObject = Wire<typeof ObjectView>;
type Children = Wire<typeof SearchResponse>;
type SettingName = 'isActive' | 'activateNewChildren' | 'dataOwners';

interface PathOptions extends JsonOption {
  urlPath?: string;
}

interface LsOptions extends PathOptions {
  search?: string;
  state?: 'active' | 'inactive';
  offset?: number;
  size?: number;
}

interface SettingsOptions extends PathOptions {
  cascade?: boolean;
  setting: SettingName;
}

/** `warden object show|ls|enable|disable|inherit`: read and switch data objects. */
export function addObjectCommands(program: Command, ctx: CliContext): void {
  const object = program
    .command('object')
    .description('data objects: the hierarchy of a connection (database > schema > table …)')
    .addHelpText('after', OBJECT_PATH_HELP);

  pathCommand(object, 'show', 'show one object: state, settings, columns, tags (GET /data/object)', true).action(
    async (names: string[], options: PathOptions, command: Command) => {
      const path = parseObjectPathArg({ segments: names, urlPath: options.urlPath }, { required: true });
      const found = await ctx.client(command).get<DataObject>('/data/object', { query: { objectPath: JSON.stringify(path) } });
      if (options.json) ctx.printJson(found);
      else ctx.print(formatObject(found));
    },
  );

  withPaging(pathCommand(object, 'ls', 'list the children of an object; no path lists the connections', false), 'children')
    .option('--search <text>', 'only children whose name contains this text (any case)')
    .addOption(new Option('--state <state>', 'only active (enabled) or inactive children').choices(['active', 'inactive']))
    .action(async (names: string[], options: LsOptions, command: Command) => {
      const path = parseObjectPathArg({ segments: names, urlPath: options.urlPath }, { required: false });
      // The path travels as a JSON array (never in the URL), so every name arrives, "." and ".." too.
      const body = {
        ...(path.length > 0 && { objectPath: path }),
        ...(options.search !== undefined && { searchText: options.search }),
        ...(options.state !== undefined && { state: options.state }),
        ...(options.offset !== undefined && { offset: options.offset }),
        ...(options.size !== undefined && { size: options.size }),
      };
      const client = ctx.client(command);
      const result = await client.post<Children>('/data/object/search', { body });
      if (options.json) {
        ctx.printJson(result);
        return;
      }
      // An empty filtered listing would read as "nothing here"; say how many the filter hid.
      const { state, ...unfiltered } = body;
      const hidden =
        state !== undefined && result.count === 0 ? (await client.post<Children>('/data/object/search', { body: { ...unfiltered, size: 1 } })).count : 0;
      ctx.print(formatChildren(path, result, options.offset ?? 0, { state, hidden }));
    });

  const booleanSetting = () =>
    new Option('--setting <name>', 'the setting to change').choices(['isActive', 'activateNewChildren']).default('isActive');
  for (const [name, value, summary] of [
    ['enable', true, 'enable an object (isActive: true); descendants that inherit follow at once'],
    ['disable', false, 'disable an object (isActive: false); descendants that inherit follow at once'],
  ] as const) {
    settingsCommand(object, name, summary)
      .addOption(booleanSetting())
      .action(async (names: string[], options: SettingsOptions, command: Command) => {
        await updateSetting(ctx, command, names, options, value);
      });
  }
  settingsCommand(object, 'inherit', "clear an object's override so it inherits the setting from its parent")
    .addOption(
      new Option('--setting <name>', 'the setting to clear').choices(['isActive', 'activateNewChildren', 'dataOwners']).default('isActive'),
    )
    .action(async (names: string[], options: SettingsOptions, command: Command) => {
      await updateSetting(ctx, command, names, options, null);
    });
}

/** A subcommand taking an object path (separate names or --url-path) and --json. */
export function pathCommand(parent: Command, name: string, description: string, required: boolean): Command {
  return withJson(
    parent
      .command(name)
      .description(description)
      .argument('[names...]', `the object path, one argument per name, connection key first${required ? '' : ' (none: the connections)'}`)
      .option('--url-path <path>', 'the object path as one URL-form value instead (see "Object paths")')
      .addHelpText('after', OBJECT_PATH_HELP),
  );
}

function settingsCommand(parent: Command, name: string, description: string): Command {
  return pathCommand(parent, name, `${description} (PUT /data/settings)`, true).option(
    '--cascade',
    "also clear the descendants' own overrides of the setting, so the whole subtree follows",
  );
}

async function updateSetting(ctx: CliContext, command: Command, names: string[], options: SettingsOptions, value: boolean | null): Promise<void> {
  const path = parseObjectPathArg({ segments: names, urlPath: options.urlPath }, { required: true });
  const body = { objectPath: path, settings: { [options.setting]: value }, cascade: options.cascade === true };
  const updated = await ctx.client(command).put<DataObject>('/data/settings', { body });
  if (options.json) {
    ctx.printJson(updated);
    return;
  }
  const setting = updated.settings[options.setting];
  const where = options.setting in updated.overrides ? 'set on this object' : 'inherited';
  ctx.print(`${displayPath(updated.objectPath)}: ${options.setting} = ${formatValue(setting.value)} (${where}); state ${updated.state}`);
  if (options.cascade) ctx.print(`Overrides of ${options.setting} below it were cleared.`);
  else if (setting.hasDescendantsWithOverrides) {
    ctx.print(`Some objects below it override ${options.setting} and keep their value; --cascade clears those overrides.`);
  }
}

function formatObject(found: DataObject): string {
  const fields: [string, string][] = [
    ['path', displayPath(found.objectPath)],
    ['kind', found.kind],
    ['technology', found.technology],
    ['state', `${found.state}${found.removed ? ` (removed from the platform${found.removedAt ? ` at ${found.removedAt}` : ''})` : ''}`],
  ];
  if (found.dataSourceName !== undefined) {
    fields.push(['data source', `${found.dataSourceName}${found.dataSourceId !== undefined ? ` (id ${found.dataSourceId})` : ' (not a data source while disabled)'}`]);
  }
  for (const name of ['isActive', 'activateNewChildren', 'dataOwners'] as const) {
    const setting = found.settings[name];
    const notes = [name in found.overrides ? 'set here' : 'inherited'];
    if (setting.hasDescendantsWithOverrides) notes.push('overridden below');
    fields.push([name, `${formatValue(setting.value)} (${notes.join(', ')})`]);
  }
  fields.push(['children', String(found.childCount)]);
  if (found.stableId !== null) fields.push(['stable id', found.stableId]);
  if (found.comment !== null) fields.push(['comment', found.comment]);
  if (found.tags.length > 0) fields.push(['tags', found.tags.map((t) => `${t.name} (${t.source})`).join(', ')]);
  fields.push(['last sync', found.lastSync ? `${found.lastSync.syncRunId} at ${found.lastSync.at}` : '-']);
  const lines = [formatFields(fields)];
  if (found.columns !== undefined) {
    lines.push('', `Columns (${found.columns.length}):`);
    if (found.columns.length > 0) {
      lines.push(
        formatTable(
          ['#', 'NAME', 'TYPE', 'NULL', 'DEFAULT', 'COMMENT'],
          found.columns.map((c) => [String(c.ordinal), displayName(c.name), c.type, c.nullable ? 'yes' : 'no', defaultText(c), c.comment ?? '']),
        ),
      );
    }
  }
  return lines.join('\n');
}

/** A generated column has no default: its expression takes the DEFAULT cell, marked as such. */
function defaultText(column: NonNullable<DataObject['columns']>[number]): string {
  if (column.generated === null) return column.defaultValue ?? '';
  return `generated ${column.generated.stored ? 'stored' : 'virtual'}: ${column.generated.expression}`;
}

function formatChildren(
  path: readonly string[],
  result: Children,
  offset: number,
  filter: { state: string | undefined; hidden: number },
): string {
  const which = filter.state === undefined ? '' : `${filter.state} `;
  const where = path.length === 0 ? `No ${which}connections` : `No ${which}objects below ${displayPath(path)}`;
  if (result.hits.length === 0) {
    if (result.count > offset) return `${where} from offset ${offset} (${result.count} in all)`;
    return filter.hidden > 0 ? `${where} (${filter.hidden} ${filter.hidden === 1 ? 'object' : 'objects'} in other states).` : `${where}.`;
  }
  const table = formatTable(
    ['NAME', 'KIND', 'STATE', 'CHILDREN', 'OVERRIDES'],
    result.hits.map((hit) => [
      displayName(hit.objectPath[hit.objectPath.length - 1] ?? ''),
      hit.kind,
      hit.removed ? `${hit.state} (removed)` : hit.state,
      String(hit.childCount),
      Object.keys(hit.overrides).join(',') || '-',
    ]),
  );
  const shown = `${offset + 1}-${offset + result.hits.length} of ${result.count}`;
  return `${table}\n(${shown}${offset + result.hits.length < result.count ? '; --offset shows more' : ''})`;
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) {
    return value.length === 0 ? '[]' : value.map((p: { type?: string; name?: string }) => `${p.type}:${p.name}`).join(', ');
  }
  return String(value);
}
