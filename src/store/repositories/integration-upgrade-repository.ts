import type { Kysely, Selectable, Transaction } from 'kysely';
import type { IntegrationUpgradesTable, StoreSchema } from '../store-schema.js';

export type UpgradeState = 'running' | 'complete' | 'partiallyComplete' | 'failed';
export type UpgradePhase = 'validating' | 'crawling' | 'mapping' | 'done';

/** Why a legacy data source was not upgraded (issue 11). */
export type NotUpgradedReason = 'uniquenessViolation' | 'notVisible' | 'tableGone' | 'unsupportedOption';

/** A legacy data source an upgrade run left as it was, with what to do about it. */
export interface NotUpgradedSource {
  dataSourceId: number;
  name: string;
  /** The remote table below the connection: [database, schema, table] or [database, table]. */
  remotePath: string[];
  reason: NotUpgradedReason;
  suggestedAction: string;
}

/** The upgrade of one integration, as its latest run left it. */
export interface IntegrationUpgradeRecord {
  id: number;
  integrationId: number;
  technology: string;
  connectionKey: string;
  state: UpgradeState;
  phase: UpgradePhase;
  syncRunId: string | null;
  total: number;
  upgraded: number;
  notUpgraded: NotUpgradedSource[];
  failureMessage: string | null;
  startedBy: string | null;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** What the legacy API knew about an upgraded data source (for the blocked routes). */
export interface UpgradedLegacySource {
  dataSourceId: number;
  handlerId: number;
  legacyName: string;
  v2ConnectionKey: string | null;
  connectionKey: string;
  upgradeId: number;
  upgradedAt: string;
}

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/** `integration_upgrades` and `upgraded_legacy_sources` (migration 015). */
export class IntegrationUpgradeRepository {
  constructor(private readonly db: Db) {}

  with(trx: Transaction<StoreSchema>): IntegrationUpgradeRepository {
    return new IntegrationUpgradeRepository(trx);
  }

  /**
   * Starts a run of the integration's upgrade: a new record, or the existing one put back to
   * `running` with fresh counts. Rejects with the store's unique violation when two first runs race.
   */
  async start(upgrade: { integrationId: number; technology: string; connectionKey: string; startedBy: string | null }, now: string): Promise<IntegrationUpgradeRecord> {
    const existing = await this.findByIntegration(upgrade.integrationId);
    const fields = { state: 'running', phase: 'validating', failure_message: null, started_by: upgrade.startedBy, started_at: now, updated_at: now, finished_at: null } as const;
    if (existing) {
      await this.db.updateTable('integration_upgrades').set(fields).where('id', '=', existing.id).execute();
      return (await this.findById(existing.id))!;
    }
    const row = await this.db
      .insertInto('integration_upgrades')
      .values({ integration_id: upgrade.integrationId, technology: upgrade.technology, connection_key: upgrade.connectionKey, total: 0, upgraded: 0, not_upgraded_json: '[]', ...fields })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRecord(row);
  }

  async findById(id: number): Promise<IntegrationUpgradeRecord | undefined> {
    const row = await this.db.selectFrom('integration_upgrades').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async findByIntegration(integrationId: number): Promise<IntegrationUpgradeRecord | undefined> {
    const row = await this.db.selectFrom('integration_upgrades').selectAll().where('integration_id', '=', integrationId).executeTakeFirst();
    return row && toRecord(row);
  }

  async listByTechnology(technology: string): Promise<IntegrationUpgradeRecord[]> {
    const rows = await this.db.selectFrom('integration_upgrades').selectAll().where('technology', '=', technology).orderBy('id').execute();
    return rows.map(toRecord);
  }

  async findByConnectionKey(connectionKey: string): Promise<IntegrationUpgradeRecord | undefined> {
    const row = await this.db.selectFrom('integration_upgrades').selectAll().where('connection_key', '=', connectionKey).executeTakeFirst();
    return row && toRecord(row);
  }

  /** Records a running upgrade's progress. */
  async progress(id: number, progress: { phase: UpgradePhase; syncRunId?: string; total?: number; upgraded?: number }, now: string): Promise<void> {
    await this.db
      .updateTable('integration_upgrades')
      .set({
        phase: progress.phase,
        updated_at: now,
        ...(progress.syncRunId !== undefined && { sync_run_id: progress.syncRunId }),
        ...(progress.total !== undefined && { total: progress.total }),
        ...(progress.upgraded !== undefined && { upgraded: progress.upgraded }),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Ends a run: its outcome and the data sources it left. */
  async finish(id: number, outcome: { state: Exclude<UpgradeState, 'running'>; notUpgraded: NotUpgradedSource[]; failureMessage: string | null }, now: string): Promise<void> {
    await this.db
      .updateTable('integration_upgrades')
      .set({ state: outcome.state, phase: 'done', not_upgraded_json: JSON.stringify(outcome.notUpgraded), failure_message: outcome.failureMessage, updated_at: now, finished_at: now })
      .where('id', '=', id)
      .execute();
  }

  async insertUpgradedSource(source: UpgradedLegacySource): Promise<void> {
    await this.db
      .insertInto('upgraded_legacy_sources')
      .values({
        data_source_id: source.dataSourceId,
        handler_id: source.handlerId,
        legacy_name: source.legacyName,
        v2_connection_key: source.v2ConnectionKey,
        connection_key: source.connectionKey,
        upgrade_id: source.upgradeId,
        upgraded_at: source.upgradedAt,
      })
      .execute();
  }

  async countUpgraded(upgradeId: number): Promise<number> {
    const row = await this.db.selectFrom('upgraded_legacy_sources').select((eb) => eb.fn.countAll<number>().as('count')).where('upgrade_id', '=', upgradeId).executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  async upgradedByDataSource(dataSourceId: number): Promise<UpgradedLegacySource | undefined> {
    const row = await this.db.selectFrom('upgraded_legacy_sources').selectAll().where('data_source_id', '=', dataSourceId).executeTakeFirst();
    return row && toUpgraded(row);
  }

  async upgradedByHandler(handlerId: number): Promise<UpgradedLegacySource | undefined> {
    const row = await this.db.selectFrom('upgraded_legacy_sources').selectAll().where('handler_id', '=', handlerId).executeTakeFirst();
    return row && toUpgraded(row);
  }

  async upgradedByV2ConnectionKey(v2ConnectionKey: string): Promise<UpgradedLegacySource | undefined> {
    const row = await this.db.selectFrom('upgraded_legacy_sources').selectAll().where('v2_connection_key', '=', v2ConnectionKey).executeTakeFirst();
    return row && toUpgraded(row);
  }
}

function toRecord(row: Selectable<IntegrationUpgradesTable>): IntegrationUpgradeRecord {
  return {
    id: row.id,
    integrationId: row.integration_id,
    technology: row.technology,
    connectionKey: row.connection_key,
    state: row.state as UpgradeState,
    phase: row.phase as UpgradePhase,
    syncRunId: row.sync_run_id,
    total: row.total,
    upgraded: row.upgraded,
    notUpgraded: JSON.parse(row.not_upgraded_json) as NotUpgradedSource[],
    failureMessage: row.failure_message,
    startedBy: row.started_by,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

function toUpgraded(row: Selectable<StoreSchema['upgraded_legacy_sources']>): UpgradedLegacySource {
  return {
    dataSourceId: row.data_source_id,
    handlerId: row.handler_id,
    legacyName: row.legacy_name,
    v2ConnectionKey: row.v2_connection_key,
    connectionKey: row.connection_key,
    upgradeId: row.upgrade_id,
    upgradedAt: row.upgraded_at,
  };
}
