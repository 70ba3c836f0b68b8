import type { TechnologyDescriptor } from '../connectors/technology.js';
import { dataSourceName, describePath, pathKey } from '../domain/object-path.js';
import type { NotUpgradedReason, NotUpgradedSource } from '../store/repositories/integration-upgrade-repository.js';
import type { LegacySourceInfo } from './legacy-source-service.js';

/** What the upgrade knows about where a legacy data source's table is on the new connection. */
export interface TableSighting {
  /** The connection holds (or its crawl shows) the table. */
  present: boolean;
  /** Two platform objects share the table's path (the crawl kept the first). */
  conflict: boolean;
  /** The data source already upgraded onto that table (an earlier run), if any. */
  claimedBy: number | null;
}

/** One legacy data source in a plan: its new name and whether (and why not) it is upgraded. */
export interface PlannedSource {
  dataSourceId: number;
  legacyName: string;
  remotePath: string[];
  newName: string;
  enabled: boolean;
  /** Its schema project's schema monitoring; null when it has no schema project. */
  schemaMonitoring: boolean | null;
  upgraded: boolean;
  notUpgraded?: NotUpgradedSource;
}

/** What the upgrade does to one remote schema (MariaDB: database) on the new connection. */
export interface SchemaPlan {
  /** The container below the connection: [database, schema] or [database]. */
  path: string[];
  /** `on`: its tables are enabled and new ones arrive enabled; `off` and `none`: only the data sources that existed are. */
  monitoring: 'on' | 'off' | 'none';
  visibleTables: number;
  /** Legacy data sources that land on its tables (enabled and disabled). */
  upgradedDataSources: number;
  /** Visible tables that were not data sources: enabled under monitoring on, disabled otherwise. */
  newObjectsEnabled: number;
  newObjectsDisabled: number;
}

/**
 * What connections cannot carry of a legacy data source's own details: the technology's
 * unsupported connection string options and `notUpgradable` details. Undefined when nothing.
 */
export function unsupportedDetail(descriptor: TechnologyDescriptor, details: Readonly<Record<string, unknown>>): string | undefined {
  const options = details.connectionStringOptions;
  const found = (typeof options === 'string' ? descriptor.unsupportedConnectionStringOption?.(options) : undefined) ?? descriptor.notUpgradable?.(details);
  return found && `${found.option} is not supported by connections: ${found.useInstead}`;
}

/**
 * Decides for each legacy data source (in id order: the lowest id of two on one table wins)
 * whether it lands on its table of connection `connectionKey`, and why not.
 */
export function planSources(
  connectionKey: string,
  sources: readonly LegacySourceInfo[],
  sighting: (remotePath: readonly string[]) => TableSighting,
  unsupported: (source: LegacySourceInfo) => string | undefined,
): PlannedSource[] {
  const claimed = new Map<string, LegacySourceInfo>();
  return [...sources]
    .sort((a, b) => a.dataSourceId - b.dataSourceId)
    .map((source) => {
      const newName = dataSourceName([connectionKey, ...source.remotePath]);
      const planned = {
        dataSourceId: source.dataSourceId,
        legacyName: source.handler.name,
        remotePath: source.remotePath,
        newName,
        enabled: source.enabled,
        schemaMonitoring: source.schemaProject?.monitoring ?? null,
      };
      const seen = sighting(source.remotePath);
      const twin = claimed.get(pathKey(source.remotePath));
      const reason = whyNot(source, seen, twin, unsupported(source));
      if (reason) return { ...planned, upgraded: false, notUpgraded: { dataSourceId: source.dataSourceId, name: source.handler.name, remotePath: source.remotePath, ...reason } };
      claimed.set(pathKey(source.remotePath), source);
      return { ...planned, upgraded: true };
    });
}

interface Reason {
  reason: NotUpgradedReason;
  suggestedAction: string;
}

function whyNot(source: LegacySourceInfo, seen: TableSighting, twin: LegacySourceInfo | undefined, unsupported: string | undefined): Reason | undefined {
  const table = describePath(source.remotePath);
  const remove = `remove it (DELETE /dataSource/${source.dataSourceId})`;
  if (unsupported) return { reason: 'unsupportedOption', suggestedAction: `${unsupported}; register the table again that way or ${remove}, then run the upgrade again` };
  if (seen.conflict) {
    return {
      reason: 'uniquenessViolation',
      suggestedAction: `Two objects of the platform are named ${table}: give each a unique name, or revoke the connection user's access to one of them, then run the upgrade again`,
    };
  }
  const holder = twin?.dataSourceId ?? seen.claimedBy;
  if (holder !== null && holder !== undefined) {
    return {
      reason: 'uniquenessViolation',
      suggestedAction: `Data source ${holder} is (or becomes) the connection's data source of ${table}, and a table is one data source on a connection: ${remove}, then run the upgrade again`,
    };
  }
  if (!seen.present && source.object.removed) {
    return { reason: 'tableGone', suggestedAction: `${table} no longer exists on the platform: ${remove}, or re-create the table, then run the upgrade again` };
  }
  if (!seen.present) {
    return {
      reason: 'notVisible',
      suggestedAction: `The connection's credentials cannot see ${table}: grant its user access to the table (POST /integrations/scripts/create gives the script), then run the upgrade again`,
    };
  }
  return undefined;
}

/**
 * The per-schema counts of a dry run: the visible tables of every container that holds
 * tables, and what each becomes (issue 11: monitoring on → every table enabled, new ones too;
 * off → only the data sources that existed).
 */
export function planSchemas(visible: ReadonlyMap<string, { path: string[]; tables: readonly string[] }>, planned: readonly PlannedSource[]): SchemaPlan[] {
  return [...visible.values()]
    .map(({ path, tables }) => {
      const here = planned.filter((p) => p.upgraded && pathKey(p.remotePath.slice(0, -1)) === pathKey(path));
      const projects = planned.filter((p) => pathKey(p.remotePath.slice(0, -1)) === pathKey(path) && p.schemaMonitoring !== null);
      const monitoring = projects.some((p) => p.schemaMonitoring) ? 'on' : projects.length > 0 ? 'off' : 'none';
      const fresh = tables.length - new Set(here.map((p) => p.remotePath.at(-1))).size;
      return {
        path,
        monitoring,
        visibleTables: tables.length,
        upgradedDataSources: here.length,
        newObjectsEnabled: monitoring === 'on' ? fresh : 0,
        newObjectsDisabled: monitoring === 'on' ? 0 : fresh,
      } satisfies SchemaPlan;
    })
    .sort((a, b) => pathKey(a.path).localeCompare(pathKey(b.path)));
}
