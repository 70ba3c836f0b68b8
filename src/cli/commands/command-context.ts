import { InvalidArgumentError, type Command } from 'commander';
import { describePath, type ObjectPath } from '../../domain/object-path.js';
import { PAGE_SIZE } from '../../http/schemas/common-schemas.js';
import { ApiClient, resolveClientOptions } from '../api-client.js';

/** Where the CLI reads and writes; the real process streams unless a test passes its own. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Read by `--password-stdin`. */
  stdin?: NodeJS.ReadableStream;
  /** Stops `serve` like SIGINT does (for running it in-process). */
  signal?: AbortSignal;
}

/** Bad usage the CLI detects itself (commander reports the rest): exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A failure already explained to the user (a failed job, an unhealthy connection): exit code 1. */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
}

/** What every command builder gets: the streams and a way to reach the API. */
export interface CliContext {
  io: CliIo;
  /** A client for the `--url` / `--api-key` (or environment) the command was run with. */
  client(command: Command): ApiClient;
  /** Writes one line to stdout. */
  print(line?: string): void;
  /** Writes a value as indented JSON to stdout (`--json`). */
  printJson(value: unknown): void;
  /** Releases what the clients hold open (keep-alive sockets). */
  close(): void;
}

export function createContext(io: CliIo): CliContext {
  const clients: ApiClient[] = [];
  return {
    io,
    client(command) {
      const globals = command.optsWithGlobals<{ url?: string; apiKey?: string }>();
      const client = new ApiClient(resolveClientOptions({ url: globals.url, apiKey: globals.apiKey }, io.env));
      clients.push(client);
      return client;
    },
    print(line = '') {
      io.stdout.write(`${line}\n`);
    },
    printJson(value) {
      io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    close() {
      for (const client of clients) client.close();
    },
  };
}

/** Options every command takes. */
export interface JsonOption {
  json?: boolean;
}

/** Adds `--json` to a command. */
export function withJson(command: Command): Command {
  return command.option('--json', 'print the raw JSON response of the API');
}

/** A name for a table cell: as is, unless invisible characters or edge spaces would hide it. */
export function displayName(name: string): string {
  return name === '' || name !== name.trim() || /[\u0000-\u001f\u007f]/.test(name) ? JSON.stringify(name) : name;
}

/** A path for messages: every name quoted, so spaces, dots and slashes stay readable. */
export function displayPath(path: ObjectPath): string {
  return describePath(path);
}

/** Left-aligned columns separated by two spaces. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, i) => Math.max(width(header), ...rows.map((row) => width(row[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - width(cell))))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

/** `label  value` lines with the labels padded to one width. */
export function formatFields(fields: readonly (readonly [string, string])[]): string {
  const labelWidth = Math.max(...fields.map(([label]) => label.length));
  return fields.map(([label, value]) => `${label.padEnd(labelWidth)}  ${value}`).join('\n');
}

/** Characters as a terminal counts them (code points; wide CJK glyphs are not measured). */
function width(text: string): number {
  return [...text].length;
}

/** Parses a whole-number option value within bounds; commander reports a bad one (exit 2). */
export function integerOption(min: number, max: number): (raw: string) => number {
  return (raw) => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(`Expected a whole number from ${min} to ${max}.`);
    }
    return value;
  };
}

/** `--offset` and `--size` of a listing, bounded by the API's page size (`what`: "children", "entries"). */
export function withPaging(command: Command, what: string): Command {
  return command
    .option('--offset <n>', `skip this many ${what}`, integerOption(0, Number.MAX_SAFE_INTEGER))
    .option('--size <n>', `show at most this many ${what} (1-${PAGE_SIZE.maximum}, default ${PAGE_SIZE.default})`, integerOption(1, PAGE_SIZE.maximum));
}
