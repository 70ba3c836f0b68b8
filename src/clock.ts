/** The current time as stored: ISO-8601 UTC. One function so tests and code agree on the format. */
export function nowIso(): string {
  return new Date().toISOString();
}
