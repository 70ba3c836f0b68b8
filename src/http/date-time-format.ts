import type { FormatDefinition } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';

// ajv-formats' full RFC 3339 check (real days of real months), a `{validate, compare}` definition.
const rfc3339 = fullFormats['date-time'] as FormatDefinition<string> & { validate: (value: string) => boolean };

/**
 * `format: "date-time"` as the API means it: an RFC 3339 instant that a JavaScript `Date` can
 * hold. RFC 3339 allows the leap second `23:59:60`, and ajv-formats accepts it, but `Date`
 * parses it as invalid, and the handlers that turn the value into an instant would then fail
 * with a 500 instead of a 400 naming the field.
 */
export const dateTimeFormat: FormatDefinition<string> = {
  ...rfc3339,
  validate: (value: string) => rfc3339.validate(value) && Number.isFinite(Date.parse(value)),
};
