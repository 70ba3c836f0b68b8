/**
 * The signed-in session as the page knows it: the CSRF token (kept in memory only; after a
 * reload it is fetched again with GET /session) and who to tell when the server says the
 * session is over. The session itself is an HttpOnly cookie the page never sees.
 */
let token: string | null = null;
const listeners = new Set<() => void>();

export function csrfToken(): string | null {
  return token;
}

export function setCsrfToken(value: string | null): void {
  token = value;
}

/** Called on any 401: the session expired or was ended; the app returns to sign-in. */
export function sessionEnded(): void {
  token = null;
  for (const listener of listeners) listener();
}

export function onSessionEnded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
