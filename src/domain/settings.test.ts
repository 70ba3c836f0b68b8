import { describe, expect, it } from 'vitest';
import {
  NO_OVERRIDES,
  ROOT_DEFAULTS,
  objectState,
  overridesForNewObject,
  resolveSettings,
  type SettingOverrides,
} from './settings.js';

const o = (overrides: Partial<SettingOverrides>): SettingOverrides => ({ ...NO_OVERRIDES, ...overrides });

describe('resolveSettings', () => {
  it('falls back to the root defaults when nothing overrides', () => {
    expect(resolveSettings([NO_OVERRIDES, NO_OVERRIDES])).toEqual(ROOT_DEFAULTS);
  });

  it('takes the nearest override on the way up, per key', () => {
    const owners = [{ type: 'group' as const, name: 'finance' }];
    const chain = [o({ isActive: false, dataOwners: owners }), o({ isActive: true }), NO_OVERRIDES, o({ activateNewChildren: true })];
    expect(resolveSettings(chain)).toEqual({ isActive: true, activateNewChildren: true, dataOwners: owners });
  });

  it('lets a leaf override its enabled parent', () => {
    expect(resolveSettings([o({ isActive: true }), o({ isActive: false })]).isActive).toBe(false);
  });

  it('does not depend on a fixed depth', () => {
    const deep = Array.from({ length: 12 }, () => NO_OVERRIDES);
    deep[3] = o({ isActive: true });
    expect(resolveSettings(deep).isActive).toBe(true);
  });
});

describe('overridesForNewObject', () => {
  const parent = { isActive: false, activateNewChildren: true, dataOwners: [] };

  it('lets objects of the first sync inherit', () => {
    expect(overridesForNewObject(parent, true)).toEqual(NO_OVERRIDES);
  });

  it("stores the parent's activateNewChildren when it differs from the inherited status", () => {
    expect(overridesForNewObject(parent, false)).toEqual(o({ isActive: true }));
    expect(overridesForNewObject({ ...parent, isActive: true, activateNewChildren: false }, false)).toEqual(o({ isActive: false }));
  });

  it('stores nothing when inheriting already gives that status', () => {
    expect(overridesForNewObject({ ...parent, isActive: true }, false)).toEqual(NO_OVERRIDES);
  });
});

describe('objectState', () => {
  it('is inactive for removed objects whatever their settings', () => {
    expect(objectState({ ...ROOT_DEFAULTS, isActive: true }, true)).toBe('inactive');
    expect(objectState({ ...ROOT_DEFAULTS, isActive: true }, false)).toBe('active');
  });
});
