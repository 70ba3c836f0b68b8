import { Type } from 'typebox';
import { connectionSchema } from '../../connectors/connection-schema.js';
import type { TechnologyDescriptor } from '../../connectors/technology.js';
import { RESERVED_CONNECTION_KEYS } from '../../domain/connection-key.js';
import { Job, PrincipalRef } from './common-schemas.js';

/**
 * `connection` of an edit: any fields of the technology's connection schema (see
 * `connection-schema.ts`); the service checks the stored details merged with these against it.
 */
export const ConnectionChanges = Type.Object(
  {
    technology: Type.Optional(Type.String({ minLength: 1, description: "Cannot change; when given, must be the connection's" })),
    authenticationType: Type.Optional(Type.String({ minLength: 1 })),
  },
  {
    additionalProperties: true,
    description:
      'The fields to change, as in the registration schema of the technology; secrets not sent again are kept unless the authentication type changes',
  },
);

/** The registration body; `connection` is one of `descriptors`' connection schemas. */
export function registerBody(descriptors: readonly TechnologyDescriptor[]) {
  return Type.Object(
    {
      connectionKey: Type.String({
        minLength: 1,
        maxLength: 128,
        description: `Letters, digits, space, "-" and "_"; not one of ${RESERVED_CONNECTION_KEYS.join(', ')}`,
      }),
      connection: connectionSchema(descriptors),
      settings: Type.Optional(
        Type.Object(
          {
            isActive: Type.Optional(Type.Boolean({ default: false })),
            activateNewChildren: Type.Optional(Type.Boolean({ default: false })),
            dataOwners: Type.Optional(Type.Array(PrincipalRef)),
          },
          { additionalProperties: false },
        ),
      ),
      options: Type.Optional(Type.Object({ forceRecursiveCrawl: Type.Optional(Type.Boolean()) }, { additionalProperties: false })),
    },
    { additionalProperties: false },
  );
}

export const UpdateBody = Type.Object({ connection: ConnectionChanges }, { additionalProperties: false });

export const ConnectionView = Type.Object(
  {
    connectionKey: Type.String(),
    technology: Type.String(),
    connection: Type.Object({}, { additionalProperties: true, description: 'Details; secrets are [REDACTED]' }),
    state: Type.Union([Type.Literal('ACTIVE'), Type.Literal('INACTIVE'), Type.Literal('UNHEALTHY')]),
    health: Type.Union([
      Type.Object({ status: Type.String(), checkedAt: Type.String(), message: Type.Optional(Type.String()) }),
      Type.Null(),
    ]),
    levels: Type.Array(Type.String()),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    createdBy: Type.Union([Type.String(), Type.Null()]),
    firstSyncCompletedAt: Type.Union([Type.String(), Type.Null()]),
    lastSyncRun: Type.Union([Type.Ref('Job'), Type.Null()]),
    objectCount: Type.Integer({ description: 'Objects in the catalog under the connection, itself included (what deleting it removes)' }),
    dataSourceCount: Type.Integer({ description: 'Enabled leaves (data sources) under the connection' }),
  },
  { $id: 'Connection' },
);

export const RegisterResponse = Type.Object({
  connection: Type.Ref('Connection'),
  syncRunId: Type.String({ description: 'The first sync: GET /jobs/{id}' }),
});

export const DryRunResponse = Type.Object({ dryRun: Type.Literal(true), valid: Type.Literal(true) });

/**
 * The body of POST /integrations/scripts/create, in the legacy integrations API's shape
 * (`{type, autoBootstrap: false, config}`): one route for every technology whose descriptor has
 * a setup script. Warden never runs the script with privileged credentials, so `autoBootstrap`
 * can only be false; `config` holds what the script is about.
 */
export function setupScriptBody(descriptors: readonly TechnologyDescriptor[]) {
  const types = descriptors.filter((descriptor) => descriptor.setupScript !== undefined).map((descriptor) => descriptor.technology);
  return Type.Object(
    {
      type: Type.Union(
        types.map((type) => Type.Literal(type)),
        { description: 'The technology (`connection.technology`) whose system user the script sets up' },
      ),
      autoBootstrap: Type.Optional(Type.Literal(false, { description: 'Always false: the script is for an administrator to run' })),
      config: Type.Optional(
        Type.Object(
          {
            username: Type.Optional(Type.String({ minLength: 1, maxLength: 63, default: 'warden_sync', description: 'The system user the script creates or grants to' })),
            databases: Type.Optional(
              Type.Array(Type.String({ minLength: 1 }), { description: 'Databases (Trino: catalogs) to grant on; all where absent and the platform allows' }),
            ),
          },
          { additionalProperties: false },
        ),
      ),
    },
    { additionalProperties: false },
  );
}

export const SetupScriptResponse = Type.Object({ type: Type.String(), script: Type.String() });

export { Job };
