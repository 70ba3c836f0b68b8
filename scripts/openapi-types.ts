import openapiTS, { astToString } from 'openapi-typescript';

/** Where the UI's API types live (committed; `npm run openapi` rewrites them). */
export const API_TYPES_FILE = new URL('../web/src/api/openapi-types.ts', import.meta.url);

/** The UI's API types for an OpenAPI document: what openapi-fetch checks every call against. */
export async function generateApiTypes(document: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(document) as Parameters<typeof openapiTS>[0]);
  return `// Generated from openapi/openapi.json by \`npm run openapi\`: do not edit.\n\n${astToString(ast)}`;
}
