import type { Clock } from '../clock.js';
import { describePath } from '../domain/object-path.js';
import type { GlobalPermission } from '../domain/permissions.js';
import { SYNC_RUN_STATES } from '../domain/sync-run-states.js';
import { NEW_TAG } from '../domain/tag.js';
import { isWardenError, WardenError } from '../errors.js';
import type { ConnectorRegistry } from '../connectors/registry.js';
import type { SyncRunQueue } from '../jobs/sync-run-queue.js';
import { scopedRunWaitMs, waitForSyncRun } from '../jobs/sync-run-wait.js';
import type { CatalogStore } from '../store/catalog-store.js';
import type { ConnectionRecord } from '../store/repositories/connection-repository.js';
import type { ObjectRecord } from '../store/repositories/object-repository.js';
import type { SchemaProjectRecord } from '../store/repositories/schema-project-repository.js';
import type { SyncRunRecord } from '../store/repositories/sync-run-repository.js';
import { auditEntry, systemActor, type Actor } from './actor.js';
import { ownsAny, type Principal } from './auth-service.js';
import type { CatalogService } from './catalog-service.js';
import type { LegacySourceInfo, LegacySourceService } from './legacy-source-service.js';

/**
 * What a detection covers (`PUT /dataSource/detectRemoteChanges`, legacy-api.md §2.4). Nothing
 * set: every schema project. Each field narrows: a schema project, data sources, the hidden
 * connections of a host and port, a remote database, a remote table.
 */
export interface DetectionSelection {
  schemaEvolutionId?: number;
  dataSourceIds?: number[];
  hostname?: string;
  port?: number;
  database?: string;
  table?: string;
}

/** One half of a detection's answer: the sync runs it made, and what went wrong or was left out. */
export interface DetectionPart {
  warning: string | null;
  /** Sync run ids (`GET /jobs/{id}`). */
  jobs: string[];
}

export interface DetectionResult {
  /** New and dropped tables of monitored schemas: one crawl of each schema. */
  schemaDetection: DetectionPart;
  /** Column changes (and a dropped table) of the other data sources: one crawl of each one's table. */
  columnDetection: DetectionPart;
}

export interface SchemaMonitorServiceDeps {
  store: CatalogStore;
  registry: ConnectorRegistry;
  queue: SyncRunQueue;
  legacySources: LegacySourceService;
  catalog: CatalogService;
  clock: Clock;
}

/** Who may run a detection of anything (the global run); everyone else only of their own data sources. */
const GLOBAL_RUNNERS: readonly GlobalPermission[] = ['APPLICATION_ADMIN', 'GOVERNANCE'];

/** Who writes what a detection finds (registrations, `New` tags, disabled data sources). */
const MONITOR = systemActor('schema-monitor');

/** One schema project as a detection covers it. */
interface ProjectTarget {
  project: SchemaProjectRecord;
  connection: ConnectionRecord;
  /** The project's schema below the connection: [database, schema], or [database] (MariaDB). */
  schemaPath: string[];
  /** Every legacy data source of the project. */
  all: LegacySourceInfo[];
  /** The selected enabled ones, whose own tables are crawled when the schema is not. */
  sources: LegacySourceInfo[];
  /** New-table detection: the whole schema is crawled (monitoring on, nothing narrower asked). */
  wholeSchema: boolean;
}

interface QueuedRun {
  target: ProjectTarget;
  /** Below the connection: the schema, or one data source's table. */
  path: string[];
  run: SyncRunRecord;
}

/**
 * Schema monitoring of legacy schema projects (legacy-api.md §2.3): a detection crawls, with
 * the one sync engine through the project's hidden connection, each monitored schema whole and
 * every other selected data source's table. After a crawl that completed and listed everything
 * it was asked for: the data source of a table the crawl found gone is disabled (never deleted),
 * a table of a monitored schema that is no data source yet is registered (named by the
 * project's template, owned by its detection owner, tagged `New`). Column changes are the
 * engine's own: the dictionary follows, added and retyped columns get `New`. A crawl that failed
 * or listed something incompletely applied nothing, and nothing is disabled or registered after it.
 * Known schemas only: a schema no project holds is never looked at.
 */
export class SchemaMonitorService {
  constructor(private readonly deps: SchemaMonitorServiceDeps) {}

  /**
   * Runs a detection over `selection` and waits for it. `requester` null is the nightly
   * schedule; a user without APPLICATION_ADMIN or GOVERNANCE gets column detection of the data
   * sources they own only, and FORBIDDEN for the global run or a data source not theirs.
   */
  async detect(selection: DetectionSelection, requester: Principal | null): Promise<DetectionResult> {
    const actor: Actor = requester ?? systemActor('schedule');
    const { targets, notes } = await this.authorized(await this.targets(selection), selection, requester);
    const schemaRuns: QueuedRun[] = [];
    const tableRuns: QueuedRun[] = [];
    for (const target of targets) {
      if (target.wholeSchema) schemaRuns.push(await this.queue(target, target.schemaPath, actor));
      else for (const source of target.sources) tableRuns.push(await this.queue(target, source.remotePath, actor));
    }
    await this.deps.store.audit.insert(
      auditEntry(actor, 'legacy.detection', {
        before: { selection },
        after: { schemaDetectionJobs: schemaRuns.map((r) => r.run.id), columnDetectionJobs: tableRuns.map((r) => r.run.id) },
      }),
    );
    const schemaWarnings = [...notes.schema];
    for (const queued of schemaRuns) schemaWarnings.push(...(await this.followSchema(queued)));
    const columnWarnings = [...notes.column];
    for (const queued of tableRuns) columnWarnings.push(...(await this.followTable(queued)));
    return {
      schemaDetection: { warning: joined(schemaWarnings), jobs: schemaRuns.map((r) => r.run.id) },
      columnDetection: { warning: joined(columnWarnings), jobs: tableRuns.map((r) => r.run.id) },
    };
  }

  /** The nightly run (the sync schedule's due time): every schema project. */
  async detectAll(): Promise<DetectionResult> {
    return this.detect({}, null);
  }

  private async targets(selection: DetectionSelection): Promise<ProjectTarget[]> {
    const { store, legacySources, registry } = this.deps;
    const projects = selection.schemaEvolutionId === undefined ? await store.schemaProjects.list() : [await store.schemaProjects.findById(selection.schemaEvolutionId)];
    if (projects[0] === undefined && selection.schemaEvolutionId !== undefined) throw new WardenError('SCHEMA_PROJECT_NOT_FOUND', { id: selection.schemaEvolutionId });
    const wanted = selection.dataSourceIds && new Set(selection.dataSourceIds);
    for (const id of wanted ?? []) if (!(await legacySources.describe(id))) throw new WardenError('DATA_SOURCE_NOT_FOUND', { id });
    const narrowed = selection.table !== undefined || wanted !== undefined;
    const ofConnection = new Map<number, LegacySourceInfo[]>();
    const targets: ProjectTarget[] = [];
    for (const project of projects) {
      if (!project) continue;
      const connection = await store.connections.findById(project.connectionId);
      if (!connection || !matches(connection, project, selection)) continue;
      if (!ofConnection.has(connection.id)) ofConnection.set(connection.id, await legacySources.sourcesOfConnection(connection.id));
      const all = ofConnection.get(connection.id)!.filter((s) => s.schemaProject?.id === project.id);
      const sources = all.filter((s) => s.enabled && (selection.table === undefined || s.remotePath.at(-1) === selection.table) && (!wanted || wanted.has(s.dataSourceId)));
      const levels = registry.get(connection.technology).levels.length;
      const schemaPath = levels === 3 ? [project.remoteDatabase, project.remoteSchema] : [project.remoteDatabase];
      targets.push({ project, connection, schemaPath, all, sources, wholeSchema: project.monitoring && !narrowed });
    }
    return targets;
  }

  /** The targets `requester` may run (see {@link detect}), and what was left out for them. */
  private async authorized(targets: ProjectTarget[], selection: DetectionSelection, requester: Principal | null) {
    const notes = { schema: [] as string[], column: [] as string[] };
    if (!requester || requester.permissions.some((p) => GLOBAL_RUNNERS.includes(p))) return { targets, notes };
    const forbidden = (operation: string) =>
      new WardenError('FORBIDDEN', { actor: `User "${requester.name}"`, operation, needs: `${GLOBAL_RUNNERS.join(' or ')} (owners may run it for their own data sources)` });
    if (Object.values(selection).every((v) => v === undefined)) throw forbidden('run schema detection for every schema project');
    const own: ProjectTarget[] = [];
    let left = 0;
    for (const target of targets) {
      const sources: LegacySourceInfo[] = [];
      for (const source of target.sources) {
        const owners = await this.deps.catalog.ownersAt([target.connection.connectionKey, ...source.remotePath]);
        if (owners && ownsAny(requester, owners)) sources.push(source);
        else if (selection.dataSourceIds?.includes(source.dataSourceId)) throw forbidden(`run column detection for data source ${source.dataSourceId}`);
        else left += 1;
      }
      if (target.wholeSchema) notes.schema.push(`new-table detection of schema project ${target.project.id} (${target.project.name}) needs ${GLOBAL_RUNNERS.join(' or ')}: only the columns of your data sources were checked`);
      own.push({ ...target, sources, wholeSchema: false });
    }
    if (left > 0) notes.column.push(`${left} selected data source(s) you do not own were left out`);
    return { targets: own, notes };
  }

  private async queue(target: ProjectTarget, path: string[], actor: Actor): Promise<QueuedRun> {
    const { connection } = target;
    const scope = [connection.connectionKey, ...path];
    const { run } = await this.deps.queue.request({ connection, scope, trigger: 'detection', requestedBy: actor.id, forceRecursive: false });
    return { target, path, run };
  }

  /** After a schema's crawl: dropped tables' data sources disabled, the schema's other tables registered. */
  private async followSchema({ target, path, run }: QueuedRun): Promise<string[]> {
    const problem = await this.problemOf(run, target.connection, path);
    if (problem) return [problem];
    await this.disableDropped(target.all, run.id);
    const warnings: string[] = [];
    for (const table of await this.unregisteredTables(target)) {
      const tablePath = [target.connection.connectionKey, ...path, table.name];
      try {
        // Tagged before it becomes a data source, so it never is one without `New`.
        await this.tagNew(table, tablePath);
        await this.deps.legacySources.registerIntoSchemaProject(target.project.id, [{ table: table.name }], MONITOR);
      } catch (error) {
        if (!isWardenError(error)) throw error;
        warnings.push(`new table ${describePath(tablePath.slice(1))} of schema project ${target.project.id} was not registered: ${error.message}`);
      }
    }
    return warnings;
  }

  /** After one data source's table crawl: its data source disabled when the table is gone. */
  private async followTable({ target, path, run }: QueuedRun): Promise<string[]> {
    const problem = await this.problemOf(run, target.connection, path);
    if (problem) return [problem];
    await this.disableDropped(target.all.filter((s) => s.remotePath.join('\n') === path.join('\n')), run.id);
    return [];
  }

  /** Why nothing may follow the run's crawl (it did not end, failed, or left a subtree unread); null when all is well. */
  private async problemOf(run: SyncRunRecord, connection: ConnectionRecord, path: string[]): Promise<string | null> {
    const within = scopedRunWaitMs(this.deps.registry.timeoutsFor(connection.technology));
    const ended = await waitForSyncRun(this.deps.store, run.id, within);
    const what = `${describePath(path)} of ${connection.legacyConnectionString}`;
    const unread = ended?.errors.find((e) => e.notRead !== 'tags');
    const reason = !ended
      ? `its sync run ${run.id} did not end within ${within} ms`
      : ended.state !== SYNC_RUN_STATES.completed
        ? `its sync run ${run.id} ${ended.state}: ${ended.failureMessage ?? 'no reason recorded'}`
        : unread
          ? `its sync run ${run.id} did not list everything (${unread.message})`
          : null;
    return reason && `${what}: ${reason}; nothing was disabled or registered`;
  }

  /** Disables (an own isActive override, with an audit row) each data source whose table the crawl marked removed. */
  private async disableDropped(sources: readonly LegacySourceInfo[], syncRunId: string): Promise<void> {
    for (const source of sources) {
      const object = await this.deps.store.objects.findById(source.object.id);
      if (!object?.removed || object.overrides.isActive === false) continue;
      await this.deps.store.transaction(async (repos) => {
        const now = this.deps.clock.nowIso();
        await repos.objects.setOverrides(object.id, { isActive: false }, now);
        await repos.audit.insert({
          ...auditEntry(MONITOR, 'legacy.disabled', {
            objectPath: [source.connection.connectionKey, ...source.remotePath],
            target: `dataSource:${source.dataSourceId}`,
            before: { isActive: object.overrides.isActive },
            after: { isActive: false, reason: 'the remote table was dropped', syncRunId },
          }),
          at: now,
        });
      });
    }
  }

  /** The present tables of a crawled schema that are no legacy data source. */
  private async unregisteredTables(target: ProjectTarget): Promise<ObjectRecord[]> {
    const { objects } = this.deps.store;
    const schema = (await objects.findChain(target.connection.id, target.schemaPath))?.at(-1);
    if (!schema) return [];
    const tables: ObjectRecord[] = [];
    for (const child of await objects.listChildren(schema.id)) {
      if (child.isLeaf && !child.removed && !(await objects.holdsLegacyDataSource(child))) tables.push(child);
    }
    return tables;
  }

  /** The system tag `New` on a table (once), with its audit row, as a sync writes it on columns. */
  private async tagNew(table: ObjectRecord, objectPath: string[]): Promise<void> {
    await this.deps.store.transaction(async (repos) => {
      const tags = await repos.tags.listFor(table.id);
      if (tags.some((t) => t.column === null && t.source === 'system' && t.name === NEW_TAG)) return;
      const now = this.deps.clock.nowIso();
      await repos.tags.insert([{ objectId: table.id, column: null, name: NEW_TAG, value: null, source: 'system', addedBy: null, addedAt: now }]);
      await repos.audit.insert({
        ...auditEntry(MONITOR, 'object.tags', { objectPath, before: null, after: { added: { name: NEW_TAG, value: null, source: 'system' } } }),
        at: now,
      });
    });
  }
}

/** Whether the project's hidden connection and database are within the selection's host, port and database. */
function matches(connection: ConnectionRecord, project: SchemaProjectRecord, selection: DetectionSelection): boolean {
  if (selection.hostname !== undefined && connection.details.hostname !== selection.hostname) return false;
  if (selection.port !== undefined && Number(connection.details.port) !== selection.port) return false;
  return selection.database === undefined || project.remoteDatabase === selection.database;
}

function joined(warnings: readonly string[]): string | null {
  return warnings.length === 0 ? null : warnings.join('; ');
}
