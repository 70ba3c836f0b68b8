import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '../src/errors.js';
import { SYNC_ERROR_CODES } from '../src/sync/apply.js';

const doc = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');

/** Rows of the markdown table under `heading`: the first cell's code and the other cells. */
function tableRows(heading: string): Map<string, string[]> {
  const section = doc.split(/^## /m).find((part) => part.startsWith(heading)) ?? '';
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    const code = /^`([A-Z_]+)`$/.exec(cells[0] ?? '')?.[1];
    if (code) rows.set(code, cells.slice(1));
  }
  return rows;
}

describe('docs/errors.md', () => {
  it('lists every catalogue code with its HTTP status and retryability, and no other', () => {
    const rows = tableRows('API errors');
    expect([...rows.keys()].sort()).toEqual(Object.keys(ERROR_CATALOGUE).sort());
    for (const [code, entry] of Object.entries(ERROR_CATALOGUE)) {
      const [status, retryable] = rows.get(code)!;
      expect(Number(status), code).toBe(entry.status);
      expect(retryable, code).toBe(entry.retryable ? 'yes' : 'no');
    }
  });

  it('lists every sync run error code', () => {
    expect([...tableRows('Sync run errors').keys()].sort()).toEqual(Object.values(SYNC_ERROR_CODES).sort());
  });
});
