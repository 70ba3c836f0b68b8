import { describe, expect, it } from 'vitest';
import type { CrawledObject } from '../domain/catalog-types.js';
import { UnreadTags } from './unread-tags.js';

const tags = [{ name: 'PII', value: null }];
const table = (name: string): CrawledObject => ({
  name, kind: 'table', stableId: null, comment: null, tags,
  columns: [{ name: 'c', ordinal: 1, type: 'text', nullable: true, defaultValue: null, generated: null, comment: null, tags }],
});

describe('tags not read for a subtree', () => {
  it('leaves the tags out of the object at the path and of everything below it, columns included', () => {
    const unread = new UnreadTags();
    unread.add(['db', 's']);
    const own = unread.strip({ type: 'listing', parent: ['db'], objects: [{ ...table('s'), kind: 'schema', columns: undefined }, { ...table('other'), kind: 'schema' }] });
    expect(own.objects[0]!.tags).toBeUndefined();
    expect(own.objects[1]!.tags).toEqual(tags);
    const below = unread.strip({ type: 'listing', parent: ['db', 's'], objects: [table('t')] });
    expect(below.objects[0]!.tags).toBeUndefined();
    expect(below.objects[0]!.columns![0]!.tags).toBeUndefined();
    expect(below.objects[0]!.columns![0]!.name).toBe('c');
  });

  it('keeps the tags elsewhere', () => {
    const unread = new UnreadTags();
    unread.add(['db', 's']);
    const batch = { type: 'listing' as const, parent: ['db', 's2'], objects: [table('t')] };
    expect(unread.strip(batch)).toBe(batch);
    expect(new UnreadTags().strip(batch)).toBe(batch);
  });
});
