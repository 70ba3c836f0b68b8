import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateOpenApiDocument } from '../../src/http/openapi-document.js';

describe('openapi/openapi.json', () => {
  it('is the document the server serves (run `npm run openapi` after changing a route or schema)', async () => {
    const committed = readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8');
    expect(await generateOpenApiDocument()).toBe(committed);
  });

  it('documents every route with its request schemas', async () => {
    const document = JSON.parse(await generateOpenApiDocument());
    const paths = Object.keys(document.paths);
    for (const path of ['/data/connection', '/data/connection/{connectionKey}', '/data/crawl/{*}', '/data/settings/{*}', '/jobs/{id}', '/dataSource', '/dictionary/{dataSourceId}', '/integrations/scripts/create']) {
      expect(paths).toContain(path);
    }
    const register = document.paths['/data/connection'].post;
    expect(register.requestBody.content['application/json'].schema.required).toEqual(['connectionKey', 'connection']);
  });
});
