import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { Principal } from '../../services/auth-service.js';
import type { AppDeps } from '../app-deps.js';
import { objectPathParam, parseObjectPathQuery } from '../object-path-param.js';
import { AUTH_ERRORS, ErrorResponse, pageOf } from '../schemas/common-schemas.js';
import {
  CrawlBody,
  CrawlResponse,
  DeleteResponse,
  ObjectPathQuery,
  SearchBody,
  SearchByPathBody,
  SearchResponse,
  SettingsBody,
  withObjectPath,
} from '../schemas/object-schemas.js';

const errors = { 400: ErrorResponse, 404: ErrorResponse, ...AUTH_ERRORS };
const urlForm =
  'The path in the URL: the connection key, then each name, each percent-encoded on its own and joined with "/" ("/" in a name is %2F). ' +
  'Names "." and ".." cannot travel in a URL (clients resolve them away; the server refuses them with DOT_SEGMENT_IN_URL): use the JSON-array form of this route, the same URL without the path.';
const jsonForm = 'The JSON-array form: the path as an array of names, so any name travels exactly, "." and ".." included.';
const crawlNote = 'The path may name objects not yet in the catalog, e.g. a table just granted.';

/**
 * The object hierarchy: read, search children, change settings, sync, delete. Every operation
 * has two routes doing the same: the path in the URL (`…/{objectPath*}`), and the same URL
 * without it taking the path as a JSON array (query parameter on GET, body field otherwise).
 */
export function objectRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const read = (path: string[]) => deps.catalog.getObject(path);
    const readSchema = { tags: ['objects'], summary: 'One data object', response: { 200: Type.Ref('DataObject'), ...errors } };
    app.get('/data/object/*', { schema: { ...readSchema, description: urlForm } }, async (request) => read(objectPathParam(request, 2)));
    app.get(
      '/data/object',
      { schema: { ...readSchema, description: jsonForm, querystring: ObjectPathQuery }, preValidation: parseObjectPathQuery },
      async (request) => read(request.query.objectPath),
    );

    const search = (path: string[], body: Static<typeof SearchBody>) => deps.catalog.searchChildren(path, withDefaults(body));
    const searchSchema = { tags: ['objects'], summary: 'Children of an object', response: { 200: SearchResponse, ...errors } };
    app.post(
      '/data/object/search',
      { schema: { ...searchSchema, description: `${jsonForm} Without objectPath: the connections (the roots of all hierarchies).`, body: SearchByPathBody } },
      async (request) => {
        const { objectPath, ...body } = request.body;
        return search(objectPath ?? [], body);
      },
    );
    app.post(
      '/data/object/search/*',
      { schema: { ...searchSchema, description: urlForm, body: SearchBody } },
      async (request) => search(objectPathParam(request, 3), request.body),
    );

    const settings = (path: string[], body: Static<typeof SettingsBody>, principal: Principal) =>
      deps.catalog.updateSettings(path, body.settings, body.cascade ?? false, principal);
    const settingsSchema = {
      tags: ['objects'],
      summary: 'Override or clear (null) settings; cascade also clears the descendants’ overrides of those keys',
      response: { 200: Type.Ref('DataObject'), ...errors },
    };
    app.put(
      '/data/settings/*',
      { schema: { ...settingsSchema, description: urlForm, body: SettingsBody } },
      async (request) => settings(objectPathParam(request, 2), request.body, request.principal),
    );
    app.put(
      '/data/settings',
      { schema: { ...settingsSchema, description: jsonForm, body: withObjectPath(SettingsBody) } },
      async (request) => settings(request.body.objectPath, request.body, request.principal),
    );

    const remove = (path: string[], principal: Principal) => deps.catalog.deleteObject(path, principal);
    const deleteSchema = {
      tags: ['objects'],
      summary: 'Delete an object and its subtree (the connection when the path is just its key)',
      response: { 200: DeleteResponse, ...errors },
    };
    app.delete('/data/object/*', { schema: { ...deleteSchema, description: urlForm } }, async (request) =>
      remove(objectPathParam(request, 2), request.principal),
    );
    app.delete(
      '/data/object',
      { schema: { ...deleteSchema, description: jsonForm, body: withObjectPath(Type.Object({})) } },
      async (request) => remove(request.body.objectPath, request.principal),
    );

    const crawl = async (path: string[], body: Static<typeof CrawlBody> | undefined, principal: Principal) => {
      const { run, joined } = await deps.syncs.requestSync(path, { forceRecursiveCrawl: body?.forceRecursiveCrawl ?? false }, principal);
      return { syncRunId: run.id, joined, job: run };
    };
    const crawlSchema = {
      tags: ['sync'],
      summary: 'Start a sync of the subtree (joins a queued sync that already covers it)',
      response: { 202: CrawlResponse, ...errors },
    };
    app.post(
      '/data/crawl/*',
      { schema: { ...crawlSchema, description: `${urlForm} ${crawlNote}`, body: Type.Optional(CrawlBody) } },
      async (request, reply) => reply.status(202).send(await crawl(objectPathParam(request, 2), request.body, request.principal)),
    );
    app.post(
      '/data/crawl',
      { schema: { ...crawlSchema, description: `${jsonForm} ${crawlNote}`, body: withObjectPath(CrawlBody) } },
      async (request, reply) => reply.status(202).send(await crawl(request.body.objectPath, request.body, request.principal)),
    );
  };
}

function withDefaults(body: Static<typeof SearchBody>) {
  return {
    ...(body.searchText && { searchText: body.searchText }),
    ...(body.state && { state: body.state }),
    ...(body.kind !== undefined && { kind: body.kind }),
    ...(body.removed !== undefined && { removed: body.removed }),
    ...(body.tags?.length && { tags: body.tags }),
    ...pageOf(body),
    sortField: body.sortField ?? 'name',
    sortOrder: body.sortOrder ?? 'asc',
  };
}
