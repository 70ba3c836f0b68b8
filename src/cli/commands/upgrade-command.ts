import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { UpgradePlan, UpgradeRun } from '../../http/schemas/integration-schemas.js';
import type { Wire } from '../../http/schemas/wire.js';
import { CliFailure, formatTable, UsageError, withJson, type CliContext, type JsonOption } from './command-context.js';

type Plan = Wire<typeof UpgradePlan>;
type Run = Wire<typeof UpgradeRun>;

interface UpgradeOptions extends JsonOption {
  connectionKey: string;
  dryRun?: boolean;
  credentialsFile?: string;
}

/** How often the progress line asks GET /integrations/{id}/upgrade while the upgrade runs. */
const PROGRESS_POLL_MS = 1_000;

/** `warden upgrade <integration> --connection-key K [--dry-run]`: POST /integrations/{id}/upgrade, with a progress line. */
export function addUpgradeCommand(program: Command, ctx: CliContext): void {
  withJson(
    program
      .command('upgrade')
      .description("upgrade an integration's legacy data sources to a connection (POST /integrations/:id/upgrade): same ids, owners, tags and status, generated names; exit 1 unless complete")
      .argument('<integration>', 'the integration id')
      .requiredOption('--connection-key <key>', "the new connection's key (the first part of every data source's new name)")
      .option('--dry-run', 'show the plan (new names, new objects per schema, what cannot be upgraded) and change nothing')
      .option('--credentials-file <path>', "a JSON file of connection fields replacing the integration's (its username and password, …)"),
  ).action(async (integration: string, options: UpgradeOptions, command: Command) => {
    const client = ctx.client(command);
    const url = `/integrations/${encodeURIComponent(integration)}/upgrade`;
    const body = { connectionKey: options.connectionKey, ...(options.dryRun && { dryRun: true }), ...(options.credentialsFile && { credentials: credentialsFrom(options.credentialsFile) }) };
    if (options.dryRun) {
      const plan = await client.post<Plan>(url, { body });
      if (options.json) ctx.printJson(plan);
      else printPlan(ctx, plan);
      return;
    }
    const run = await withProgress(ctx, () => client.get<Run>(url), client.post<Run>(url, { body }));
    if (options.json) ctx.printJson(run);
    else printRun(ctx, integration, run);
    if (run.state !== 'complete') throw new CliFailure(`The upgrade is ${run.state}${run.failureMessage ? `: ${run.failureMessage}` : ''}; fix what it says and run it again`);
  });
}

/** Writes a progress line to stderr whenever the running upgrade's phase or counts change, until `work` settles. */
async function withProgress<T>(ctx: CliContext, look: () => Promise<Run>, work: Promise<T>): Promise<T> {
  let last = '';
  const timer = setInterval(() => {
    look()
      .then((run) => {
        const line = `upgrade: ${run.phase}, ${run.upgraded} of ${run.total} data sources upgraded`;
        if (run.state === 'running' && line !== last) ctx.io.stderr.write(`${line}\n`);
        last = line;
      })
      // Not started yet (404) or a blip: the next look tells.
      .catch(() => {});
  }, PROGRESS_POLL_MS);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

function credentialsFrom(file: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError(`${file} must hold one JSON object of connection fields`);
  return parsed as Record<string, unknown>;
}

function printPlan(ctx: CliContext, plan: Plan): void {
  ctx.print(`Dry run: upgrading to connection ${plan.connectionKey}${plan.refused ? ' would be refused (see below)' : ''}; nothing was changed.`);
  ctx.print(formatTable(['DATA SOURCE', 'NAME NOW', 'NEW NAME', 'STATUS', 'OUTCOME'], plan.dataSources.map((p) => [String(p.dataSourceId), p.legacyName, p.newName, p.enabled ? 'enabled' : 'disabled', p.upgraded ? 'upgraded' : (p.notUpgraded?.reason ?? 'not upgraded')])));
  ctx.print(formatTable(['SCHEMA', 'MONITORING', 'TABLES', 'DATA SOURCES', 'NEW ENABLED', 'NEW DISABLED'], plan.schemas.map((s) => [s.path.join('.'), s.monitoring, String(s.visibleTables), String(s.upgradedDataSources), String(s.newObjectsEnabled), String(s.newObjectsDisabled)])));
  for (const n of plan.notUpgraded) ctx.print(`Data source ${n.dataSourceId} (${n.name}) would not be upgraded: ${n.reason}. ${n.suggestedAction}`);
}

function printRun(ctx: CliContext, integration: string, run: Run): void {
  ctx.print(`Upgrade of integration ${integration} to connection ${run.connectionKey}: ${run.state}, ${run.upgraded} of ${run.total} data sources upgraded.`);
  for (const n of run.notUpgraded) ctx.print(`Data source ${n.dataSourceId} (${n.name}) not upgraded: ${n.reason}. ${n.suggestedAction}`);
}
