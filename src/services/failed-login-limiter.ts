import type { AuthFailureRepository } from '../store/repositories/auth-failure-repository.js';

/**
 * Counts failed authentications per client address *and* presented key prefix in the store
 * (so every process on a PostgreSQL store shares the counts), and refuses further invalid keys
 * of a pair that failed too often until its window has passed.
 *
 * It only ever answers for a key that did not authenticate: a valid key is never refused, so
 * one client guessing behind a shared address (a NAT, a reverse proxy) locks no one else out.
 */
export class FailedLoginLimiter {
  constructor(
    private readonly counts: AuthFailureRepository,
    /** Failures allowed per address and key prefix within `windowMs`; the next one is refused. */
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `address` may present a key with `keyPrefix` again, or 0 when it is not blocked. */
  async retryAfterSeconds(address: string, keyPrefix: string): Promise<number> {
    const count = await this.counts.find(address, keyPrefix, this.windowStart());
    return count === undefined || count.failures < this.limit ? 0 : this.secondsLeft(count.windowStartedAt);
  }

  /** Records one failure; true when this failure blocks the pair. */
  async recordFailure(address: string, keyPrefix: string): Promise<boolean> {
    const since = this.windowStart();
    const count = await this.counts.record(address, keyPrefix, new Date(this.now()).toISOString(), since);
    // Windows start only here, so a new one is the moment old ones can go (bounds the table under a flood).
    if (count.failures === 1) await this.counts.forgetBefore(since);
    return count.failures >= this.limit;
  }

  private windowStart(): string {
    return new Date(this.now() - this.windowMs).toISOString();
  }

  private secondsLeft(windowStartedAt: string): number {
    return Math.max(1, Math.ceil((Date.parse(windowStartedAt) + this.windowMs - this.now()) / 1000));
  }
}
