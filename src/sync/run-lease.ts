import { WardenError } from '../errors.js';
import type { Repositories } from '../store/catalog-store.js';

/**
 * A worker's hold on the run it executes. Every write of the run (each apply transaction, its
 * progress, its end) is fenced on it: a worker whose lease was taken over writes nothing more.
 */
export interface RunLease {
  readonly syncRunId: string;
  /** `sync_runs.lease_owner`: the worker's id. */
  readonly owner: string;
  /** The expiry a renewal sets now. */
  until(): string;
}

/**
 * Renews the lease inside `repos`' transaction, before the transaction writes for the run:
 * SYNC_LEASE_LOST when the run is no longer active and this worker's. One single-row update:
 * on PostgreSQL it holds the run's row until commit, so a take-over (failing the run as
 * abandoned) waits for this transaction, or wins before it and this one writes nothing.
 */
export async function holdLease(repos: Pick<Repositories, 'syncRuns'>, lease: RunLease): Promise<void> {
  if (!(await repos.syncRuns.renewLease(lease.syncRunId, lease.owner, lease.until()))) throw leaseLost(lease);
}

/** The error that stops a run whose lease was taken over. */
export function leaseLost(lease: RunLease): WardenError {
  return new WardenError('SYNC_LEASE_LOST', { syncRunId: lease.syncRunId });
}

/** Whether `error` says the run is no longer this worker's. */
export function isLeaseLost(error: unknown): boolean {
  return error instanceof WardenError && error.code === 'SYNC_LEASE_LOST';
}
