import type { Command } from 'commander';
import { ALL_TECHNOLOGIES } from '../../connectors/technologies.js';
import type { Integration } from '../../http/schemas/integration-schemas.js';
import type { Wire } from '../../http/schemas/wire.js';
import { addConnectionFlags, connectionFlagsHelp, connectionFromFlags } from '../connection-flags.js';
import { CliFailure, formatFields, formatTable, UsageError, withJson, type CliContext, type JsonOption } from './command-context.js';

type IntegrationView = Wire<typeof Integration>;

interface AddOptions extends JsonOption, Record<string, unknown> {
  technology: string;
}

/** `warden integration add|ls|show|rm`: the legacy integrations API (SPEC 2.2). */
export function addIntegrationCommands(program: Command, ctx: CliContext): void {
  const integration = program.command('integration').description('legacy integrations: a technology configuration validated through its connector');

  const add = integration
    .command('add')
    .description('create an integration and validate its credentials (POST /integrations); exit 1 unless it is enabled')
    .requiredOption('--technology <name>', `the platform: ${ALL_TECHNOLOGIES.map((d) => d.technology).join(', ')}`)
    .option('--authentication-type <name>', "how Warden signs in (default: the technology's first, see below)");
  withJson(addConnectionFlags(add, ALL_TECHNOLOGIES).addHelpText('after', `\n${connectionFlagsHelp(ALL_TECHNOLOGIES)}`)).action(
    async (options: AddOptions, command: Command) => {
      const { technology, ...config } = await connectionFromFlags(options, ALL_TECHNOLOGIES, ctx.io);
      const created = await ctx.client(command).post<IntegrationView>('/integrations', { body: { type: technology, config } });
      if (options.json) ctx.printJson(created);
      else ctx.print(`Integration ${created.id} (${created.type}) is ${created.status}.`);
      if (created.status !== 'enabled') throw new CliFailure(failureOf(created));
    },
  );

  withJson(integration.command('ls').description('list the integrations (GET /integrations)')).action(async (options: JsonOption, command: Command) => {
    const integrations = await ctx.client(command).get<IntegrationView[]>('/integrations');
    if (options.json) ctx.printJson(integrations);
    else if (integrations.length === 0) ctx.print('No integrations.');
    else ctx.print(formatTable(['ID', 'TYPE', 'STATUS', 'VALIDATION'], integrations.map((i) => [String(i.id), i.type, i.status, i.validationResults?.status ?? '-'])));
  });

  withJson(integration.command('show').description('show an integration, secrets redacted (GET /integrations/:id)').argument('<id>', 'the integration id')).action(
    async (id: string, options: JsonOption, command: Command) => {
      const found = await ctx.client(command).get<IntegrationView>(`/integrations/${encodeURIComponent(id)}`);
      if (options.json) ctx.printJson(found);
      else {
        ctx.print(
          formatFields([
            ['id', String(found.id)],
            ['type', found.type],
            ['status', found.status],
            ...Object.entries(found.config).map(([name, value]): [string, string] => [name, typeof value === 'string' ? value : JSON.stringify(value)]),
            ...(found.validationResults?.validationTests ?? []).map((test): [string, string] => [test.name, `${test.status}${test.result ? `: ${test.result}` : ''}`]),
            ['created', `${found.createdAt}${found.createdBy ? ` by ${found.createdBy}` : ''}`],
          ]),
        );
      }
    },
  );

  withJson(
    integration
      .command('rm')
      .description('remove an integration (DELETE /integrations/:id)')
      .argument('<id>', 'the integration id')
      .option('--yes', 'confirm the removal (required: there is no prompt)'),
  ).action(async (id: string, options: JsonOption & { yes?: boolean }, command: Command) => {
    if (!options.yes) throw new UsageError(`not removing integration ${id} without --yes`);
    const removed = await ctx.client(command).delete<IntegrationView>(`/integrations/${encodeURIComponent(id)}`);
    if (options.json) ctx.printJson(removed);
    else ctx.print(`Removed integration ${removed.id} (${removed.type}).`);
  });
}

function failureOf(integration: IntegrationView): string {
  const failed = integration.validationResults?.validationTests.find((test) => test.status === 'failed');
  return `Integration ${integration.id} is ${integration.status}${failed?.result ? `: ${failed.result}` : ''}; fix it with PUT /integrations/${integration.id} or remove it`;
}
