import { readFileSync } from 'node:fs';
import fc from 'fast-check';

/** A JSON Schema node of the committed OpenAPI document (TypeBox's output: no $ref inside operations). */
type Schema = Record<string, any>;

/** One operation of the document: what the generator fills in. */
export interface Operation {
  method: string;
  /** The path template, e.g. `/users/{name}/api-keys/{id}`. */
  path: string;
  pathParams: string[];
  query: { name: string; schema: Schema }[];
  body: Schema | null;
}

/** Reads every operation of `openapi/openapi.json`. */
export function operationsOf(documentPath = 'openapi/openapi.json'): Operation[] {
  const document = JSON.parse(readFileSync(documentPath, 'utf8')) as { paths: Record<string, Record<string, any>> };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      // A JSON-valued parameter (the object path as a JSON array) has its schema under `content`.
      const parameters: { name: string; in: string; schema: Schema }[] = (operation.parameters ?? []).map((p: any) => ({
        ...p,
        schema: p.schema ?? p.content?.['application/json']?.schema ?? {},
      }));
      return {
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters.filter((p) => p.in === 'query').map(({ name, schema }) => ({ name, schema })),
        body: operation.requestBody?.content?.['application/json']?.schema ?? null,
      };
    }),
  );
}

/**
 * Values that reach past validation into the service: a name the schema only types as a string
 * is useless to generate at random (a random connection key is a 404), so fields and parameters
 * of these names also draw from the fixtures. Path values are already percent-encoded.
 */
export interface Hints {
  /** By parameter name: values for the URL (encoded). */
  params: Record<string, fc.Arbitrary<string>>;
  /** By property name anywhere in a body. */
  fields: Record<string, fc.Arbitrary<unknown>>;
}

/** A request as sent: everything the report of an offender needs. */
export interface FuzzRequest {
  operation: string;
  method: string;
  url: string;
  /** A string goes on the wire as is (JSON text, or not JSON on purpose). */
  body: string | undefined;
  auth: 'admin' | 'reader' | 'none' | 'bogus';
  headers: Record<string, string | null>;
  /** Generated from the schema unchanged (more likely to succeed: kept out of the hashed batches' company). */
  shaped: boolean;
}

const MAX_STRING = 24;

/** A value of the shape `schema` asks for (the field hints first): the seed the mutations start from. */
export function shapedValue(schema: Schema, hints: Hints, field?: string, depth = 0): fc.Arbitrary<unknown> {
  const hinted = field === undefined ? undefined : hints.fields[field];
  if (hinted) return fc.oneof({ arbitrary: hinted, weight: 3 }, { arbitrary: bareShaped(schema, hints, depth), weight: 1 });
  return bareShaped(schema, hints, depth);
}

function bareShaped(schema: Schema, hints: Hints, depth: number): fc.Arbitrary<unknown> {
  const base = typedShaped(schema, hints, depth);
  return schema.nullable ? fc.oneof({ arbitrary: base, weight: 4 }, { arbitrary: fc.constant(null), weight: 1 }) : base;
}

function typedShaped(schema: Schema, hints: Hints, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  const variants: Schema[] | undefined = schema.oneOf ?? schema.anyOf;
  if (variants) {
    // A variant refines its parent (the connection: technology, then authentication type).
    const { oneOf: _oneOf, anyOf: _anyOf, ...parent } = schema;
    return fc.oneof(...variants.map((v) => bareShaped(mergeVariant(parent, v), hints, depth)));
  }
  switch (schema.type) {
    case 'object':
      return objectShaped(schema, hints, depth);
    case 'array': {
      const items = depth > 4 ? fc.constant('x') : shapedValue(schema.items ?? {}, hints, undefined, depth + 1);
      return fc.array(items, { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
    }
    case 'string':
      return stringShaped(schema);
    case 'integer':
      return integerShaped(schema);
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6 });
    case 'boolean':
      return fc.boolean();
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function mergeVariant(parent: Schema, variant: Schema): Schema {
  return {
    ...parent,
    ...variant,
    properties: { ...parent.properties, ...variant.properties },
    required: [...new Set([...(parent.required ?? []), ...(variant.required ?? [])])],
  };
}

function objectShaped(schema: Schema, hints: Hints, depth: number): fc.Arbitrary<unknown> {
  const properties: Record<string, Schema> = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(properties).map(([name, s]) => [name, shapedValue(s, hints, name, depth + 1)]));
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((name: string) => name in properties) });
}

function stringShaped(schema: Schema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? MAX_STRING, MAX_STRING));
  if (schema.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
  return fc.string({ minLength, maxLength });
}

function integerShaped(schema: Schema): fc.Arbitrary<number> {
  const min = Math.max(schema.minimum ?? -1000, Number.MIN_SAFE_INTEGER);
  const max = Math.min(schema.maximum ?? 1000, Number.MAX_SAFE_INTEGER);
  // fc.integer is 32-bit: small values mostly, the bounds themselves now and then.
  const small = fc.integer({ min: Math.max(min, -1000), max: Math.max(Math.min(max, 1000), Math.max(min, -1000)) });
  return fc.oneof({ arbitrary: small, weight: 5 }, { arbitrary: fc.constantFrom(min, max), weight: 1 });
}

/** Strings that have broken parsers, validators and stores before. */
const NASTY_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\u0001\u001f\u007f\u0085', '\ud800', '\uffff', '\u202e', 'ǅ', '👩‍👩‍👧', '../..', '%00', '%2E%2E', '.', '..',
  'Infinity', 'NaN', '-0', '1e400', '2016-12-31T23:59:60Z', '9999-12-31T23:59:59Z', "'; DROP TABLE objects; --", '${7*7}', '__proto__', 'constructor',
];
const EXTREME_NUMBERS = [0, -0, -1, 0.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, 2 ** 53 + 2, 1e20, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER];

/**
 * Nesting deep enough to test a recursive parser's or validator's stack (the body limit caps its
 * size). Generated as a marker that {@link toJsonText} expands: JSON.stringify of the value itself
 * would overflow the test's own stack.
 */
const deepMarker = (depth: number, kind: 'array' | 'object') => `@@deep:${depth}:${kind}@@`;

/** `value` as JSON text, deep-nesting markers expanded. */
export function toJsonText(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(/"@@deep:(\d+):(array|object)@@"/g, (_, depth: string, kind: string) => {
    const n = Number(depth);
    return kind === 'array' ? `${'['.repeat(n)}1${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
  });
}

/** Values of the wrong kind, size or content for any field. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, [], {}, [[[]]], [{}], { objectPath: ['x'] }, ...NASTY_STRINGS, ...EXTREME_NUMBERS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(300, 10_000, 200_000, 2_000_000).map((n) => 'x'.repeat(n)),
  fc.tuple(fc.constantFrom(64, 1_000, 5_000), fc.constantFrom<'array' | 'object'>('array', 'object')).map(([d, k]) => deepMarker(d, k)),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Texts that are not the JSON a route wants, or not JSON at all. */
const INVALID_JSON = fc.oneof(
  fc.constantFrom('', '{', '}', '{"a":', 'null', 'undefined', "{'a':1}", 'NaN', '[1,]', '\u0000', '{"a":1}{"b":2}', '\ufeff{}', '1e999',
    '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}', '{"a":1,"a":2}', '"\\ud800"', '['.repeat(100_000), `${'['.repeat(50_000)}${']'.repeat(50_000)}`),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

type JsonPath = (string | number)[];

/** Every node of `value` (objects and arrays walked), with its path. */
function nodesOf(value: unknown, path: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  out.push(path);
  // Not into the deep junk an earlier mutation put there (and not off the stack).
  if (path.length > 8) return out;
  if (Array.isArray(value)) value.forEach((v, i) => nodesOf(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) nodesOf(v, [...path, k], out);
  return out;
}

function replaceAt(value: unknown, path: JsonPath, replace: (node: unknown) => unknown): unknown {
  if (path.length === 0) return replace(value);
  const [head, ...rest] = path;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  copy[head!] = replaceAt(copy[head!], rest, replace);
  return copy;
}

type Mutation = { kind: 'replace'; junk: unknown } | { kind: 'drop' } | { kind: 'extra'; key: string; junk: unknown } | { kind: 'wrap' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: junkValue.map((junk) => ({ kind: 'replace' as const, junk })), weight: 5 },
  { arbitrary: fc.constant({ kind: 'drop' as const }), weight: 2 },
  { arbitrary: fc.tuple(fc.oneof(fc.constantFrom('__proto__', 'extra', 'isAdmin', 'password'), fc.string({ maxLength: 8 })), junkValue).map(([key, junk]) => ({ kind: 'extra' as const, key, junk })), weight: 2 },
  // An array where an object (or anything) is expected.
  { arbitrary: fc.constant({ kind: 'wrap' as const }), weight: 1 },
);

/** `value` with one to three mutations at random nodes. */
function mutated(value: unknown): fc.Arbitrary<unknown> {
  return fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 }).map((steps) =>
    steps.reduce((current, [pick, m]) => {
      const nodes = nodesOf(current);
      const path = nodes[pick % nodes.length]!;
      return replaceAt(current, path, (node) => {
        if (m.kind === 'replace') return m.junk;
        if (m.kind === 'wrap') return [node];
        if (node === null || typeof node !== 'object' || Array.isArray(node)) return m.kind === 'drop' ? undefined : m.junk;
        if (m.kind === 'extra') return { ...node, [m.key]: m.junk };
        const keys = Object.keys(node);
        if (keys.length === 0) return node;
        const { [keys[pick % keys.length]!]: _dropped, ...rest } = node as Record<string, unknown>;
        return rest;
      });
    }, value),
  );
}

/** Percent-encodes every byte but the unreserved ones (a lone surrogate goes as U+FFFD's bytes). */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** Path segments no route should take: dot segments in disguise, broken escapes, NUL, overlong. */
const JUNK_SEGMENT: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('%2E%2E', '%2e', '.', '..', '%00', 'a%00', '%', '%ZZ', '%C0%AE', '%FF%FE', '%E2%80%AE', '%2F', '..%2F..', '%252E%252E', '%20',
    'Infinity', '-1', '0', '1e400', '2147483648', '99999999999999999999', '00000000-0000-0000-0000-000000000000', 'admin', 'a'.repeat(6_000)),
  fc.string({ unit: 'binary', maxLength: 20 }).map(percentEncode),
);

function pathParam(name: string, hints: Hints): fc.Arbitrary<string> {
  const hinted = hints.params[name];
  const junk = name === 'objectPath' ? fc.array(JUNK_SEGMENT, { minLength: 1, maxLength: 4 }).map((s) => s.join('/')) : JUNK_SEGMENT;
  if (!hinted) return junk;
  // A valid prefix with junk after it gets past the lookups that junk alone stops at.
  const nearMiss = fc.tuple(hinted, JUNK_SEGMENT).map(([valid, tail]) => (name === 'objectPath' ? `${valid}/${tail}` : `${valid}${tail}`));
  return fc.oneof({ arbitrary: hinted, weight: 3 }, { arbitrary: junk, weight: 1 }, { arbitrary: nearMiss, weight: 1 });
}

const RAW_QUERIES = fc.constantFrom('%', '&&&', '=', 'a=1&a=2', 'size=1&size=2', 'offset[]=1', '__proto__=1', 'size=%00', 'size=0x10', 'size=%205', 'offset=1e20', 'size=Infinity');

function queryString(operation: Operation, hints: Hints): fc.Arbitrary<string> {
  const pairs = operation.query.map(({ name, schema }) =>
    fc.option(
      fc.oneof({ arbitrary: shapedValue(schema, hints, name), weight: 3 }, { arbitrary: junkValue.filter((v) => typeof v !== 'string' || v.length < 4_000), weight: 1 })
        .map((v) => `${name}=${percentEncode(typeof v === 'string' ? v : toJsonText(v))}`),
      { freq: 2 },
    ),
  );
  return fc.tuple(fc.tuple(...pairs), fc.oneof({ arbitrary: fc.constant(null), weight: 7 }, { arbitrary: RAW_QUERIES, weight: 1 })).map(([given, raw]) => {
    const parts = [...given.filter((p): p is string => p !== null), ...(raw === null ? [] : [raw])];
    return parts.length === 0 ? '' : `?${parts.join('&')}`;
  });
}

const HEADER_MUTATIONS: fc.Arbitrary<Record<string, string | null>> = fc.constantFrom<Record<string, string | null>>(
  { 'content-type': 'text/plain' },
  { 'content-type': null },
  { 'content-type': 'application/x-www-form-urlencoded' },
  { 'content-type': 'application/json; charset=latin1' },
  { 'content-type': 'multipart/form-data; boundary=x' },
  { 'content-type': 'application/json;;;' },
  { authorization: 'Basic YWRtaW46YWRtaW4=' },
  { authorization: 'Bearer' },
  { authorization: `Bearer ${'k'.repeat(4_000)}` },
  { authorization: 'Bearer test_\u00e9' },
);

/** A body for `schema`: as generated (shaped), mutated, or not JSON; a route without one mostly gets none. */
function bodyFor(schema: Schema | null, hints: Hints): fc.Arbitrary<{ text: string | undefined; shaped: boolean }> {
  const junk = fc.oneof(
    mutated({}).map((value) => ({ text: toJsonText(value), shaped: false })),
    INVALID_JSON.map((text) => ({ text, shaped: false })),
  );
  if (!schema) return fc.oneof({ arbitrary: fc.constant({ text: undefined, shaped: true }), weight: 6 }, { arbitrary: junk, weight: 1 });
  const shaped = shapedValue(schema, hints);
  return fc.oneof(
    { arbitrary: shaped.map((value) => ({ text: JSON.stringify(value), shaped: true })), weight: 3 },
    { arbitrary: shaped.chain(mutated).map((value) => ({ text: toJsonText(value), shaped: false })), weight: 5 },
    { arbitrary: INVALID_JSON.map((text) => ({ text, shaped: false })), weight: 1 },
  );
}

/** Requests for `operation`: path, query, body and headers from the schema, then (most of the time) mutated. */
export function requestFor(operation: Operation, hints: Hints): fc.Arbitrary<FuzzRequest> {
  const params = fc.tuple(...operation.pathParams.map((name) => pathParam(name, hints)));
  const body = bodyFor(operation.body, hints);
  const auth = fc.constantFrom<FuzzRequest['auth']>(...Array<'admin'>(14).fill('admin'), 'reader', 'reader', 'reader', 'none', 'bogus');
  const headers = fc.oneof({ arbitrary: fc.constant({}), weight: 9 }, { arbitrary: HEADER_MUTATIONS, weight: 1 });
  return fc.record({ params, query: queryString(operation, hints), body, auth, headers }).map(({ params: values, query, body: b, auth: a, headers: h }) => {
    const path = operation.pathParams.reduce((url, name, i) => url.replace(`{${name}}`, values[i]!), operation.path);
    return {
      operation: `${operation.method} ${operation.path}`,
      method: operation.method,
      url: `${path}${query}`,
      body: b.text,
      auth: a,
      headers: h,
      shaped: b.shaped && query === '' && Object.keys(h).length === 0,
    };
  });
}
