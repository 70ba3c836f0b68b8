import type { SwaggerTransformObject } from '@fastify/swagger';

/**
 * How the `…/{objectPath*}` routes appear in the OpenAPI document and behave in Swagger UI.
 *
 * Fastify registers them as wildcards (`/data/object/*`), which @fastify/swagger documents as
 * `{*}`. The document names the parameter `objectPath` instead and says how to write it. Swagger
 * UI (5.x) percent-encodes every path parameter completely, `allowReserved` or not, so its
 * "Try it out" would send a four-level path as one segment (`/` as `%2F`): its request
 * interceptor puts back exactly what was typed.
 */

/** The routes' wildcard parameter, as documented. */
export const OBJECT_PATH_PARAMETER = {
  name: 'objectPath',
  in: 'path',
  required: true,
  // "/" separates the names: a client must send it as written, not as %2F.
  allowReserved: true,
  schema: { type: 'string' },
  example: 'Demo%20Warehouse/postgres/sales/orders',
  description:
    'The object path: the connection key, then each name, each percent-encoded on its own, joined with "/" ' +
    '(e.g. Demo%20Warehouse/postgres/sales/orders; a "/" inside a name is %2F, a space %20, a "%" %25). ' +
    'Type it the same way in "Try it out": it is sent as typed. ' +
    'Names "." and ".." cannot be sent in a URL (clients resolve them away; the server answers 400 DOT_SEGMENT_IN_URL): ' +
    'use the JSON-array form of the route, the same URL without the path.',
} as const;

type Operation = { parameters?: { in: string; name: string }[] };

/** `transformObject` of @fastify/swagger: every `{*}` becomes `{objectPath}`, documented. */
export const nameObjectPathParameter: SwaggerTransformObject = (document) => {
  if (!('openapiObject' in document)) return document.swaggerObject;
  const paths: Record<string, Record<string, Operation>> = {};
  for (const [url, operations] of Object.entries((document.openapiObject.paths ?? {}) as Record<string, Record<string, Operation>>)) {
    paths[url.replace('{*}', `{${OBJECT_PATH_PARAMETER.name}}`)] = url.includes('{*}')
      ? Object.fromEntries(
          Object.entries(operations).map(([method, operation]) => [
            method,
            { ...operation, parameters: operation.parameters?.map((p) => (p.in === 'path' && p.name === '*' ? OBJECT_PATH_PARAMETER : p)) },
          ]),
        )
      : operations;
  }
  return { ...document.openapiObject, paths } as typeof document.openapiObject;
};

/**
 * Swagger UI's `requestInterceptor`: sends the `objectPath` of a wildcard route as typed.
 * Swagger UI encodes each character outside RFC 3986's unreserved set, so decoding once gives
 * back the typed text. A path with a `.` or `..` name is left encoded (one segment the server
 * will not find) rather than handed to the browser, which would resolve it to another object.
 *
 * Runs in the browser: @fastify/swagger-ui inlines its source, so it must use nothing from
 * around it.
 */
export function swaggerObjectPathInterceptor<R extends { url?: unknown }>(request: R): R {
  const match = /^(.*?\/data\/(?:object\/search|object|settings|crawl|tags)\/)([^/?#]+)(.*)$/.exec(String(request.url));
  if (!match) return request;
  let typed: string;
  try {
    typed = decodeURIComponent(match[2]!);
  } catch {
    return request;
  }
  const dotSegment = typed.split('/').some((segment) => {
    try {
      const name = decodeURIComponent(segment);
      return name === '.' || name === '..';
    } catch {
      return false;
    }
  });
  if (!dotSegment) Object.assign(request, { url: match[1]! + typed + match[3]! });
  return request;
}
