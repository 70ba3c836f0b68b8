import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectionKeyProblem, RESERVED_CONNECTION_KEYS } from './connection-key.js';

/**
 * SPEC 1.2 as a regular expression: 1–128 of letters, digits, space, `-`, `_`, no leading or
 * trailing space, not a reserved word in any casing. "Letters" are read as ASCII letters: keys
 * are the first segment of every URL and data source name, and the implementation says so.
 */
const SPEC_KEY = /^(?! )[A-Za-z0-9 _-]{1,128}(?<! )$/;
const specAccepts = (key: string) => SPEC_KEY.test(key) && !RESERVED_CONNECTION_KEYS.some((w) => w === key.toLowerCase());

const keyChar = fc.constantFrom(...'aZ09 _-', ' ', '.', '/', 'é', 'K' /* Kelvin sign */, '\n', '\t', '\u0000', '表');
const key = fc.oneof(
  fc.string({ unit: keyChar, maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('a', ' ', '-'), minLength: 126, maxLength: 130 }),
  // Reserved words in random casing, alone or with something around them.
  fc
    .tuple(fc.constantFrom(...RESERVED_CONNECTION_KEYS), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), fc.constantFrom('', ' ', '_', 's', ' x'))
    .map(([word, upper, tail]) => [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('') + tail),
);

describe('connection keys (property)', () => {
  it('accepts exactly the keys SPEC 1.2 allows', () => {
    fc.assert(
      fc.property(key, (k) => {
        expect(connectionKeyProblem(k) === null).toBe(specAccepts(k));
      }),
      { seed: 1202, numRuns: 2000 },
    );
  });
});
