import { Type } from 'typebox';

/** `PUT /dataSource/detectRemoteChanges` (legacy-api.md §2.4); every field narrows, none = every schema project. */
export const DetectRemoteChangesBody = Type.Object(
  {
    schemaEvolutionId: Type.Optional(Type.Integer({ minimum: 1, description: 'One schema project (the schemaEvolutionId a registration answered)' })),
    dataSourceIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 1000, description: 'Only these legacy data sources: column detection of their tables, no new-table detection' })),
    hostname: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Only data sources on this host' })),
    port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535, description: 'Only data sources on this port' })),
    database: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Only data sources of this remote database' })),
    table: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Only data sources of a remote table of this name: column detection, no new-table detection' })),
    overrides: Type.Optional(Type.Object({ httpPath: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false, description: 'Accepted and not used (Databricks in the legacy API)' })),
  },
  { additionalProperties: false },
);

const DetectionPart = Type.Object({
  warning: Type.Union([Type.String(), Type.Null()], { description: 'What failed or was left out (a crawl that failed disables and registers nothing); null when nothing' }),
  jobs: Type.Array(Type.String(), { description: 'Sync run ids, ended when the answer comes: GET /jobs/{id}' }),
});

export const DetectRemoteChangesResult = Type.Object({
  schemaDetection: DetectionPart,
  columnDetection: DetectionPart,
});
