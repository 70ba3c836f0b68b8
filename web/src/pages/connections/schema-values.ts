import type { SchemaNode } from './connection-technologies';

/** A form's values: nested like the connection object. */
export type FormValues = Record<string, unknown>;

/** The values at `path` replaced by `value` (copies along the path). */
export function setAt(values: FormValues, path: readonly string[], value: unknown): FormValues {
  const [first, ...rest] = path;
  if (first === undefined) return values;
  if (rest.length === 0) return { ...values, [first]: value };
  const child = values[first];
  return { ...values, [first]: setAt(typeof child === 'object' && child !== null ? (child as FormValues) : {}, rest, value) };
}

/**
 * The form's start: the stored details (edit), else each field's schema default. Secrets are
 * never in the stored details the API returns ([REDACTED]), so they start empty.
 */
export function initialValues(schema: SchemaNode, stored: FormValues = {}): FormValues {
  const values: FormValues = {};
  for (const [name, node] of Object.entries(schema.properties ?? {})) {
    const current = stored[name];
    if (node.writeOnly) continue;
    if (node.type === 'object') values[name] = initialValues(node, typeof current === 'object' && current !== null ? (current as FormValues) : {});
    else if (current !== undefined && current !== '[REDACTED]') values[name] = current;
    else if (node.default !== undefined) values[name] = node.default;
  }
  return values;
}

/**
 * The connection object to send: only fields with a value (an empty optional field is left out,
 * an untouched secret on an edit is kept by the server), numbers as numbers.
 */
export function payloadOf(schema: SchemaNode, values: FormValues): FormValues {
  const payload: FormValues = {};
  for (const [name, node] of Object.entries(schema.properties ?? {})) {
    const value = values[name];
    if (node.type === 'object') {
      const nested = payloadOf(node, typeof value === 'object' && value !== null ? (value as FormValues) : {});
      if (Object.keys(nested).length > 0) payload[name] = nested;
    } else if (node.type === 'array') {
      if (Array.isArray(value) && value.length > 0) payload[name] = value;
    } else if (value !== undefined && value !== '' && value !== null) {
      payload[name] = (node.type === 'integer' || node.type === 'number') && typeof value === 'string' ? Number(value) : value;
    }
  }
  return payload;
}
