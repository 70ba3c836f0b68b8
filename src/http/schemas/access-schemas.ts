import { Type } from 'typebox';
import { GLOBAL_PERMISSIONS } from '../../domain/permissions.js';
import { Paging } from './common-schemas.js';

const Permission = Type.Union([Type.Literal('APPLICATION_ADMIN'), Type.Literal('GOVERNANCE'), Type.Literal('CREATE_DATA_SOURCE'), Type.Literal('USER_ADMIN')], {
  description: `One of ${GLOBAL_PERMISSIONS.join(', ')}`,
});
const PrincipalName = Type.String({
  minLength: 1,
  maxLength: 128,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]*$',
  description: 'Letters, digits, ".", "_", "@" and "-" (an e-mail address works); as dataOwners names the user or group',
});

export const NameParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: 128 }) });

export const UserView = Type.Object(
  {
    name: Type.String(),
    permissions: Type.Array(Permission, { description: 'Granted to the user directly' }),
    groups: Type.Array(Type.String()),
    effectivePermissions: Type.Array(Permission, { description: "The user's and their groups' permissions" }),
    builtin: Type.Boolean({ description: 'The built-in admin user (owner of the bootstrap admin key): cannot be changed or deleted' }),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'User' },
);

export const NewUserBody = Type.Object(
  {
    name: PrincipalName,
    permissions: Type.Optional(Type.Array(Permission, { default: [] })),
    groups: Type.Optional(Type.Array(PrincipalName, { description: 'Groups that do not exist yet are created without permissions' })),
  },
  { additionalProperties: false },
);

export const UserChangesBody = Type.Object(
  {
    permissions: Type.Optional(Type.Array(Permission, { description: 'Replaces the permissions granted directly' })),
    groups: Type.Optional(Type.Array(PrincipalName, { description: 'Replaces the memberships' })),
  },
  { additionalProperties: false },
);

export const GroupView = Type.Object({
  name: Type.String(),
  permissions: Type.Array(Permission),
  members: Type.Array(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const GroupBody = Type.Object({ permissions: Type.Array(Permission) }, { additionalProperties: false });

export const ApiKeyView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the key, to tell keys apart; the key itself is never shown again' }),
  user: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  state: Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked')]),
});

export const NewApiKeyBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 128, default: 'default', description: 'A label to recognise the key by' })),
    expiresAt: Type.Optional(Type.String({ format: 'date-time', description: 'After this instant the key gets 401' })),
  },
  { additionalProperties: false },
);

export const NewApiKeyResponse = Type.Object({
  ...ApiKeyView.properties,
  key: Type.String({ description: 'The API key. Shown this once: only its hash is stored' }),
});

export const MeView = Type.Object({
  name: Type.String(),
  permissions: Type.Array(Permission, { description: 'Effective: the user’s and their groups’' }),
  groups: Type.Array(Type.String()),
});

export const AuditQuery = Type.Object({
  objectPath: Type.Optional(
    Type.String({ minLength: 1, description: 'Entries about this object or anything below it, in URL form: each name percent-encoded, joined with "/"' }),
  ),
  actor: Type.Optional(Type.String({ description: 'e.g. user:alice, system:sync, anonymous' })),
  action: Type.Optional(Type.String({ description: 'e.g. object.settings, connection.registered, auth.failed' })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'At or after this instant' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Before this instant' })),
  ...Paging,
});

export const AuditEntryView = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actor: Type.String(),
  action: Type.String(),
  objectPath: Type.Union([Type.Array(Type.String()), Type.Null()]),
  target: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown({ description: 'The state before the change (null when created); secrets are [REDACTED]' }),
  after: Type.Unknown({ description: 'The state after the change (null when deleted)' }),
  clientAddress: Type.Union([Type.String(), Type.Null()]),
});

export const AuditResponse = Type.Object({ count: Type.Integer(), hits: Type.Array(AuditEntryView) });
