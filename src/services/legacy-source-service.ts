import { isDeepStrictEqual } from 'node:util';
import { assertValidConnection } from '../connectors/connection-schema.js';
import type { ConnectionDetails } from '../connectors/connector.js';
import type { ConnectorRegistry } from '../connectors/registry.js';
import type { TechnologyDescriptor } from '../connectors/technology.js';
import { nowIso } from '../clock.js';
import { hiddenConnectionKey, legacyConnectionString } from '../domain/legacy-connection-string.js';
import { completeTemplate, renderName, sqlName, type LegacyNameTemplate, type NameParts } from '../domain/legacy-name-template.js';
import { describePath, pathKey } from '../domain/object-path.js';
import { resolveSettings, type Principal } from '../domain/settings.js';
import { SYNC_RUN_STATES } from '../domain/sync-run-states.js';
import { WardenError } from '../errors.js';
import type { SyncRunQueue } from '../jobs/sync-run-queue.js';
import { scopedRunWaitMs, waitForSyncRun } from '../jobs/sync-run-wait.js';
import type { CatalogStore, Repositories } from '../store/catalog-store.js';
import { refusedBy } from '../store/store-dialect.js';
import type { ConnectionRecord } from '../store/repositories/connection-repository.js';
import type { LegacyHandlerRecord } from '../store/repositories/legacy-handler-repository.js';
import type { ObjectRecord } from '../store/repositories/object-repository.js';
import type { SchemaProjectRecord } from '../store/repositories/schema-project-repository.js';
import { auditEntry, type Actor } from './actor.js';
import { openConnection, redactedDetails, sealConnection } from './connection-secrets.js';
import {
  IGNORED_METADATA,
  LOCATION_FIELDS,
  locationOf,
  nameOf,
  ownersOf,
  projectSettings,
  remotePathOf,
  type LegacyRegistrationInput,
  type ProjectSettings,
  type SchemaEvolutionInput,
} from './legacy-registration-inputs.js';
import type { SecretBox } from './secret-box.js';

export type { LegacyOwnersInput, LegacyRegistrationInput, SchemaEvolutionInput } from './legacy-registration-inputs.js';

/** What a registration answers per table (the legacy `{id, dataSourceId, warnings, connectionString}`). */
export interface RegisteredLegacySource {
  /** The handler id. */
  id: number;
  dataSourceId: number;
  name: string;
  connectionString: string;
  schemaProjectId: number;
  warnings: string[];
}

/** A legacy data source with everything the legacy routes and the upgrade read about it. */
export interface LegacySourceInfo {
  dataSourceId: number;
  handler: LegacyHandlerRecord;
  schemaProject: SchemaProjectRecord | null;
  /** The hidden legacy connection its table belongs to. */
  connection: ConnectionRecord;
  /** The table's object. */
  object: ObjectRecord;
  /** The remote table's path below the connection: [database, schema, table], or [database, table]. */
  remotePath: string[];
  /** The effective status: enabled (true) or disabled. */
  enabled: boolean;
}

export interface LegacySourceServiceDeps {
  store: CatalogStore;
  registry: ConnectorRegistry;
  secrets: SecretBox;
  queue: SyncRunQueue;
}

/** One table of a registration, validated and named. */
interface PlannedTable {
  /** Its position in the request (`handler[i]`). */
  index: number;
  name: string;
  /** Below the connection: [database, schema, table] or [database, table]. */
  path: string[];
  parts: NameParts;
  owners: Principal[];
  warnings: string[];
}

/** The tables of one registration that share connection details (one legacy connection string). */
interface PlannedGroup {
  descriptor: TechnologyDescriptor;
  /** The connection details with their secrets. */
  details: ConnectionDetails;
  connectionString: string;
  tables: PlannedTable[];
}

/** A hidden connection as a registration found or made it, and how to undo that. */
interface HiddenConnection {
  record: ConnectionRecord;
  created: boolean;
  /** The details it had before this registration replaced them, to put back if it fails. */
  replaced: { details: Record<string, unknown>; secretsCiphertext: string | null } | null;
}

/**
 * Legacy data sources registered one by one, with their own connection details (SPEC 2.2,
 * ARCHITECTURE.md "The legacy model"). A legacy data source is an ordinary table object of a
 * hidden connection — one per legacy connection string, never listed, scheduled or crawled
 * whole — read by a sync scoped to that table (the one crawl walk), enabled by its own
 * isActive override, owned by its own dataOwners; its data source row is marked `legacy`, and
 * a handler row and a schema project carry what the legacy API says about it.
 */
export class LegacySourceService {
  constructor(private readonly deps: LegacySourceServiceDeps) {}

  /**
   * Registers the tables of `input`: all of them, or (any refusal) none. Checks the credentials
   * against the platform first, then crawls each table through the sync engine.
   */
  async register(input: LegacyRegistrationInput, actor: Actor): Promise<RegisteredLegacySource[]> {
    const descriptor = this.deps.registry.get(input.technology);
    if (input.handlers.length === 0) throw new WardenError('VALIDATION_FAILED', { detail: 'handler must name at least one table' });
    const owners = ownersOf(input.dataSource?.owner, actor);
    const settings = projectSettings(input.schemaEvolution, actor);
    const groups = this.plan(descriptor, input, owners, settings.template);
    for (const group of groups) await this.testDetails(group.details);
    return this.registerGroups(groups, settings, actor, input.v2ConnectionKey ?? null);
  }

  /**
   * Registers tables of the schema of project `projectId` (schema monitoring's new tables)
   * with the project's connection details, name template and detection owner.
   */
  async registerIntoSchemaProject(projectId: number, tables: readonly { table: string; name?: string }[], actor: Actor): Promise<RegisteredLegacySource[]> {
    const project = await this.deps.store.schemaProjects.findById(projectId);
    const connection = project && (await this.deps.store.connections.findById(project.connectionId));
    if (!project || !connection) throw new WardenError('VALIDATION_FAILED', { detail: `no schema project ${projectId}` });
    const descriptor = this.deps.registry.get(connection.technology);
    const details = openConnection(connection.details, connection.secretsCiphertext, this.deps.secrets);
    const group: PlannedGroup = {
      descriptor,
      details,
      connectionString: connection.legacyConnectionString!,
      tables: tables.map((t, index) => {
        const parts = { database: project.remoteDatabase, schema: project.remoteSchema, tablename: t.table };
        return {
          index,
          name: t.name ?? renderName(project.nameTemplate.nameFormat, parts),
          path: remotePathOf(descriptor, parts),
          parts,
          owners: project.detectionOwner ? [project.detectionOwner] : [],
          warnings: [],
        };
      }),
    };
    const settings: ProjectSettings = { template: project.nameTemplate, monitoring: undefined, detectionOwner: project.detectionOwner, given: false };
    return this.registerGroups([group], settings, actor, null);
  }

  /**
   * Removes a legacy data source: its handler, its data source and its table object, then the
   * parts of its hidden chain nothing else registered uses (the schema project, containers,
   * the hidden connection itself). DATA_SOURCE_NOT_FOUND unless the id is a legacy data source's.
   */
  async remove(dataSourceId: number, actor: Actor): Promise<LegacySourceInfo> {
    const info = await this.describe(dataSourceId);
    if (!info) throw new WardenError('DATA_SOURCE_NOT_FOUND', { id: dataSourceId });
    await this.deps.store.transaction(async (repos) => {
      await removeWithin(repos, info);
      await repos.audit.insert(
        auditEntry(actor, 'legacy.removed', {
          target: `dataSource:${dataSourceId}`,
          before: { name: info.handler.name, handlerId: info.handler.id, technology: info.handler.technology, connectionString: info.connection.legacyConnectionString, remotePath: info.remotePath },
        }),
      );
    });
    return info;
  }

  /**
   * Replaces the connection details of legacy data sources (`PUT /{prefix}/handler/{id}`, and
   * `PUT /{prefix}/bulk` for every source of one connection string): a full replace of the
   * connection fields in `fields` (secrets included), tested first; each table must stay
   * visible. With the same connection string the hidden connection takes the details (for
   * every data source sharing it, as in the legacy API); with another one each data source
   * moves to that string's hidden connection — same data source id, owners, status and
   * user tags — and what the old one no longer needs goes.
   */
  async replaceDetails(sources: readonly LegacySourceInfo[], fields: Record<string, unknown>, schemaEvolution: SchemaEvolutionInput | undefined, actor: Actor): Promise<LegacySourceInfo[]> {
    const [first] = sources;
    if (!first) return [];
    const descriptor = this.deps.registry.get(first.handler.technology);
    const location = (LOCATION_FIELDS as readonly string[]).find((field) => fields[field] !== undefined && fields[field] !== this.locationValue(first, field));
    if (location !== undefined) {
      throw new WardenError('VALIDATION_FAILED', { detail: `metadata.${location} cannot change: the connection details are replaced, the table stays; register the other table instead` });
    }
    const database = first.remotePath[0]!;
    const details = this.detailsOf(descriptor, fields, database, 'metadata');
    const connectionString = legacyConnectionString(descriptor.credentialRoute, details, database);
    await this.testDetails(details);
    const settings = projectSettings(schemaEvolution, actor);
    const group: PlannedGroup = {
      descriptor,
      details,
      connectionString,
      tables: sources.map((source, index) => {
        const parts = { database, schema: source.handler.remoteSchema ?? database, tablename: source.handler.remoteTable };
        return { index, name: source.handler.name, path: source.remotePath, parts, owners: [], warnings: [] };
      }),
    };
    const target = await this.hiddenConnection(group);
    try {
      await this.crawl(target.record, group, actor);
    } catch (error) {
      if (target.record.id !== first.connection.id) await this.undo(target, group);
      else if (target.replaced) await this.deps.store.connections.updateDetails(target.record.id, target.replaced.details, target.replaced.secretsCiphertext, nowIso());
      throw error;
    }
    const handlerDetails = sealConnection(details, this.deps.registry.authentication(details).secretFields, this.deps.secrets).details;
    await this.deps.store.transaction(async (repos) => {
      const now = nowIso();
      for (const [i, source] of sources.entries()) {
        const table = group.tables[i]!;
        let projectId = source.handler.schemaProjectId;
        if (target.record.id !== source.connection.id) projectId = await this.moveSource(repos, source, target.record, table, now);
        if (settings.given && projectId !== null) {
          await repos.schemaProjects.update(projectId, { nameTemplate: settings.template, detectionOwner: settings.detectionOwner, ...(settings.monitoring !== undefined && { monitoring: settings.monitoring }) }, now);
        }
        await repos.legacyHandlers.updateDetails(source.handler.id, handlerDetails, projectId, now);
        await repos.audit.insert(
          auditEntry(actor, 'legacy.updated', {
            target: `dataSource:${source.dataSourceId}`,
            before: { connectionString: source.connection.legacyConnectionString, details: source.handler.details },
            after: { connectionString, details: handlerDetails },
          }),
        );
      }
    });
    return (await Promise.all(sources.map((source) => this.describe(source.dataSourceId)))).filter((i): i is LegacySourceInfo => i !== null);
  }

  /**
   * Moves a legacy data source onto its table's object in hidden connection `target` (just
   * crawled): the data source row, its overrides, its user and system tags and its user-set
   * column descriptions go over, the old object and what of its chain and schema project nothing
   * else holds go. Returns the schema project it belongs to now.
   */
  private async moveSource(repos: Repositories, source: LegacySourceInfo, target: ConnectionRecord, table: PlannedTable, now: string): Promise<number> {
    const leaf = (await repos.objects.findChain(target.id, table.path))?.at(-1);
    if (!leaf) throw new WardenError('TABLE_NOT_VISIBLE', { table: describePath(table.path), connectionString: target.legacyConnectionString ?? '', cause: 'it was removed while it was being moved' });
    await repos.objects.setOverrides(leaf.id, source.object.overrides, now);
    await repos.tags.moveNonPlatformTags(source.object.id, leaf.id);
    await repos.columnDescriptions.move(source.object.id, leaf.id);
    await repos.dataSources.repoint(source.dataSourceId, leaf.id);
    const old = source.schemaProject;
    const settings: ProjectSettings = old
      ? { template: old.nameTemplate, monitoring: old.monitoring, detectionOwner: old.detectionOwner, given: false }
      : { template: completeTemplate(undefined), monitoring: undefined, detectionOwner: null, given: false };
    const project = await this.schemaProjectFor(repos, target.id, table.parts, settings, now);
    // The handler leaves its old project before that (and maybe its connection) can go.
    await repos.legacyHandlers.updateDetails(source.handler.id, source.handler.details, project.id, now);
    await repos.objects.deleteSubtree(source.object);
    if (old && (await repos.legacyHandlers.listBySchemaProject(old.id)).length === 0) await repos.schemaProjects.delete(old.id);
    await pruneHiddenChain(repos, source.connection.id, source.remotePath.slice(0, -1));
    return project.id;
  }

  /** The value the data source's remote table has for a location field of the metadata. */
  private locationValue(source: LegacySourceInfo, field: string): string | undefined {
    if (field === 'table') return source.handler.remoteTable;
    if (field === 'database') return source.remotePath[0];
    return source.handler.remoteSchema ?? undefined;
  }

  /** The legacy data source `dataSourceId` with its handler, schema project and hidden chain; null when it is not one. */
  async describe(dataSourceId: number): Promise<LegacySourceInfo | null> {
    const handler = await this.deps.store.legacyHandlers.findByDataSourceId(dataSourceId);
    return handler ? this.infoOf(handler) : null;
  }

  /** The legacy data source of handler `handlerId`; null when there is none. */
  async describeHandler(handlerId: number): Promise<LegacySourceInfo | null> {
    const handler = await this.deps.store.legacyHandlers.findById(handlerId);
    return handler ? this.infoOf(handler) : null;
  }

  /** Every legacy data source of the hidden connection `connectionId`, by handler id. */
  async sourcesOfConnection(connectionId: number): Promise<LegacySourceInfo[]> {
    const handlers = await this.deps.store.legacyHandlers.listByConnection(connectionId);
    const infos = await Promise.all(handlers.map((h) => this.infoOf(h)));
    return infos.filter((i): i is LegacySourceInfo => i !== null);
  }

  /**
   * Every legacy data source of integration `integrationId`: those whose hidden connection has
   * the integration's technology and place (the single-valued fields of its credential route:
   * host and port, a Snowflake account, …).
   */
  async sourcesOfIntegration(integrationId: number): Promise<LegacySourceInfo[]> {
    const integration = await this.deps.store.integrations.findById(integrationId);
    if (!integration) throw new WardenError('INTEGRATION_NOT_FOUND', { id: String(integrationId) });
    const { credentialRoute } = this.deps.registry.get(integration.technology);
    const hidden = (await this.deps.store.connections.listHidden(integration.technology)).filter((c) => samePlace(credentialRoute, c.details, integration.details));
    return (await Promise.all(hidden.map((c) => this.sourcesOfConnection(c.id)))).flat();
  }

  /** Every legacy data source of `technology` with `connectionString`; LEGACY_CONNECTION_STRING_NOT_FOUND when there is none. */
  async sourcesOfConnectionString(technology: string, connectionString: string): Promise<LegacySourceInfo[]> {
    const connection = await this.deps.store.connections.findHidden(technology, connectionString);
    const sources = connection ? await this.sourcesOfConnection(connection.id) : [];
    if (sources.length === 0) throw new WardenError('LEGACY_CONNECTION_STRING_NOT_FOUND', { technology, connectionString });
    return sources;
  }

  /** Every legacy data source declared under the V2 `connectionKey`. */
  async sourcesOfV2Key(connectionKey: string): Promise<LegacySourceInfo[]> {
    const handlers = await this.deps.store.legacyHandlers.listByV2ConnectionKey(connectionKey);
    return (await Promise.all(handlers.map((h) => this.infoOf(h)))).filter((i): i is LegacySourceInfo => i !== null);
  }

  /**
   * The connection details and connection string that handler metadata `fields` (connection
   * fields, no table) name for a table in `database`; VALIDATION_FAILED naming the field as `where`.
   */
  connectionFor(technology: string, fields: Record<string, unknown>, database: string, where: string): { details: ConnectionDetails; connectionString: string } {
    const descriptor = this.deps.registry.get(technology);
    const details = this.detailsOf(descriptor, fields, database, where);
    return { details, connectionString: legacyConnectionString(descriptor.credentialRoute, details, database) };
  }

  /** Checks connection details against the platform (the connector's error when it refuses). */
  async testDetails(details: ConnectionDetails): Promise<void> {
    const connector = await this.deps.registry.createConnector(details);
    try {
      await connector.testConnection(this.deps.registry.credentialCheckSignal(details.technology));
    } finally {
      await connector.close();
    }
  }

  /** Whether the data source's hidden connection signs in with exactly `details`. */
  hasDetails(info: LegacySourceInfo, details: ConnectionDetails): boolean {
    return isDeepStrictEqual(openConnection(info.connection.details, info.connection.secretsCiphertext, this.deps.secrets), details);
  }

  /** Gives the legacy data source another name (unique: LEGACY_NAME_TAKEN otherwise). */
  async rename(dataSourceId: number, name: string, actor: Actor): Promise<void> {
    const info = await this.describe(dataSourceId);
    if (!info) throw new WardenError('DATA_SOURCE_NOT_FOUND', { id: dataSourceId });
    if (info.handler.name === name) return;
    await this.deps.store.transaction(async (repos) => {
      await repos.legacyHandlers.rename(info.handler.id, name, nowIso()).catch(refusedBy('unique', () => new WardenError('LEGACY_NAME_TAKEN', { name })));
      await repos.audit.insert(auditEntry(actor, 'legacy.renamed', { target: `dataSource:${dataSourceId}`, before: { name: info.handler.name }, after: { name } }));
    });
  }

  /** The handler's metadata as the legacy routes show it: its connection details (secrets `[REDACTED]`) and its table. */
  redactedMetadata(info: LegacySourceInfo): Record<string, unknown> {
    const { technology: _technology, ...details } = redactedDetails(info.handler.details, info.connection.secretsCiphertext, this.deps.secrets);
    const [database, ...rest] = info.remotePath;
    return { ...details, database, ...(rest.length === 2 && { schema: rest[0] }), table: info.handler.remoteTable, dataSourceName: info.handler.name };
  }

  /** Validates and names every table; groups them by connection string. Reads the store, writes nothing. */
  private plan(descriptor: TechnologyDescriptor, input: LegacyRegistrationInput, owners: Principal[], template: LegacyNameTemplate): PlannedGroup[] {
    const groups = new Map<string, PlannedGroup>();
    const seenTables = new Map<string, number>();
    const seenNames = new Map<string, number>();
    input.handlers.forEach((metadata, index) => {
      const where = `handler[${index}].metadata`;
      const parts = locationOf(descriptor, metadata, where);
      const details = this.detailsOf(descriptor, metadata, parts.database, where);
      const connectionString = legacyConnectionString(descriptor.credentialRoute, details, parts.database);
      const path = remotePathOf(descriptor, parts);
      const tableKey = `${connectionString}\n${pathKey(path)}`;
      const twin = seenTables.get(tableKey);
      if (twin !== undefined) throw new WardenError('VALIDATION_FAILED', { detail: `handler[${twin}] and handler[${index}] name the same table ${describePath(path)}: each table once per request` });
      seenTables.set(tableKey, index);
      const name = nameOf(metadata, input, template, parts);
      const namesake = seenNames.get(name);
      if (namesake !== undefined) throw new WardenError('VALIDATION_FAILED', { detail: `handler[${namesake}] and handler[${index}] would both be named "${name}": data source names are unique; set metadata.dataSourceName or a name template` });
      seenNames.set(name, index);
      const warnings = IGNORED_METADATA.filter((field) => metadata[field] !== undefined).map((field) => `${where}.${field} is accepted and not used by Warden`);
      const group = groups.get(connectionString) ?? { descriptor, details, connectionString, tables: [] };
      if (!isDeepStrictEqual(group.details, details)) {
        throw new WardenError('VALIDATION_FAILED', { detail: `${where} has connection string ${connectionString} with other connection details than an earlier handler: send the same details for the same connection string` });
      }
      group.tables.push({ index, name, path, parts, owners, warnings });
      groups.set(connectionString, group);
    });
    return [...groups.values()];
  }

  /** The connection details in `metadata`, in the descriptor's shape (VALIDATION_FAILED naming the field otherwise). */
  private detailsOf(descriptor: TechnologyDescriptor, metadata: Record<string, unknown>, database: string, where: string): ConnectionDetails {
    const fields = Object.fromEntries(
      Object.entries(metadata).filter(([key]) => !(LOCATION_FIELDS as readonly string[]).includes(key) && !(IGNORED_METADATA as readonly string[]).includes(key) && key !== 'dataSourceName'),
    );
    const details = {
      ...fields,
      technology: descriptor.technology,
      authenticationType: fields.authenticationType ?? descriptor.authenticationTypes[0]!.name,
      // Where the technology connects to a database, it is the remote table's.
      ...('database' in descriptor.connectionFields && { database }),
    } as ConnectionDetails;
    try {
      // Connection string options connections do not support are legacy-valid (the upgrade guide): kept, and the upgrade refuses them.
      assertValidConnection(descriptor, this.deps.registry.authentication(details), details);
    } catch (error) {
      if (error instanceof WardenError && error.code === 'VALIDATION_FAILED') {
        throw new WardenError('VALIDATION_FAILED', { detail: `${where}: ${String(error.params.detail).replace(/^connection\.?/, '')}` });
      }
      throw error;
    }
    return details;
  }

  private async registerGroups(groups: PlannedGroup[], settings: ProjectSettings, actor: Actor, v2ConnectionKey: string | null): Promise<RegisteredLegacySource[]> {
    await this.assertNew(groups);
    const hidden: { group: PlannedGroup; connection: HiddenConnection }[] = [];
    try {
      for (const group of groups) hidden.push({ group, connection: await this.hiddenConnection(group) });
      for (const { group, connection } of hidden) await this.crawl(connection.record, group, actor);
      return await this.deps.store.transaction(async (repos) => {
        const registered: RegisteredLegacySource[] = [];
        for (const { group, connection } of hidden) {
          for (const table of group.tables) registered.push(await this.createSource(repos, connection, group, table, settings, actor, v2ConnectionKey));
        }
        return registered.sort((a, b) => a.id - b.id);
      });
    } catch (error) {
      // Nothing registered: what this registration made or replaced goes back to how it was.
      for (const { group, connection } of hidden) await this.undo(connection, group);
      throw error;
    }
  }

  /** Refuses names that are taken and tables that are registered already (the store decides again on insert). */
  private async assertNew(groups: readonly PlannedGroup[]): Promise<void> {
    const { store } = this.deps;
    const [taken] = await store.legacyHandlers.takenNames(groups.flatMap((g) => g.tables.map((t) => t.name)));
    if (taken !== undefined) throw new WardenError('LEGACY_NAME_TAKEN', { name: taken });
    for (const group of groups) {
      const connection = await store.connections.findHidden(group.descriptor.technology, group.connectionString);
      if (!connection) continue;
      for (const table of group.tables) {
        const leaf = (await store.objects.findChain(connection.id, table.path))?.at(-1);
        const handler = leaf?.dataSourceId != null ? await store.legacyHandlers.findByDataSourceId(leaf.dataSourceId) : undefined;
        if (handler) {
          throw new WardenError('TABLE_ALREADY_REGISTERED', { table: describePath(table.path), connectionString: group.connectionString, dataSourceId: handler.dataSourceId, name: handler.name });
        }
      }
    }
  }

  /** The hidden connection of the group's connection string, created (with its root) or given the group's details. */
  private async hiddenConnection(group: PlannedGroup): Promise<HiddenConnection> {
    const { store, registry, secrets } = this.deps;
    const technology = group.descriptor.technology;
    const sealed = sealConnection(group.details, registry.authentication(group.details).secretFields, secrets);
    const existing = await store.connections.findHidden(technology, group.connectionString);
    if (existing) {
      // Same connection string, other details (a new password, TLS settings): they were just tested, so they serve every table of it from now on.
      if (isDeepStrictEqual(openConnection(existing.details, existing.secretsCiphertext, secrets), group.details)) return { record: existing, created: false, replaced: null };
      await store.connections.updateDetails(existing.id, sealed.details, sealed.secretsCiphertext, nowIso());
      return { record: { ...existing, ...sealed }, created: false, replaced: { details: existing.details, secretsCiphertext: existing.secretsCiphertext } };
    }
    const now = nowIso();
    try {
      const created = await store.transaction(async (repos) => {
        const record = await repos.connections.insert(
          { connectionKey: hiddenConnectionKey(technology, group.connectionString), technology, ...sealed, createdBy: null, legacyConnectionString: group.connectionString },
          now,
        );
        // Disabled and inheriting nothing: each registered table is enabled by its own override.
        await repos.objects.insertRoot(record.id, record.connectionKey, { isActive: false, activateNewChildren: false, dataOwners: [] }, now);
        return record;
      });
      return { record: created, created: true, replaced: null };
    } catch (error) {
      // Another registration of the same connection string created it first: use that one.
      const raced = await store.connections.findHidden(technology, group.connectionString);
      if (!raced) throw error;
      return { record: raced, created: false, replaced: null };
    }
  }

  /**
   * One sync scoped to each table, through the queue and the worker; TABLE_NOT_VISIBLE for the
   * first table it did not bring. Runs of disjoint tables may run at once, but two that both
   * create a container the hidden connection lacks would collide on it: the first table of each
   * schema goes alone, one after the other, the rest together.
   */
  private async crawl(connection: ConnectionRecord, group: PlannedGroup, actor: Actor): Promise<void> {
    const pioneers = new Map<string, PlannedTable>();
    for (const table of group.tables) if (!pioneers.has(pathKey(table.path.slice(0, -1)))) pioneers.set(pathKey(table.path.slice(0, -1)), table);
    const first = new Set(pioneers.values());
    for (const table of first) await this.crawlTables(connection, group, [table], actor);
    await this.crawlTables(connection, group, group.tables.filter((table) => !first.has(table)), actor);
  }

  private async crawlTables(connection: ConnectionRecord, group: PlannedGroup, tables: readonly PlannedTable[], actor: Actor): Promise<void> {
    const { store, queue, registry } = this.deps;
    const runs = [];
    for (const table of tables) {
      const scope = [connection.connectionKey, ...table.path];
      runs.push({ table, run: (await queue.request({ connection, scope, trigger: 'registration', requestedBy: actor.id, forceRecursive: false })).run });
    }
    const within = scopedRunWaitMs(registry.timeoutsFor(connection.technology));
    for (const { table, run } of runs) {
      const ended = await waitForSyncRun(store, run.id, within);
      const leaf = (await store.objects.findChain(connection.id, table.path))?.at(-1);
      // A completed run that leaves the table present is enough: tags it could not read are the next sync's.
      if (ended?.state === SYNC_RUN_STATES.completed && leaf?.isLeaf && !leaf.removed && leaf.dataSourceId !== null) continue;
      const absent = 'the platform has no such table, or the user may not read it';
      const cause = !ended
        ? `its sync run ${run.id} did not end within ${within} ms`
        : ended.errors.some((e) => e.code === 'OBJECT_NOT_FOUND')
          ? absent
          : (ended.failureMessage ?? ended.errors[0]?.message ?? absent);
      throw new WardenError('TABLE_NOT_VISIBLE', { table: describePath(table.path), connectionString: group.connectionString, cause });
    }
  }

  /** The data source of one crawled table: enabled, owned, marked legacy, with its handler and schema project; its audit row. */
  private async createSource(
    repos: Repositories,
    connection: HiddenConnection,
    group: PlannedGroup,
    table: PlannedTable,
    settings: ProjectSettings,
    actor: Actor,
    v2ConnectionKey: string | null,
  ): Promise<RegisteredLegacySource> {
    const now = nowIso();
    const leaf = (await repos.objects.findChain(connection.record.id, table.path))?.at(-1);
    if (!leaf || leaf.dataSourceId === null) throw new WardenError('TABLE_NOT_VISIBLE', { table: describePath(table.path), connectionString: group.connectionString, cause: 'it was removed while it was being registered' });
    const project = await this.schemaProjectFor(repos, connection.record.id, table.parts, settings, now);
    await repos.objects.setOverrides(leaf.id, { isActive: true, dataOwners: table.owners }, now);
    await repos.dataSources.setOrigin([leaf.dataSourceId], 'legacy');
    const template = settings.given ? settings.template : project.nameTemplate;
    const handler = await repos.legacyHandlers
      .insert(
        {
          dataSourceId: leaf.dataSourceId,
          name: table.name,
          technology: group.descriptor.technology,
          details: sealConnection(group.details, this.deps.registry.authentication(group.details).secretFields, this.deps.secrets).details,
          remoteDatabase: table.parts.database,
          remoteSchema: table.parts.schema,
          remoteTable: table.parts.tablename,
          schemaProjectId: project.id,
          sqlSchemaName: sqlName(template.sqlSchemaNameFormat, table.parts),
          sqlTableName: sqlName(template.tableFormat, table.parts),
          v2ConnectionKey,
        },
        now,
      )
      .catch(refusedBy('unique', () => new WardenError('LEGACY_NAME_TAKEN', { name: table.name })));
    await repos.audit.insert(
      auditEntry(actor, 'legacy.registered', {
        target: `dataSource:${leaf.dataSourceId}`,
        after: {
          name: table.name,
          handlerId: handler.id,
          technology: group.descriptor.technology,
          connectionString: group.connectionString,
          remotePath: table.path,
          schemaProjectId: project.id,
          owners: table.owners,
          ...(connection.created && { hiddenConnectionCreated: true }),
          ...(connection.replaced && { connectionDetailsReplaced: true }),
          ...(v2ConnectionKey !== null && { v2ConnectionKey }),
        },
      }),
    );
    return { id: handler.id, dataSourceId: leaf.dataSourceId, name: table.name, connectionString: group.connectionString, schemaProjectId: project.id, warnings: table.warnings };
  }

  /** The schema project of the table's remote schema: found (taking the request's settings when it sent some) or created under a free name. */
  private async schemaProjectFor(repos: Repositories, connectionId: number, parts: NameParts, settings: ProjectSettings, now: string): Promise<SchemaProjectRecord> {
    const existing = await repos.schemaProjects.findByRemote(connectionId, parts.database, parts.schema);
    if (existing) {
      if (!settings.given) return existing;
      const changes = { nameTemplate: settings.template, detectionOwner: settings.detectionOwner, ...(settings.monitoring !== undefined && { monitoring: settings.monitoring }) };
      await repos.schemaProjects.update(existing.id, changes, now);
      return { ...existing, ...changes, updatedAt: now };
    }
    const base = renderName(settings.template.schemaProjectNameFormat, parts);
    const taken = await repos.schemaProjects.namesStartingWith(base);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    return repos.schemaProjects.insert(
      { name, connectionId, remoteDatabase: parts.database, remoteSchema: parts.schema, monitoring: settings.monitoring ?? false, nameTemplate: settings.template, detectionOwner: settings.detectionOwner },
      now,
    );
  }

  /** Puts back what a failed registration made: its chains (and the hidden connection, if it holds nothing else) and replaced details. */
  private async undo(connection: HiddenConnection, group: PlannedGroup): Promise<void> {
    await this.deps.store.transaction(async (repos) => {
      for (const table of group.tables) await pruneHiddenChain(repos, connection.record.id, table.path);
      if (connection.replaced && (await repos.connections.findById(connection.record.id))) {
        await repos.connections.updateDetails(connection.record.id, connection.replaced.details, connection.replaced.secretsCiphertext, nowIso());
      }
    });
  }

  private async infoOf(handler: LegacyHandlerRecord): Promise<LegacySourceInfo | null> {
    const { store } = this.deps;
    const objectId = await store.dataSources.objectIdOf(handler.dataSourceId);
    const object = objectId === undefined ? undefined : await store.objects.findById(objectId);
    const connection = object && (await store.connections.findById(object.connectionId));
    if (!object || !connection) return null;
    const path = (await store.objects.pathsOf([object])).get(object.id)!.slice(1);
    const chain = await store.objects.findChain(connection.id, path);
    return {
      dataSourceId: handler.dataSourceId,
      handler,
      schemaProject: handler.schemaProjectId === null ? null : ((await store.schemaProjects.findById(handler.schemaProjectId)) ?? null),
      connection,
      object,
      remotePath: path,
      enabled: chain !== undefined && !object.removed && resolveSettings(chain.map((o) => o.overrides)).isActive,
    };
  }
}

/**
 * Whether two sets of connection details of one technology reach the same place: the same
 * single-valued fields of its credential route (host and port, a Snowflake account, …). An
 * integration's legacy data sources are those registered at its place.
 */
export function samePlace(credentialRoute: readonly string[], a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const place = (details: Readonly<Record<string, unknown>>) => credentialRoute.map((field) => details[field]).filter((v) => typeof v === 'string' || typeof v === 'number');
  return isDeepStrictEqual(place(a), place(b));
}

/**
 * Removes a legacy data source inside the caller's transaction, without an audit row (the
 * caller writes one: `remove`'s, or a bulk delete's one row for all): its table object (data
 * source and handler cascade), then the schema project, containers and hidden connection
 * nothing registered holds any more.
 */
export async function removeWithin(repos: Repositories, info: LegacySourceInfo): Promise<void> {
  await repos.objects.deleteSubtree(info.object);
  await pruneHiddenChain(repos, info.connection.id, info.remotePath.slice(0, -1));
  if (info.schemaProject && (await repos.legacyHandlers.listBySchemaProject(info.schemaProject.id)).length === 0) {
    await repos.schemaProjects.delete(info.schemaProject.id);
  }
}

/**
 * Deletes, from the deepest up, the objects along `path` of a hidden connection that hold no
 * legacy data source, and the connection itself once its root holds nothing.
 */
export async function pruneHiddenChain(repos: Repositories, connectionId: number, path: readonly string[]): Promise<void> {
  const root = await repos.objects.findRoot(connectionId);
  if (!root) return;
  const chain: ObjectRecord[] = [];
  let parent: ObjectRecord = root;
  for (const name of path) {
    const child = await repos.objects.findChild(parent.id, name);
    if (!child) break;
    chain.push(child);
    parent = child;
  }
  for (const object of chain.reverse()) {
    if (await repos.objects.holdsLegacyDataSource(object)) return;
    await repos.objects.deleteSubtree(object);
  }
  if ((await repos.objects.listChildren(root.id)).length === 0) await repos.connections.delete(connectionId);
}
