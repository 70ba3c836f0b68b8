import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WardenError } from '../errors.js';
import { PRIVATE_FILE_MODE, restrictToOwner } from '../store/private-files.js';

/** The key file in the data directory, used when WARDEN_SECRET_KEY is not set. */
export const SECRET_KEY_FILE = 'secret.key';
/** The next key, written by `warden secrets rotate` before it re-encrypts; renamed over the key file after. */
export const NEXT_SECRET_KEY_FILE = 'secret.key.next';

/**
 * VALIDATION_FAILED unless `text` (named `source` in the message) is 32 bytes in hex or base64
 * (base64url too): a key typed by a person (`x`, a word) is guessable, and everything the
 * secrets protect falls with it. The bytes cannot be proven random; a run of one repeated
 * byte (`aaaa…`) is refused as the obvious non-random value.
 */
export function assertStrongKeyText(text: string, source: string): void {
  const bytes = /^[0-9a-fA-F]{64}$/.test(text)
    ? Buffer.from(text, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(text)
      ? Buffer.from(text, 'base64')
      : Buffer.alloc(0);
  if (bytes.length !== 32 || new Set(bytes).size < 8) {
    throw new WardenError('VALIDATION_FAILED', {
      detail: `${source} must be 32 random bytes in base64 or hex (make one with \`openssl rand -base64 32\`); a weaker key is refused. To move the store to a new key: \`warden secrets rotate --new-key-env NEW_KEY\` with NEW_KEY set to such a value`,
    });
  }
}

/** Encrypts connection secrets at rest with AES-256-GCM; the ciphertext carries its IV and tag. */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  /**
   * The key from WARDEN_SECRET_KEY (32 random bytes as text, see {@link assertStrongKeyText};
   * its SHA-256 is the AES key, as before keys were checked) or, when absent, a random
   * key kept in `<dataDir>/secret.key` with mode 0600 and created on first use. Refuses to
   * start over an interrupted rotation (the store may already be sealed with the next key).
   */
  static load(dataDir: string, configuredKey: string | null): SecretBox {
    if (configuredKey) {
      assertStrongKeyText(configuredKey, 'WARDEN_SECRET_KEY');
      return SecretBox.fromPassphrase(configuredKey);
    }
    const next = join(dataDir, NEXT_SECRET_KEY_FILE);
    if (existsSync(next)) throw new WardenError('SECRET_ROTATION_INTERRUPTED', { file: next });
    const file = join(dataDir, SECRET_KEY_FILE);
    if (!existsSync(file)) writeFileSync(file, SecretBox.generateKeyText(), { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    restrictToOwner([file]);
    return SecretBox.fromKeyFile(file);
  }

  /** A key given as text (WARDEN_SECRET_KEY): its SHA-256 is the AES key. */
  static fromPassphrase(passphrase: string): SecretBox {
    return new SecretBox(createHash('sha256').update(passphrase).digest());
  }

  /** A key file's content: 32 random bytes in base64. */
  static fromKeyFile(file: string): SecretBox {
    return new SecretBox(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
  }

  static generateKeyText(): string {
    return randomBytes(32).toString('base64');
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split(':');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('Unrecognised secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }

  /** True when this key opens `sealed` (GCM's tag tells a wrong key apart). */
  opens(sealed: string): boolean {
    try {
      this.open(sealed);
      return true;
    } catch {
      return false;
    }
  }
}
