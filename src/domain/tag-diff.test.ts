import { describe, expect, it } from 'vitest';
import type { CrawledColumn } from './catalog-types.js';
import { diffPlatformTags, tagsFingerprint, type StoredTag } from './tag-diff.js';

const platform = (name: string, value: string | null = null): StoredTag => ({ name, value, source: 'platform' });

describe('diffPlatformTags', () => {
  it('adds the tags the platform has and the store does not', () => {
    expect(diffPlatformTags([], [{ name: 'PII.Email', value: null }])).toEqual({ added: [{ name: 'PII.Email', value: null }], removed: [], revalued: [] });
  });

  it('removes the platform tags the platform no longer has', () => {
    expect(diffPlatformTags([platform('COST', 'c1')], [])).toEqual({ added: [], removed: [{ name: 'COST', value: 'c1' }], revalued: [] });
  });

  it('re-values a tag whose value changed', () => {
    expect(diffPlatformTags([platform('COST', 'c1')], [{ name: 'COST', value: 'c2' }])).toEqual({ added: [], removed: [], revalued: [{ name: 'COST', from: 'c1', to: 'c2' }] });
  });

  it('leaves an unchanged tag alone', () => {
    expect(diffPlatformTags([platform('COST', 'c1')], [{ name: 'COST', value: 'c1' }])).toEqual({ added: [], removed: [], revalued: [] });
  });

  it('never touches a user or system tag, even with the same name', () => {
    const stored: StoredTag[] = [{ name: 'PII', value: null, source: 'user' }, { name: 'New', value: null, source: 'system' }];
    expect(diffPlatformTags(stored, [])).toEqual({ added: [], removed: [], revalued: [] });
    // The platform's PII is another tag than the user's: it is added beside it.
    expect(diffPlatformTags(stored, [{ name: 'PII', value: 'x' }]).added).toEqual([{ name: 'PII', value: 'x' }]);
  });

  it('removes nothing when the tags were not read', () => {
    expect(diffPlatformTags([platform('COST', 'c1'), platform('PII')], undefined)).toEqual({ added: [], removed: [], revalued: [] });
  });

  it('keeps the first of two crawled tags with one name', () => {
    expect(diffPlatformTags([], [{ name: 'A', value: '1' }, { name: 'A', value: '2' }]).added).toEqual([{ name: 'A', value: '1' }]);
  });
});

describe('tagsFingerprint', () => {
  const column = (name: string, tags?: { name: string; value: string | null }[]): CrawledColumn => ({
    name, ordinal: 1, type: 'text', nullable: true, defaultValue: null, generated: null, comment: null, ...(tags && { tags }),
  });

  it('is null when no tag was read', () => {
    expect(tagsFingerprint(undefined, undefined)).toBeNull();
    expect(tagsFingerprint(undefined, [column('a')])).toBeNull();
  });

  it('ignores the order of tags but not what was read', () => {
    const a = tagsFingerprint([{ name: 'X', value: null }, { name: 'Y', value: '1' }], [column('c', [])]);
    expect(tagsFingerprint([{ name: 'Y', value: '1' }, { name: 'X', value: null }], [column('c', [])])).toBe(a);
    expect(tagsFingerprint([{ name: 'X', value: null }, { name: 'Y', value: '1' }], [column('c')])).not.toBe(a);
    expect(tagsFingerprint([{ name: 'X', value: null }, { name: 'Y', value: null }], [column('c', [])])).not.toBe(a);
    expect(tagsFingerprint([], [])).not.toBe(tagsFingerprint(undefined, [column('c', [])]));
  });
});
