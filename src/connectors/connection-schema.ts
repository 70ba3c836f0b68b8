import { Type, type TObject, type TSchema, type TUnsafe } from 'typebox';
import { Value } from 'typebox/value';
import { WardenError } from '../errors.js';
import type { ConnectionDetails } from './connector.js';
import type { AuthenticationType, TechnologyDescriptor } from './technology.js';

/**
 * The connection schemas built from technology descriptors: one object per technology and
 * authentication type, so the API documents (and validates) exactly the fields each one
 * needs.
 *
 * The union is discriminated twice — by `technology`, then by `authenticationType` — with
 * OpenAPI's `discriminator` over `oneOf`. Ajv (with `discriminator: true`) then validates a
 * connection against its own branch only, so an error names the field of that branch instead
 * of listing why every other technology did not match.
 */

/**
 * Fields every connection has whatever its technology: how Warden syncs it, not how it signs in.
 * Stored with the details, so registration and PUT /data/connection/{key} accept and return them.
 */
export const SYNC_FIELDS = {
  tagNewColumns: Type.Optional(
    Type.Boolean({
      default: true,
      description: 'A column added to, or whose type changed on, an enabled table gets the system tag New after a sync (tables new to the catalog do not)',
    }),
  ),
};

/** The connection's `tagNewColumns` (default true). */
export function tagNewColumns(details: Readonly<Record<string, unknown>>): boolean {
  return details.tagNewColumns !== false;
}

/** The connection object of one technology signed in one way. */
export function authenticationSchema(descriptor: TechnologyDescriptor, authentication: AuthenticationType): TObject {
  return Type.Object(
    {
      technology: Type.Literal(descriptor.technology),
      authenticationType: Type.Literal(authentication.name, { description: authentication.description }),
      ...descriptor.connectionFields,
      ...writeOnlyAt(authentication.fields, authentication.secretFields),
      ...SYNC_FIELDS,
    },
    { additionalProperties: false, title: `${descriptor.technology} (${authentication.name})` },
  );
}

/**
 * `fields` with the schema at each secret's dotted path marked `writeOnly` (copies; the
 * descriptor's own schemas are shared), so clients such as the web UI's generated forms know a
 * secret from the document alone: never shown back, kept when not sent again.
 */
function writeOnlyAt(fields: Readonly<Record<string, TSchema>>, secretFields: readonly string[]): Record<string, TSchema> {
  const marked: Record<string, TSchema> = { ...fields };
  for (const path of secretFields) {
    const [first, ...rest] = path.split('.');
    if (first !== undefined && marked[first]) marked[first] = markAt(marked[first], rest);
  }
  return marked;
}

function markAt(schema: TSchema, rest: readonly string[]): TSchema {
  const [next, ...deeper] = rest;
  if (next === undefined) return { ...schema, writeOnly: true } as TSchema;
  const properties = (schema as { properties?: Record<string, TSchema> }).properties;
  const child = properties?.[next];
  if (!properties || !child) return schema;
  return { ...schema, properties: { ...properties, [next]: markAt(child, deeper) } } as TSchema;
}

/** The connection of one technology: one branch per authentication type. */
export function technologyConnectionSchema(descriptor: TechnologyDescriptor): TUnsafe<ConnectionDetails> {
  return Type.Unsafe<ConnectionDetails>({
    type: 'object',
    title: `${descriptor.technology} connection`,
    required: ['technology', 'authenticationType'],
    properties: { technology: Type.Literal(descriptor.technology) },
    oneOf: descriptor.authenticationTypes.map((authentication) => authenticationSchema(descriptor, authentication)),
    discriminator: { propertyName: 'authenticationType' },
  });
}

/** `connection` of a registration: any technology of `descriptors`. */
export function connectionSchema(descriptors: readonly TechnologyDescriptor[]): TUnsafe<ConnectionDetails> {
  return Type.Unsafe<ConnectionDetails>({
    type: 'object',
    required: ['technology'],
    description: 'The platform and how to sign in; secret fields are write-only (encrypted at rest, shown as [REDACTED])',
    oneOf: descriptors.map(technologyConnectionSchema),
    discriminator: { propertyName: 'technology' },
  });
}

/** UNSUPPORTED_CONNECTION_STRING_OPTION when the details set an option the technology's connections do not support. */
export function assertSupportedConnectionStringOptions(descriptor: TechnologyDescriptor, details: ConnectionDetails): void {
  const options = details.connectionStringOptions;
  if (typeof options !== 'string') return;
  const unsupported = descriptor.unsupportedConnectionStringOption?.(options);
  if (unsupported === undefined) return;
  throw new WardenError('UNSUPPORTED_CONNECTION_STRING_OPTION', { technology: descriptor.technology, ...unsupported });
}

/**
 * Checks complete details (e.g. an edit merged with the stored connection) against their
 * authentication type's schema; VALIDATION_FAILED names the first offending field.
 */
export function assertValidConnection(descriptor: TechnologyDescriptor, authentication: AuthenticationType, details: ConnectionDetails): void {
  const schema = authenticationSchema(descriptor, authentication);
  if (Value.Check(schema, details)) return;
  const [first] = Value.Errors(schema, details);
  const where = first === undefined || first.instancePath === '' ? 'connection' : `connection${first.instancePath.replace(/\//g, '.')}`;
  throw new WardenError('VALIDATION_FAILED', { detail: `${where} ${first?.message ?? 'does not match its schema'}` });
}
