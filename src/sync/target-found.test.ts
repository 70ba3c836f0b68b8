import { describe, expect, it } from 'vitest';
import { emptyCounts } from './apply.js';
import { batchShowsTarget, targetNotFound } from './target-found.js';

const table = { name: 't', kind: 'table', stableId: null, comment: null, columns: [] };

describe('a sync target the platform does not have', () => {
  it('is shown by the filtered listing of its parent holding it, or left open by a failure', () => {
    expect(batchShowsTarget(['db', 's', 't'], { type: 'listing', parent: ['db', 's'], objects: [table], only: { name: 't', stableId: null } })).toBe(true);
    expect(batchShowsTarget(['db', 's', 't'], { type: 'listing', parent: ['db', 's'], objects: [], only: { name: 't', stableId: null } })).toBe(false);
    expect(batchShowsTarget(['db', 's', 't'], { type: 'listing', parent: ['db'], objects: [{ ...table, name: 's', kind: 'schema' }] })).toBe(false);
    expect(batchShowsTarget(['db', 's', 't'], { type: 'failure', path: ['db'], code: 'PERMISSION_DENIED', message: 'no' })).toBe(true);
    expect(batchShowsTarget(['db', 's', 't'], { type: 'tagsNotRead', path: ['db', 's', 't'], code: 'PERMISSION_DENIED', message: 'no' })).toBe(false);
  });

  it('ends the run with OBJECT_NOT_FOUND only when nothing showed it and nothing was removed', () => {
    expect(targetNotFound(['K', 'db', 'x'], false, emptyCounts())).toMatchObject({ objectPath: ['K', 'db', 'x'], code: 'OBJECT_NOT_FOUND' });
    expect(targetNotFound(['K', 'db', 'x'], true, emptyCounts())).toBeNull();
    expect(targetNotFound(['K', 'db', 'x'], false, { ...emptyCounts(), removed: 1 })).toBeNull();
    expect(targetNotFound(['K'], false, emptyCounts())).toBeNull();
  });
});
