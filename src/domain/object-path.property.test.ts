import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataSourceName, decodeObjectPath, encodeObjectPath, isDotSegment, isWithin, pathKey, pathsOverlap } from './object-path.js';

const RUNS = { seed: 1202, numRuns: 400 } as const;

// Platform names are valid Unicode (no lone surrogates: the platforms store UTF-8) and never empty.
// Hostile characters are weighted in so that most paths contain some of them.
const hostile = fc.constantFrom('/', '%', '%2F', '.', '..', ' ', '"', "'", '`', '\\', '?', '#', '&', '+', '\u0000', '\u00A0', 'ß', 'İ', '表', '😀', '\u0301');
const name = fc
  .array(fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }), hostile), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join(''));
const path = fc.array(name, { minLength: 1, maxLength: 5 });

describe('object paths in URLs (property)', () => {
  it('round-trips any path of non-empty names through the URL form, one segment per name', () => {
    fc.assert(
      fc.property(path, (p) => {
        const encoded = encodeObjectPath(p);
        expect(encoded.split('/')).toHaveLength(p.length);
        expect(decodeObjectPath(encoded)).toEqual(p);
      }),
      RUNS,
    );
  });

  it('survives a real URL parser exactly when no segment is a dot segment, which isDotSegment tells', () => {
    // Clients resolve `.` and `..` before sending; the route refuses such paths (isDotSegment) rather than
    // act on another object. Every other name must arrive unchanged after WHATWG URL parsing.
    fc.assert(
      fc.property(path, fc.boolean(), (p, withDot) => {
        const segments = withDot ? [...p.slice(0, -1), '..', p[p.length - 1]!] : p;
        const prefix = '/data/object/';
        const { pathname } = new URL(`http://warden.test${prefix}${encodeObjectPath(segments)}`);
        // A `..` may climb out of the route altogether: then nothing arrived at all.
        const arrived = pathname.startsWith(prefix) ? decodeObjectPath(pathname.slice(prefix.length)) : [];
        expect(pathKey(arrived) === pathKey(segments)).toBe(!segments.some(isDotSegment));
      }),
      RUNS,
    );
  });

  it('calls exactly "." and ".." dot segments: a name merely made of or containing dots is an ordinary name', () => {
    fc.assert(
      fc.property(fc.oneof(name, fc.stringMatching(/^\.{0,4}$/)), (n) => {
        expect(isDotSegment(n)).toBe(n === '.' || n === '..');
      }),
      RUNS,
    );
  });

  it('gives distinct paths distinct map keys, although their dotted data source names may collide', () => {
    fc.assert(
      fc.property(path, path, (a, b) => {
        const same = a.length === b.length && a.every((s, i) => s === b[i]);
        expect(pathKey(a) === pathKey(b)).toBe(same);
        expect(dataSourceName(a)).toBe(a.join('.'));
      }),
      RUNS,
    );
  });

  it('sees a path within itself and its ancestors, and overlap as symmetric containment', () => {
    fc.assert(
      fc.property(path, path, fc.nat(), (a, b, cut) => {
        const ancestor = a.slice(0, 1 + (cut % a.length));
        expect(isWithin(a, ancestor)).toBe(true);
        expect(isWithin(a, b)).toBe(b.length <= a.length && pathKey(a.slice(0, b.length)) === pathKey(b));
        expect(pathsOverlap(a, b)).toBe(pathsOverlap(b, a));
        expect(pathsOverlap(a, b)).toBe(isWithin(a, b) || isWithin(b, a));
      }),
      RUNS,
    );
  });
});
