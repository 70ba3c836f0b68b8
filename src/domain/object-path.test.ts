import { describe, expect, it } from 'vitest';
import { WardenError } from '../errors.js';
import { dataSourceName, decodeObjectPath, encodeObjectPath, isWholeConnection, pathsOverlap } from './object-path.js';

const hostile = ['My Conn', 'Db.With.Dots', 'a/b "quoted"', 'Ünïcødé 表', '%2F literal', 'x'.repeat(63)];

describe('object paths', () => {
  it('round-trips any name through the URL form, one segment at a time', () => {
    const encoded = encodeObjectPath(hostile);
    expect(encoded.split('/')).toHaveLength(hostile.length);
    expect(decodeObjectPath(encoded)).toEqual(hostile);
  });

  it('keeps an encoded slash inside its segment', () => {
    expect(decodeObjectPath('conn/a%2Fb/c')).toEqual(['conn', 'a/b', 'c']);
  });

  it('joins the data source name with dots, names kept exactly', () => {
    expect(dataSourceName(['My Connection', 'MY_DB', 'My.Schema', 'T'])).toBe('My Connection.MY_DB.My.Schema.T');
  });

  it('rejects empty segments and broken percent-encoding with a 400', () => {
    expect(() => decodeObjectPath('conn//x')).toThrowError(WardenError);
    expect(() => decodeObjectPath('conn/%E0%A4%A')).toThrowError(/percent-encoding/);
  });

  it('treats an empty tail as no path', () => {
    expect(decodeObjectPath('')).toEqual([]);
  });

  it('knows when two subtrees overlap', () => {
    expect(pathsOverlap(['c'], ['c', 'db'])).toBe(true);
    expect(pathsOverlap(['c', 'db', 's'], ['c', 'db'])).toBe(true);
    expect(pathsOverlap(['c', 'db1'], ['c', 'db2'])).toBe(false);
    expect(pathsOverlap(['c', 'db'], ['c', 'db2'])).toBe(false);
  });

  it('tells a whole-connection scope from a subtree', () => {
    expect(isWholeConnection(['c'])).toBe(true);
    expect(isWholeConnection(['c', 'db'])).toBe(false);
  });
});
