/**
 * The global permissions of SPEC 1.6, in the order they are listed, and USER_ADMIN (as in the
 * reference product): managing users, groups and other users' API keys.
 */
export const GLOBAL_PERMISSIONS = ['APPLICATION_ADMIN', 'GOVERNANCE', 'CREATE_DATA_SOURCE', 'USER_ADMIN'] as const;
export type GlobalPermission = (typeof GLOBAL_PERMISSIONS)[number];

/** The id of the built-in admin user, who owns the bootstrap admin key. */
export const BUILTIN_ADMIN_USER_ID = 'builtin-admin';

/**
 * What a user may do: their own and their groups' permissions, in catalogue order. The built-in
 * admin holds every permission whatever its stored row says (rows written before USER_ADMIN
 * existed lack it, and the row cannot be changed).
 */
export function effectivePermissions(
  user: { builtin: boolean; permissions: readonly string[] },
  groups: readonly { permissions: readonly string[] }[],
): GlobalPermission[] {
  if (user.builtin) return [...GLOBAL_PERMISSIONS];
  const granted = new Set([...user.permissions, ...groups.flatMap((group) => group.permissions)]);
  return GLOBAL_PERMISSIONS.filter((permission) => granted.has(permission));
}

/** The permissions in `wanted` that `holder` does not hold: what `holder` may not grant. */
export function permissionsLacking(holder: readonly GlobalPermission[], wanted: readonly GlobalPermission[]): GlobalPermission[] {
  return wanted.filter((permission) => !holder.includes(permission));
}
