import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { WardenError } from '../errors.js';
import type { CatalogStore } from '../store/catalog-store.js';
import { auditEntry, type Actor } from './actor.js';
import { NEXT_SECRET_KEY_FILE, SECRET_KEY_FILE, SecretBox, assertStrongKeyText } from './secret-box.js';

export interface RotationOptions {
  dataDir: string;
  /** WARDEN_SECRET_KEY, when the current key comes from the environment. */
  currentPassphrase: string | null;
  /** The new key as text (for WARDEN_SECRET_KEY); null generates a new key file. */
  newPassphrase: string | null;
  actor: Actor;
}

export interface RotationResult {
  connections: number;
  /** Where the new key is: the key file, or the value the operator must now put in WARDEN_SECRET_KEY. */
  newKey: 'file' | 'environment';
  /** An interrupted rotation was finished (or rolled back) first. */
  resumed: 'finished' | 'rolledBack' | null;
}

/** SECRET_KEY_MISMATCH unless `box` opens the stored secrets (checked on one connection and one integration). */
export async function assertKeyOpensSecrets(store: CatalogStore, box: SecretBox): Promise<void> {
  const [first] = await store.connections.listSecrets();
  if (first && !box.opens(first.secretsCiphertext)) {
    throw new WardenError('SECRET_KEY_MISMATCH', { detail: `connection "${first.connectionKey}"` });
  }
  const [integration] = await store.integrations.listSecrets();
  if (integration && !box.opens(integration.secretsCiphertext)) {
    throw new WardenError('SECRET_KEY_MISMATCH', { detail: `integration ${integration.id}` });
  }
}

/**
 * Re-encrypts every connection and integration secret with a new key in one store transaction. With a key
 * file, the new key is first written to `secret.key.next` (synced to disk), and renamed over
 * `secret.key` only after the transaction committed; a crash in between leaves the next-key
 * file, which makes the server refuse to start and this function finish the job on its next
 * run. With WARDEN_SECRET_KEY, the new value comes from the caller and nothing is written to
 * disk: the operator switches the variable before restarting. Run it with the server stopped:
 * a running server keeps the old key in memory.
 */
export async function rotateSecretKey(store: CatalogStore, options: RotationOptions): Promise<RotationResult> {
  const keyFile = join(options.dataDir, SECRET_KEY_FILE);
  const nextFile = join(options.dataDir, NEXT_SECRET_KEY_FILE);
  const resumed = options.currentPassphrase === null && existsSync(nextFile) ? await settleInterrupted(store, keyFile, nextFile) : null;
  // A rotation that had committed is finished by the rename: that is the rotation asked for.
  if (resumed === 'finished') return { connections: (await store.connections.listSecrets()).length, newKey: 'file', resumed };
  const current = options.currentPassphrase !== null ? SecretBox.fromPassphrase(options.currentPassphrase) : SecretBox.load(options.dataDir, null);
  await assertKeyOpensSecrets(store, current);

  let next: SecretBox;
  // The current key may be a weak one from before keys were checked: rotating is how it goes.
  if (options.newPassphrase !== null) {
    assertStrongKeyText(options.newPassphrase, 'The new WARDEN_SECRET_KEY');
    next = SecretBox.fromPassphrase(options.newPassphrase);
  }
  else {
    const text = SecretBox.generateKeyText();
    writeDurably(nextFile, text);
    next = SecretBox.fromKeyFile(nextFile);
  }
  let connections: number;
  try {
    connections = await store.transaction(async (repos) => {
      const sealed = await repos.connections.listSecrets();
      for (const row of sealed) {
        let plain: string;
        try {
          plain = current.open(row.secretsCiphertext);
        } catch {
          throw new WardenError('SECRET_KEY_MISMATCH', { detail: `connection "${row.connectionKey}"` });
        }
        await repos.connections.updateSecrets(row.id, next.seal(plain));
      }
      for (const row of await repos.integrations.listSecrets()) {
        let plain: string;
        try {
          plain = current.open(row.secretsCiphertext);
        } catch {
          throw new WardenError('SECRET_KEY_MISMATCH', { detail: `integration ${row.id}` });
        }
        await repos.integrations.updateSecrets(row.id, next.seal(plain));
      }
      await repos.audit.insert(
        auditEntry(options.actor, 'secrets.rotated', {
          before: { key: options.currentPassphrase !== null ? 'WARDEN_SECRET_KEY' : SECRET_KEY_FILE },
          after: { key: options.newPassphrase !== null ? 'new WARDEN_SECRET_KEY' : `new ${SECRET_KEY_FILE}`, connections: sealed.length },
        }),
      );
      return sealed.length;
    });
  } catch (error) {
    // Nothing was committed: the old key still opens everything.
    if (options.newPassphrase === null) rmSync(nextFile, { force: true });
    throw error;
  }
  if (options.newPassphrase === null) renameSync(nextFile, keyFile);
  // Moving from the key file to WARDEN_SECRET_KEY: the file no longer opens anything.
  else if (options.currentPassphrase === null) rmSync(keyFile, { force: true });
  return { connections, newKey: options.newPassphrase === null ? 'file' : 'environment', resumed };
}

/** Finishes a rotation whose transaction committed (the next key opens the store), or undoes one that did not. */
async function settleInterrupted(store: CatalogStore, keyFile: string, nextFile: string): Promise<'finished' | 'rolledBack'> {
  const [first] = await store.connections.listSecrets();
  if (!first || SecretBox.fromKeyFile(nextFile).opens(first.secretsCiphertext)) {
    renameSync(nextFile, keyFile);
    return 'finished';
  }
  rmSync(nextFile, { force: true });
  return 'rolledBack';
}

function writeDurably(file: string, text: string): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
