import type { FastifyRequest } from 'fastify';
import { decodeObjectPath, isDotSegment } from '../domain/object-path.js';
import { WardenError } from '../errors.js';

/**
 * The object path of a `…/{objectPath*}` route, read from the raw URL: each segment is
 * percent-decoded on its own, so a name holding `/` (sent as `%2F`) stays one segment.
 * `prefixSegments` is how many segments the route has before the path, e.g. 2 for
 * `/data/crawl/*`.
 *
 * A segment that decodes to `.` or `..` is refused: clients resolve those before sending
 * (`…/Conn/db/..` arrives as `…/Conn`), so the ones that do arrive cannot be told from the
 * ones that were meant differently. The JSON-array form of the route carries any name.
 */
export function objectPathParam(request: FastifyRequest, prefixSegments: number, options: { allowEmpty?: boolean } = {}): string[] {
  const rawPath = request.raw.url!.split('?')[0]!;
  const tail = rawPath.split('/').slice(prefixSegments + 1).join('/');
  const path = decodeObjectPath(tail);
  if (path.length === 0 && !options.allowEmpty) {
    throw new WardenError('INVALID_OBJECT_PATH', { reason: 'is empty: name at least the connection key, e.g. /data/object/My%20Connection' });
  }
  const dot = path.findIndex(isDotSegment);
  if (dot >= 0) {
    throw new WardenError('DOT_SEGMENT_IN_URL', { index: dot + 1, segment: path[dot]!, alternative: jsonFormOf(request, path) });
  }
  return path;
}

/**
 * The JSON-array form of a wildcard route, for messages: the same URL without the path, the
 * path in the query parameter (GET) or the body field `objectPath`.
 */
function jsonFormOf(request: FastifyRequest, path: readonly string[]): string {
  const url = (request.routeOptions.url ?? '').replace(/\/\*$/, '');
  const json = JSON.stringify(path);
  return request.method === 'GET'
    ? `GET ${url}?objectPath=${encodeURIComponent(json)}`
    : `${request.method} ${url} with the body {"objectPath": ${json}, …}`;
}

/**
 * Parses the `objectPath` query parameter of a JSON-array GET route (one JSON array, URL-encoded)
 * before validation, so that the route's schema checks the array itself. Used as `preValidation`.
 */
export async function parseObjectPathQuery(request: FastifyRequest): Promise<void> {
  const query = request.query as Record<string, unknown>;
  const raw = query.objectPath;
  if (raw === undefined) return;
  if (typeof raw !== 'string') {
    throw new WardenError('INVALID_OBJECT_PATH', { reason: 'is given more than once: send it once, as one JSON array, e.g. objectPath=["My Connection","db"]' });
  }
  try {
    query.objectPath = JSON.parse(raw) as unknown;
  } catch {
    throw new WardenError('INVALID_OBJECT_PATH', { reason: `is not JSON: send one JSON array of names, URL-encoded, e.g. objectPath=${encodeURIComponent('["My Connection","db"]')}` });
  }
}

/** The validated `objectPath` field of a JSON-array route (from the query on GET, else the body); null when absent. */
export function objectPathField(request: FastifyRequest): string[] | null {
  const input = (request.method === 'GET' ? request.query : request.body) as { objectPath?: string[] } | undefined;
  return input?.objectPath ?? null;
}
