/** The states of a sync run (a job): the one list the store, the worker, the API and the CLI use. */
export const SYNC_RUN_STATES = Object.freeze({
  created: 'created',
  active: 'active',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
} as const);
export type SyncRunState = (typeof SYNC_RUN_STATES)[keyof typeof SYNC_RUN_STATES];

/** Every state, in the order a run goes through them. */
export const ALL_SYNC_RUN_STATES: readonly SyncRunState[] = Object.freeze(Object.values(SYNC_RUN_STATES));

/** The states a run ends in: it changes no more. */
export function isFinalSyncRunState(state: string): boolean {
  return state !== SYNC_RUN_STATES.created && state !== SYNC_RUN_STATES.active;
}
