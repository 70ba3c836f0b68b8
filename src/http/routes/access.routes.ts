import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../app-deps.js';
import { ApiKeyView, GroupBody, GroupView, MeView, NameParams, NewApiKeyBody, NewApiKeyResponse, NewUserBody, UserChangesBody } from '../schemas/access-schemas.js';
import { AUTH_ERRORS, ErrorResponse } from '../schemas/common-schemas.js';

const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, ...AUTH_ERRORS };
const tags = ['users and keys'];

/** Users, groups, their global permissions, and API keys. */
export function accessRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/me',
      { schema: { tags, summary: 'The user of the API key sent, with their effective permissions and groups', response: { 200: MeView, ...AUTH_ERRORS } } },
      async (request) => ({ name: request.principal.name, permissions: request.principal.permissions, groups: request.principal.groups }),
    );

    app.get('/users', { schema: { tags, summary: 'Users', response: { 200: Type.Array(Type.Ref('User')), ...AUTH_ERRORS } } }, async () => deps.users.list());

    app.post(
      '/users',
      { schema: { tags, summary: 'Add a user', body: NewUserBody, response: { 201: Type.Ref('User'), ...errors } } },
      async (request, reply) => reply.status(201).send(await deps.users.add(request.body, request.principal)),
    );

    app.get(
      '/users/:name',
      { schema: { tags, summary: 'A user', params: NameParams, response: { 200: Type.Ref('User'), ...errors } } },
      async (request) => deps.users.get(request.params.name),
    );

    app.put(
      '/users/:name',
      {
        schema: { tags, summary: "Replace a user's permissions and/or groups", params: NameParams, body: UserChangesBody, response: { 200: Type.Ref('User'), ...errors } },
      },
      async (request) => deps.users.update(request.params.name, request.body, request.principal),
    );

    app.delete(
      '/users/:name',
      { schema: { tags, summary: 'Delete a user and their API keys', params: NameParams, response: { 200: Type.Ref('User'), ...errors } } },
      async (request) => deps.users.delete(request.params.name, request.principal),
    );

    app.get('/groups', { schema: { tags, summary: 'Groups with their permissions and members', response: { 200: Type.Array(GroupView), ...AUTH_ERRORS } } }, async () =>
      deps.users.listGroups(),
    );

    app.put(
      '/groups/:name',
      { schema: { tags, summary: "Create a group or replace its permissions", params: NameParams, body: GroupBody, response: { 200: GroupView, ...errors } } },
      async (request) => deps.users.putGroup(request.params.name, request.body.permissions, request.principal),
    );

    app.delete(
      '/groups/:name',
      { schema: { tags, summary: 'Delete a group (its members lose what it granted)', params: NameParams, response: { 200: GroupView, ...errors } } },
      async (request) => deps.users.deleteGroup(request.params.name, request.principal),
    );

    app.get(
      '/users/:name/api-keys',
      { schema: { tags, summary: "A user's API keys (prefix only, never the key)", params: NameParams, response: { 200: Type.Array(ApiKeyView), ...errors } } },
      async (request) => deps.auth.listKeys(request.params.name),
    );

    app.post(
      '/users/:name/api-keys',
      {
        schema: {
          tags,
          summary: 'Create an API key for a user; the answer holds the key, shown this once',
          params: NameParams,
          body: Type.Optional(NewApiKeyBody),
          response: { 201: NewApiKeyResponse, ...errors },
        },
      },
      async (request, reply) => {
        const created = await deps.auth.createKey(
          request.params.name,
          { name: request.body?.name ?? 'default', expiresAt: request.body?.expiresAt ? new Date(request.body.expiresAt).toISOString() : null },
          request.principal,
        );
        // The one answer that carries a key: no cache (the browser's, a proxy's) may keep it.
        return reply.status(201).header('cache-control', 'no-store').send(created);
      },
    );

    app.delete(
      '/users/:name/api-keys/:id',
      {
        schema: {
          tags,
          summary: 'Revoke an API key at once',
          params: Type.Object({ name: Type.String({ minLength: 1 }), id: Type.String({ minLength: 1 }) }),
          response: { 200: ApiKeyView, ...errors },
        },
      },
      async (request) => deps.auth.revokeKey(request.params.name, request.params.id, request.principal),
    );
  };
}
