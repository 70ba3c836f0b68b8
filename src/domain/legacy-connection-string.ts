/**
 * The legacy `connectionString` (legacy-api.md §1.1): what groups data sources registered with
 * the same connection details — `username@<credential route>/<database>`, e.g.
 * `crawler@db.example.com:5432/shop`. The credential route is the technology's
 * `credentialRoute` fields that hold a single value (host, port, account), in the
 * descriptor's order; structured ones (TLS, OAuth client) do not name a place. No secret is
 * ever part of it.
 */
export function legacyConnectionString(credentialRoute: readonly string[], details: Readonly<Record<string, unknown>>, database: string): string {
  const route = credentialRoute
    .map((field) => details[field])
    .filter((value): value is string | number => typeof value === 'string' || typeof value === 'number')
    .join(':');
  const user = typeof details.username === 'string' ? `${details.username}@` : '';
  return `${user}${route}/${database}`;
}

/** The key of the hidden legacy connection of a connection string: ":" is refused in user keys, so the two never collide. */
export function hiddenConnectionKey(technology: string, connectionString: string): string {
  return `legacy:${technology}:${connectionString}`;
}
