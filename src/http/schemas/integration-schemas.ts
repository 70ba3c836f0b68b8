import { Type } from 'typebox';
import { INTEGRATION_STATUSES, type IntegrationStatus } from '../../store/repositories/integration-repository.js';

/** Ids are store integers; the bound keeps a huge one a 404 rather than a driver error. */
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
export const Config = Type.Record(Type.String(), Type.Unknown(), {
  description:
    'The connection fields of the technology (as POST /data/connection documents them for `connection`, without `technology`; `authenticationType` defaults to its first); secrets are write-only, shown as [REDACTED]',
});
const ValidationTest = Type.Object({ name: Type.String(), status: Type.Union([Type.Literal('passed'), Type.Literal('failed')]), result: Type.Optional(Type.String()) });
export const Integration = Type.Object({
  id: Type.Integer(),
  type: Type.String(),
  status: Type.Unsafe<IntegrationStatus>(Type.Union(INTEGRATION_STATUSES.map((status) => Type.Literal(status)))),
  autoBootstrap: Type.Literal(false),
  config: Config,
  validationResults: Type.Union([
    Type.Object({ status: Type.Union([Type.Literal('passed'), Type.Literal('failed')]), validationTests: Type.Array(ValidationTest) }),
    Type.Null(),
  ]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
});

const RemotePath = Type.Array(Type.String(), { description: 'The table below the connection: [database, schema, table], or [database, table] (MariaDB, MySQL)' });
const NotUpgraded = Type.Object({
  dataSourceId: Type.Integer(),
  name: Type.String({ description: 'Its legacy name' }),
  remotePath: RemotePath,
  reason: Type.Union([Type.Literal('uniquenessViolation'), Type.Literal('notVisible'), Type.Literal('tableGone'), Type.Literal('unsupportedOption')]),
  suggestedAction: Type.String(),
});

export const UpgradeBody = Type.Object(
  {
    connectionKey: Type.String({ minLength: 1, maxLength: 128, description: "The new connection's key: the first part of every upgraded data source's name (`<connectionKey>.<DB>.<SCHEMA>.<TABLE>`)" }),
    credentials: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description: "Connection fields replacing the integration's (its credentials, or another authenticationType with its fields); secrets are write-only",
      }),
    ),
    dryRun: Type.Optional(Type.Boolean({ description: 'Plan only: test the credentials, read the platform, change nothing' })),
  },
  { additionalProperties: false },
);

export const UpgradeRun = Type.Object({
  integrationId: Type.Integer(),
  connectionKey: Type.String(),
  state: Type.Union([Type.Literal('running'), Type.Literal('complete'), Type.Literal('partiallyComplete'), Type.Literal('failed')]),
  phase: Type.Union([Type.Literal('validating'), Type.Literal('crawling'), Type.Literal('mapping'), Type.Literal('done')]),
  syncRunId: Type.Union([Type.String(), Type.Null()], { description: "The connection's crawl of this run (GET /jobs/{id})" }),
  total: Type.Integer({ description: 'Legacy data sources of the integration: those upgraded by earlier runs and those this run started with' }),
  upgraded: Type.Integer(),
  notUpgraded: Type.Array(NotUpgraded),
  failureMessage: Type.Union([Type.String(), Type.Null()]),
  startedBy: Type.Union([Type.String(), Type.Null()]),
  startedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});

export const UpgradePlan = Type.Object({
  integrationId: Type.Integer(),
  connectionKey: Type.String(),
  dryRun: Type.Literal(true),
  dataSources: Type.Array(
    Type.Object({
      dataSourceId: Type.Integer(),
      legacyName: Type.String(),
      remotePath: RemotePath,
      newName: Type.String(),
      enabled: Type.Boolean(),
      schemaMonitoring: Type.Union([Type.Boolean(), Type.Null()]),
      upgraded: Type.Boolean({ description: 'Whether this run would upgrade it' }),
      notUpgraded: Type.Optional(NotUpgraded),
    }),
  ),
  schemas: Type.Array(
    Type.Object({
      path: Type.Array(Type.String()),
      monitoring: Type.Union([Type.Literal('on'), Type.Literal('off'), Type.Literal('none')]),
      visibleTables: Type.Integer(),
      upgradedDataSources: Type.Integer(),
      newObjectsEnabled: Type.Integer(),
      newObjectsDisabled: Type.Integer(),
    }),
  ),
  conflicts: Type.Array(Type.Array(Type.String())),
  notUpgraded: Type.Array(NotUpgraded),
  refused: Type.Boolean(),
});
