import { describe, expect, it } from 'vitest';
import type { CrawledColumn } from './catalog-types.js';
import { diffColumns } from './column-diff.js';

const column = (name: string, ordinal: number, stableId?: string | null, type = 'integer'): CrawledColumn => ({
  name, ordinal, type, nullable: true, defaultValue: null, generated: null, comment: null, ...(stableId !== undefined && { stableId }),
});

describe('diffColumns with stable ids', () => {
  it('records a column with the same stable id under a new name as renamed, not dropped and added', () => {
    expect(diffColumns([column('a', 1, '1'), column('b', 2, '2')], [column('a', 1, '1'), column('c', 2, '2')])).toEqual([
      { change: 'renamed', column: 'c', from: 'b', fields: {} },
    ]);
  });

  it('says what else changed with the rename', () => {
    expect(diffColumns([column('b', 2, '2')], [column('c', 2, '2', 'text')])).toEqual([
      { change: 'renamed', column: 'c', from: 'b', fields: { type: { from: 'integer', to: 'text' } } },
    ]);
  });

  it('follows ids through a swap of two names', () => {
    expect(diffColumns([column('a', 1, '1'), column('b', 2, '2')], [column('b', 1, '1'), column('a', 2, '2')])).toEqual([
      { change: 'renamed', column: 'b', from: 'a', fields: {} },
      { change: 'renamed', column: 'a', from: 'b', fields: {} },
    ]);
  });

  it('treats the same name with another id as a drop and an add', () => {
    expect(diffColumns([column('a', 1, '1')], [column('a', 3, '3')])).toEqual([
      { change: 'added', column: 'a', type: 'integer' },
      { change: 'dropped', column: 'a', type: 'integer' },
    ]);
  });

  it('matches by name where a side has no id (MariaDB; dictionaries stored before ids were)', () => {
    expect(diffColumns([column('a', 1, null)], [column('a', 1, '1')])).toEqual([]);
    expect(diffColumns([column('a', 1)], [column('b', 1)])).toEqual([
      { change: 'added', column: 'b', type: 'integer' },
      { change: 'dropped', column: 'a', type: 'integer' },
    ]);
  });
});
