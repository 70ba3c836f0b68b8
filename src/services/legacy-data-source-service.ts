import { isDeepStrictEqual } from 'node:util';
import { nowIso } from '../clock.js';
import { blockedRouteOf } from '../domain/legacy-blocked-routes.js';
import { describePath } from '../domain/object-path.js';
import { resolveSettings, type Principal as Owner } from '../domain/settings.js';
import { WardenError } from '../errors.js';
import type { CatalogStore, Repositories } from '../store/catalog-store.js';
import type { AccessState, DataSourceAccessRecord } from '../store/repositories/data-source-access-repository.js';
import type { LegacyHostOverride } from '../store/repositories/legacy-handler-repository.js';
import { refusedBy } from '../store/store-dialect.js';
import { auditEntry, type Actor } from './actor.js';
import type { Principal } from './auth-service.js';
import type { DataSourceDetail, DataSourceService } from './data-source-service.js';
import { removeWithin, type LegacySourceInfo, type LegacySourceService } from './legacy-source-service.js';

/** The legacy `DeleteResult` (legacy-api.md §1.6, §8). */
export interface DeleteResult {
  success: true;
  id: number;
  name: string;
  /** True when the data source is gone; false when it was disabled (the first DELETE). */
  hardDelete: boolean;
  /** Whether it is disabled after the call (true for both stages). */
  disabled: boolean;
  schemaEvolutionId: number | null;
}

export type BulkType = 'delete' | 'restore' | 'disable';

/** A dictionary column's user-set description to write; null, empty or absent clears it. */
export interface DescriptionInput {
  name: string;
  description?: string | null;
}

/** One column of the legacy dictionary (legacy-api.md §1.8). */
export interface LegacyDictionaryColumn {
  name: string;
  dataType: string;
  remoteType: string;
  nullable: boolean;
  remoteColumn: string;
  /** The user-set description, else the platform's comment. */
  description: string | null;
  /** Who set the description (`user:<name>`); null when it is the platform's. */
  descriptionSetBy: string | null;
  tags: DataSourceDetail['tags'];
}

/** A denial that did not happen, in the legacy `failures` envelope. */
export interface DenialFailure {
  id: number;
  errorMessage: string;
}

/** Legacy states a caller may set with PUT /dataSource/{id}/access/{accessId}. */
const SETTABLE_STATES: readonly string[] = ['owner', 'denied'];

/**
 * The legacy `/dataSource` edits (legacy-api.md §1.4–§1.9): status through the table object's
 * own isActive override, names and host overrides on the handler, user-set dictionary
 * descriptions beside the platform's, owners through the object's own `dataOwners`, and the
 * minimum of access requests. Every edit finds its data source through {@link legacySource},
 * and every change writes one audit row in its transaction.
 */
export class LegacyDataSourceService {
  constructor(
    private readonly store: CatalogStore,
    private readonly dataSources: DataSourceService,
    private readonly legacySources: LegacySourceService,
  ) {}

  /**
   * The one lookup of every editing legacy route: the legacy data source `id`, or
   * DATA_SOURCE_NOT_FOUND (no such data source) or, for a connection's data source, the
   * route's LEGACY_ENDPOINT_BLOCKED from the one list (the route guard answers it first; this
   * keeps a service caller from editing a connection's data source the legacy way).
   */
  async legacySource(id: number, route: string): Promise<LegacySourceInfo> {
    const info = await this.legacySources.describe(id);
    if (info) return info;
    const path = await this.dataSources.pathOf(id);
    if (!path) throw new WardenError('DATA_SOURCE_NOT_FOUND', { id });
    const { what, replacement } = blockedRouteOf(route);
    throw new WardenError('LEGACY_ENDPOINT_BLOCKED', { what, connectionKey: path[0]!, replacement });
  }

  /** `PUT /dataSource/{id}`: a partial edit of `name` and `deleted` (enable/disable); other fields are accepted and left as they are. */
  async edit(id: number, changes: { name?: string; deleted?: boolean }, actor: Actor): Promise<DataSourceDetail> {
    const info = await this.legacySource(id, 'PUT /dataSource/:id');
    const rename = changes.name !== undefined && changes.name !== info.handler.name;
    const status = changes.deleted !== undefined && changes.deleted !== !wantsEnabled(info);
    if (rename || status) {
      await this.store.transaction(async (repos) => {
        const now = nowIso();
        if (rename) {
          const renamed = await repos.legacyHandlers.rename(info.handler.id, changes.name!, now).catch(refusedBy('unique', () => new WardenError('LEGACY_NAME_TAKEN', { name: changes.name! })));
          if (!renamed) throw new WardenError('DATA_SOURCE_NOT_FOUND', { id });
        }
        if (status) await setEnabled(repos, info, !changes.deleted, now);
        await repos.audit.insert(
          auditEntry(actor, 'legacy.edited', {
            target: `dataSource:${id}`,
            before: { ...(rename && { name: info.handler.name }), ...(status && { deleted: !wantsEnabled(info) }) },
            after: { ...(rename && { name: changes.name }), ...(status && { deleted: changes.deleted }) },
          }),
        );
      });
    }
    return this.dataSources.get(id);
  }

  /** `DELETE /dataSource/{id}`: the first call disables it, a call on a disabled one removes it. */
  async delete(id: number, actor: Actor): Promise<DeleteResult> {
    const info = await this.legacySource(id, 'DELETE /dataSource/:id');
    if (!info.enabled) {
      await this.legacySources.remove(id, actor);
      return deleteResult(info, true);
    }
    await this.store.transaction(async (repos) => {
      await setEnabled(repos, info, false, nowIso());
      await repos.audit.insert(auditEntry(actor, 'legacy.disabled', { target: `dataSource:${id}`, before: { deleted: false }, after: { deleted: true } }));
    });
    return deleteResult(info, false);
  }

  /**
   * `PUT /dataSource/bulk/{type}`: every id is looked up first (one unknown or connection's id
   * refuses the call, nothing changed), then all change in one transaction with one audit row.
   * `delete` is DELETE's two stages per data source; `restore` enables; `disable` disables.
   */
  async bulk(type: BulkType, ids: readonly number[], actor: Actor): Promise<{ success: true; type: BulkType; results: DeleteResult[] }> {
    const infos: LegacySourceInfo[] = [];
    for (const id of new Set(ids)) infos.push(await this.legacySource(id, 'PUT /dataSource/bulk/:type'));
    const results = await this.store.transaction(async (repos) => {
      const now = nowIso();
      const done: DeleteResult[] = [];
      for (const info of infos) {
        if (type === 'delete' && !info.enabled) {
          await removeWithin(repos, info);
          done.push(deleteResult(info, true));
        } else {
          const enable = type === 'restore';
          await setEnabled(repos, info, enable, now);
          done.push({ ...deleteResult(info, false), disabled: !enable });
        }
      }
      await repos.audit.insert(
        auditEntry(actor, `legacy.bulk.${type}`, {
          target: `dataSources:${infos.map((i) => i.dataSourceId).join(',')}`,
          before: infos.map((i) => ({ id: i.dataSourceId, name: i.handler.name, deleted: !i.enabled })),
          after: done.map((r) => ({ id: r.id, hardDelete: r.hardDelete, disabled: r.disabled })),
        }),
      );
      return done;
    });
    return { success: true, type, results };
  }

  /** `PUT /dataSource/{id}/overrideHost`: records the host (and HTTP path) the data source's details name instead. */
  async overrideHost(id: number, override: LegacyHostOverride, actor: Actor): Promise<DataSourceDetail> {
    const info = await this.legacySource(id, 'PUT /dataSource/:id/overrideHost');
    if (!isDeepStrictEqual(info.handler.overrideHost, override)) {
      await this.store.transaction(async (repos) => {
        if (!(await repos.legacyHandlers.setOverrideHost(info.handler.id, override, nowIso()))) throw new WardenError('DATA_SOURCE_NOT_FOUND', { id });
        await repos.audit.insert(auditEntry(actor, 'legacy.hostOverridden', { target: `dataSource:${id}`, before: { overrideHost: info.handler.overrideHost }, after: { overrideHost: override } }));
      });
    }
    return this.dataSources.get(id);
  }

  /** `GET /dictionary/{id}` in the legacy shape (any data source): the platform's columns, with user-set descriptions over the platform's comments. */
  async dictionary(id: number) {
    const { dataSource, ...rest } = await this.dataSources.dictionary(id);
    const objectId = (await this.store.reads.dataSources.objectIdOf(id))!;
    const descriptions = new Map((await this.store.reads.columnDescriptions.listFor(objectId)).map((d) => [d.column, d]));
    const metadata = (dataSource.columns ?? []).map((c): LegacyDictionaryColumn => {
      const user = descriptions.get(c.name);
      return { name: c.name, dataType: c.type, remoteType: c.type, nullable: c.nullable, remoteColumn: c.name, description: user?.description ?? c.comment, descriptionSetBy: user?.setBy ?? null, tags: c.tags };
    });
    return { ...rest, id, dataSource: id, metadata, types: [...new Set(metadata.map((m) => m.dataType))], createdAt: dataSource.createdAt, updatedAt: dataSource.updatedAt };
  }

  /**
   * `POST` (`replace` false: the named columns only) and `PUT` (`replace`: the whole list, as
   * legacy clients GET-modify-PUT) `/dictionary/{id}`: user-set descriptions. A description
   * equal to the platform's comment is the platform's, not stored as the user's.
   */
  async setDescriptions(id: number, columns: readonly DescriptionInput[], replace: boolean, actor: Actor) {
    const route = replace ? 'PUT /dictionary/:dataSourceId' : 'POST /dictionary/:dataSourceId';
    const info = await this.legacySource(id, route);
    const platform = await this.store.columns.listFor(info.object.id);
    const seen = new Set<string>();
    for (const column of columns) {
      if (!platform.some((c) => c.name === column.name)) throw new WardenError('COLUMN_NOT_FOUND', { column: column.name, path: describePath(objectPathOf(info)) });
      if (seen.has(column.name)) throw new WardenError('VALIDATION_FAILED', { detail: `metadata names column "${column.name}" twice: each column once` });
      seen.add(column.name);
    }
    await this.writeDescriptions(info, actor, (before) => {
      const next = new Map(replace ? [] : before.map((d) => [d.column, d.description]));
      for (const column of columns) {
        const comment = platform.find((c) => c.name === column.name)!.comment;
        // Empty is none (the validator also turns a JSON null into "" for a string-or-null field).
        if (!column.description || column.description === comment) next.delete(column.name);
        else next.set(column.name, column.description);
      }
      return [...next].map(([column, description]) => ({ column, description }));
    });
    return this.dictionary(id);
  }

  /** `DELETE /dictionary/{id}`: clears every user-set description (the platform's dictionary stays); answers `{id}`. */
  async clearDescriptions(id: number, actor: Actor): Promise<{ id: number }> {
    const info = await this.legacySource(id, 'DELETE /dictionary/:dataSourceId');
    await this.writeDescriptions(info, actor, () => []);
    return { id };
  }

  /** `GET /schemas`: the remote schemas of legacy data sources with how many each holds. */
  async schemas(searchText: string | undefined, size: number): Promise<{ values: { name: string; count: number }[] }> {
    return { values: await this.store.reads.legacyHandlers.schemaCounts(searchText, size) };
  }

  /** `POST /dataSource/subscribe`: the caller asks for ownership of each data source (a pending request; an owner's is recorded as `owner`). */
  async subscribe(ids: readonly number[], principal: Principal): Promise<{ requests: AccessView[] }> {
    const infos: LegacySourceInfo[] = [];
    for (const id of new Set(ids)) infos.push(await this.legacySource(id, 'POST /dataSource/subscribe'));
    const self: Owner = { type: 'user', name: principal.name };
    return this.store.transaction(async (repos) => {
      const now = nowIso();
      const requests: AccessView[] = [];
      for (const info of infos) {
        const state: AccessState = ownersOf(info).some((o) => isDeepStrictEqual(o, self)) ? 'owner' : 'pending';
        requests.push(accessView(await repos.dataSourceAccess.upsert(info.dataSourceId, self, state, null, now)));
      }
      await repos.audit.insert(auditEntry(principal, 'legacy.accessRequested', { target: `dataSources:${infos.map((i) => i.dataSourceId).join(',')}`, after: { requests } }));
      return { requests };
    });
  }

  /**
   * `PUT /dataSource/{id}/access/{accessId}`: `owner` adds the record's user or group to the
   * object's own dataOwners, `denied` takes it off; other legacy states are refused.
   */
  async setAccess(id: number, accessId: number, state: string, actor: Actor): Promise<AccessView> {
    if (!SETTABLE_STATES.includes(state)) throw new WardenError('UNSUPPORTED_ACCESS_STATE', { state });
    const info = await this.legacySource(id, 'PUT /dataSource/:id/access/:accessId');
    const record = await this.store.dataSourceAccess.findById(accessId);
    if (!record || record.dataSourceId !== id) throw new WardenError('ACCESS_RECORD_NOT_FOUND', { dataSourceId: id, id: accessId });
    return this.store.transaction(async (repos) => {
      const now = nowIso();
      const before = ownersOf(info);
      const after = state === 'owner' ? [...before.filter((o) => !isDeepStrictEqual(o, record.principal)), record.principal] : before.filter((o) => !isDeepStrictEqual(o, record.principal));
      await setOwners(repos, info, after, now);
      const updated = await repos.dataSourceAccess.upsert(id, record.principal, state as AccessState, null, now);
      await repos.audit.insert(auditEntry(actor, 'legacy.access', { target: `dataSource:${id}`, before: { state: record.state, dataOwners: before }, after: { state, dataOwners: after } }));
      return accessView(updated);
    });
  }

  /** `DELETE /dataSource/{id}/unsubscribe`: the caller leaves the data source: off its own dataOwners, its request gone. */
  async unsubscribe(id: number, principal: Principal): Promise<{ success: true; id: number }> {
    const info = await this.legacySource(id, 'DELETE /dataSource/:id/unsubscribe');
    const self: Owner = { type: 'user', name: principal.name };
    const before = ownersOf(info);
    const record = (await this.store.dataSourceAccess.listFor(id)).find((r) => isDeepStrictEqual(r.principal, self));
    if (!record && !before.some((o) => isDeepStrictEqual(o, self))) return { success: true, id };
    await this.store.transaction(async (repos) => {
      const after = before.filter((o) => !isDeepStrictEqual(o, self));
      await setOwners(repos, info, after, nowIso());
      if (record) await repos.dataSourceAccess.delete(record.id);
      await repos.audit.insert(auditEntry(principal, 'legacy.unsubscribed', { target: `dataSource:${id}`, before: { dataOwners: before, state: record?.state ?? null }, after: { dataOwners: after } }));
    });
    return { success: true, id };
  }

  /**
   * `POST /subscription/deny` and `/deny/bulk`: denies pending requests the caller may answer
   * (an owner of the request's data source, or GOVERNANCE or APPLICATION_ADMIN); the others are
   * reported as failures. The denied ones change in one transaction with one audit row.
   */
  async deny(requests: readonly { id: number; denialReasoning: string }[], principal: Principal): Promise<{ failures: DenialFailure[] }> {
    const records = new Map((await this.store.dataSourceAccess.listByIds(requests.map((r) => r.id))).map((r) => [r.id, r]));
    const failures: DenialFailure[] = [];
    const denials: { record: DataSourceAccessRecord; reasoning: string }[] = [];
    for (const request of requests) {
      const record = records.get(request.id);
      if (!record) failures.push({ id: request.id, errorMessage: `No access request ${request.id}` });
      else if (record.state !== 'pending') failures.push({ id: request.id, errorMessage: `Access request ${request.id} is ${record.state}, not pending` });
      else {
        const info = await this.legacySource(record.dataSourceId, 'POST /subscription/deny');
        if (!mayAnswer(principal, info)) failures.push({ id: request.id, errorMessage: `User "${principal.name}" may not answer requests for data source ${record.dataSourceId}: it needs GOVERNANCE, APPLICATION_ADMIN or ownership of the data source` });
        else denials.push({ record, reasoning: request.denialReasoning });
      }
    }
    if (denials.length > 0) {
      await this.store.transaction(async (repos) => {
        const now = nowIso();
        for (const { record, reasoning } of denials) await repos.dataSourceAccess.setState(record.id, 'denied', reasoning, now);
        await repos.audit.insert(
          auditEntry(principal, 'legacy.requestsDenied', {
            target: `accessRequests:${denials.map((d) => d.record.id).join(',')}`,
            before: denials.map((d) => ({ id: d.record.id, dataSourceId: d.record.dataSourceId, state: d.record.state })),
            after: denials.map((d) => ({ id: d.record.id, state: 'denied', denialReasoning: d.reasoning })),
          }),
        );
      });
    }
    return { failures };
  }

  /** `POST /subscription/deny/bulk`: by request ids, or every pending request of one user (`profile`) or group. */
  async denyBulk(input: { requestIds?: number[]; id?: string; type?: 'profile' | 'group'; denialReasoning: string }, principal: Principal): Promise<{ failures: DenialFailure[] }> {
    let ids = input.requestIds;
    if (!ids) {
      if (input.id === undefined || input.type === undefined) throw new WardenError('VALIDATION_FAILED', { detail: 'send requestIds, or id and type (profile or group) to deny every pending request of that user or group' });
      ids = (await this.store.dataSourceAccess.listPendingOf({ type: input.type === 'profile' ? 'user' : 'group', name: input.id })).map((r) => r.id);
    }
    return this.deny(ids.map((id) => ({ id, denialReasoning: input.denialReasoning })), principal);
  }

  /** Replaces the object's user-set descriptions with what `next` makes of the stored ones; one audit row when they change. */
  private async writeDescriptions(info: LegacySourceInfo, actor: Actor, next: (before: { column: string; description: string }[]) => { column: string; description: string }[]): Promise<void> {
    await this.store.transaction(async (repos) => {
      if (!(await repos.objects.holdIfPresent(info.object.id))) throw new WardenError('DATA_SOURCE_NOT_FOUND', { id: info.dataSourceId });
      const before = (await repos.columnDescriptions.listFor(info.object.id)).map((d) => ({ column: d.column, description: d.description }));
      const after = next(before).sort((a, b) => (a.column < b.column ? -1 : a.column > b.column ? 1 : 0));
      if (isDeepStrictEqual(before, after)) return;
      await repos.columnDescriptions.replace(info.object.id, after, actor.id, nowIso());
      await repos.audit.insert(auditEntry(actor, 'legacy.dictionary', { target: `dataSource:${info.dataSourceId}`, before: { descriptions: before }, after: { descriptions: after } }));
    });
  }
}

/** An access record as the API shows it. */
export interface AccessView {
  id: number;
  dataSourceId: number;
  type: Owner['type'];
  name: string;
  state: AccessState;
  denialReasoning: string | null;
  createdAt: string;
  updatedAt: string;
}

function accessView(r: DataSourceAccessRecord): AccessView {
  return { id: r.id, dataSourceId: r.dataSourceId, type: r.principal.type, name: r.principal.name, state: r.state, denialReasoning: r.denialReasoning, createdAt: r.createdAt, updatedAt: r.updatedAt };
}

function objectPathOf(info: LegacySourceInfo): string[] {
  return [info.connection.connectionKey, ...info.remotePath];
}

/** Whether the table object's own override enables it (what PUT `deleted` compares with; a gone table may still want to be enabled). */
function wantsEnabled(info: LegacySourceInfo): boolean {
  return info.object.overrides.isActive ?? false;
}

/** The effective owners of the data source (its own override, from registration, in practice). */
function ownersOf(info: LegacySourceInfo): Owner[] {
  return info.object.overrides.dataOwners ?? resolveSettings([info.object.overrides]).dataOwners;
}

function mayAnswer(principal: Principal, info: LegacySourceInfo): boolean {
  if (principal.permissions.some((p) => p === 'GOVERNANCE' || p === 'APPLICATION_ADMIN')) return true;
  return ownersOf(info).some((o) => (o.type === 'user' ? o.name === principal.name : principal.groups.includes(o.name)));
}

async function setEnabled(repos: Repositories, info: LegacySourceInfo, enabled: boolean, now: string): Promise<void> {
  if (!(await repos.objects.setOverrides(info.object.id, { isActive: enabled }, now))) throw new WardenError('DATA_SOURCE_NOT_FOUND', { id: info.dataSourceId });
}

async function setOwners(repos: Repositories, info: LegacySourceInfo, owners: Owner[], now: string): Promise<void> {
  if (!(await repos.objects.setOverrides(info.object.id, { dataOwners: owners }, now))) throw new WardenError('DATA_SOURCE_NOT_FOUND', { id: info.dataSourceId });
}

function deleteResult(info: LegacySourceInfo, hardDelete: boolean): DeleteResult {
  return { success: true, id: info.dataSourceId, name: info.handler.name, hardDelete, disabled: true, schemaEvolutionId: info.handler.schemaProjectId };
}
