/**
 * Values at paths into plain JSON objects (`['oAuthClientConfig', 'clientSecret']`): how a
 * technology's secret fields and nested connection fields are addressed (the descriptor writes
 * them dotted, `oAuthClientConfig.clientSecret`).
 */

type Json = Record<string, unknown>;

export function isJsonObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path`, or undefined where the path leaves the objects. */
export function valueAt(target: Json, path: readonly string[]): unknown {
  let node: unknown = target;
  for (const key of path) {
    if (!isJsonObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/**
 * Sets the value at `path`, copying each object on the way (so objects `target` shares with
 * another value are not changed) and creating the missing ones.
 */
export function putAt(target: Json, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const child = node[key];
    node = node[key] = isJsonObject(child) ? { ...child } : {};
  }
  node[path[path.length - 1]!] = value;
}
