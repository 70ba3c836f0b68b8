import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.js';
import { WardenError } from '../errors.js';
import type { CatalogStore } from '../store/catalog-store.js';
import { auditEntry } from './actor.js';
import type { AuthService, Principal } from './auth-service.js';

/** A session as the UI sees it: who it acts as, until when, and the token its changes carry. */
export interface SessionView {
  user: { name: string; permissions: string[]; groups: string[] };
  expiresAt: string;
  csrfToken: string;
}

/** A request's session: its cookie token and when it ends. */
export interface RequestSession {
  token: string;
  expiresAt: string;
}

/** How much of the session's hash the audit log shows: enough to tell sign-ins apart, useless as a cookie. */
const AUDIT_REFERENCE_LENGTH = 16;

/**
 * Web UI sign-in: an API key is exchanged for a random session token (the browser keeps it in
 * an HttpOnly cookie; the store keeps only its hash), which then acts as that key — same user,
 * same permissions, read afresh on every request, so a revoked key or a removed permission
 * takes effect at once. A session ends at sign-out, at its expiry (the container's Clock), or
 * when its key stops working. Its CSRF token is derived from the session token, so it needs no
 * storage and is known only to whoever holds the cookie's value or was given it by the API.
 */
export class SessionService {
  constructor(
    private readonly store: CatalogStore,
    private readonly auth: AuthService,
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  /** Checks the key exactly as a bearer key is checked (counted and limited on failure), then opens a session. */
  async signIn(apiKey: string, clientAddress: string): Promise<{ token: string; view: SessionView }> {
    const principal = await this.auth.authenticate(`Bearer ${apiKey}`, clientAddress);
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.nowIso();
    const ttlEnd = new Date(this.clock.now().getTime() + this.ttlMs).toISOString();
    const expiresAt = principal.keyExpiresAt !== null && principal.keyExpiresAt < ttlEnd ? principal.keyExpiresAt : ttlEnd;
    const id = hashToken(token);
    await this.store.transaction(async (repos) => {
      await repos.sessions.deleteExpired(now);
      await repos.sessions.insert({ id, apiKeyId: principal.keyId, createdAt: now, expiresAt });
      await repos.audit.insert(auditEntry(principal, 'session.created', { target: `apikey:${principal.keyId}`, after: { session: id.slice(0, AUDIT_REFERENCE_LENGTH), expiresAt } }));
    });
    return { token, view: viewOf(principal, { token, expiresAt }) };
  }

  /** The principal of a session token; UNAUTHENTICATED when it is unknown, expired or its key no longer works. */
  async authenticate(token: string, clientAddress: string): Promise<{ principal: Principal; session: RequestSession }> {
    const session = await this.store.reads.sessions.findById(hashToken(token));
    if (!session || session.expiresAt <= this.clock.nowIso()) throw new WardenError('UNAUTHENTICATED');
    const principal = await this.auth.principalOfKey(session.apiKeyId, clientAddress);
    if (!principal) throw new WardenError('UNAUTHENTICATED');
    return { principal, session: { token, expiresAt: session.expiresAt } };
  }

  /** True when `presented` is the session's CSRF token. */
  csrfMatches(session: RequestSession, presented: string | undefined): boolean {
    if (presented === undefined) return false;
    const expected = Buffer.from(csrfTokenOf(session.token));
    const given = Buffer.from(presented);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  view(principal: Principal, session: RequestSession): SessionView {
    return viewOf(principal, session);
  }

  /** Ends the session at once, on every process sharing the store. */
  async signOut(session: RequestSession, actor: Principal): Promise<void> {
    const id = hashToken(session.token);
    await this.store.transaction(async (repos) => {
      if (!(await repos.sessions.delete(id))) return;
      await repos.audit.insert(auditEntry(actor, 'session.ended', { target: `apikey:${actor.keyId}`, before: { session: id.slice(0, AUDIT_REFERENCE_LENGTH) } }));
    });
  }
}

function viewOf(principal: Principal, session: RequestSession): SessionView {
  return {
    user: { name: principal.name, permissions: principal.permissions, groups: principal.groups },
    expiresAt: session.expiresAt,
    csrfToken: csrfTokenOf(session.token),
  };
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function csrfTokenOf(token: string): string {
  return createHash('sha256').update(`warden-csrf:${token}`).digest('base64url');
}
