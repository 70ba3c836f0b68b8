/** The global permissions of SPEC 1.6, in the order they are listed. */
export const GLOBAL_PERMISSIONS = ['APPLICATION_ADMIN', 'GOVERNANCE', 'CREATE_DATA_SOURCE'] as const;
export type GlobalPermission = (typeof GLOBAL_PERMISSIONS)[number];

/** The id of the built-in admin user, who owns the bootstrap admin key. */
export const BUILTIN_ADMIN_USER_ID = 'builtin-admin';
