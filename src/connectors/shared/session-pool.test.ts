import { describe, expect, it } from 'vitest';
import { SessionPool } from './guarded-session.js';

/** A session that only knows whether it is lost and closed: what the pool looks at. */
class Session {
  lost = false;
  closed = false;
  constructor(readonly id: number) {}
  async close(): Promise<void> {
    this.closed = true;
  }
}

function pool(size: number, signal = new AbortController().signal) {
  let opened = 0;
  const sessions = new SessionPool(size, async () => new Session(++opened), signal);
  return { sessions, opened: () => opened };
}

describe('SessionPool', () => {
  it('opens at most `size` sessions and lends a returned one to the next borrower', async () => {
    const { sessions, opened } = pool(2);
    const signal = new AbortController().signal;
    const [a, b] = [await sessions.acquire(signal), await sessions.acquire(signal)];
    const third = sessions.acquire(signal);
    sessions.release(a);
    expect(await third).toBe(a);
    sessions.release(b);
    expect(await sessions.acquire(signal)).toBe(b);
    expect(opened()).toBe(2);
  });

  it('closes a session that comes back lost, or is found lost while idle, and opens a new one in its place', async () => {
    const { sessions, opened } = pool(1);
    const signal = new AbortController().signal;
    const first = await sessions.acquire(signal);
    const waiting = sessions.acquire(signal);
    first.lost = true;
    sessions.release(first);
    const second = await waiting;
    expect(first.closed).toBe(true);
    expect(second.id).toBe(2);
    sessions.release(second);
    second.lost = true;
    expect((await sessions.acquire(signal)).id).toBe(3);
    expect(opened()).toBe(3);
  });

  it('an aborted borrower leaves the queue: the session goes to the next one', async () => {
    const { sessions } = pool(1);
    const first = await sessions.acquire(new AbortController().signal);
    const gaveUp = new AbortController();
    const abandoned = sessions.acquire(gaveUp.signal);
    const patient = sessions.acquire(new AbortController().signal);
    gaveUp.abort(new Error('gave up'));
    await expect(abandoned).rejects.toThrow('gave up');
    sessions.release(first);
    expect(await patient).toBe(first);
  });

  it('a failed open frees its place; close() ends the idle sessions, and a lent one when it comes back', async () => {
    let fail = true;
    const sessions = new SessionPool(1, async () => {
      if (fail) throw new Error('login refused');
      return new Session(1);
    }, new AbortController().signal);
    const signal = new AbortController().signal;
    await expect(sessions.acquire(signal)).rejects.toThrow('login refused');
    fail = false;
    const lent = await sessions.acquire(signal);
    await sessions.close();
    expect(lent.closed).toBe(false);
    sessions.release(lent);
    expect(lent.closed).toBe(true);
    await expect(sessions.acquire(signal)).rejects.toMatchObject({ code: 'CONNECTION_LOST' });
  });
});
