import { describe, expect, it } from 'vitest';
import { NO_OVERRIDES, type SettingOverrides } from '../domain/settings.js';
import type { ObjectRecord } from '../store/repositories/object-repository.js';
import { buildCrawlScope } from './crawl-scope.js';

const object = (id: number, parentId: number | null, name: string, overrides: Partial<SettingOverrides> = {}, removed = false): ObjectRecord => ({
  id,
  connectionId: 1,
  parentId,
  idPath: '',
  depth: parentId === null ? 0 : 1,
  name,
  kind: parentId === null ? 'connection' : 'database',
  isLeaf: false,
  stableId: null,
  comment: null,
  overrides: { ...NO_OVERRIDES, ...overrides },
  removed,
  removedAt: null,
  columnsFingerprint: null,
  tagsFingerprint: null,
  dictionaryFingerprint: null,
  createdAt: '',
  updatedAt: '',
  lastSyncRunId: null,
  lastSyncedAt: null,
});
const root = object(1, null, 'Conn', { isActive: false });
const listed = object(2, 1, 'listed');
const neverListed = object(3, 1, 'never listed');
const enabled = object(4, 1, 'enabled', { isActive: true });
const gone = object(5, 1, 'gone', {}, true);
const withOverride = object(6, 1, 'holds an enabled table');
const descend = (name: string) =>
  buildCrawlScope([], {
    chainAsFarAsKnown: [root],
    containers: [root, listed, neverListed, enabled, gone, withOverride],
    withEnabledDescendants: new Set([withOverride.id]),
    withChildren: new Set([root.id, listed.id, enabled.id, gone.id, withOverride.id]),
  }, false).shouldDescend([name], { name, kind: 'database', stableId: null, comment: null });

describe('buildCrawlScope', () => {
  it('skips a disabled container whose children are known', () => {
    expect(descend('listed')).toBe(false);
  });

  it('lists enabled containers, removed ones, ones holding an enabled override, and unknown ones', () => {
    expect(descend('enabled')).toBe(true);
    expect(descend('gone')).toBe(true);
    expect(descend('holds an enabled table')).toBe(true);
    expect(descend('new on the platform')).toBe(true);
  });

  it('lists a disabled container that was added but never listed (a sync stopped in between)', () => {
    expect(descend('never listed')).toBe(true);
  });

  it('lists a container that took the name of a skipped one but has another stable id (a swap)', () => {
    const scope = buildCrawlScope([], {
      chainAsFarAsKnown: [root],
      containers: [root, { ...listed, stableId: '7' }],
      withEnabledDescendants: new Set(),
      withChildren: new Set([root.id, listed.id]),
    }, false);
    const crawled = (stableId: string | null) => scope.shouldDescend(['listed'], { name: 'listed', kind: 'database', stableId, comment: null });
    expect([crawled('7'), crawled(null), crawled('8')]).toEqual([false, false, true]);
  });

  it('descends everywhere when forced or on the first sync', () => {
    const scope = buildCrawlScope([], { chainAsFarAsKnown: [root], containers: [], withEnabledDescendants: new Set(), withChildren: new Set() }, true);
    expect(scope.shouldDescend(['listed'], { name: 'listed', kind: 'database', stableId: null, comment: null })).toBe(true);
  });
});
