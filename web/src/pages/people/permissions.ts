import type { Schemas } from '../../api/api-client';

export type Permission = Schemas['User']['permissions'][number];

export const PERMISSIONS: Permission[] = ['APPLICATION_ADMIN', 'GOVERNANCE', 'CREATE_DATA_SOURCE', 'USER_ADMIN'];
