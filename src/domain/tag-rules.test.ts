import { describe, expect, it } from 'vitest';
import { planTagAdditions, TAG_NAME_PATTERN, TAG_VALUE_PATTERN } from './tag-rules.js';

describe('tag names and values', () => {
  const name = new RegExp(TAG_NAME_PATTERN);
  const value = new RegExp(TAG_VALUE_PATTERN);

  it('accepts flat and hierarchical names with inner spaces', () => {
    for (const ok of ['PII', 'PII.Email', 'Cost Centre.EU-1', 'a_b.c-d.E9']) expect(name.test(ok), ok).toBe(true);
  });

  it('refuses empty segments, outer or double spaces, control and non-ASCII characters', () => {
    for (const bad of ['', '.', 'PII.', '.PII', 'PII..Email', ' PII', 'PII ', 'a  b', 'PII/Email', 'a\u0000b', 'Coût', 'a\tb']) expect(name.test(bad), JSON.stringify(bad)).toBe(false);
  });

  it('takes any value without control characters', () => {
    expect(value.test('cc-42 / Finance €')).toBe(true);
    for (const bad of ['', 'a\nb', 'a\u007fb']) expect(value.test(bad), JSON.stringify(bad)).toBe(false);
  });
});

describe('planTagAdditions', () => {
  const existing = [
    { id: 1, name: 'PII', value: null, source: 'user' as const },
    { id: 2, name: 'Owner', value: 'ann', source: 'user' as const },
    { id: 3, name: 'Finance', value: 'x', source: 'platform' as const },
  ];

  it('inserts new names, updates changed values and leaves equal ones alone', () => {
    expect(planTagAdditions(existing, [{ name: 'PII', value: null }, { name: 'Owner', value: 'bob' }, { name: 'New1', value: null }], 'user')).toEqual({
      insert: [{ name: 'New1', value: null }],
      update: [{ id: 2, value: 'bob' }],
    });
  });

  it('adds a user tag beside a platform tag of the same name', () => {
    expect(planTagAdditions(existing, [{ name: 'Finance', value: 'x' }], 'user')).toEqual({ insert: [{ name: 'Finance', value: 'x' }], update: [] });
  });

  it('counts a name given twice once, the last value winning', () => {
    expect(planTagAdditions([], [{ name: 'A', value: '1' }, { name: 'A', value: '2' }], 'user')).toEqual({ insert: [{ name: 'A', value: '2' }], update: [] });
  });
});
