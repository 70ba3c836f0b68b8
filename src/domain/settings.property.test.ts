import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NO_OVERRIDES,
  ROOT_DEFAULTS,
  SETTING_KEYS,
  inheritSettings,
  objectState,
  overridesForNewObject,
  resolveSettings,
  type EffectiveSettings,
  type Principal,
  type SettingKey,
  type SettingOverrides,
} from './settings.js';

// Fixed seeds keep CI deterministic; a failure prints its seed and shrunk counterexample.
const RUNS = { seed: 1604, numRuns: 300 } as const;

const principal: fc.Arbitrary<Principal> = fc.record({
  type: fc.constantFrom('user' as const, 'group' as const),
  name: fc.constantFrom('ana', 'finance', 'ops', 'Ünï'),
});
// Empty owner lists are overrides too (an object can clear what it would inherit).
const owners = fc.array(principal, { maxLength: 3 });
const overrides: fc.Arbitrary<SettingOverrides> = fc.record({
  isActive: fc.option(fc.boolean(), { nil: null, freq: 2 }),
  activateNewChildren: fc.option(fc.boolean(), { nil: null, freq: 2 }),
  dataOwners: fc.option(owners, { nil: null, freq: 2 }),
});
const effective: fc.Arbitrary<EffectiveSettings> = fc.record({
  isActive: fc.boolean(),
  activateNewChildren: fc.boolean(),
  dataOwners: owners,
});

/** A hierarchy as a parent array: node 0 is the connection, every other node's parent comes before it. */
interface Tree {
  parent: number[];
  own: SettingOverrides[];
}

/** Random trees of 1 to 5 levels under the connection, up to 40 objects, random overrides anywhere. */
const tree: fc.Arbitrary<Tree> = fc
  .record({
    levels: fc.integer({ min: 1, max: 5 }),
    nodes: fc.array(fc.record({ pick: fc.nat(), own: overrides }), { maxLength: 40 }),
    root: overrides,
  })
  .map(({ levels, nodes, root }) => {
    const parent = [-1];
    const depth = [0];
    const own = [root];
    for (const node of nodes) {
      const open = depth.flatMap((d, i) => (d < levels ? [i] : []));
      const p = open[node.pick % open.length]!;
      parent.push(p);
      depth.push(depth[p]! + 1);
      own.push(node.own);
    }
    return { parent, own };
  });

const chainOf = (t: Tree, node: number): SettingOverrides[] => {
  const chain: SettingOverrides[] = [];
  for (let n = node; n !== -1; n = t.parent[n]!) chain.unshift(t.own[n]!);
  return chain;
};

/** The brute-force model of SPEC 1.3: walk up from the object; the first override wins, else the root default. */
function modelValue<K extends SettingKey>(t: Tree, node: number, key: K): EffectiveSettings[K] {
  for (let n = node; n !== -1; n = t.parent[n]!) {
    const value = t.own[n]![key];
    if (value !== null) return value as EffectiveSettings[K];
  }
  return ROOT_DEFAULTS[key];
}

const isBelow = (t: Tree, node: number, ancestor: number): boolean => {
  for (let n = t.parent[node]!; n !== -1; n = t.parent[n]!) if (n === ancestor) return true;
  return false;
};

describe('status inheritance (property)', () => {
  it('gives every object of a random hierarchy the nearest override on its path, else the root default', () => {
    fc.assert(
      fc.property(tree, (t) => {
        for (let node = 0; node < t.parent.length; node++) {
          const resolved = resolveSettings(chainOf(t, node));
          for (const key of SETTING_KEYS) expect(resolved[key]).toEqual(modelValue(t, node, key));
        }
      }),
      RUNS,
    );
  });

  it('resolves top-down (parent effective + own overrides) exactly as it resolves a whole chain', () => {
    // The store resolves a subtree level by level from the parent's effective settings; both ways must agree.
    fc.assert(
      fc.property(tree, (t) => {
        const top: EffectiveSettings[] = [];
        for (let node = 0; node < t.parent.length; node++) {
          top[node] = inheritSettings(node === 0 ? ROOT_DEFAULTS : top[t.parent[node]!]!, t.own[node]!);
          expect(top[node]).toEqual(resolveSettings(chainOf(t, node)));
        }
      }),
      RUNS,
    );
  });

  it('changes exactly the inheriting descendants when one object overrides a setting, whatever the subtree', () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.constantFrom(...SETTING_KEYS), overrides, (t, pick, key, fresh) => {
        const changed = pick % t.parent.length;
        const value = fresh[key] ?? (key === 'dataOwners' ? [{ type: 'group' as const, name: 'new-owner' }] : !modelValue(t, changed, key));
        const after: Tree = { parent: t.parent, own: t.own.map((o, i) => (i === changed ? { ...o, [key]: value } : o)) };
        for (let node = 0; node < t.parent.length; node++) {
          const before = resolveSettings(chainOf(t, node))[key];
          const now = resolveSettings(chainOf(after, node))[key];
          // A descendant inherits from `changed` when nothing between them (itself included) overrides the key.
          let inherits = node === changed || isBelow(t, node, changed);
          for (let n = node; inherits && n !== changed; n = t.parent[n]!) if (t.own[n]![key] !== null) inherits = false;
          expect(now).toEqual(inherits ? value : before);
        }
      }),
      RUNS,
    );
  });

  it('is active exactly when the effective isActive is true and the object is not removed', () => {
    fc.assert(
      fc.property(effective, fc.boolean(), (settings, removed) => {
        expect(objectState(settings, removed) === 'active').toBe(settings.isActive && !removed);
      }),
      RUNS,
    );
  });
});

describe('overridesForNewObject (property)', () => {
  it('stores nothing for objects of the first sync: they inherit every setting', () => {
    fc.assert(
      fc.property(effective, (parent) => {
        expect(overridesForNewObject(parent, true)).toEqual(NO_OVERRIDES);
      }),
      RUNS,
    );
  });

  it("gives later objects the parent's activateNewChildren as status, stored only when it differs from the parent's isActive", () => {
    fc.assert(
      fc.property(tree, fc.nat(), (t, pick) => {
        const parentNode = pick % t.parent.length;
        const parentChain = chainOf(t, parentNode);
        const parent = resolveSettings(parentChain);
        const own = overridesForNewObject(parent, false);
        expect(own.isActive !== null).toBe(parent.activateNewChildren !== parent.isActive);
        expect([own.activateNewChildren, own.dataOwners]).toEqual([null, null]);
        // Whatever is stored, the new object ends up with the parent's activateNewChildren and inherits the rest.
        const child = resolveSettings([...parentChain, own]);
        expect(child).toEqual({ ...parent, isActive: parent.activateNewChildren });
      }),
      RUNS,
    );
  });
});
