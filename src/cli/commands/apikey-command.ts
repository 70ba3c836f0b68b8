import type { Command } from 'commander';
import type { ApiKeyView as ApiKeySchema, NewApiKeyResponse } from '../../http/schemas/access-schemas.js';
import type { Wire } from '../../http/schemas/wire.js';
import { formatTable, integerOption, UsageError, withJson, type CliContext, type JsonOption } from './command-context.js';

interface CreateOptions extends JsonOption {
  name?: string;
  expiresInDays?: number;
  expiresAt?: string;
}

const CREATE_HELP = `
The key is printed once and never again: only its hash is stored. Keep it in a secret store
and give it to the program with WARDEN_API_KEY. Lost keys cannot be recovered: revoke them
(warden apikey revoke) and create another.`;

type ApiKeyView = Wire<typeof ApiKeySchema>;

/** `warden apikey create|list|revoke` (USER_ADMIN, or the user for their own keys). */
export function addApiKeyCommands(program: Command, ctx: CliContext): void {
  const apikey = program.command('apikey').description("API keys: a user's credentials for the API and the CLI");

  withJson(
    apikey
      .command('create')
      .description('create an API key for a user; prints it once (POST /users/:name/api-keys)')
      .argument('<user>', 'the user the key acts as')
      .option('--name <label>', 'a label to recognise the key by', 'default')
      .option('--expires-in-days <days>', 'the key stops working after this many days', integerOption(1, 36_500))
      .option('--expires-at <instant>', 'the key stops working at this ISO-8601 instant, e.g. 2027-01-31T00:00:00Z')
      .addHelpText('after', CREATE_HELP),
  ).action(async (user: string, options: CreateOptions, command: Command) => {
    if (options.expiresInDays !== undefined && options.expiresAt !== undefined) throw new UsageError('give --expires-in-days or --expires-at, not both');
    if (options.expiresAt !== undefined && Number.isNaN(Date.parse(options.expiresAt))) throw new UsageError(`--expires-at "${options.expiresAt}" is not an ISO-8601 instant`);
    const expiresAt =
      options.expiresInDays !== undefined ? new Date(Date.now() + options.expiresInDays * 86_400_000).toISOString() : options.expiresAt && new Date(options.expiresAt).toISOString();
    const created = await ctx.client(command).post<Wire<typeof NewApiKeyResponse>>(`/users/${encodeURIComponent(user)}/api-keys`, {
      body: { name: options.name ?? 'default', ...(expiresAt && { expiresAt }) },
    });
    if (options.json) {
      ctx.printJson(created);
      return;
    }
    ctx.print(`Created API key ${created.id} ("${created.name}") for user "${created.user}"${created.expiresAt ? `, expires ${created.expiresAt}` : ''}.`);
    ctx.print('The key, shown this once (only its hash is stored):');
    ctx.print(`  ${created.key}`);
  });

  withJson(
    apikey.command('list').description("a user's API keys: prefix, label, state; never the key (GET /users/:name/api-keys)").argument('<user>', 'the user'),
  ).action(async (user: string, options: JsonOption, command: Command) => {
    const keys = await ctx.client(command).get<ApiKeyView[]>(`/users/${encodeURIComponent(user)}/api-keys`);
    if (options.json) ctx.printJson(keys);
    else if (keys.length === 0) ctx.print(`User "${user}" has no API keys. Create one with: warden apikey create ${JSON.stringify(user)}`);
    else {
      ctx.print(
        formatTable(
          ['ID', 'PREFIX', 'NAME', 'STATE', 'CREATED', 'EXPIRES'],
          keys.map((k) => [k.id, `${k.prefix}…`, k.name, k.state, k.createdAt, k.expiresAt ?? 'never']),
        ),
      );
    }
  });

  withJson(
    apikey
      .command('revoke')
      .description('revoke an API key at once: its next request gets 401 (DELETE /users/:name/api-keys/:id)')
      .argument('<user>', 'the user the key belongs to')
      .argument('<id>', 'the key id, from warden apikey list'),
  ).action(async (user: string, id: string, options: JsonOption, command: Command) => {
    const revoked = await ctx.client(command).delete<ApiKeyView>(`/users/${encodeURIComponent(user)}/api-keys/${encodeURIComponent(id)}`);
    if (options.json) ctx.printJson(revoked);
    else ctx.print(`Revoked API key ${revoked.id} (${revoked.prefix}…) of user "${revoked.user}".`);
  });
}
