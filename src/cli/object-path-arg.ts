import { decodeObjectPath, encodeObjectPath, type ObjectPath } from '../domain/object-path.js';
import { UsageError } from './commands/command-context.js';

/**
 * How the CLI takes an object path. Printed in the help of every command that takes one.
 *
 * Names keep the platform's exact spelling (dots, slashes, quotes, spaces, non-ASCII), so no
 * character can be reserved as a separator inside one argument. The primary form therefore
 * gives each name as its own shell argument: the shell's quoting is the only escaping, and
 * what arrives in argv is the name, byte for byte. The second form, for pasting paths copied
 * from the API or the web UI, is one option value in URL form. It lives behind its own option
 * so that no argument is ever read both ways.
 */
export const OBJECT_PATH_HELP = `
Object paths:
  Give the path as separate arguments, one per name, connection key first:
    warden object show "Demo Warehouse" postgres sales orders
    warden object show "My Conn" "dots.and/slashes" "a \\"quoted\\" table"
  Each argument is taken literally: dots, slashes, quotes, spaces and non-ASCII
  are part of the name, and any name works, "." and ".." too (the CLI sends the
  path to the API as a JSON array). Quote a name for your shell when it has
  spaces or quotes.
  A name that starts with "-" goes after "--":
    warden object show -- "My Conn" db -weird-table

  Or give the whole path as one value in URL form with --url-path: segments
  separated by "/", each percent-encoded on its own ("%2F" is a "/" inside a
  name, "%20" a space, "%25" a percent sign; "+" stays a plus):
    warden object show --url-path "Demo%20Warehouse/postgres/sales/orders"
  Use one form or the other, not both.`;

/** Option value of `--url-path` and the positional names, as commander hands them over. */
export interface ObjectPathInput {
  segments: readonly string[];
  urlPath?: string | undefined;
}

/**
 * The object path named on the command line. `required` rejects an empty path (every command
 * but `object ls` needs at least the connection key). Throws {@link UsageError} (exit 2).
 */
export function parseObjectPathArg(input: ObjectPathInput, options: { required: boolean }): string[] {
  const { segments, urlPath } = input;
  if (urlPath !== undefined && segments.length > 0) {
    throw new UsageError('give the object path either as separate arguments or with --url-path, not both');
  }
  const path = urlPath !== undefined ? fromUrlPath(urlPath) : [...segments];
  path.forEach((segment, index) => {
    if (segment === '') throw new UsageError(`object path name ${index + 1} is empty`);
  });
  if (options.required && path.length === 0) {
    throw new UsageError('missing object path: name at least the connection key, e.g. "Demo Warehouse"');
  }
  return path;
}

function fromUrlPath(value: string): string[] {
  try {
    return decodeObjectPath(value);
  } catch (error) {
    throw new UsageError(`--url-path ${error instanceof Error ? error.message.replace(/^objectPath /, '') : 'is invalid'}`);
  }
}

/** The path as the `--url-path` form (and the audit log's `objectPath` filter): each name percent-encoded on its own. */
export function toUrlPath(path: ObjectPath): string {
  return encodeObjectPath(path);
}
