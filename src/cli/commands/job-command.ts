import type { Command } from 'commander';
import { isFinalSyncRunState, SYNC_RUN_STATES } from '../../domain/sync-run-states.js';
import type { Job } from '../../http/schemas/common-schemas.js';
import type { Wire } from '../../http/schemas/wire.js';
import type { ApiClient } from '../api-client.js';
import { CliFailure, displayPath, formatFields, withJson, type CliContext, type JsonOption } from './command-context.js';

/** A job (sync run) as `GET /jobs/{id}` answers it. */
export type JobView = Wire<typeof Job>;
const POLL_INTERVAL_MS = 250;

/** `warden job show <id>`. */
export function addJobCommands(program: Command, ctx: CliContext): void {
  const job = program.command('job').description('background jobs (sync runs)');
  withJson(job.command('show').description('show a job: state, progress, counts and errors (GET /jobs/:id)').argument('<id>', 'the job id'))
    .action(async (id: string, options: JsonOption, command: Command) => {
      const run = await ctx.client(command).get<JobView>(`/jobs/${encodeURIComponent(id)}`);
      if (options.json) ctx.printJson(run);
      else ctx.print(formatJob(run));
    });
}

/** Every field of a job, for `job show`. */
export function formatJob(run: JobView): string {
  const fields: [string, string][] = [
    ['id', run.id],
    ['type', run.type],
    ['state', run.state],
    ['scope', displayPath(run.objectPath)],
    ['trigger', `${run.trigger}${run.requestedBy ? ` by ${run.requestedBy}` : ''}`],
    ['recursive', run.forceRecursiveCrawl ? 'yes (into disabled objects too)' : 'no (skips disabled objects)'],
    ['created', run.createdAt],
    ['started', run.startedAt ?? '-'],
    ['finished', run.finishedAt ?? '-'],
    ['progress', formatProgress(run)],
    ['counts', formatCounts(run)],
  ];
  if (run.failureMessage) fields.push(['failure', run.failureMessage]);
  return [formatFields(fields), ...formatRunErrors(run)].join('\n');
}

/** The one-line result of a finished sync, then a line per subtree not crawled or conflict. */
export function formatJobSummary(run: JobView): string {
  const took = run.startedAt && run.finishedAt ? ` in ${seconds(Date.parse(run.finishedAt) - Date.parse(run.startedAt))}` : '';
  const lines = [`Sync ${run.id} ${run.state}${took}: ${formatCounts(run)}`];
  // A failure that is also a run error (a target the platform does not have) is shown once.
  if (run.failureMessage && !run.errors.some((error) => error.message === run.failureMessage)) lines.push(`  failure: ${run.failureMessage}`);
  return [...lines, ...formatRunErrors(run)].join('\n');
}

function formatCounts(run: JobView): string {
  const c = run.counts;
  return `${c.added} added, ${c.removed} removed, ${c.restored} restored, ${c.renamed} renamed, ${c.moved} moved, ${c.changed} changed, ${c.unchanged} unchanged, ${c.conflicts} conflicts`;
}

function formatProgress(run: JobView): string {
  return `${run.progress.containersListed} containers listed, ${run.progress.objectsSeen} objects seen`;
}

const ERROR_LABELS: Record<string, string> = { OBJECT_UNIQUENESS_VIOLATION: 'conflict', OBJECT_NOT_FOUND: 'not found' };

function formatRunErrors(run: JobView): string[] {
  return run.errors.map((error) => {
    const label = error.notRead === 'tags' ? 'tags not read' : (ERROR_LABELS[error.code] ?? 'not crawled');
    return `  ${label}: ${displayPath(error.objectPath)}: ${error.message} (${error.code})`;
  });
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Polls a job until it is completed, failed or cancelled. On a terminal (TTY) one line shows
 * the progress, rewritten in place; elsewhere nothing is printed until the end. Prints the
 * summary (or, with `json`, the job or `jsonOutput(job)`) and throws {@link CliFailure} unless the job completed.
 */
export async function waitForJob(
  ctx: CliContext,
  client: ApiClient,
  id: string,
  options: { json: boolean; jsonOutput?: (run: JobView) => unknown },
): Promise<JobView> {
  const live = ctx.io.stdout.isTTY === true && !options.json;
  let run: JobView;
  for (;;) {
    run = await client.get<JobView>(`/jobs/${encodeURIComponent(id)}`);
    if (isFinalSyncRunState(run.state)) break;
    if (live) ctx.io.stdout.write(`\r\u001b[2K${run.state === SYNC_RUN_STATES.created ? 'queued' : 'syncing'} ${displayPath(run.objectPath)}: ${formatProgress(run)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  if (live) ctx.io.stdout.write('\r\u001b[2K');
  if (options.json) ctx.printJson(options.jsonOutput ? options.jsonOutput(run) : run);
  else ctx.print(formatJobSummary(run));
  if (run.state !== SYNC_RUN_STATES.completed) throw new CliFailure(`Sync ${run.id} ${run.state}${run.failureMessage ? `: ${run.failureMessage}` : ''}`);
  return run;
}
