import { writeFileSync } from 'node:fs';
import { generateOpenApiDocument } from '../src/http/openapi-document.js';
import { API_TYPES_FILE, generateApiTypes } from './openapi-types.js';

// Regenerates the committed OpenAPI document, and the UI's types from it, after a route or schema change.
const document = await generateOpenApiDocument();
writeFileSync(new URL('../openapi/openapi.json', import.meta.url), document);
writeFileSync(API_TYPES_FILE, await generateApiTypes(document));
console.log('wrote openapi/openapi.json and web/src/api/openapi-types.ts');
