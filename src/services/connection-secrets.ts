import type { ConnectionDetails } from '../connectors/connector.js';
import type { SecretBox } from './secret-box.js';

/** Fields of `connection` that are secrets: encrypted at rest, never returned, never logged. */
export const SECRET_FIELDS = ['password', 'privateKey', 'token', 'clientSecret'] as const;

/** Shown in place of a secret in every response. */
export const REDACTED = '[REDACTED]';

/** Splits connection input into what may be stored in clear and the sealed secrets. */
export function sealConnection(
  input: Record<string, unknown>,
  box: SecretBox,
): { details: Record<string, unknown>; secretsCiphertext: string | null } {
  const details: Record<string, unknown> = {};
  const secrets: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if ((SECRET_FIELDS as readonly string[]).includes(key)) secrets[key] = value;
    else details[key] = value;
  }
  const secretsCiphertext = Object.keys(secrets).length > 0 ? box.seal(JSON.stringify(secrets)) : null;
  return { details, secretsCiphertext };
}

/** The full details a connector needs, secrets decrypted. */
export function openConnection(details: Record<string, unknown>, secretsCiphertext: string | null, box: SecretBox): ConnectionDetails {
  const secrets = secretsCiphertext === null ? {} : (JSON.parse(box.open(secretsCiphertext)) as Record<string, unknown>);
  return { ...details, ...secrets } as unknown as ConnectionDetails;
}

/** The stored details as a response shows them: every secret the connection has is `[REDACTED]`. */
export function redactedDetails(details: Record<string, unknown>, secretsCiphertext: string | null, box: SecretBox): Record<string, unknown> {
  if (secretsCiphertext === null) return { ...details };
  const secretKeys = Object.keys(JSON.parse(box.open(secretsCiphertext)) as Record<string, unknown>);
  return { ...details, ...Object.fromEntries(secretKeys.map((k) => [k, REDACTED])) };
}
