import { WardenError } from '../errors.js';
import type { TechnologyDescriptor } from '../connectors/technology.js';
import { completeTemplate, renderName, type LegacyNameTemplate, type NameParts } from '../domain/legacy-name-template.js';
import type { Principal } from '../domain/settings.js';
import type { Actor } from './actor.js';

/**
 * What a legacy registration says, read: the remote table of each handler's metadata, the
 * names, the owners and the schema project settings. Pure; the registration itself is
 * `legacy-source-service.ts`.
 */

/** `dataSource.owner` of a legacy registration: user and group names (Warden principals have names, not profile ids). */
export interface LegacyOwnersInput {
  profiles?: string[];
  groups?: string[];
}

/** `schemaEvolution` of a legacy registration (legacy-api.md §2.2). */
export interface SchemaEvolutionInput {
  /** `false` turns schema monitoring on for the schema projects of the registered tables. */
  disabled?: boolean;
  /** The user name of the schema detection owner (who owns the data sources monitoring creates); default: the caller. */
  ownerProfileId?: string;
  config?: { nameTemplate?: Partial<LegacyNameTemplate> };
}

/** One legacy registration (`POST /{prefix}/handler`, or one V2 declaration's tables). */
export interface LegacyRegistrationInput {
  technology: string;
  dataSource?: { name?: string; owner?: LegacyOwnersInput };
  /**
   * Each handler's `metadata`: the technology's connection fields (its descriptor's shape),
   * the remote table (`database`, `schema` — two-level technologies have none or the
   * database's name — and `table`), optionally `dataSourceName`, and legacy fields Warden
   * accepts without using ({@link IGNORED_METADATA}).
   */
  handlers: Record<string, unknown>[];
  schemaEvolution?: SchemaEvolutionInput;
  /** The V2 `connectionKey` the tables are declared under. */
  v2ConnectionKey?: string;
}

/** Where a legacy handler's metadata names its remote table. */
export const LOCATION_FIELDS = ['database', 'schema', 'table'] as const;

/** Legacy handler metadata Warden accepts and does not use: the legacy query engine's settings. */
export const IGNORED_METADATA = ['staleDataTolerance', 'bodataSchemaName', 'bodataTableName', 'columns', 'ssl'] as const;

/** What the schema projects of a registration's tables get. */
export interface ProjectSettings {
  template: LegacyNameTemplate;
  /** Undefined: an existing project keeps its own, a new one starts off. */
  monitoring: boolean | undefined;
  detectionOwner: Principal | null;
  /** Whether the request set the project's settings (an existing project takes them then). */
  given: boolean;
}

/** The remote table `metadata` names, by the legacy field names (VALIDATION_FAILED naming what is missing). */
export function locationOf(descriptor: TechnologyDescriptor, metadata: Record<string, unknown>, where: string): NameParts {
  const text = (field: string) => {
    const value = metadata[field];
    if (typeof value !== 'string' || value === '') throw new WardenError('VALIDATION_FAILED', { detail: `${where}.${field} is required: the ${field} of the table to register` });
    return value;
  };
  const database = text('database');
  const tablename = text('table');
  if (descriptor.levels.length === 3) return { database, schema: text('schema'), tablename };
  // Two levels (MariaDB, MySQL): the database is the schema.
  if (metadata.schema !== undefined && metadata.schema !== database) {
    throw new WardenError('VALIDATION_FAILED', { detail: `${where}.schema must be left out or equal database: ${descriptor.technology} has no schemas inside a database` });
  }
  return { database, schema: database, tablename };
}

/** The table's path below the connection, one name per level of the technology. */
export function remotePathOf(descriptor: TechnologyDescriptor, parts: NameParts): string[] {
  return descriptor.levels.length === 3 ? [parts.database, parts.schema, parts.tablename] : [parts.database, parts.tablename];
}

/** `metadata.dataSourceName`, else `dataSource.name` (a single handler), else the name template's. */
export function nameOf(metadata: Record<string, unknown>, input: LegacyRegistrationInput, template: LegacyNameTemplate, parts: NameParts): string {
  if (typeof metadata.dataSourceName === 'string' && metadata.dataSourceName !== '') return metadata.dataSourceName;
  if (input.handlers.length === 1 && input.dataSource?.name) return input.dataSource.name;
  return renderName(template.nameFormat, parts);
}

/** The principal of a user actor (`user:<name>`); null for Warden itself. */
function actorPrincipal(actor: Actor): Principal | null {
  return actor.id.startsWith('user:') ? { type: 'user', name: actor.id.slice('user:'.length) } : null;
}

/** The data owners a registration sets: those it names, or (as in the legacy API) whoever registers. */
export function ownersOf(owner: LegacyOwnersInput | undefined, actor: Actor): Principal[] {
  const named: Principal[] = [
    ...(owner?.profiles ?? []).map((name) => ({ type: 'user' as const, name })),
    ...(owner?.groups ?? []).map((name) => ({ type: 'group' as const, name })),
  ];
  if (named.length > 0) return named;
  const self = actorPrincipal(actor);
  return self ? [self] : [];
}

export function projectSettings(input: SchemaEvolutionInput | undefined, actor: Actor): ProjectSettings {
  return {
    template: completeTemplate(input?.config?.nameTemplate),
    monitoring: input?.disabled === undefined ? undefined : !input.disabled,
    detectionOwner: input?.ownerProfileId ? { type: 'user', name: input.ownerProfileId } : actorPrincipal(actor),
    given: input !== undefined,
  };
}
