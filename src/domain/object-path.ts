import { WardenError } from '../errors.js';

/** `[connectionKey, database, schema, table]`, shorter for shallower technologies. */
export type ObjectPath = readonly string[];

/** The data source name of a leaf: its path joined with `.` (names are generated, never typed). */
export function dataSourceName(path: ObjectPath): string {
  return path.join('.');
}

/** Percent-encodes each segment on its own so a `/` inside a name travels as `%2F`. */
export function encodeObjectPath(path: ObjectPath): string {
  return path.map((segment) => encodeURIComponent(segment)).join('/');
}

/**
 * Parses the raw (still percent-encoded) path tail of a URL into segments. Splitting happens
 * before decoding, so `%2F` stays inside its segment.
 */
export function decodeObjectPath(rawTail: string): string[] {
  const trimmed = rawTail.replace(/^\/+/, '').replace(/\/+$/, '');
  if (trimmed === '') return [];
  return trimmed.split('/').map((segment, index) => {
    if (segment === '') {
      throw new WardenError('INVALID_OBJECT_PATH', { reason: `segment ${index + 1} is empty` });
    }
    try {
      return decodeURIComponent(segment);
    } catch {
      throw new WardenError('INVALID_OBJECT_PATH', {
        reason: `segment ${index + 1} ("${segment}") is not valid percent-encoding`,
      });
    }
  });
}

/**
 * True for `.` and `..`: as URL path segments, clients resolve them away before sending (even
 * percent-encoded), so such names travel only in the JSON-array forms of the API.
 */
export function isDotSegment(name: string): boolean {
  return name === '.' || name === '..';
}

/** A path for messages: each segment quoted so spaces and dots stay readable. */
export function describePath(path: ObjectPath): string {
  return path.map((segment) => JSON.stringify(segment)).join(' / ');
}

/** A map key for a path (JSON keeps every character of every segment distinct). */
export function pathKey(path: ObjectPath): string {
  return JSON.stringify(path);
}

/** True when `inner` equals `outer` or lies below it. */
export function isWithin(inner: ObjectPath, outer: ObjectPath): boolean {
  return outer.length <= inner.length && outer.every((segment, i) => inner[i] === segment);
}

/** True when one subtree contains the other: two syncs of them would touch the same objects. */
export function pathsOverlap(a: ObjectPath, b: ObjectPath): boolean {
  return isWithin(a, b) || isWithin(b, a);
}

/** True when a sync scope (connection key first) is the whole connection, not a subtree of it. */
export function isWholeConnection(scope: ObjectPath): boolean {
  return scope.length === 1;
}
