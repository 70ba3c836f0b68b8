import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { WardenError } from '../../errors.js';
import { looksLikeFile, UI_DIR, UI_PREFIX, uiBuilt, uiFileFor } from '../ui/ui-files.js';

/** Hashed asset names change with their content: a browser may keep them for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The web UI: its built files under `/ui/`, `index.html` for every other path below it (the
 * app routes in the browser), and `/` redirecting there. A missing file with an extension is a
 * JSON 404 like any unknown route, so a stale asset link is not answered with HTML.
 */
export function webUiRoutes(dir: string = UI_DIR): FastifyPluginAsyncTypebox {
  return async (app) => {
    // cacheControl off: each answer below says how long it may be kept.
    await app.register(fastifyStatic, { root: dir, serve: false, cacheControl: false });
    const hidden = { schema: { hide: true } } as const;

    app.get('/', hidden, async (_request, reply) => reply.redirect(`${UI_PREFIX}/`, 302));
    app.get(UI_PREFIX, hidden, async (_request, reply) => reply.redirect(`${UI_PREFIX}/`, 301));
    app.get(`${UI_PREFIX}/*`, hidden, async (request, reply) => {
      if (!uiBuilt(dir)) throw new WardenError('UI_NOT_BUILT');
      const path = (request.params as { '*': string })['*'];
      const file = uiFileFor(dir, path);
      if (file) return reply.header('cache-control', file.startsWith('assets/') ? IMMUTABLE : 'no-cache').sendFile(file);
      if (looksLikeFile(path)) throw new WardenError('ROUTE_NOT_FOUND', { method: request.method, url: request.url.split('?')[0]! });
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  };
}
