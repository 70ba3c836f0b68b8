import { Type } from 'typebox';

const Name = Type.String({ minLength: 1, maxLength: 255 });
const Format = Type.String({ maxLength: 255 });

export const V2NameTemplate = Type.Object(
  {
    dataSourceFormat: Type.Optional({ ...Format, description: 'Tokens <tablename>, <schema>, <database>; names are lower-cased; default <schema>_<tablename>' }),
    tableFormat: Type.Optional(Format),
    schemaFormat: Type.Optional(Format),
    schemaProjectNameFormat: Type.Optional(Format),
  },
  { additionalProperties: false },
);

export const V2Source = Type.Object(
  {
    table: Name,
    schema: Type.Optional({ ...Name, description: 'Default: connection.schema' }),
    naming: Type.Optional(Type.Object({ datasource: Type.Optional(Name) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export const V2Body = Type.Object(
  {
    connectionKey: Type.String({ minLength: 1, maxLength: 128, description: 'Names the set of data sources this declaration owns' }),
    connection: Type.Object(
      {
        handler: Type.String({ minLength: 1, description: 'The technology (PostgreSQL, MariaDB, MySQL, Snowflake, Databricks, Trino)' }),
        database: Type.String({ minLength: 1 }),
        schema: Type.Optional(Type.String({ minLength: 1, description: 'Without sources: register every table of this schema (else of the database)' })),
        authenticationMethod: Type.Optional(Type.String({ description: 'The authentication type (default: the technology\'s first)' })),
      },
      { additionalProperties: true, description: 'The technology\'s connection fields as POST /data/connection documents them (ssl is accepted and not used)' },
    ),
    nameTemplate: Type.Optional(V2NameTemplate),
    options: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Accepted and not used (tableTags: V2 auto-tagging is not supported)' })),
    owners: Type.Optional(
      Type.Array(Type.Object({ type: Type.Union([Type.Literal('user'), Type.Literal('group')]), name: Name, iam: Type.Optional(Type.String()) }, { additionalProperties: false }), { maxItems: 100 }),
    ),
    sources: Type.Optional(Type.Array(V2Source, { maxItems: 1000, description: 'The tables; omitted: every table of the schema or database (schema monitoring on)' })),
  },
  { additionalProperties: false },
);

export const V2RenameBody = Type.Object(
  { nameTemplate: Type.Optional(V2NameTemplate), sources: Type.Optional(Type.Array(V2Source, { maxItems: 1000 })) },
  { additionalProperties: false },
);

export const V2Query = Type.Object({
  dryRun: Type.Optional(Type.Boolean({ default: false, description: 'Answer what would change, change nothing' })),
  wait: Type.Optional(Type.Integer({ description: 'Accepted for compatibility: Warden answers once the registration is done' })),
});

export const V2KeyParams = Type.Object({ connectionKey: Type.String({ minLength: 1, maxLength: 128 }) });

export const V2Outcome = Type.Object({
  dryRun: Type.Boolean(),
  creating: Type.Array(Type.String()),
  updating: Type.Array(Type.String()),
  deleting: Type.Array(Type.String()),
  noChange: Type.Array(Type.String()),
  detectionRunning: Type.Boolean(),
  tagsUpdated: Type.Boolean(),
});
