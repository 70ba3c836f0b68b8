import { Type, type TSchema } from 'typebox';
import { MAX_DATA_SOURCE_ID } from '../../services/data-source-service.js';
import { Column, ObjectView, TagFilter, TagView } from './object-schemas.js';
import { Paging } from './common-schemas.js';

export const DataSourceId = Type.Integer({ minimum: 1, maximum: MAX_DATA_SOURCE_ID });

const Nullable = <T extends TSchema>(schema: T, description?: string) => Type.Union([schema, Type.Null()], description === undefined ? {} : { description });

/** The fields of the legacy data source object (legacy-api.md §1.1) that Warden has. */
const legacyFields = {
  id: Type.Integer({ description: 'The data source id (not the object id): stable across disabling, renames and moves' }),
  name: Type.String({ description: "A legacy data source's user-chosen name; a connection's: the generated name (the path joined with \".\")" }),
  description: Nullable(Type.String(), "The platform's comment on the table"),
  type: Type.Literal('queryable'),
  blobHandlerType: Type.String({ description: 'The technology' }),
  origin: Type.Union([Type.Literal('legacy'), Type.Literal('connection')], { description: 'legacy: registered through POST /{prefix}/handler; connection: a connection\'s' }),
  connectionString: Nullable(Type.String(), 'Legacy: username@host:port/database, what groups data sources with the same connection details; null for a connection\'s'),
  remoteDatabase: Nullable(Type.String()),
  remoteSchema: Nullable(Type.String(), 'MariaDB/MySQL legacy data sources: the database; a connection\'s two-level technologies: null'),
  remoteTable: Type.String(),
  sqlSchemaName: Nullable(Type.String()),
  sqlTableName: Nullable(Type.String()),
  schemaEvolutionId: Nullable(Type.Integer(), 'The schema project (legacy data sources)'),
  status: Type.Union([Type.Literal('passed'), Type.Literal('failed')], { description: 'failed: the table is gone from the platform (Warden runs no other health checks)' }),
  deleted: Type.Boolean({ description: 'true = disabled (the legacy soft delete), or its table is gone; only legacy data sources are listed and shown while disabled' }),
};

export const DataSource = Type.Object({
  ...legacyFields,
  connectionKey: Type.String({ description: 'A legacy data source\'s: its hidden connection (legacy:<technology>:<connectionString>)' }),
  objectPath: Type.Array(Type.String()),
  kind: Type.String(),
  comment: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  tags: Type.Array(TagView, { description: "Tags on the data source itself (its columns' are in its dictionary)" }),
});

const Facet = Type.Array(Type.Object({ name: Type.String(), count: Type.Integer() }));

export const DataSourceList = Type.Object({
  count: Type.Integer(),
  hits: Type.Array(DataSource),
  facets: Type.Object(
    { tags: Facet, blobHandlerTypes: Facet, statuses: Facet },
    { description: 'Counts over every matching data source (not just the page): tags (the 50 most used), technologies, statuses' },
  ),
});

const Repeatable = <T extends TSchema>(item: T, description: string) => Type.Array(item, { maxItems: 100, description: `Repeatable (${description})` });

export const DataSourceSearchQuery = Type.Object({
  searchText: Type.Optional(Type.String({ maxLength: 256, description: 'Part of the data source name (a legacy one\'s user-chosen name), any case' })),
  connectionKey: Type.Optional(Type.String()),
  tag: Type.Optional({ ...TagFilter, description: 'Repeatable (tag=A&tag=B): only data sources carrying every one, on themselves or a column, from any source' }),
  blobHandlerType: Type.Optional(Repeatable(Type.String({ maxLength: 128 }), 'technologies, any of them')),
  connectionString: Type.Optional(Repeatable(Type.String({ maxLength: 1024 }), 'legacy connection strings, any of them')),
  schema: Type.Optional(Type.String({ maxLength: 1024, description: 'The remote schema of legacy data sources' })),
  dataSourceIds: Type.Optional(Repeatable(DataSourceId, 'data source ids, any of them')),
  status: Type.Optional(Repeatable(Type.Union([Type.Literal('passed'), Type.Literal('failed')]), 'statuses, any of them')),
  sortField: Type.Optional(Type.Union([Type.Literal('name'), Type.Literal('createdAt')], { default: 'name' })),
  sortOrder: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'asc' })),
  ...Paging,
});

export const HostOverride = Type.Object({ host: Type.String(), HTTPPath: Type.Union([Type.String(), Type.Null()]), manual: Type.Boolean() });

export const DataSourceDetail = Type.Object(
  {
    ...ObjectView.properties,
    ...legacyFields,
    dataSourceId: Type.Integer(),
    overrideHost: Type.Union([HostOverride, Type.Null()], { description: 'PUT /dataSource/{id}/overrideHost\'s last value (recorded and shown; crawls keep the connection\'s host)' }),
  },
  { description: 'The data source\'s data object with the legacy data source fields' },
);

export const DataSourceEdit = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'A new name (legacy data sources; unique within the instance)' })),
    deleted: Type.Optional(Type.Boolean({ description: 'true disables the data source, false enables it again' })),
  },
  { additionalProperties: true, description: 'A partial edit. Other fields of the legacy data source object (GET-modify-PUT) are accepted and left as they are' },
);

export const DeleteResult = Type.Object({
  success: Type.Literal(true),
  id: Type.Integer(),
  name: Type.String(),
  hardDelete: Type.Boolean({ description: 'true: removed; false: disabled (the first DELETE)' }),
  disabled: Type.Boolean(),
  schemaEvolutionId: Type.Union([Type.Integer(), Type.Null()]),
});

export const BulkParams = Type.Object({ type: Type.Union([Type.Literal('delete'), Type.Literal('restore'), Type.Literal('disable')]) });

export const BulkBody = Type.Object(
  {
    ids: Type.Array(DataSourceId, { minItems: 1, maxItems: 1000 }),
    update: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'Accepted and not used' })),
  },
  { additionalProperties: false },
);

export const BulkResult = Type.Object({ success: Type.Literal(true), type: Type.String(), results: Type.Array(DeleteResult) });

export const OverrideHostBody = Type.Object(
  {
    host: Type.String({ minLength: 1, maxLength: 255, pattern: '^[^\\s/]+$', description: 'The host name (no scheme, no path)' }),
    HTTPPath: Type.Optional(Type.String({ maxLength: 1024 })),
    manual: Type.Optional(Type.Boolean({ default: true, description: 'Set by a person (true) or an automatic process' })),
  },
  { additionalProperties: false },
);

const DictionaryColumn = Type.Object({
  name: Type.String(),
  dataType: Type.String(),
  remoteType: Type.String(),
  nullable: Type.Boolean(),
  remoteColumn: Type.String(),
  description: Type.Union([Type.String(), Type.Null()], { description: "The user-set description, else the platform's comment" }),
  descriptionSetBy: Type.Union([Type.String(), Type.Null()], { description: "Who set it (user:<name>); null when it is the platform's" }),
  tags: Type.Array(TagView),
});

export const Dictionary = Type.Object({
  dataSourceId: Type.Integer(),
  dataSourceName: Type.String(),
  columns: Type.Array(Column, { description: "The platform's dictionary" }),
  id: Type.Integer({ description: 'The dictionary id: the data source id' }),
  dataSource: Type.Integer(),
  metadata: Type.Array(DictionaryColumn, { description: 'The legacy dictionary' }),
  types: Type.Array(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const DictionaryBody = Type.Object(
  {
    metadata: Type.Array(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 1024, pattern: '^[^|]+$', description: 'A column of the platform dictionary' }),
          description: Type.Optional(Type.Union([Type.String({ maxLength: 10_000 }), Type.Null()], { description: 'null, empty or left out: no user-set description' })),
        },
        { additionalProperties: true, description: 'Other legacy column fields (dataType, tags, …) are accepted and not used: the platform decides them' },
      ),
      { maxItems: 10_000 },
    ),
  },
  { additionalProperties: true },
);

export const SchemasQuery = Type.Object({
  searchText: Type.Optional(Type.String({ maxLength: 256, description: 'Part of the schema name, any case' })),
  size: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
});

export const SchemasResponse = Type.Object({ values: Type.Array(Type.Object({ name: Type.String(), count: Type.Integer() })) });

export const AccessRecord = Type.Object({
  id: Type.Integer({ description: 'The access record (request) id' }),
  dataSourceId: Type.Integer(),
  type: Type.Union([Type.Literal('user'), Type.Literal('group')]),
  name: Type.String(),
  state: Type.Union([Type.Literal('pending'), Type.Literal('denied'), Type.Literal('owner')]),
  denialReasoning: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const SubscribeBody = Type.Object({ dataSourceIds: Type.Array(DataSourceId, { minItems: 1, maxItems: 1000 }) }, { additionalProperties: true });

export const AccessParams = Type.Object({ id: DataSourceId, accessId: Type.Integer({ minimum: 1, maximum: 2 ** 31 - 1 }) });

export const AccessBody = Type.Object(
  {
    state: Type.Union(['denied', 'subscribed', 'expert', 'owner', 'ingest'].map((s) => Type.Literal(s)), {
      description: 'owner: add to the data owners; denied: take off them. subscribed, expert and ingest are refused (UNSUPPORTED_ACCESS_STATE)',
    }),
    expiration: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()], { description: 'Accepted and not used' })),
  },
  { additionalProperties: false },
);

const Reasoning = Type.String({ minLength: 1, maxLength: 10_000 });
const RequestId = Type.Integer({ minimum: 1, maximum: 2 ** 31 - 1 });

export const DenyBody = Type.Object(
  { requests: Type.Array(Type.Object({ id: RequestId, denialReasoning: Reasoning }, { additionalProperties: false }), { minItems: 1, maxItems: 1000 }) },
  { additionalProperties: false },
);

export const DenyBulkBody = Type.Object(
  {
    requestIds: Type.Optional(Type.Array(RequestId, { minItems: 1, maxItems: 1000 })),
    id: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'With type: the user or group name whose pending requests are all denied' })),
    type: Type.Optional(Type.Union([Type.Literal('profile'), Type.Literal('group')])),
    denialReasoning: Reasoning,
  },
  { additionalProperties: false },
);

export const DenyResult = Type.Object({ failures: Type.Array(Type.Object({ id: Type.Integer(), errorMessage: Type.String() })) });

