import { describe, expect, it } from 'vitest';
import { connectionKeyProblem } from './connection-key.js';

describe('connectionKeyProblem', () => {
  it.each(['Demo Warehouse', 'prod_pg-01', 'x', 'a'.repeat(128)])('accepts %j', (key) => {
    expect(connectionKeyProblem(key)).toBeNull();
  });

  it.each([
    ['', /1-128/],
    ['a'.repeat(129), /1-128/],
    ['with/slash', /letters, digits/],
    ['with.dot', /letters, digits/],
    [' lead', /space/],
    ['trail ', /space/],
    ['Data', /reserved/],
    ['UPGRADE', /reserved/],
  ])('rejects %j', (key, reason) => {
    expect(connectionKeyProblem(key)).toMatch(reason);
  });
});
