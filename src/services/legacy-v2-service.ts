import { isDeepStrictEqual } from 'node:util';
import type { ConnectionDetails } from '../connectors/connector.js';
import type { ConnectorRegistry } from '../connectors/registry.js';
import { DEFAULT_NAME_TEMPLATE, renderName, type NameParts } from '../domain/legacy-name-template.js';
import { pathKey } from '../domain/object-path.js';
import { WardenError } from '../errors.js';
import { scopedRunWaitMs } from '../jobs/sync-run-wait.js';
import type { CatalogStore } from '../store/catalog-store.js';
import type { Actor } from './actor.js';
import type { LegacySourceInfo, LegacySourceService } from './legacy-source-service.js';

/** One entry of V2 `sources` (legacy-api.md §3, the suggested table shape). */
export interface V2Source {
  table: string;
  /** Default: `connection.schema` (MariaDB/MySQL: the database). */
  schema?: string;
  naming?: { datasource?: string };
}

/** V2 `nameTemplate`; names are lower-cased. */
export interface V2NameTemplate {
  dataSourceFormat?: string;
  tableFormat?: string;
  schemaFormat?: string;
  schemaProjectNameFormat?: string;
}

/** The body of `POST /api/v2/data`. */
export interface V2Declaration {
  connectionKey: string;
  /** `handler` is the technology; `authenticationMethod` its authentication type; the rest the descriptor's connection fields plus `database` and `schema`. */
  connection: Record<string, unknown> & { handler: string; database: string; schema?: string };
  nameTemplate?: V2NameTemplate;
  owners?: { type: 'user' | 'group'; name: string; iam?: string }[];
  /** Omitted: every table of `connection.schema`, or of the database when that is omitted too (schema monitoring on). */
  sources?: V2Source[];
}

/** The V2 answer: data source names by what happens to them. */
export interface V2Outcome {
  dryRun: boolean;
  creating: string[];
  updating: string[];
  deleting: string[];
  noChange: string[];
  /** Whether a schema detection job started: Warden registers synchronously, so never. */
  detectionRunning: false;
  /** V2 auto-tagging (`options.tableTags`) is not supported: never. */
  tagsUpdated: false;
}

export interface LegacyV2ServiceDeps {
  store: CatalogStore;
  registry: ConnectorRegistry;
  sources: LegacySourceService;
}

/** V2 connection fields Warden accepts and does not use. */
const IGNORED_CONNECTION_FIELDS = ['handler', 'authenticationMethod', 'schema', 'ssl'] as const;

/** A table the declaration wants, with the name it gets. */
interface Desired {
  path: string[];
  parts: NameParts;
  name: string;
}

/**
 * The declarative V2 API (`/api/v2/data`, legacy-api.md §3) over the legacy registrations: a
 * `connectionKey` names a set of legacy data sources (their handlers' `v2_connection_key`);
 * each POST states the whole desired set, and the difference is created, renamed or removed
 * through {@link LegacySourceService}. The steps are not one transaction: removals go first
 * (freeing names), then renames, then one all-or-nothing registration of the new tables.
 */
export class LegacyV2Service {
  constructor(private readonly deps: LegacyV2ServiceDeps) {}

  async declare(declaration: V2Declaration, options: { dryRun: boolean }, actor: Actor): Promise<V2Outcome> {
    const { connection } = declaration;
    const technology = this.deps.registry.get(connection.handler).technology;
    const fields = connectionFields(connection);
    const { details, connectionString } = this.deps.sources.connectionFor(technology, fields, connection.database, 'connection');
    await this.assertOnlyKeyFor(declaration.connectionKey, technology, details, connection.database);
    await this.deps.sources.testDetails(details);
    const desired = await this.desiredTables(declaration, details, connectionString);
    const current = await this.deps.sources.sourcesOfV2Key(declaration.connectionKey);
    // Other connection info under the same key: the old data sources go, the new ones come.
    const moved = current.length > 0 && current[0]!.connection.legacyConnectionString !== connectionString;
    const byPath = new Map(moved ? [] : current.map((source) => [pathKey(source.remotePath), source]));
    const wanted = new Set(desired.map((d) => pathKey(d.path)));
    const outcome = emptyOutcome(options.dryRun);
    const creating: Desired[] = [];
    const renaming: { source: LegacySourceInfo; name: string }[] = [];
    for (const table of desired) {
      const source = byPath.get(pathKey(table.path));
      if (!source) creating.push(table);
      else if (source.handler.name !== table.name) renaming.push({ source, name: table.name });
      else outcome.noChange.push(table.name);
    }
    const deleting = current.filter((source) => moved || !wanted.has(pathKey(source.remotePath)));
    // Same connection string, other details (a rotated password): the kept data sources take them.
    const kept = current.filter((source) => !deleting.includes(source));
    const refreshed = kept.length > 0 && !this.deps.sources.hasDetails(kept[0]!, details) ? kept : [];
    for (const source of refreshed) if (!renaming.some((r) => r.source === source)) moveToUpdating(outcome, source.handler.name);
    await this.assertNamesFree(desired, current);
    outcome.creating.push(...creating.map((t) => t.name));
    outcome.updating.push(...renaming.map((r) => r.name));
    outcome.deleting.push(...deleting.map((s) => s.handler.name));
    if (options.dryRun) return outcome;

    for (const source of deleting) await this.deps.sources.remove(source.dataSourceId, actor);
    for (const { source, name } of renaming) await this.deps.sources.rename(source.dataSourceId, name, actor);
    if (refreshed.length > 0) await this.deps.sources.replaceDetails(refreshed, fields, undefined, actor);
    if (creating.length > 0) {
      await this.deps.sources.register(
        {
          technology,
          handlers: creating.map((t) => ({ ...fields, database: t.parts.database, ...(t.path.length === 3 && { schema: t.parts.schema }), table: t.parts.tablename, dataSourceName: t.name })),
          ...(declaration.owners && { dataSource: { owner: { profiles: declaration.owners.filter((o) => o.type === 'user').map((o) => o.name), groups: declaration.owners.filter((o) => o.type === 'group').map((o) => o.name) } } }),
          schemaEvolution: {
            // Every table of a schema or database: its new tables are the monitor's to register.
            ...(declaration.sources === undefined && { disabled: false }),
            config: { nameTemplate: v1Template(declaration.nameTemplate) },
          },
          v2ConnectionKey: declaration.connectionKey,
        },
        actor,
      );
    }
    return outcome;
  }

  /** Removes every data source of `connectionKey`; CONNECTION_NOT_FOUND (404) when it has none: Terraform's existence probe with `dryRun`. */
  async deleteKey(connectionKey: string, options: { dryRun: boolean }, actor: Actor): Promise<V2Outcome> {
    const current = await this.deps.sources.sourcesOfV2Key(connectionKey);
    if (current.length === 0) throw new WardenError('CONNECTION_NOT_FOUND', { connectionKey });
    const outcome = { ...emptyOutcome(options.dryRun), deleting: current.map((s) => s.handler.name) };
    if (!options.dryRun) for (const source of current) await this.deps.sources.remove(source.dataSourceId, actor);
    return outcome;
  }

  /**
   * Renames data sources of `connectionKey` (the display name edit): those `sources` name get
   * their `naming.datasource`; with `nameTemplate.dataSourceFormat`, every other one its
   * rendering. CONNECTION_NOT_FOUND when the key has no data sources.
   */
  async rename(connectionKey: string, edit: { nameTemplate?: V2NameTemplate; sources?: V2Source[] }, options: { dryRun: boolean }, actor: Actor): Promise<V2Outcome> {
    const current = await this.deps.sources.sourcesOfV2Key(connectionKey);
    if (current.length === 0) throw new WardenError('CONNECTION_NOT_FOUND', { connectionKey });
    const outcome = emptyOutcome(options.dryRun);
    const renames: { source: LegacySourceInfo; name: string }[] = [];
    for (const source of current) {
      const parts = partsOf(source);
      const named = edit.sources?.find((s) => s.table === parts.tablename && (s.schema ?? parts.schema) === parts.schema)?.naming?.datasource;
      const format = edit.nameTemplate?.dataSourceFormat;
      const name = named ?? (format ? renderName(format, parts, { lowerCase: true }) : source.handler.name);
      if (name === source.handler.name) outcome.noChange.push(name);
      else {
        outcome.updating.push(name);
        renames.push({ source, name });
      }
    }
    if (!options.dryRun) for (const { source, name } of renames) await this.deps.sources.rename(source.dataSourceId, name, actor);
    return outcome;
  }

  /** Refuses, before anything changes, names used twice in the declaration or held by data sources outside it. */
  private async assertNamesFree(desired: readonly Desired[], current: readonly LegacySourceInfo[]): Promise<void> {
    const seen = new Set<string>();
    for (const { name } of desired) {
      if (seen.has(name)) throw new WardenError('VALIDATION_FAILED', { detail: `two sources would both be named "${name}": data source names are unique; set naming.datasource or nameTemplate.dataSourceFormat` });
      seen.add(name);
    }
    const ours = new Set(current.map((s) => s.handler.name));
    const [taken] = (await this.deps.store.legacyHandlers.takenNames([...seen])).filter((name) => !ours.has(name));
    if (taken !== undefined) throw new WardenError('LEGACY_NAME_TAKEN', { name: taken });
  }

  /** "You may only define data sources for the same connection once": the same host and database under another key is refused. */
  private async assertOnlyKeyFor(connectionKey: string, technology: string, details: ConnectionDetails, database: string): Promise<void> {
    const { credentialRoute } = this.deps.registry.get(technology);
    const place = (d: Record<string, unknown>) => credentialRoute.map((field) => d[field]).filter((v) => typeof v === 'string' || typeof v === 'number');
    const others = (await this.deps.store.legacyHandlers.listV2Declared()).filter((h) => h.v2ConnectionKey !== connectionKey);
    const clash = others.find((h) => h.technology === technology && h.remoteDatabase === database && isDeepStrictEqual(place(h.details), place(details)));
    if (clash) {
      throw new WardenError('VALIDATION_FAILED', { detail: `You may only define data sources for the same connection once. connectionKey "${clash.v2ConnectionKey}" defines data sources of this host and database already` });
    }
  }

  /** The tables the declaration wants: its `sources`, or every table the platform shows in the schema (or database). */
  private async desiredTables(declaration: V2Declaration, details: ConnectionDetails, connectionString: string): Promise<Desired[]> {
    const { connection } = declaration;
    const levels = this.deps.registry.get(details.technology).levels;
    const database = connection.database;
    const defaultSchema = levels.length === 3 ? connection.schema : database;
    const tables: { schema: string; table: string; name?: string }[] = declaration.sources
      ? declaration.sources.map((source, i) => {
          const schema = source.schema ?? defaultSchema;
          if (schema === undefined) throw new WardenError('VALIDATION_FAILED', { detail: `sources[${i}].schema is required when connection.schema is not given` });
          return { schema, table: source.table, ...(source.naming?.datasource && { name: source.naming.datasource }) };
        })
      : await this.remoteTables(details, connectionString, levels.length === 3 && connection.schema !== undefined ? [database, connection.schema] : [database]);
    const format = declaration.nameTemplate?.dataSourceFormat ?? DEFAULT_NAME_TEMPLATE.nameFormat;
    return tables.map(({ schema, table, name }) => {
      const parts = { database, schema, tablename: table };
      return { path: levels.length === 3 ? [database, schema, table] : [database, table], parts, name: name ?? renderName(format, parts, { lowerCase: true }) };
    });
  }

  /** The tables below `container` ([database] or [database, schema]), read through the connector's crawl (nothing is stored). */
  private async remoteTables(details: ConnectionDetails, connectionString: string, container: string[]): Promise<{ schema: string; table: string }[]> {
    const levels = this.deps.registry.get(details.technology).levels;
    const connector = await this.deps.registry.createConnector(details);
    const tables: { schema: string; table: string }[] = [];
    try {
      const scope = { target: container.map((name) => ({ name, stableId: null })), shouldDescend: () => true };
      for await (const batch of connector.crawl(scope, AbortSignal.timeout(scopedRunWaitMs(this.deps.registry.timeoutsFor(details.technology))))) {
        if (batch.type === 'failure') throw new WardenError('TABLE_NOT_VISIBLE', { table: batch.path.join('.'), connectionString, cause: batch.message });
        if (batch.type !== 'listing' || batch.parent.length !== levels.length - 1) continue;
        const schema = batch.parent.at(-1)!;
        for (const object of batch.objects) tables.push({ schema, table: object.name });
      }
    } finally {
      await connector.close();
    }
    return tables;
  }
}

/** A kept data source whose connection details change is updating, not unchanged. */
function moveToUpdating(outcome: V2Outcome, name: string): void {
  outcome.noChange = outcome.noChange.filter((n) => n !== name);
  outcome.updating.push(name);
}

function emptyOutcome(dryRun: boolean): V2Outcome {
  return { dryRun, creating: [], updating: [], deleting: [], noChange: [], detectionRunning: false, tagsUpdated: false };
}

/** The handler metadata fields of a V2 `connection`: its connection fields, `authenticationMethod` as the authentication type. */
function connectionFields(connection: V2Declaration['connection']): Record<string, unknown> {
  const fields = Object.fromEntries(Object.entries(connection).filter(([key]) => !(IGNORED_CONNECTION_FIELDS as readonly string[]).includes(key)));
  return { ...fields, ...(typeof connection.authenticationMethod === 'string' && { authenticationType: connection.authenticationMethod }) };
}

/** A V2 name template as the V1 one schema projects keep. */
function v1Template(template: V2NameTemplate | undefined) {
  return {
    ...(template?.dataSourceFormat && { nameFormat: template.dataSourceFormat }),
    ...(template?.tableFormat && { tableFormat: template.tableFormat }),
    ...(template?.schemaFormat && { sqlSchemaNameFormat: template.schemaFormat }),
    ...(template?.schemaProjectNameFormat && { schemaProjectNameFormat: template.schemaProjectNameFormat }),
  };
}

function partsOf(source: LegacySourceInfo): NameParts {
  return { database: source.handler.remoteDatabase ?? source.remotePath[0]!, schema: source.handler.remoteSchema ?? source.remotePath[0]!, tablename: source.handler.remoteTable };
}
