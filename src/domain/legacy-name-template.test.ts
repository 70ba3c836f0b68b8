import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeTemplate, renderName, sqlName, type NameParts } from './legacy-name-template.js';

const TOKENS = ['tablename', 'schema', 'database'] as const;
const parts = fc.record<NameParts>({ tablename: fc.string(), schema: fc.string(), database: fc.string() });
/** A format as pieces: literal text without "<", or a token (in any case). */
const piece = fc.oneof(
  fc.string().filter((text) => !text.includes('<')).map((text) => ({ text })),
  fc.constantFrom(...TOKENS).chain((token) => fc.constantFrom(token, token.toUpperCase()).map((spelled) => ({ token, spelled }))),
);

describe('legacy name templates', () => {
  it('replaces each token by its part and keeps the literal text between them', () => {
    fc.assert(
      fc.property(fc.array(piece), parts, (pieces, p) => {
        const format = pieces.map((x) => ('text' in x ? x.text : `<${x.spelled}>`)).join('');
        const expected = pieces.map((x) => ('text' in x ? x.text : p[x.token])).join('');
        expect(renderName(format, p)).toBe(expected);
        expect(renderName(format, p, { lowerCase: true })).toBe(expected.toLowerCase());
      }),
    );
  });

  it('never lets a part be read as a token: parts containing token text stay as they are', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const tricky = { ...p, tablename: `<schema>${p.tablename}` };
        expect(renderName('<tablename>', tricky)).toBe(tricky.tablename);
      }),
    );
  });

  it('makes query-engine names of lower-case letters, digits and underscores only', () => {
    fc.assert(
      fc.property(fc.string(), parts, (format, p) => {
        expect(sqlName(format, p)).toMatch(/^[a-z0-9_]*$/);
      }),
    );
    expect(sqlName('<schema>.<tablename>', { tablename: 'Orders', schema: 'Sales', database: 'd' })).toBe('sales_orders');
  });

  it('fills the formats a template leaves out with the defaults', () => {
    expect(completeTemplate({ nameFormat: '<database>.<tablename>' })).toEqual({
      nameFormat: '<database>.<tablename>',
      tableFormat: '<tablename>',
      sqlSchemaNameFormat: '<schema>',
      schemaProjectNameFormat: '<schema>',
    });
    expect(renderName(completeTemplate(undefined).nameFormat, { tablename: 'orders', schema: 'public', database: 'shop' })).toBe('public_orders');
  });
});
