/** A user or group named as owner of a subtree. */
export interface Principal {
  type: 'user' | 'group';
  name: string;
}

export const SETTING_KEYS = ['isActive', 'activateNewChildren', 'dataOwners'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** The values of the three settings once inheritance is resolved. */
export interface EffectiveSettings {
  isActive: boolean;
  activateNewChildren: boolean;
  dataOwners: Principal[];
}

/** What one object stores: an override per setting, or null to inherit from its parent. */
export type SettingOverrides = { [K in SettingKey]: EffectiveSettings[K] | null };

export const NO_OVERRIDES: SettingOverrides = Object.freeze({
  isActive: null,
  activateNewChildren: null,
  dataOwners: null,
});

/** What the connection root falls back to when it overrides nothing (SPEC 1.3). */
export const ROOT_DEFAULTS: EffectiveSettings = Object.freeze({
  isActive: false,
  activateNewChildren: false,
  dataOwners: [],
});

/** The effective settings of a child given its parent's effective settings and its own overrides. */
export function inheritSettings(parent: EffectiveSettings, own: SettingOverrides): EffectiveSettings {
  return {
    isActive: own.isActive ?? parent.isActive,
    activateNewChildren: own.activateNewChildren ?? parent.activateNewChildren,
    dataOwners: own.dataOwners ?? parent.dataOwners,
  };
}

/**
 * Resolves the settings at the end of a path: the nearest override on the way up wins.
 * `chain` holds the overrides of every object from the connection root down to the object.
 */
export function resolveSettings(chain: readonly SettingOverrides[]): EffectiveSettings {
  return chain.reduce<EffectiveSettings>(inheritSettings, ROOT_DEFAULTS);
}

/**
 * The overrides an object discovered by a sync is created with (SPEC 1.3): objects found by
 * the connection's first sync inherit; later ones take the parent's effective
 * `activateNewChildren` as their status, stored only when it differs from what they would
 * inherit anyway.
 */
export function overridesForNewObject(parent: EffectiveSettings, firstSync: boolean): SettingOverrides {
  if (firstSync || parent.activateNewChildren === parent.isActive) return NO_OVERRIDES;
  return { ...NO_OVERRIDES, isActive: parent.activateNewChildren };
}

/** `active` when enabled and still present on the platform; a removed object is always inactive. */
export function objectState(effective: EffectiveSettings, removed: boolean): 'active' | 'inactive' {
  return effective.isActive && !removed ? 'active' : 'inactive';
}
