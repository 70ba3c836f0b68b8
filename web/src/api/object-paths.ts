/**
 * Object paths in the UI's own URLs: `/objects/<name>/<name>…`, each name percent-encoded, so a
 * name holding "/" (or "<img …>") stays one segment and is never read as markup. The same form
 * as the API's URL routes and the audit filter's `objectPath`.
 */
export type ObjectPath = readonly string[];

export function encodePath(path: ObjectPath): string {
  return path.map(encodeURIComponent).join('/');
}

export function objectUrl(path: ObjectPath): string {
  return path.length === 0 ? '/objects' : `/objects/${encodePath(path)}`;
}

/** The object path of a router pathname under `/objects` (the pathname keeps its percent-encoding). */
export function pathFromPathname(pathname: string): string[] {
  const rest = pathname.replace(/^\/objects\/?/, '');
  if (rest === '') return [];
  return rest.split('/').filter((segment) => segment !== '').map(decodeSegment);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A hand-typed URL with a stray "%": take the segment as written.
    return segment;
  }
}

export function isWithin(path: ObjectPath, ancestor: ObjectPath): boolean {
  return ancestor.length <= path.length && ancestor.every((name, i) => path[i] === name);
}
