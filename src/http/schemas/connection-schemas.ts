import { Type } from 'typebox';
import { RESERVED_CONNECTION_KEYS } from '../../domain/connection-key.js';
import { Job, PrincipalRef } from './common-schemas.js';

const Tls = Type.Object(
  {
    mode: Type.Union([Type.Literal('disable'), Type.Literal('require'), Type.Literal('verify-full')], {
      description: 'disable: plain TCP; require: TLS without certificate checks; verify-full: TLS checked against ca',
    }),
    ca: Type.Optional(Type.String({ description: 'PEM CA bundle for verify-full' })),
  },
  { additionalProperties: false },
);

const connectionFields = {
  technology: Type.String({ minLength: 1, description: 'PostgreSQL' }),
  hostname: Type.String({ minLength: 1, maxLength: 255 }),
  port: Type.Integer({ minimum: 1, maximum: 65_535 }),
  database: Type.Optional(Type.String({ minLength: 1, description: 'Database to connect to first (PostgreSQL: postgres)' })),
  authenticationType: Type.String({ minLength: 1, description: 'userPassword' }),
  username: Type.Optional(Type.String({ minLength: 1 })),
  password: Type.Optional(Type.String({ description: 'Write-only: encrypted at rest, shown as [REDACTED]' })),
  tls: Type.Optional(Tls),
};

export const ConnectionInput = Type.Object(connectionFields, { additionalProperties: false });
export const ConnectionChanges = Type.Partial(Type.Object(connectionFields), { additionalProperties: false });

export const RegisterBody = Type.Object(
  {
    connectionKey: Type.String({
      minLength: 1,
      maxLength: 128,
      description: `Letters, digits, space, "-" and "_"; not one of ${RESERVED_CONNECTION_KEYS.join(', ')}`,
    }),
    connection: ConnectionInput,
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
  },
  { $id: 'Connection' },
);

export const RegisterResponse = Type.Object({
  connection: Type.Ref('Connection'),
  syncRunId: Type.String({ description: 'The first sync: GET /jobs/{id}' }),
});

export const DryRunResponse = Type.Object({ dryRun: Type.Literal(true), valid: Type.Literal(true) });

export const SetupScriptBody = Type.Object(
  {
    technology: Type.String({ minLength: 1 }),
    username: Type.Optional(Type.String({ minLength: 1, maxLength: 63, default: 'warden_sync' })),
    databases: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
  },
  { additionalProperties: false },
);

export { Job };
