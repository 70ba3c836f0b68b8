import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { SYNC_FIELDS } from '../connectors/connection-schema.js';
import type { TechnologyDescriptor } from '../connectors/technology.js';
import { putAt } from '../domain/dotted-path.js';
import { integerOption, UsageError, type CliIo } from './commands/command-context.js';

/**
 * The `connection add` flags, derived from the technology descriptors' connection schemas: one
 * flag per field at any depth (`hostname` → `--hostname`, `tls.mode` → `--tls-mode`,
 * `oAuthClientConfig.clientId` → `--o-auth-client-config-client-id`). A secret field is never
 * a plain flag (other users could read it in `ps`): it is read from an environment variable
 * (`--password-env VAR`), standard input (`--password-stdin`) or a file (`--password-file`).
 * A field whose schema declares a `contentMediaType` (a PEM bundle) is read from a file.
 */

/** A JSON Schema node as TypeBox writes it (the parts the flags read). */
interface SchemaNode {
  type?: string;
  const?: unknown;
  anyOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
  minimum?: number;
  maximum?: number;
  description?: string;
  contentMediaType?: string;
}

/** One field of some technology's connection, as a flag. */
interface FieldFlag {
  path: string[];
  /** `--tls-mode` without the dashes. */
  flag: string;
  schema: SchemaNode;
  secret: boolean;
}

/** How a flag's value reaches the connection. */
type Source = 'value' | 'env' | 'stdin' | 'file';

const COMMON = new Set(['technology', 'authenticationType']);

/** Every field of every technology (first description wins where two share a path). */
function fieldFlags(descriptors: readonly TechnologyDescriptor[]): FieldFlag[] {
  const byFlag = new Map<string, FieldFlag>();
  const add = (path: string[], schema: SchemaNode, secrets: readonly string[]): void => {
    if (schema.type === 'object' && schema.properties !== undefined) {
      for (const [name, child] of Object.entries(schema.properties)) add([...path, name], child, secrets);
      return;
    }
    const flag = path.map(kebab).join('-');
    if (!byFlag.has(flag)) byFlag.set(flag, { path, flag, schema, secret: secrets.includes(path.join('.')) });
  };
  for (const [name, schema] of Object.entries(SYNC_FIELDS)) add([name], schema as SchemaNode, []);
  for (const descriptor of descriptors) {
    for (const [name, schema] of Object.entries(descriptor.connectionFields)) add([name], schema as SchemaNode, []);
    for (const authentication of descriptor.authenticationTypes) {
      for (const [name, schema] of Object.entries(authentication.fields)) add([name], schema as SchemaNode, authentication.secretFields);
    }
  }
  return [...byFlag.values()].filter((field) => !COMMON.has(field.path[0]!));
}

/** Adds the connection flags of `descriptors` to `command` (after `--technology` and `--authentication-type`). */
export function addConnectionFlags(command: Command, descriptors: readonly TechnologyDescriptor[]): Command {
  for (const field of fieldFlags(descriptors)) {
    const about = field.schema.description ?? field.path.join('.');
    if (field.secret) {
      command.option(`--${field.flag}-env <variable>`, `${about}: read from this environment variable`);
      command.option(`--${field.flag}-stdin`, `${about}: read from standard input (one trailing newline is dropped)`);
      command.option(`--${field.flag}-file <file>`, `${about}: read from this file`);
    } else if (field.schema.contentMediaType !== undefined) {
      command.option(`--${field.flag}-file <file>`, `${about}: read from this file`);
    } else if (field.schema.type === 'integer') {
      command.option(`--${field.flag} <number>`, about, integerOption(field.schema.minimum ?? 0, field.schema.maximum ?? Number.MAX_SAFE_INTEGER));
    } else if (field.schema.type === 'boolean') {
      // Both forms, so a field left out stays out (the server's default) rather than false.
      command.option(`--${field.flag}`, about);
      command.option(`--no-${field.flag}`, `turn off: ${about}`);
    } else {
      const choices = field.schema.anyOf?.map((branch) => branch.const).filter((value): value is string => typeof value === 'string');
      const option = new Option(`--${field.flag} <value>`, about);
      command.addOption(choices !== undefined && choices.length > 0 ? option.choices(choices) : option);
    }
  }
  return command;
}

/**
 * The `connection` of a registration from the parsed flags: `technology`, the authentication
 * type (the technology's first when not given), the port (its default when not given) and every
 * field flag given. The server checks the result against the technology's schema.
 */
export async function connectionFromFlags(
  options: Record<string, unknown>,
  descriptors: readonly TechnologyDescriptor[],
  io: CliIo,
): Promise<Record<string, unknown>> {
  const technology = String(options.technology);
  const descriptor = descriptors.find((d) => d.technology === technology);
  const authenticationType = options.authenticationType ?? descriptor?.authenticationTypes[0]?.name;
  const connection: Record<string, unknown> = { technology, ...(authenticationType !== undefined && { authenticationType }) };
  const fields = fieldFlags(descriptors);
  const fromStdin = fields.filter((field) => options[camel(`${field.flag}-stdin`)] === true);
  if (fromStdin.length > 1) throw new UsageError(`only one value can come from standard input: ${fromStdin.map((f) => `--${f.flag}-stdin`).join(', ')}`);
  for (const field of fields) {
    const value = await fieldValue(field, options, io);
    if (value !== undefined) putAt(connection, field.path, value);
  }
  if (connection.port === undefined && descriptor !== undefined && 'port' in descriptor.connectionFields) connection.port = descriptor.defaultPort;
  return connection;
}

async function fieldValue(field: FieldFlag, options: Record<string, unknown>, io: CliIo): Promise<unknown> {
  const given = (['value', 'env', 'stdin', 'file'] as const).filter((source) => options[optionKey(field, source)] !== undefined);
  if (given.length === 0) return undefined;
  if (given.length > 1) throw new UsageError(`give ${field.path.join('.')} one way, not ${given.map((source) => flagOf(field, source)).join(' and ')}`);
  const source: Source = given[0]!;
  const raw = options[optionKey(field, source)];
  switch (source) {
    case 'value':
      return raw;
    case 'env': {
      const value = io.env[String(raw)];
      if (value === undefined) throw new UsageError(`${flagOf(field, source)}: the environment variable ${String(raw)} is not set`);
      return value;
    }
    case 'stdin':
      return readStdin(field, io);
    case 'file':
      try {
        return readFileSync(String(raw), 'utf8');
      } catch (error) {
        throw new UsageError(`${flagOf(field, source)} ${String(raw)} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
  }
}

async function readStdin(field: FieldFlag, io: CliIo): Promise<string> {
  const stdin = io.stdin ?? process.stdin;
  const flag = flagOf(field, 'stdin');
  if ((stdin as { isTTY?: boolean }).isTTY) {
    throw new UsageError(`${flag} reads a piped value, e.g. printf %s "$PW" | warden connection add … ${flag}; or use --${field.flag}-env`);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const value = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (value === '') throw new UsageError(`${flag} read an empty value`);
  return value;
}

/** Help text: per technology, its default port and each authentication type's flags. */
export function connectionFlagsHelp(descriptors: readonly TechnologyDescriptor[]): string {
  const flagsOf = (fields: Readonly<Record<string, unknown>>): string =>
    fieldFlags(descriptors)
      .filter((field) => field.path[0]! in fields)
      .map((field) => (field.secret ? `--${field.flag}-env|-stdin|-file` : field.schema.contentMediaType !== undefined ? `--${field.flag}-file` : `--${field.flag}`))
      .join(' ');
  const lines = descriptors.flatMap((descriptor) => [
    `  ${descriptor.technology} (default port ${descriptor.defaultPort}): ${flagsOf(descriptor.connectionFields)}`,
    ...descriptor.authenticationTypes.map(
      (authentication) => `    --authentication-type ${authentication.name} (${authentication.description}): ${flagsOf(authentication.fields)}`,
    ),
  ]);
  return `\nConnection flags by technology (the first authentication type is the default):\n${lines.join('\n')}`;
}

function optionKey(field: FieldFlag, source: Source): string {
  return camel(source === 'value' ? field.flag : `${field.flag}-${source}`);
}

function flagOf(field: FieldFlag, source: Source): string {
  return source === 'value' ? `--${field.flag}` : `--${field.flag}-${source}`;
}

/** `oAuthClientConfig` → `o-auth-client-config`. */
function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** `tls-mode` → `tlsMode`, as commander names an option's value. */
function camel(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
