import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CrawledColumn } from './catalog-types.js';
import { columnsFingerprint, diffColumns } from './column-diff.js';

const RUNS = { seed: 1604, numRuns: 500 } as const;

// Platform text never holds U+0000..U+0002 (the fingerprint's separators); anything else may occur.
const text = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '(', ')', ',', "'", '.', 'é', '表', '1'), maxLength: 4 });
const column = (name: string, ordinal: number): fc.Arbitrary<CrawledColumn> =>
  fc.record({
    name: fc.constant(name),
    ordinal: fc.constant(ordinal),
    type: fc.constantFrom('integer', 'text', 'varchar(20)', 'character varying(20)'),
    nullable: fc.boolean(),
    defaultValue: fc.option(text, { nil: null }),
    generated: fc.option(fc.record({ expression: text, stored: fc.boolean() }), { nil: null }),
    comment: fc.option(text, { nil: null }),
  });

/** A dictionary as a crawl reports it: unique names, ascending ordinals with gaps. */
const dictionary = fc
  .uniqueArray(fc.constantFrom('id', 'name', 'Name', 'amount', 'a b', 'x.y'), { maxLength: 4 })
  .chain((names) => fc.tuple(...names.map((n, i) => column(n, 2 * i + 1))));

/** A second dictionary that often shares columns with the first, field for field. */
const pair = dictionary.chain((before) =>
  fc.tuple(
    fc.constant(before),
    fc.oneof(
      fc.constant(before.map((c) => ({ ...c }))),
      fc.tuple(dictionary, fc.array(fc.boolean(), { minLength: before.length, maxLength: before.length })).map(([other, keep]) => {
        // Keep some of the old columns as they were and take the rest from another dictionary.
        const kept = before.filter((_, i) => keep[i]);
        return [...kept, ...other.filter((c) => !kept.some((k) => k.name === c.name))].sort((a, b) => a.ordinal - b.ordinal);
      }),
    ),
  ),
);

// Every column comes from one generator, so its keys are in one order and JSON compares field for field.
const sameColumn = (a: CrawledColumn, b: CrawledColumn) => JSON.stringify(a) === JSON.stringify(b);

describe('column dictionaries (property)', () => {
  it('gives equal fingerprints exactly to equal dictionaries', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const equal = a.length === b.length && a.every((c, i) => sameColumn(c, b[i]!));
        expect(columnsFingerprint(a) === columnsFingerprint(b)).toBe(equal);
      }),
      RUNS,
    );
  });

  it('reports no column change exactly when the fingerprint is unchanged', () => {
    // The sync skips diffColumns for an unchanged fingerprint: the two must never disagree.
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(diffColumns(a, b).length === 0).toBe(columnsFingerprint(a) === columnsFingerprint(b));
      }),
      RUNS,
    );
  });

  it('adds what only the crawl has, drops what only the catalog has, and modifies exactly the differing fields', () => {
    fc.assert(
      fc.property(pair, ([before, after]) => {
        const changes = diffColumns(before, after);
        const named = (list: CrawledColumn[], name: string) => list.find((c) => c.name === name);
        expect(changes.filter((c) => c.change === 'added').map((c) => c.column)).toEqual(after.filter((c) => !named(before, c.name)).map((c) => c.name));
        expect(changes.filter((c) => c.change === 'dropped').map((c) => c.column)).toEqual(before.filter((c) => !named(after, c.name)).map((c) => c.name));
        for (const c of after) {
          const old = named(before, c.name);
          if (!old) continue;
          const modified = changes.find((x) => x.change === 'modified' && x.column === c.name);
          const differing = (['type', 'nullable', 'defaultValue', 'generated', 'comment', 'ordinal'] as const).filter((f) => JSON.stringify(old[f]) !== JSON.stringify(c[f]));
          expect(modified && modified.change === 'modified' ? Object.keys(modified.fields) : []).toEqual(differing);
        }
      }),
      RUNS,
    );
  });
});

describe('column renames by stable id (property)', () => {
  /** A dictionary with ids, and the same one with some columns renamed (ids kept) to names it did not use. */
  const renamed = dictionary.chain((before) => {
    const withIds = before.map((c) => ({ ...c, stableId: String(c.ordinal) }));
    return fc.tuple(fc.constant(withIds), fc.array(fc.boolean(), { minLength: withIds.length, maxLength: withIds.length })).map(([cols, flips]) => ({
      before: cols,
      after: cols.map((c, i) => (flips[i] ? { ...c, name: `${c.name}_renamed` } : { ...c })),
    }));
  });

  it('records exactly the renamed columns as renamed, and nothing as dropped or added', () => {
    fc.assert(
      fc.property(renamed, ({ before, after }) => {
        const changes = diffColumns(before, after);
        const expected = after.flatMap((c, i) => (c.name === before[i]!.name ? [] : [{ change: 'renamed', column: c.name, from: before[i]!.name, fields: {} }]));
        expect(changes).toEqual(expected);
      }),
      RUNS,
    );
  });
});
