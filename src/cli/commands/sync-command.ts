import type { Command } from 'commander';
import type { CrawlResponse } from '../../http/schemas/object-schemas.js';
import type { Wire } from '../../http/schemas/wire.js';
import { OBJECT_PATH_HELP, parseObjectPathArg } from '../object-path-arg.js';
import { displayPath, withJson, type CliContext, type JsonOption } from './command-context.js';
import { waitForJob } from './job-command.js';

interface SyncOptions extends JsonOption {
  urlPath?: string;
  forceRecursive?: boolean;
  wait?: boolean;
}

type Crawl = Wire<typeof CrawlResponse>;

/** `warden sync <path…>`: start an object sync of a subtree (POST /data/crawl). */
export function addSyncCommand(program: Command, ctx: CliContext): void {
  withJson(
    program
      .command('sync')
      .description('sync a subtree (connection, database, schema or table) with the platform')
      .argument('[names...]', 'the object path, one argument per name, connection key first')
      .option('--url-path <path>', 'the object path as one URL-form value instead (see "Object paths")')
      .option('--force-recursive', 'descend into disabled objects too (by default a sync skips them)')
      .option('--wait', 'wait until the sync ends, show its progress and summary; exit 1 unless it completed')
      .addHelpText('after', OBJECT_PATH_HELP),
  ).action(async (names: string[], options: SyncOptions, command: Command) => {
    const path = parseObjectPathArg({ segments: names, urlPath: options.urlPath }, { required: true });
    const client = ctx.client(command);
    const response = await client.post<Crawl>('/data/crawl', {
      body: { objectPath: path, forceRecursiveCrawl: options.forceRecursive === true },
    });
    if (options.wait) {
      if (!options.json) ctx.print(startedLine(response, path));
      await waitForJob(ctx, client, response.syncRunId, { json: options.json === true });
      return;
    }
    if (options.json) {
      ctx.printJson(response);
      return;
    }
    ctx.print(startedLine(response, path));
    ctx.print(`Follow it with: warden job show ${response.syncRunId}`);
  });
}

function startedLine(response: Crawl, path: readonly string[]): string {
  return response.joined
    ? `Sync ${response.syncRunId} of ${displayPath(response.job.objectPath)} already covers ${displayPath(path)}: joined it`
    : `Sync ${response.syncRunId} of ${displayPath(path)} queued`;
}
