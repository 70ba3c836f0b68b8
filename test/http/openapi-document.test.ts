import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OBJECT_PATH_PARAMETER, swaggerObjectPathInterceptor } from '../../src/http/object-path-openapi.js';
import { generateOpenApiDocument } from '../../src/http/openapi-document.js';
import { API_TYPES_FILE, generateApiTypes } from '../../scripts/openapi-types.js';

describe('openapi/openapi.json', () => {
  it('is the document the server serves (run `npm run openapi` after changing a route or schema)', async () => {
    const committed = readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8');
    expect(await generateOpenApiDocument()).toBe(committed);
  });

  it('is what the UI\'s committed API types were generated from (`npm run openapi` writes both)', async () => {
    const committed = readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8');
    expect(readFileSync(API_TYPES_FILE, 'utf8')).toBe(await generateApiTypes(committed));
  });

  it('documents every route with its request schemas', async () => {
    const document = JSON.parse(await generateOpenApiDocument());
    const paths = Object.keys(document.paths);
    for (const path of ['/data/connection', '/data/connection/{connectionKey}', '/data/crawl/{objectPath}', '/data/crawl', '/data/settings/{objectPath}', '/data/settings', '/jobs/{id}', '/dataSource', '/dictionary/{dataSourceId}', '/integrations/scripts/create']) {
      expect(paths).toContain(path);
    }
    const register = document.paths['/data/connection'].post;
    expect(register.requestBody.content['application/json'].schema.required).toEqual(['connectionKey', 'connection']);
  });
});

/** How Swagger UI 5 writes a path parameter: every character outside RFC 3986's unreserved set percent-encoded. */
function swaggerUiEncode(value: string): string {
  return [...value]
    .map((c) => (/[A-Za-z0-9\-._~]/.test(c) ? c : [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')))
    .join('');
}

describe('the objectPath parameter in Swagger UI', () => {
  it('is named and documented on every wildcard route, and "Try it out" sends it as typed', async () => {
    const document = JSON.parse(await generateOpenApiDocument());
    const templates = Object.keys(document.paths).filter((path) => path.includes('{objectPath}'));
    expect(templates.sort()).toEqual(['/data/crawl/{objectPath}', '/data/object/search/{objectPath}', '/data/object/{objectPath}', '/data/settings/{objectPath}', '/data/tags/{objectPath}']);
    expect(Object.keys(document.paths).filter((path) => path.includes('{*}'))).toEqual([]);
    const typed = 'Demo%20Warehouse/postgres/a%2Fb/orders';
    for (const template of templates) {
      for (const operation of Object.values<any>(document.paths[template])) {
        expect(operation.parameters).toContainEqual(OBJECT_PATH_PARAMETER);
      }
      const sent = swaggerObjectPathInterceptor({ url: `http://127.0.0.1:8080${template.replace('{objectPath}', swaggerUiEncode(typed))}?x=1` });
      expect(sent.url).toBe(`http://127.0.0.1:8080${template.replace('{objectPath}', typed)}?x=1`);
    }
  });

  it('leaves a path with a "." or ".." name encoded rather than let the browser resolve it to another object', () => {
    for (const typed of ['Conn/db/..', 'Conn/db/%2E', 'Conn/./t']) {
      const url = `http://h/data/object/${swaggerUiEncode(typed)}`;
      expect(swaggerObjectPathInterceptor({ url }).url).toBe(url);
    }
    expect(swaggerObjectPathInterceptor({ url: 'http://h/data/object?objectPath=%5B%22a%22%5D' }).url).toBe('http://h/data/object?objectPath=%5B%22a%22%5D');
  });
});
