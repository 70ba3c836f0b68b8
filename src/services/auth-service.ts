import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../clock.js';
import { WardenError } from '../errors.js';
import type { CatalogStore, Repositories } from '../store/catalog-store.js';
import type { ApiKeyRecord, ApiKeyWithOwner } from '../store/repositories/api-key-repository.js';
import { writePrivateFile } from '../store/private-files.js';
import { refusedBy } from '../store/store-dialect.js';
import type { PrincipalRecord } from '../store/repositories/principal-repository.js';
import { BUILTIN_ADMIN_USER_ID, GLOBAL_PERMISSIONS, effectivePermissions, permissionsLacking, type GlobalPermission } from '../domain/permissions.js';
import type { Principal as Owner } from '../domain/settings.js';
import { auditEntry, userActorId, type Actor } from './actor.js';
import type { FailedLoginLimiter } from './failed-login-limiter.js';

export { GLOBAL_PERMISSIONS, type GlobalPermission };

/** Who a request acts as: a user, with the permissions of the user and of their groups. */
export interface Principal extends Actor {
  userId: string;
  /** The user's name, as `dataOwners` names users. */
  name: string;
  /** Global permissions: the user's own and their groups'. */
  permissions: GlobalPermission[];
  /** Names of the user's groups, as `dataOwners` names groups. */
  groups: string[];
  /** The key the request was made with (directly, or through a session signed in with it). */
  keyId: string;
  /** When that key expires (null: never); the keys and sessions it makes expire no later. */
  keyExpiresAt: string | null;
}

/** True when `principal` is one of `owners`: the user by name, or one of the user's groups. */
export function ownsAny(principal: Principal, owners: readonly Owner[]): boolean {
  return owners.some((owner) => (owner.type === 'user' ? owner.name === principal.name : principal.groups.includes(owner.name)));
}

/** An API key as listed: never the key or its hash, only the prefix that tells keys apart. */
export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  user: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  state: 'active' | 'expired' | 'revoked';
}

const ADMIN_KEY_NAME = 'admin';
export const ADMIN_KEY_FILE = 'admin-api-key';
const KEY_PREFIX_LENGTH = 12;

/**
 * API keys: stored as SHA-256 hashes (keys are 256-bit random, so a slow hash adds nothing),
 * found by hash and compared in constant time. Each key belongs to a user; the bootstrap
 * admin key belongs to the built-in `admin` user.
 */
export class AuthService {
  constructor(
    private readonly store: CatalogStore,
    private readonly limiter: FailedLoginLimiter,
    private readonly clock: Clock,
  ) {}

  /**
   * The principal of a bearer key. UNAUTHENTICATED (401) for a missing, unknown, revoked or
   * expired key; a presented key that fails is counted and audited, and once its client address
   * and key prefix failed too often, TOO_MANY_AUTHENTICATION_FAILURES (429) until the window
   * passes. A valid key is never refused.
   */
  async authenticate(authorization: string | undefined, clientAddress: string): Promise<Principal> {
    if (authorization === undefined || authorization === '') throw new WardenError('UNAUTHENTICATED');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) return this.fail(clientAddress, 'malformed', null);
    const key = match[1]!;
    const hash = hashKey(key);
    // The read connection: authentication never queues behind a sync's write transaction.
    const found = await this.store.reads.apiKeys.findWithOwner({ keyHash: hash });
    const record = found?.key;
    if (!record || !timingSafeEqual(Buffer.from(record.keyHash), Buffer.from(hash))) return this.fail(clientAddress, 'unknown', key);
    if (record.revokedAt) return this.fail(clientAddress, 'revoked', key, record);
    if (record.expiresAt && record.expiresAt <= this.clock.nowIso()) return this.fail(clientAddress, 'expired', key, record);
    const principal = principalOf(found, clientAddress);
    if (!principal) return this.fail(clientAddress, 'no user', key, record);
    return principal;
  }

  /**
   * The principal of a stored key that still works (there, not revoked, not expired, its user
   * there); undefined otherwise. For a session, which acts as the key it was signed in with.
   */
  async principalOfKey(keyId: string, clientAddress: string): Promise<Principal | undefined> {
    const found = await this.store.reads.apiKeys.findWithOwner({ id: keyId });
    const record = found?.key;
    if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= this.clock.nowIso())) return undefined;
    return principalOf(found, clientAddress);
  }

  /**
   * Makes sure the built-in admin user has a usable key. With `configuredKey`
   * (WARDEN_ADMIN_API_KEY) that value is the admin key. Otherwise a key is generated on first
   * start and its plain value written once to `<dataDir>/admin-api-key` (mode 0600); deleting
   * that file and restarting rotates it. Returns the plain key when one was generated.
   */
  async ensureAdminKey(dataDir: string, configuredKey: string | null): Promise<{ generated: string | null; file: string }> {
    const file = join(dataDir, ADMIN_KEY_FILE);
    const active = await this.store.apiKeys.findActiveByName(BUILTIN_ADMIN_USER_ID, ADMIN_KEY_NAME);
    if (configuredKey) {
      const hash = hashKey(configuredKey);
      if (active.some((k) => k.keyHash === hash)) return { generated: null, file };
      await this.replaceAdminKey(configuredKey);
      return { generated: null, file };
    }
    const fromFile = existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
    if (fromFile && active.some((k) => k.keyHash === hashKey(fromFile))) return { generated: null, file };
    // No usable key file: a new key replaces the old one (deleting the file rotates the admin key).
    const key = newKey();
    await this.replaceAdminKey(key);
    writePrivateFile(file, `${key}\n`);
    return { generated: key, file };
  }

  /**
   * Creates a key for a user; the result holds the plain key, which is never shown again. A key
   * acts as its user, so minting one grants the user's permissions: the actor must hold them
   * all (FORBIDDEN), may not mint for the built-in admin unless it is that admin (BUILTIN_USER),
   * and the key expires no later than the actor's own (VALIDATION_FAILED).
   */
  async createKey(userName: string, input: { name: string; expiresAt: string | null }, actor: Principal): Promise<ApiKeyView & { key: string }> {
    const now = this.clock.nowIso();
    if (input.expiresAt !== null && input.expiresAt <= now) {
      throw new WardenError('VALIDATION_FAILED', { detail: `body.expiresAt ${input.expiresAt} is not in the future` });
    }
    if (actor.keyExpiresAt !== null && (input.expiresAt === null || input.expiresAt > actor.keyExpiresAt)) {
      throw new WardenError('VALIDATION_FAILED', {
        detail: `body.expiresAt must be at or before ${actor.keyExpiresAt}, when the key making it expires: a key cannot make a key that outlives it`,
      });
    }
    const key = newKey();
    const record: Omit<ApiKeyRecord, 'revokedAt'> = {
      id: randomUUID(),
      name: input.name,
      prefix: key.slice(0, KEY_PREFIX_LENGTH),
      keyHash: hashKey(key),
      userId: '',
      createdAt: now,
      expiresAt: input.expiresAt,
    };
    const view = await this.store.transaction(async (repos) => {
      const user = await this.keyOwner(repos, userName, actor);
      const lacking = permissionsLacking(actor.permissions, effectivePermissions(user, await repos.principals.groupsOf(user.id)));
      if (lacking.length > 0) {
        throw new WardenError('FORBIDDEN', { actor: `User "${actor.name}"`, operation: `create an API key for "${userName}"`, needs: `${lacking.join(' and ')} itself` });
      }
      // The user may be deleted meanwhile (a delete committing after the read above): the key's reference decides.
      await repos.apiKeys.insert({ ...record, userId: user.id }).catch(refusedBy('foreignKey', () => new WardenError('USER_NOT_FOUND', { name: userName })));
      const created = toView({ ...record, userId: user.id, revokedAt: null }, userName, now);
      await repos.audit.insert(auditEntry(actor, 'apikey.created', { target: `apikey:${record.id}`, after: created }));
      return created;
    });
    return { ...view, key };
  }

  async listKeys(userName: string): Promise<ApiKeyView[]> {
    const user = await this.store.principals.find('user', userName);
    if (!user) throw new WardenError('USER_NOT_FOUND', { name: userName });
    const now = this.clock.nowIso();
    return (await this.store.apiKeys.listByUser(user.id)).map((k) => toView(k, userName, now));
  }

  /** Revokes a key at once: the next request with it gets 401. The bootstrap admin key is rotated at start only (BUILTIN_USER). */
  async revokeKey(userName: string, keyId: string, actor: Principal): Promise<ApiKeyView> {
    return this.store.transaction(async (repos) => {
      const user = await this.keyOwner(repos, userName, actor);
      const record = await repos.apiKeys.findById(keyId);
      if (!record || record.userId !== user.id) throw new WardenError('API_KEY_NOT_FOUND', { id: keyId, user: userName });
      if (user.builtin && record.name === ADMIN_KEY_NAME) throw new WardenError('BUILTIN_USER');
      const now = this.clock.nowIso();
      const before = toView(record, userName, now);
      const revokedAt = record.revokedAt ?? now;
      await repos.apiKeys.revoke(keyId, revokedAt);
      const after = toView({ ...record, revokedAt }, userName, now);
      await repos.audit.insert(auditEntry(actor, 'apikey.revoked', { target: `apikey:${keyId}`, before, after }));
      return after;
    });
  }

  /** The user whose keys `actor` manages; the built-in admin's keys are the admin's own business (BUILTIN_USER). */
  private async keyOwner(repos: Repositories, userName: string, actor: Principal): Promise<PrincipalRecord> {
    const user = await repos.principals.find('user', userName);
    if (!user) throw new WardenError('USER_NOT_FOUND', { name: userName });
    if (user.builtin && user.id !== actor.userId) throw new WardenError('BUILTIN_USER');
    return user;
  }

  /** 429 while the pair is blocked (neither counted nor audited: a flood writes nothing); else counted, audited, 401. */
  private async fail(clientAddress: string, reason: string, key: string | null, record?: ApiKeyRecord): Promise<never> {
    const keyPrefix = key === null ? '' : key.slice(0, KEY_PREFIX_LENGTH);
    const retryAfter = await this.limiter.retryAfterSeconds(clientAddress, keyPrefix);
    if (retryAfter > 0) throw new WardenError('TOO_MANY_AUTHENTICATION_FAILURES', { seconds: retryAfter });
    const blocked = await this.limiter.recordFailure(clientAddress, keyPrefix);
    await this.store.audit.insert(
      auditEntry({ id: 'anonymous', clientAddress }, 'auth.failed', {
        ...(record && { target: `apikey:${record.id}` }),
        after: { reason, ...(key !== null && { keyPrefix }), ...(blocked && { blocked: true }) },
      }),
    );
    throw new WardenError('UNAUTHENTICATED');
  }

  private async replaceAdminKey(key: string): Promise<void> {
    const now = this.clock.nowIso();
    // Under the job lock and read again: processes starting at once with the same configured key store it once.
    await this.store.exclusive(async (repos) => {
      const previous = await repos.apiKeys.findActiveByName(BUILTIN_ADMIN_USER_ID, ADMIN_KEY_NAME);
      if (previous.some((k) => k.keyHash === hashKey(key))) return;
      for (const old of previous) await repos.apiKeys.revoke(old.id, now);
      const id = randomUUID();
      await repos.apiKeys.insert({
        id,
        name: ADMIN_KEY_NAME,
        prefix: key.slice(0, KEY_PREFIX_LENGTH),
        keyHash: hashKey(key),
        userId: BUILTIN_ADMIN_USER_ID,
        createdAt: now,
        expiresAt: null,
      });
      await repos.audit.insert(
        auditEntry({ id: 'system:start', clientAddress: null }, 'apikey.created', {
          target: `apikey:${id}`,
          after: { id, name: ADMIN_KEY_NAME, user: 'admin', replaced: previous.map((p) => p.id) },
        }),
      );
    });
  }
}

/** The user of a key with their effective permissions and groups; undefined when the key has no user (any more). */
function principalOf({ key, user, groups }: ApiKeyWithOwner, clientAddress: string): Principal | undefined {
  if (!user || user.type !== 'user') return undefined;
  return {
    id: userActorId(user.name),
    clientAddress,
    userId: user.id,
    name: user.name,
    permissions: effectivePermissions(user, groups),
    groups: groups.map((g) => g.name),
    keyId: key.id,
    keyExpiresAt: key.expiresAt,
  };
}

function newKey(): string {
  return `wdn_${randomBytes(32).toString('base64url')}`;
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function toView(record: ApiKeyRecord, userName: string, now: string): ApiKeyView {
  const state = record.revokedAt ? 'revoked' : record.expiresAt && record.expiresAt <= now ? 'expired' : 'active';
  return {
    id: record.id,
    name: record.name,
    prefix: record.prefix,
    user: userName,
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    revokedAt: record.revokedAt,
    state,
  };
}
