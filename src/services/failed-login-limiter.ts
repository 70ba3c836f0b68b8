/**
 * Counts failed authentications per client address in a sliding window and blocks an address
 * that fails too often until its window has passed. In-process: each Warden process counts on
 * its own (a shared counter in the store comes with multi-node deployments).
 */
export class FailedLoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    /** Failures allowed per address within `windowMs`; the next attempt is refused. */
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `address` may try again, or 0 when it is not blocked. */
  retryAfterSeconds(address: string): number {
    const recent = this.recent(address);
    if (recent.length < this.limit) return 0;
    return Math.max(1, Math.ceil((recent[0]! + this.windowMs - this.now()) / 1000));
  }

  /** Records one failure; true when this failure makes the address blocked. */
  recordFailure(address: string): boolean {
    const recent = this.recent(address);
    recent.push(this.now());
    this.failures.set(address, recent);
    if (this.failures.size > 10_000) this.prune();
    return recent.length >= this.limit;
  }

  private recent(address: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.failures.get(address) ?? []).filter((at) => at > since);
  }

  /** Bounds memory under a flood from many addresses: forgets addresses with no recent failure. */
  private prune(): void {
    for (const address of [...this.failures.keys()]) {
      if (this.recent(address).length === 0) this.failures.delete(address);
    }
  }
}
