import { Type } from 'typebox';
import { LEGACY_HANDLER_PREFIXES } from '../../domain/legacy-handler-prefixes.js';

const Name = Type.String({ minLength: 1, maxLength: 255 });

export const PrefixParams = Type.Object({
  prefix: Type.String({
    maxLength: 64,
    description: `The legacy technology path prefix: ${Object.entries(LEGACY_HANDLER_PREFIXES)
      .map(([prefix, technology]) => `${prefix} (${technology})`)
      .join(', ')}. Technologies Warden has no connector for are refused (UNSUPPORTED_TECHNOLOGY).`,
  }),
});

/** `handler[].metadata`: the descriptor's connection fields plus the remote table; checked by the technology's schema in the service. */
export const HandlerMetadata = Type.Object(
  {
    database: Type.String({ minLength: 1, description: 'The remote database (Trino, Databricks: the catalog); also the database the connection signs in to where the technology has one' }),
    schema: Type.Optional(Type.String({ minLength: 1, description: 'The remote schema; MariaDB/MySQL have none (leave it out, or give the database)' })),
    table: Type.String({ minLength: 1, description: 'The remote table' }),
    dataSourceName: Type.Optional({ ...Name, description: 'The data source name (unique within the instance); default: dataSource.name for a single handler, else the name template' }),
  },
  {
    additionalProperties: true,
    description:
      'The connection fields of the technology as POST /data/connection documents them for `connection` (without `technology`; `authenticationType` defaults to its first; secrets write-only), and the table. Legacy fields staleDataTolerance, bodataSchemaName, bodataTableName, columns and ssl are accepted and not used (a warning says so).',
  },
);

const HandlerElement = Type.Object({ metadata: HandlerMetadata }, { additionalProperties: true });

/** `handler.metadata` of an edit: the connection fields in full (a replace); the table may be repeated, not changed. */
export const EditMetadata = Type.Record(Type.String(), Type.Unknown(), {
  description: 'The connection fields of the technology in full, secrets included (a full replace); database, schema and table may be repeated and cannot change',
});


const NameTemplate = Type.Object(
  {
    nameFormat: Type.Optional(Type.String({ maxLength: 255, description: 'Data source name; tokens <tablename>, <schema>, <database>; default <schema>_<tablename>' })),
    tableFormat: Type.Optional(Type.String({ maxLength: 255, description: 'sqlTableName; default <tablename>' })),
    sqlSchemaNameFormat: Type.Optional(Type.String({ maxLength: 255, description: 'sqlSchemaName; default <schema>' })),
    schemaProjectNameFormat: Type.Optional(Type.String({ maxLength: 255, description: 'Schema project name; default <schema>' })),
  },
  { additionalProperties: false },
);

export const SchemaEvolution = Type.Object(
  {
    disabled: Type.Optional(Type.Boolean({ description: 'false: schema monitoring on for the schema projects of these tables; true: off (a new project starts off)' })),
    ownerProfileId: Type.Optional({ ...Name, description: 'The schema detection owner: a user name (Warden users have names, not profile ids); default: the caller' }),
    config: Type.Optional(Type.Object({ nameTemplate: Type.Optional(NameTemplate) }, { additionalProperties: true })),
  },
  { additionalProperties: true },
);

export const HandlerBody = Type.Object(
  {
    dataSource: Type.Optional(
      Type.Object(
        {
          name: Type.Optional({ ...Name, description: 'The data source name of a single handler' }),
          owner: Type.Optional(
            Type.Object(
              { profiles: Type.Optional(Type.Array(Name, { description: 'User names' })), groups: Type.Optional(Type.Array(Name, { description: 'Group names' })) },
              { additionalProperties: false, description: 'The data owners; default: the caller' },
            ),
          ),
        },
        { additionalProperties: true, description: 'The legacy data source object; fields other than name and owner (blobHandlerType, type, recordFormat, tags, …) are accepted and not used' },
      ),
    ),
    handler: Type.Union([HandlerElement, Type.Array(HandlerElement, { minItems: 1, maxItems: 1000 })], { description: 'One table, or several (the answer is then an array)' }),
    schemaEvolution: Type.Optional(SchemaEvolution),
  },
  { additionalProperties: true },
);

export const RegisteredSource = Type.Object({
  id: Type.Integer({ description: 'The handler id' }),
  dataSourceId: Type.Integer(),
  name: Type.String(),
  connectionString: Type.String({ description: 'username@host:port/database: what groups data sources with the same connection details' }),
  schemaEvolutionId: Type.Integer({ description: 'The schema project' }),
  warnings: Type.Array(Type.String()),
});

export const HandlerParams = Type.Object({ ...PrefixParams.properties, handlerId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

/** A handler as GET /{prefix}/handler/{handlerId} shows it. */
export const HandlerView = Type.Object({
  id: Type.Integer(),
  dataSourceId: Type.Integer(),
  name: Type.String(),
  technology: Type.String(),
  connectionString: Type.String(),
  schemaEvolutionId: Type.Union([Type.Integer(), Type.Null()]),
  objectPath: Type.Array(Type.String(), { description: 'The table object (its connection is the hidden legacy connection): for PUT /data/settings' }),
  enabled: Type.Boolean(),
  metadata: Type.Record(Type.String(), Type.Unknown(), { description: 'The connection details (secrets [REDACTED]) and the table' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const BulkBody = Type.Object(
  {
    connectionString: Type.String({ minLength: 1, maxLength: 2048, description: 'The connection string of the data sources to edit (as the handler routes answer it)' }),
    handler: Type.Object({ metadata: EditMetadata }, { additionalProperties: true }),
    schemaEvolution: Type.Optional(SchemaEvolution),
  },
  { additionalProperties: false },
);


export const EditBody = Type.Object({ metadata: EditMetadata }, { additionalProperties: true });
