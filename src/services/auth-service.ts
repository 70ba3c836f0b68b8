import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nowIso } from '../clock.js';
import { WardenError } from '../errors.js';
import type { ApiKeyRepository } from '../store/repositories/api-key-repository.js';

export const GLOBAL_PERMISSIONS = ['APPLICATION_ADMIN', 'GOVERNANCE', 'CREATE_DATA_SOURCE'] as const;
export type GlobalPermission = (typeof GLOBAL_PERMISSIONS)[number];

/** Who a request acts as. Users, groups and object ownership slot in here with RBAC. */
export interface Principal {
  /** Stable id recorded as the actor of changes, e.g. `apikey:admin`. */
  id: string;
  permissions: GlobalPermission[];
}

const ADMIN_KEY_NAME = 'admin';
export const ADMIN_KEY_FILE = 'admin-api-key';

/** API keys: stored as SHA-256 hashes, found by hash, compared in constant time. */
export class AuthService {
  constructor(private readonly keys: ApiKeyRepository) {}

  /** The principal of a bearer key; UNAUTHENTICATED (401) for a missing, unknown, revoked or expired key. */
  async authenticate(authorization: string | undefined): Promise<Principal> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) throw new WardenError('UNAUTHENTICATED');
    const hash = hashKey(match[1]!);
    const record = await this.keys.findByHash(hash);
    if (!record || !timingSafeEqual(Buffer.from(record.keyHash), Buffer.from(hash))) throw new WardenError('UNAUTHENTICATED');
    if (record.revokedAt || (record.expiresAt && record.expiresAt <= nowIso())) throw new WardenError('UNAUTHENTICATED');
    return { id: `apikey:${record.name}`, permissions: record.permissions as GlobalPermission[] };
  }

  /**
   * Makes sure an admin key exists. With `configuredKey` (WARDEN_ADMIN_API_KEY) that value is
   * the admin key. Otherwise a key is generated on first start and its plain value written
   * once to `<dataDir>/admin-api-key` (mode 0600); deleting that file and restarting rotates it.
   * Returns the plain key when one was generated.
   */
  async ensureAdminKey(dataDir: string, configuredKey: string | null): Promise<{ generated: string | null; file: string }> {
    const file = join(dataDir, ADMIN_KEY_FILE);
    const active = await this.keys.findActiveByName(ADMIN_KEY_NAME);
    if (configuredKey) {
      const hash = hashKey(configuredKey);
      if (active.some((k) => k.keyHash === hash)) return { generated: null, file };
      await this.replaceAdminKey(active, configuredKey);
      return { generated: null, file };
    }
    const fromFile = existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
    if (fromFile && active.some((k) => k.keyHash === hashKey(fromFile))) return { generated: null, file };
    // No usable key file: a new key replaces the old one (deleting the file rotates the admin key).
    const key = `wdn_${randomBytes(32).toString('base64url')}`;
    await this.replaceAdminKey(active, key);
    writeFileSync(file, `${key}\n`, { mode: 0o600 });
    return { generated: key, file };
  }

  private async replaceAdminKey(previous: { id: string }[], key: string): Promise<void> {
    const now = nowIso();
    for (const old of previous) await this.keys.revoke(old.id, now);
    await this.keys.insert({
      id: randomUUID(),
      name: ADMIN_KEY_NAME,
      prefix: key.slice(0, 8),
      keyHash: hashKey(key),
      permissions: [...GLOBAL_PERMISSIONS],
      createdAt: now,
      expiresAt: null,
    });
  }
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
