import type { FastifyRequest } from 'fastify';
import { decodeObjectPath } from '../domain/object-path.js';
import { WardenError } from '../errors.js';

/**
 * The object path of a `…/{objectPath*}` route, read from the raw URL: each segment is
 * percent-decoded on its own, so a name holding `/` (sent as `%2F`) stays one segment.
 * `prefixSegments` is how many segments the route has before the path, e.g. 2 for
 * `/data/crawl/*`.
 */
export function objectPathParam(request: FastifyRequest, prefixSegments: number, options: { allowEmpty?: boolean } = {}): string[] {
  const rawPath = request.raw.url!.split('?')[0]!;
  const tail = rawPath.split('/').slice(prefixSegments + 1).join('/');
  const path = decodeObjectPath(tail);
  if (path.length === 0 && !options.allowEmpty) {
    throw new WardenError('INVALID_OBJECT_PATH', { reason: 'is empty: name at least the connection key, e.g. /data/object/My%20Connection' });
  }
  return path;
}
