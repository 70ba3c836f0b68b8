import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { Principal } from '../../services/auth-service.js';
import type { AppDeps } from '../app-deps.js';
import { objectPathParam, parseObjectPathQuery } from '../object-path-param.js';
import { AUTH_ERRORS, ErrorResponse, Paging, pageOf } from '../schemas/common-schemas.js';
import {
  AddTagsBody,
  AnyTagName,
  ObjectPathQuery,
  ObjectTagsResponse,
  RemoveTagBody,
  TagValue,
  TagView,
  UserTagName,
  withObjectPath,
} from '../schemas/object-schemas.js';

const readErrors = { 400: ErrorResponse, 404: ErrorResponse, ...AUTH_ERRORS };
const writeErrors = { ...readErrors, 409: ErrorResponse };
const urlForm =
  'The path in the URL: the connection key, then each name, each percent-encoded on its own and joined with "/" ("/" in a name is %2F). ' +
  'Names "." and ".." cannot travel in a URL: use the JSON-array form of this route, the same URL without the path.';
const jsonForm = 'The JSON-array form: the path as an array of names, so any name travels exactly, "." and ".." included.';
const who = 'GOVERNANCE on any object; data owners inside the subtrees they own.';

const ModelParams = Type.Object({
  modelType: Type.Union([Type.Literal('datasource'), Type.Literal('column')], { description: 'datasource or column' }),
  modelId: Type.String({ minLength: 1, maxLength: 1100, description: 'datasource: the data source id (12); column: <dataSourceId>_<columnName> (12_email), split at the first "_"' }),
});
const LegacyTag = Type.Object(
  { name: UserTagName, value: Type.Optional(TagValue) },
  { description: "A tag object; the legacy product's other fields (source, context, displayName, …) are accepted and ignored" },
);

/**
 * Tags (SPEC 1.5): an object's and its columns' tags, user tags added and removed, the `New`
 * tag cleared, and the tag names in use; plus the legacy `/tag/{modelType}/{modelId}` shapes.
 * Like every path-taking route, each `…/{objectPath*}` route has a JSON-array twin.
 */
export function tagRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const readSchema = { tags: ['tags'], summary: "An object's tags and its columns' tags", response: { 200: ObjectTagsResponse, ...readErrors } };
    app.get('/data/tags/*', { schema: { ...readSchema, description: urlForm } }, async (request) => deps.tags.tagsOf(objectPathParam(request, 2)));
    app.get(
      '/data/tags',
      { schema: { ...readSchema, description: jsonForm, querystring: ObjectPathQuery }, preValidation: parseObjectPathQuery },
      async (request) => deps.tags.tagsOf(request.query.objectPath),
    );

    const add = (path: string[], body: Static<typeof AddTagsBody>, principal: Principal) =>
      deps.tags.add(path, body.column ?? null, body.tags.map((t) => ({ name: t.name, value: t.value ?? null })), principal);
    const addSchema = {
      tags: ['tags'],
      summary: 'Add user tags to the object or, with column, to one of its columns',
      response: { 200: ObjectTagsResponse, ...writeErrors },
    };
    app.post('/data/tags/*', { schema: { ...addSchema, description: `${urlForm} ${who}`, body: AddTagsBody } }, async (request) =>
      add(objectPathParam(request, 2), request.body, request.principal),
    );
    app.post('/data/tags', { schema: { ...addSchema, description: `${jsonForm} ${who}`, body: withObjectPath(AddTagsBody) } }, async (request) =>
      add(request.body.objectPath, request.body, request.principal),
    );

    const remove = (path: string[], body: Static<typeof RemoveTagBody>, principal: Principal) =>
      deps.tags.remove(path, { name: body.name, column: body.column ?? null, source: body.source ?? 'user' }, principal);
    const removeSchema = {
      tags: ['tags'],
      summary: 'Remove a user tag, or (source system) clear the New tag; platform tags follow the platform (409)',
      response: { 200: ObjectTagsResponse, ...writeErrors },
    };
    app.delete('/data/tags/*', { schema: { ...removeSchema, description: `${urlForm} ${who}`, body: RemoveTagBody } }, async (request) =>
      remove(objectPathParam(request, 2), request.body, request.principal),
    );
    app.delete('/data/tags', { schema: { ...removeSchema, description: `${jsonForm} ${who}`, body: withObjectPath(RemoveTagBody) } }, async (request) =>
      remove(request.body.objectPath, request.body, request.principal),
    );

    app.get(
      '/tag',
      {
        schema: {
          tags: ['tags'],
          summary: 'Tag names in use, with how many objects, columns and data sources carry each',
          description: 'Counts cover objects present on the platform and the columns their dictionaries hold today; every source.',
          querystring: Type.Object({ searchText: Type.Optional(Type.String({ maxLength: 256, description: 'Part of the tag name, any case' })), ...Paging }),
          response: {
            200: Type.Object({
              count: Type.Integer(),
              hits: Type.Array(Type.Object({ name: Type.String(), objects: Type.Integer(), columns: Type.Integer(), dataSources: Type.Integer() })),
            }),
            400: ErrorResponse,
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => deps.tags.names({ ...(request.query.searchText && { searchText: request.query.searchText }), ...pageOf(request.query) }),
    );

    app.post(
      '/tag/:modelType/:modelId',
      {
        schema: {
          tags: ['tags'],
          summary: 'Legacy: add user tags to a data source or a column; answers its tags',
          description: who,
          params: ModelParams,
          body: Type.Array(LegacyTag, { minItems: 1, maxItems: 100 }),
          response: { 200: Type.Array(TagView), ...writeErrors },
        },
      },
      async (request) =>
        deps.tags.addToModel(request.params.modelType, request.params.modelId, request.body.map((t) => ({ name: t.name, value: t.value ?? null })), request.principal),
    );
    app.delete(
      '/tag/:modelType/:modelId/:tag',
      {
        schema: {
          tags: ['tags'],
          summary: 'Legacy: remove a user tag from a data source or a column; answers the tags left',
          description: who,
          params: Type.Object({ ...ModelParams.properties, tag: AnyTagName }),
          response: { 200: Type.Array(TagView), ...writeErrors },
        },
      },
      async (request) => deps.tags.removeFromModel(request.params.modelType, request.params.modelId, request.params.tag, request.principal),
    );
  };
}
