/**
 * Where the time comes from. Logic that compares times (leases, due times, key expiry) asks the
 * one clock the container holds, so a test can set the time instead of waiting for it.
 */
export interface Clock {
  now(): Date;
  /** The current time as stored: ISO-8601 UTC. */
  nowIso(): string;
}

/** The real time. */
export const systemClock: Clock = {
  now: () => new Date(),
  nowIso: () => new Date().toISOString(),
};

/** A clock that stands still until told otherwise (tests). */
export class SettableClock implements Clock {
  private at: number;

  constructor(at: Date | string) {
    this.at = new Date(at).getTime();
  }

  now(): Date {
    return new Date(this.at);
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  set(at: Date | string): void {
    this.at = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.at += ms;
  }
}

/**
 * The real time as stored, for record timestamps outside the clocked logic (who changed what
 * when). Anything that compares times takes a {@link Clock}.
 */
export function nowIso(): string {
  return systemClock.nowIso();
}
