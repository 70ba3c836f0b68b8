import { Argument, Option, type Command } from 'commander';
import { GLOBAL_PERMISSIONS } from '../../domain/permissions.js';
import type { GroupView as GroupSchema, UserView as UserSchema } from '../../http/schemas/access-schemas.js';
import type { Wire } from '../../http/schemas/wire.js';
import { formatTable, UsageError, withJson, type CliContext, type JsonOption } from './command-context.js';

interface AddOptions extends JsonOption {
  permission?: string[];
  group?: string[];
}

interface GrantOptions extends JsonOption {
  group?: boolean;
}

const PERMISSIONS_HELP = `
Global permissions (SPEC 1.6, and USER_ADMIN):
  APPLICATION_ADMIN   register, edit and delete connections; list users and groups
  GOVERNANCE          manage settings on every object; read the audit log
  CREATE_DATA_SOURCE  read connections, objects, jobs and data sources
  USER_ADMIN          manage users, groups and other users' keys, granting only what it holds
Data owners (the users and groups in an object's dataOwners) manage settings and syncs in
the subtrees they own, and read them, without any global permission.`;

type UserView = Wire<typeof UserSchema>;
type GroupView = Wire<typeof GroupSchema>;

/** `warden user add|list|show|grant|revoke` (users and groups, USER_ADMIN). */
export function addUserCommands(program: Command, ctx: CliContext): void {
  const user = program.command('user').description('users and groups, and their global permissions').addHelpText('after', PERMISSIONS_HELP);

  withJson(
    user
      .command('add')
      .description('add a user (POST /users); give them a key with: warden apikey create <name>')
      .argument('<name>', 'the user name, as dataOwners names them: letters, digits, ".", "_", "@", "-"')
      .addOption(new Option('--permission <permissions...>', 'global permissions to grant').choices(GLOBAL_PERMISSIONS))
      .option('--group <groups...>', 'groups the user is in (created when new)'),
  ).action(async (name: string, options: AddOptions, command: Command) => {
    const created = await ctx.client(command).post<UserView>('/users', { body: { name, permissions: options.permission ?? [], groups: options.group ?? [] } });
    if (options.json) ctx.printJson(created);
    else ctx.print(`Added user "${created.name}" (${describe(created.effectivePermissions)}). Create a key with: warden apikey create ${quote(name)}`);
  });

  withJson(user.command('list').description('list users with their permissions and groups (GET /users)')).action(async (options: JsonOption, command: Command) => {
    const client = ctx.client(command);
    const users = await client.get<UserView[]>('/users');
    const groups = await client.get<GroupView[]>('/groups');
    if (options.json) {
      ctx.printJson({ users, groups });
      return;
    }
    ctx.print(formatTable(['USER', 'PERMISSIONS', 'GROUPS'], users.map((u) => [u.name + (u.builtin ? ' (built-in)' : ''), describe(u.effectivePermissions), u.groups.join(', ') || '-'])));
    if (groups.length > 0) {
      ctx.print('');
      ctx.print(formatTable(['GROUP', 'PERMISSIONS', 'MEMBERS'], groups.map((g) => [g.name, describe(g.permissions), g.members.join(', ') || '-'])));
    }
  });

  for (const verb of ['grant', 'revoke'] as const) {
    withJson(
      user
        .command(verb)
        .description(`${verb} global permissions ${verb === 'grant' ? 'to' : 'from'} a user, or with --group a group (PUT /users/:name, PUT /groups/:name)`)
        .argument('<name>', 'the user (or, with --group, the group)')
        .addArgument(new Argument('<permissions...>', 'APPLICATION_ADMIN, GOVERNANCE, CREATE_DATA_SOURCE or USER_ADMIN').choices(GLOBAL_PERMISSIONS))
        .option('--group', 'the name is a group: every member gets (or loses) what it grants'),
    ).action(async (name: string, permissions: string[], options: GrantOptions, command: Command) => {
      const client = ctx.client(command);
      const change = (current: readonly string[]) =>
        verb === 'grant' ? [...new Set([...current, ...permissions])] : current.filter((p) => !permissions.includes(p));
      if (options.group) {
        const current = (await client.get<GroupView[]>('/groups')).find((g) => g.name === name);
        if (!current && verb === 'revoke') throw new UsageError(`there is no group "${name}"`);
        const updated = await client.put<GroupView>(`/groups/${encodeURIComponent(name)}`, { body: { permissions: change(current?.permissions ?? []) } });
        if (options.json) ctx.printJson(updated);
        else ctx.print(`Group "${updated.name}" now has ${describe(updated.permissions)}.`);
        return;
      }
      const current = await client.get<UserView>(`/users/${encodeURIComponent(name)}`);
      const updated = await client.put<UserView>(`/users/${encodeURIComponent(name)}`, { body: { permissions: change(current.permissions) } });
      if (options.json) ctx.printJson(updated);
      else {
        const viaGroups = updated.effectivePermissions.filter((p) => !updated.permissions.includes(p));
        ctx.print(`User "${updated.name}" now has ${describe(updated.permissions)}${viaGroups.length > 0 ? `, and ${viaGroups.join(', ')} through groups` : ''}.`);
      }
    });
  }
}

function describe(permissions: readonly string[]): string {
  return permissions.length === 0 ? 'no global permissions' : permissions.join(', ');
}

function quote(name: string): string {
  return /^[A-Za-z0-9._@-]+$/.test(name) ? name : JSON.stringify(name);
}
