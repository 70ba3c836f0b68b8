import { assertSupportedConnectionStringOptions, assertValidConnection } from '../connectors/connection-schema.js';
import type { ConnectionDetails } from '../connectors/connector.js';
import type { ConnectorRegistry } from '../connectors/registry.js';
import type { TechnologyDescriptor } from '../connectors/technology.js';
import { nowIso } from '../clock.js';
import { dataSourceName, pathKey } from '../domain/object-path.js';
import { SYNC_RUN_STATES } from '../domain/sync-run-states.js';
import { WardenError } from '../errors.js';
import type { SyncRunQueue } from '../jobs/sync-run-queue.js';
import { waitForSyncRun } from '../jobs/sync-run-wait.js';
import { SYNC_ERROR_CODES } from '../sync/apply.js';
import type { CatalogStore, Repositories } from '../store/catalog-store.js';
import type { ConnectionRecord } from '../store/repositories/connection-repository.js';
import type { IntegrationRecord } from '../store/repositories/integration-repository.js';
import type { IntegrationUpgradeRecord, NotUpgradedSource } from '../store/repositories/integration-upgrade-repository.js';
import type { SyncRunRecord } from '../store/repositories/sync-run-repository.js';
import { auditEntry, type Actor } from './actor.js';
import type { ConnectionService } from './connection-service.js';
import { openConnection } from './connection-secrets.js';
import { pruneHiddenChain, samePlace, type LegacySourceInfo, type LegacySourceService } from './legacy-source-service.js';
import type { SecretBox } from './secret-box.js';
import { planSchemas, planSources, unsupportedDetail, type PlannedSource, type SchemaPlan, type TableSighting } from './upgrade-plan.js';

/** The body of `POST /integrations/{id}/upgrade`. */
export interface UpgradeInput {
  /** The new connection's key: the first part of every upgraded data source's name. */
  connectionKey: string;
  /** Fields of the connection replacing the integration's (its credentials, another authentication type). */
  credentials?: Record<string, unknown>;
  dryRun?: boolean;
}

/** A dry run's answer: what the upgrade would do, nothing changed. */
export interface UpgradePlanView {
  integrationId: number;
  connectionKey: string;
  dryRun: true;
  /** Every legacy data source of the integration with its new name and whether it would be upgraded. */
  dataSources: PlannedSource[];
  schemas: SchemaPlan[];
  /** Paths (below the connection) of objects the platform has twice: neither becomes a data source of that name. */
  conflicts: string[][];
  /** The data sources that would not be upgraded, with why and what to do. */
  notUpgraded: NotUpgradedSource[];
  /** True when the upgrade would be refused (UPGRADE_REFUSED): data sources connections cannot hold. */
  refused: boolean;
}

/** An upgrade's latest run. */
export interface UpgradeView {
  integrationId: number;
  connectionKey: string;
  state: IntegrationUpgradeRecord['state'];
  phase: IntegrationUpgradeRecord['phase'];
  syncRunId: string | null;
  total: number;
  upgraded: number;
  notUpgraded: NotUpgradedSource[];
  failureMessage: string | null;
  startedBy: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface IntegrationUpgradeServiceDeps {
  store: CatalogStore;
  registry: ConnectorRegistry;
  secrets: SecretBox;
  queue: SyncRunQueue;
  connections: ConnectionService;
  legacySources: LegacySourceService;
}

/** How long a run waits for the connection's crawl (real time); a longer crawl leaves the run failed, to be run again once the crawl ended. */
const CRAWL_WAIT_MS = 60 * 60_000;

/**
 * The upgrade of an integration's legacy data sources to one connection (issue 11,
 * ARCHITECTURE.md "The legacy model"). The integration's legacy data sources are those
 * `LegacySourceService.sourcesOfIntegration` finds: registered with its technology and its
 * place (host, port, TLS, account). A run validates the credentials, registers the connection
 * (disabled root: what nobody enabled arrives disabled) and waits for its crawl, then, one
 * transaction per remote schema, moves each legacy data source onto its table of the
 * connection: the same data source id, its owners, its user and system tags and its status
 * as overrides of the new object, and the schema's monitoring as the schema's status and
 * `activateNewChildren`. Until that transaction the id stays on the enabled hidden table, so
 * no enabled data source is ever disabled or missing. The handler, the hidden table and
 * whatever of its hidden chain and schema project nothing else holds go in the same
 * transaction. Runs are resumable: what one leaves is reported with a reason, and the next
 * run (same key) crawls again and finishes the rest.
 */
export class IntegrationUpgradeService {
  constructor(private readonly deps: IntegrationUpgradeServiceDeps) {}

  /** Runs the upgrade (or, `dryRun`, plans it and changes nothing). */
  async upgrade(integrationId: number, input: UpgradeInput, actor: Actor): Promise<UpgradePlanView | UpgradeView> {
    const { store } = this.deps;
    const integration = await this.findIntegration(integrationId);
    const descriptor = this.deps.registry.get(integration.technology);
    const record = await store.integrationUpgrades.findByIntegration(integrationId);
    if (record && record.connectionKey !== input.connectionKey) throw new WardenError('UPGRADE_KEY_MISMATCH', { id: integrationId, connectionKey: record.connectionKey });
    if (record?.state === 'running') throw new WardenError('UPGRADE_IN_PROGRESS', { id: integrationId, startedAt: record.startedAt });
    const details = this.connectionDetails(descriptor, integration, input.credentials);
    const existing = await store.connections.findByKey(input.connectionKey);
    // A connection of that key is this upgrade's only when an earlier run made it.
    if (existing && !record) throw new WardenError('CONNECTION_KEY_TAKEN', { connectionKey: input.connectionKey });
    const sources = await this.deps.legacySources.sourcesOfIntegration(integrationId);
    const unsupported = (source: LegacySourceInfo) => unsupportedDetail(descriptor, source.connection.details);
    if (input.dryRun) return this.dryRun(integrationId, input.connectionKey, descriptor, details, existing ?? null, sources, unsupported);

    const refusals = planSources(input.connectionKey, sources, () => ({ present: true, conflict: false, claimedBy: null }), unsupported).filter((p) => p.notUpgraded?.reason === 'unsupportedOption');
    if (refusals.length > 0) {
      throw new WardenError('UPGRADE_REFUSED', { id: integrationId, reasons: refusals.map((p) => `data source ${p.dataSourceId} ("${p.legacyName}"): ${p.notUpgraded!.suggestedAction}`).join('; ') });
    }
    // Under the job lock: of two runs asked for at once, one starts and the other is told so.
    const started = await store.exclusive(async (repos) => {
      const current = await repos.integrationUpgrades.findByIntegration(integrationId);
      if (current?.state === 'running') throw new WardenError('UPGRADE_IN_PROGRESS', { id: integrationId, startedAt: current.startedAt });
      return repos.integrationUpgrades.start({ integrationId, technology: integration.technology, connectionKey: input.connectionKey, startedBy: actor.id }, nowIso());
    });
    try {
      return await this.run(started, integration, descriptor, details, input.credentials, existing ?? null, sources, actor);
    } catch (error) {
      await store.integrationUpgrades.finish(started.id, { state: 'failed', notUpgraded: [], failureMessage: error instanceof WardenError ? error.message : 'Internal error; see the server log' }, nowIso());
      throw error;
    }
  }

  /** The latest run of the integration's upgrade; UPGRADE_NOT_FOUND when it never started. */
  async latest(integrationId: number): Promise<UpgradeView> {
    const record = await this.deps.store.integrationUpgrades.findByIntegration(integrationId);
    if (!record) {
      await this.findIntegration(integrationId);
      throw new WardenError('UPGRADE_NOT_FOUND', { id: integrationId });
    }
    return view(record);
  }

  /**
   * The connection key a data source belongs to when it is a connection's (registered by a
   * connection, or upgraded); null for a legacy data source or an unknown id.
   */
  async connectionOfDataSource(id: number): Promise<string | null> {
    const { store } = this.deps;
    const found = await store.dataSources.originOf(id);
    if (found?.origin !== 'connection') return null;
    const object = await store.objects.findById(found.objectId);
    const connection = object && (await store.connections.findById(object.connectionId));
    return connection?.legacyConnectionString === null ? connection.connectionKey : null;
  }

  /** The connection the data source of any of the access requests `ids` belongs to (legacy `/subscription/deny`). */
  async connectionOfAccessRequests(ids: readonly number[]): Promise<string | null> {
    for (const request of await this.deps.store.dataSourceAccess.listByIds(ids)) {
      const key = await this.connectionOfDataSource(request.dataSourceId);
      if (key !== null) return key;
    }
    return null;
  }

  /** The connection an upgraded legacy handler's data source went to; null for any other handler id. */
  async connectionOfHandler(handlerId: number): Promise<string | null> {
    return (await this.deps.store.integrationUpgrades.upgradedByHandler(handlerId))?.connectionKey ?? null;
  }

  /** The connection of a V2 `connectionKey`: the connection its upgraded data sources went to, or a connection of that key. */
  async connectionOfV2Key(v2ConnectionKey: string): Promise<string | null> {
    const upgraded = await this.deps.store.integrationUpgrades.upgradedByV2ConnectionKey(v2ConnectionKey);
    if (upgraded) return upgraded.connectionKey;
    const connection = await this.deps.store.connections.findByKey(v2ConnectionKey);
    return connection?.legacyConnectionString === null ? connection.connectionKey : null;
  }

  /** The connection an integration's upgrade goes to, once it has started; null before. */
  async connectionOfIntegration(integrationId: number): Promise<string | null> {
    return (await this.deps.store.integrationUpgrades.findByIntegration(integrationId))?.connectionKey ?? null;
  }

  /** The connection an upgrade made at the place (host, port, …) of `details`, if any: that host's legacy data sources go there now. */
  async connectionOfPlace(technology: string, details: Readonly<Record<string, unknown>>): Promise<string | null> {
    const { store, registry } = this.deps;
    const descriptor = registry.descriptors().find((d) => d.technology === technology);
    if (!descriptor) return null;
    for (const upgrade of await store.integrationUpgrades.listByTechnology(technology)) {
      const connection = await store.connections.findByKey(upgrade.connectionKey);
      if (connection && samePlace(descriptor.credentialRoute, connection.details, details)) return connection.connectionKey;
    }
    return null;
  }

  private async run(
    upgrade: IntegrationUpgradeRecord,
    integration: IntegrationRecord,
    descriptor: TechnologyDescriptor,
    details: ConnectionDetails,
    credentials: Record<string, unknown> | undefined,
    existing: ConnectionRecord | null,
    sources: readonly LegacySourceInfo[],
    actor: Actor,
  ): Promise<UpgradeView> {
    const { store } = this.deps;
    const upgradedBefore = await store.integrationUpgrades.countUpgraded(upgrade.id);
    const total = upgradedBefore + sources.length;
    const { connection, syncRunId } = await this.connectionAndCrawl(upgrade, details, credentials, existing, actor);
    await store.integrationUpgrades.progress(upgrade.id, { phase: 'crawling', syncRunId, total, upgraded: upgradedBefore }, nowIso());
    const crawl = await waitForSyncRun(store, syncRunId, CRAWL_WAIT_MS);
    if (crawl?.state !== SYNC_RUN_STATES.completed) {
      const failureMessage = crawl ? `The connection's crawl (sync run ${syncRunId}) ended ${crawl.state}: ${crawl.failureMessage ?? 'see the run'}; nothing was upgraded` : `The connection's crawl (sync run ${syncRunId}) did not end in time; run the upgrade again once it has`;
      await store.integrationUpgrades.finish(upgrade.id, { state: 'failed', notUpgraded: [], failureMessage }, nowIso());
      return view((await store.integrationUpgrades.findById(upgrade.id))!);
    }
    await store.integrationUpgrades.progress(upgrade.id, { phase: 'mapping' }, nowIso());
    const sightings = await this.storeSightings(connection, sources, crawl);
    const planned = planSources(connection.connectionKey, sources, (path) => sightings.get(pathKey(path))!, () => undefined);
    const notUpgraded = planned.flatMap((p) => (p.notUpgraded ? [p.notUpgraded] : []));
    const bySource = new Map(sources.map((s) => [s.dataSourceId, s]));
    for (const [containerKey, group] of groupByContainer(sources)) {
      const landing = planned.filter((p) => p.upgraded && pathKey(p.remotePath.slice(0, -1)) === containerKey);
      const left = await store.transaction((repos) => this.adoptInContainer(repos, upgrade, connection, group, landing.map((p) => bySource.get(p.dataSourceId)!), actor));
      notUpgraded.push(...left);
      await store.integrationUpgrades.progress(upgrade.id, { phase: 'mapping', upgraded: await store.integrationUpgrades.countUpgraded(upgrade.id) }, nowIso());
    }
    const state = notUpgraded.length === 0 ? 'complete' : 'partiallyComplete';
    const upgraded = await store.integrationUpgrades.countUpgraded(upgrade.id);
    const integrationRemoved = state === 'complete' && descriptor.integrationEndsWithUpgrade === true;
    await store.transaction(async (repos) => {
      await repos.integrationUpgrades.progress(upgrade.id, { phase: 'done', upgraded }, nowIso());
      await repos.integrationUpgrades.finish(upgrade.id, { state, notUpgraded: notUpgraded.sort((a, b) => a.dataSourceId - b.dataSourceId), failureMessage: null }, nowIso());
      if (integrationRemoved) await repos.integrations.delete(integration.id);
      await repos.audit.insert(
        auditEntry(actor, 'integration.upgraded', {
          target: `integration:${integration.id}`,
          before: { status: integration.status },
          after: { connectionKey: connection.connectionKey, state, upgraded, notUpgraded: notUpgraded.map((n) => ({ dataSourceId: n.dataSourceId, reason: n.reason })), syncRunId, ...(integrationRemoved && { integrationRemoved }) },
        }),
      );
    });
    return view((await store.integrationUpgrades.findById(upgrade.id))!);
  }

  /**
   * The connection of the upgrade and the run crawling it: registered now (credentials tested
   * by the connection service; disabled root, nothing activated), or an earlier run's, crawled
   * again (after its credentials are replaced, when the request sends some).
   */
  private async connectionAndCrawl(
    upgrade: IntegrationUpgradeRecord,
    details: ConnectionDetails,
    credentials: Record<string, unknown> | undefined,
    existing: ConnectionRecord | null,
    actor: Actor,
  ): Promise<{ connection: ConnectionRecord; syncRunId: string }> {
    const { store, queue, connections } = this.deps;
    if (!existing) {
      const registered = await connections.register({ connectionKey: upgrade.connectionKey, connection: details, settings: { isActive: false, activateNewChildren: false } }, actor, false);
      return { connection: (await store.connections.findByKey(upgrade.connectionKey))!, syncRunId: registered.syncRunId! };
    }
    if (credentials) await connections.update(existing.connectionKey, credentials, actor);
    const { run } = await queue.request({ connection: existing, scope: [existing.connectionKey], trigger: 'manual', requestedBy: actor.id, forceRecursive: true });
    return { connection: existing, syncRunId: run.id };
  }

  /** Where each source's table is on the crawled connection. */
  private async storeSightings(connection: ConnectionRecord, sources: readonly LegacySourceInfo[], crawl: SyncRunRecord): Promise<Map<string, TableSighting>> {
    const { store } = this.deps;
    const conflicts = new Set(crawl.errors.filter((e) => e.code === SYNC_ERROR_CODES.OBJECT_UNIQUENESS_VIOLATION).map((e) => pathKey(e.objectPath.slice(1))));
    const sightings = new Map<string, TableSighting>();
    for (const source of sources) {
      const leaf = (await store.objects.findChain(connection.id, source.remotePath))?.at(-1);
      const present = leaf !== undefined && leaf.isLeaf && !leaf.removed && leaf.dataSourceId !== null;
      const claimed = present ? await store.integrationUpgrades.upgradedByDataSource(leaf.dataSourceId!) : undefined;
      sightings.set(pathKey(source.remotePath), { present, conflict: conflicts.has(pathKey(source.remotePath)), claimedBy: claimed?.dataSourceId ?? null });
    }
    return sightings;
  }

  /**
   * One transaction for one remote schema: each source in `landing` moves onto its table of
   * the connection; the schema takes its monitoring. Returns the sources whose table went
   * between the crawl and this transaction (reported as not visible).
   */
  private async adoptInContainer(
    repos: Repositories,
    upgrade: IntegrationUpgradeRecord,
    connection: ConnectionRecord,
    group: readonly LegacySourceInfo[],
    landing: readonly LegacySourceInfo[],
    actor: Actor,
  ): Promise<NotUpgradedSource[]> {
    const now = nowIso();
    const left: NotUpgradedSource[] = [];
    for (const source of landing) {
      const leaf = (await repos.objects.findChain(connection.id, source.remotePath))?.at(-1);
      if (!leaf || leaf.removed || leaf.dataSourceId === null) {
        left.push({ dataSourceId: source.dataSourceId, name: source.handler.name, remotePath: source.remotePath, reason: 'notVisible', suggestedAction: 'The table went from the connection during the upgrade: check it exists and is visible to the connection, then run the upgrade again' });
        continue;
      }
      await repos.dataSources.repoint(source.dataSourceId, leaf.id);
      await repos.dataSources.setOrigin([source.dataSourceId], 'connection');
      // Explicit overrides: its status and owners are the data source's, whatever the schema's.
      await repos.objects.setOverrides(leaf.id, { isActive: source.enabled, ...(source.object.overrides.dataOwners !== null && { dataOwners: source.object.overrides.dataOwners }) }, now);
      await repos.tags.moveNonPlatformTags(source.object.id, leaf.id);
      await repos.columnDescriptions.move(source.object.id, leaf.id);
      await repos.legacyHandlers.delete(source.handler.id);
      await repos.integrationUpgrades.insertUpgradedSource({
        dataSourceId: source.dataSourceId,
        handlerId: source.handler.id,
        legacyName: source.handler.name,
        v2ConnectionKey: source.handler.v2ConnectionKey,
        connectionKey: connection.connectionKey,
        upgradeId: upgrade.id,
        upgradedAt: now,
      });
      await repos.objects.deleteSubtree(source.object);
      await pruneHiddenChain(repos, source.connection.id, source.remotePath.slice(0, -1));
      if (source.schemaProject && (await repos.legacyHandlers.listBySchemaProject(source.schemaProject.id)).length === 0) await repos.schemaProjects.delete(source.schemaProject.id);
      await repos.audit.insert(
        auditEntry(actor, 'legacy.upgraded', {
          target: `dataSource:${source.dataSourceId}`,
          objectPath: [connection.connectionKey, ...source.remotePath],
          before: { name: source.handler.name, handlerId: source.handler.id, objectPath: [source.connection.connectionKey, ...source.remotePath], enabled: source.enabled },
          after: { name: dataSourceName([connection.connectionKey, ...source.remotePath]), enabled: source.enabled },
        }),
      );
    }
    // Schema monitoring on: every table of the schema is a data source, and new ones arrive enabled.
    if (group.some((s) => s.schemaProject?.monitoring)) {
      const container = (await repos.objects.findChain(connection.id, group[0]!.remotePath.slice(0, -1)))?.at(-1);
      if (container) await repos.objects.setOverrides(container.id, { isActive: true, activateNewChildren: true }, now);
    }
    return left;
  }

  private async dryRun(
    integrationId: number,
    connectionKey: string,
    descriptor: TechnologyDescriptor,
    details: ConnectionDetails,
    existing: ConnectionRecord | null,
    sources: readonly LegacySourceInfo[],
    unsupported: (source: LegacySourceInfo) => string | undefined,
  ): Promise<UpgradePlanView> {
    const visible = await this.readPlatform(descriptor, details);
    const claimed = new Map<string, number>();
    if (existing) {
      for (const source of sources) {
        const leaf = (await this.deps.store.objects.findChain(existing.id, source.remotePath))?.at(-1);
        const holder = leaf?.dataSourceId != null ? await this.deps.store.integrationUpgrades.upgradedByDataSource(leaf.dataSourceId) : undefined;
        if (holder) claimed.set(pathKey(source.remotePath), holder.dataSourceId);
      }
    }
    const sighting = (path: readonly string[]): TableSighting => ({
      present: visible.containers.get(pathKey(path.slice(0, -1)))?.tables.includes(path.at(-1)!) ?? false,
      conflict: visible.conflicts.has(pathKey(path)),
      claimedBy: claimed.get(pathKey(path)) ?? null,
    });
    const dataSources = planSources(connectionKey, sources, sighting, unsupported);
    const notUpgraded = dataSources.flatMap((p) => (p.notUpgraded ? [p.notUpgraded] : []));
    return {
      integrationId,
      connectionKey,
      dryRun: true,
      dataSources,
      schemas: planSchemas(visible.containers, dataSources),
      conflicts: [...visible.conflicts].map((key) => JSON.parse(key) as string[]),
      notUpgraded,
      refused: notUpgraded.some((n) => n.reason === 'unsupportedOption'),
    };
  }

  /**
   * What the connection would see, read without writing: the credentials are tested, then the
   * whole platform crawled through the connector (the tables of every container, and names
   * the platform has twice in one container).
   */
  private async readPlatform(descriptor: TechnologyDescriptor, details: ConnectionDetails) {
    const containers = new Map<string, { path: string[]; tables: string[] }>();
    const conflicts = new Set<string>();
    const connector = await this.deps.registry.createConnector(details);
    try {
      await connector.testConnection(this.deps.registry.credentialCheckSignal(details.technology));
      for await (const batch of connector.crawl({ target: [], shouldDescend: () => true }, new AbortController().signal)) {
        if (batch.type !== 'listing' || batch.parent.length !== descriptor.levels.length - 1) continue;
        const entry = containers.get(pathKey(batch.parent)) ?? { path: batch.parent, tables: [] };
        for (const object of batch.objects) {
          if (entry.tables.includes(object.name)) conflicts.add(pathKey([...batch.parent, object.name]));
          else entry.tables.push(object.name);
        }
        containers.set(pathKey(batch.parent), entry);
      }
    } finally {
      await connector.close();
    }
    return { containers, conflicts };
  }

  /** The integration's configuration with `credentials` over it, checked as a connection. */
  private connectionDetails(descriptor: TechnologyDescriptor, integration: IntegrationRecord, credentials: Record<string, unknown> | undefined): ConnectionDetails {
    const details = { ...openConnection(integration.details, integration.secretsCiphertext, this.deps.secrets), ...credentials, technology: descriptor.technology } as ConnectionDetails;
    const authentication = this.deps.registry.authentication(details);
    assertValidConnection(descriptor, authentication, details);
    assertSupportedConnectionStringOptions(descriptor, details);
    return details;
  }

  private async findIntegration(id: number): Promise<IntegrationRecord> {
    const integration = await this.deps.store.integrations.findById(id);
    if (!integration) throw new WardenError('INTEGRATION_NOT_FOUND', { id: String(id) });
    return integration;
  }
}

/** The sources by the container (remote schema; MariaDB: database) their table is in. */
function groupByContainer(sources: readonly LegacySourceInfo[]): Map<string, LegacySourceInfo[]> {
  const groups = new Map<string, LegacySourceInfo[]>();
  for (const source of sources) {
    const key = pathKey(source.remotePath.slice(0, -1));
    groups.set(key, [...(groups.get(key) ?? []), source]);
  }
  return groups;
}

function view(record: IntegrationUpgradeRecord): UpgradeView {
  return {
    integrationId: record.integrationId,
    connectionKey: record.connectionKey,
    state: record.state,
    phase: record.phase,
    syncRunId: record.syncRunId,
    total: record.total,
    upgraded: record.upgraded,
    notUpgraded: record.notUpgraded,
    failureMessage: record.failureMessage,
    startedBy: record.startedBy,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
  };
}
