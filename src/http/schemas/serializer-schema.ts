/**
 * A response schema as fast-json-stringify serialises it fast: each union of one typed schema
 * with null (`Type.Union([X, Type.Null()])`) written as X with `nullable: true`. For an `anyOf`
 * the serialiser runs an Ajv validator on every value to pick the branch (three per column of a
 * dictionary); for `nullable` it checks `=== null`. The answers are the same.
 *
 * The rewrite is the one @fastify/swagger makes for the OpenAPI 3.0 document (same condition,
 * same key order), so the document does not change either.
 */
export function serializerSchema<T>(schema: T): T {
  return rewrite(schema) as T;
}

function rewrite(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewrite);
  if (value === null || typeof value !== 'object') return value;
  const schema: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) schema[key] = rewrite(child);
  const members = schema.anyOf;
  if (!Array.isArray(members) || members.length !== 2) return schema;
  const others = members.filter((m) => !isNull(m));
  const member = others[0] as Record<string, unknown> | undefined;
  if (others.length !== 1 || !member || !('type' in member)) return schema;
  // Like @fastify/swagger: only when the member brings the type and overwrites none of the union's own keywords.
  if (Object.keys(member).some((key) => key !== 'nullable' && key in schema)) return schema;
  const { anyOf: _, ...rest } = schema;
  return { ...rest, ...member, nullable: true };
}

function isNull(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && (schema as { type?: unknown }).type === 'null' && Object.keys(schema).length === 1;
}
