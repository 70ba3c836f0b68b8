import { writeFileSync } from 'node:fs';
import { generateOpenApiDocument } from '../src/http/openapi-document.js';

// Regenerates the committed OpenAPI document after a route or schema change.
writeFileSync(new URL('../openapi/openapi.json', import.meta.url), await generateOpenApiDocument());
console.log('wrote openapi/openapi.json');
