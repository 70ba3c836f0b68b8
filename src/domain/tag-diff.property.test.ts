import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CrawledTag } from './tag.js';
import { TAG_SOURCES } from './tag.js';
import { diffPlatformTags, uniqueTags, type StoredTag } from './tag-diff.js';

const RUNS = { seed: 1010, numRuns: 500 } as const;

const name = fc.constantFrom('PII', 'PII.Email', 'COST', 'New', 'a b', 'é');
const value = fc.option(fc.constantFrom('1', '2', 'x', ''), { nil: null });
const crawledTags = fc.array(fc.record({ name, value }), { maxLength: 6 });
/** A store holds one tag per name and source. */
const storedTags = fc.uniqueArray(fc.record({ name, value, source: fc.constantFrom(...TAG_SOURCES) }), {
  maxLength: 8,
  selector: (t) => `${t.source}\u0000${t.name}`,
});

/** Applies a diff to stored tags the way the store does. */
function applied(stored: readonly StoredTag[], crawled: readonly CrawledTag[] | undefined): StoredTag[] {
  const diff = diffPlatformTags(stored, crawled);
  const removed = new Set(diff.removed.map((t) => t.name));
  const revalued = new Map(diff.revalued.map((r) => [r.name, r.to]));
  return [
    ...stored
      .filter((t) => t.source !== 'platform' || !removed.has(t.name))
      .map((t) => (t.source === 'platform' && revalued.has(t.name) ? { ...t, value: revalued.get(t.name)! } : t)),
    ...diff.added.map((t) => ({ ...t, source: 'platform' as const })),
  ];
}

const key = (t: { name: string; value: string | null }) => `${t.name}\u0000${t.value ?? '\u0001'}`;
const sortedKeys = (tags: readonly { name: string; value: string | null }[]) => tags.map(key).sort();

describe('platform tag diff (property)', () => {
  it('makes the platform tags equal to the crawled ones and leaves every other tag as it was', () => {
    fc.assert(
      fc.property(storedTags, crawledTags, (stored, crawled) => {
        const after = applied(stored, crawled);
        expect(sortedKeys(after.filter((t) => t.source === 'platform'))).toEqual(sortedKeys(uniqueTags(crawled)));
        expect(after.filter((t) => t.source !== 'platform')).toEqual(stored.filter((t) => t.source !== 'platform'));
      }),
      RUNS,
    );
  });

  it('changes nothing when the tags were not read, and nothing the second time', () => {
    fc.assert(
      fc.property(storedTags, crawledTags, (stored, crawled) => {
        expect(diffPlatformTags(stored, undefined)).toEqual({ added: [], removed: [], revalued: [] });
        expect(diffPlatformTags(applied(stored, crawled), crawled)).toEqual({ added: [], removed: [], revalued: [] });
      }),
      RUNS,
    );
  });
});
