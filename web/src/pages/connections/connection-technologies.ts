import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/api-client';

/** The part of JSON Schema the connection schemas use (as the server's OpenAPI document has them). */
export interface SchemaNode {
  type?: string;
  title?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  enum?: unknown[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  items?: SchemaNode;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  writeOnly?: boolean;
  contentMediaType?: string;
}

/** One way to sign in to a technology, with the schema of its connection object. */
export interface AuthenticationOption {
  name: string;
  description: string;
  schema: SchemaNode;
}

export interface Technology {
  name: string;
  authentications: AuthenticationOption[];
}

/**
 * The technologies this server supports and their connection schemas, read from the served
 * OpenAPI document (the registration body's `connection` union, built from the technology
 * descriptors): a new technology gets its form with no UI code.
 */
export function useTechnologies() {
  return useQuery({
    queryKey: ['/openapi.json', 'technologies'],
    queryFn: async () => technologiesOf(await loadDocument()),
    staleTime: Infinity,
  });
}

async function loadDocument(): Promise<unknown> {
  const response = await fetch('/openapi.json', { credentials: 'same-origin' });
  if (!response.ok) throw new ApiError(response.status, 'HTTP_ERROR', `GET /openapi.json answered ${response.status}`);
  return response.json();
}

/** The technologies in an OpenAPI document's `POST /data/connection` body. */
export function technologiesOf(document: unknown): Technology[] {
  const doc = document as { paths?: Record<string, { post?: { requestBody?: { content?: Record<string, { schema?: SchemaNode }> } } }> };
  const body = doc.paths?.['/data/connection']?.post?.requestBody?.content?.['application/json']?.schema;
  const branches = body?.properties?.connection?.oneOf ?? [];
  return branches.map((branch) => ({
    name: constOf(branch.properties?.technology) ?? branch.title ?? '?',
    authentications: (branch.oneOf ?? []).map((schema) => ({
      name: constOf(schema.properties?.authenticationType) ?? '?',
      description: schema.properties?.authenticationType?.description ?? '',
      schema,
    })),
  }));
}

/** The one value a `{enum: [x]}` schema allows. */
function constOf(node: SchemaNode | undefined): string | undefined {
  return node?.enum?.length === 1 ? String(node.enum[0]) : undefined;
}

/** The values an enum, or an anyOf of one-value enums, allows; undefined for a free field. */
export function choicesOf(node: SchemaNode): string[] | undefined {
  if (node.enum) return node.enum.map(String);
  if (node.anyOf?.every((option) => option.enum?.length === 1)) return node.anyOf.map((option) => String(option.enum![0]));
  return undefined;
}

/** The fields a person fills in: everything but the two discriminators. */
export function formFields(schema: SchemaNode): [string, SchemaNode][] {
  return Object.entries(schema.properties ?? {}).filter(([name]) => name !== 'technology' && name !== 'authenticationType');
}

/** "hostname" → "Hostname", "oAuthClientConfig" → "OAuth client config", "tls" → "TLS" (short names are acronyms). */
export function labelOf(name: string, node: SchemaNode): string {
  if (node.title) return node.title;
  if (/^[a-z]{2,3}$/.test(name)) return name.toUpperCase();
  const words = name.replace(/^([a-z])(?=[A-Z])/, (c) => c.toUpperCase()).replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  const [first = '', ...rest] = words.split(' ');
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest.map((w) => (/^[A-Z]{2,}/.test(w) ? w : w.toLowerCase()))].join(' ');
}
