import { describe, expect, it } from 'vitest';
import { trinoAccessRules, trinoSetupScript } from './trino-setup-script.js';

/** The rules document after the comment lines. */
const rulesOf = (script: string) => JSON.parse(script.split('\n').filter((line) => !line.startsWith('//')).join('\n'));

describe('trinoSetupScript', () => {
  it('grants read-only catalog access and SELECT, on system and every catalog; no password', () => {
    const script = trinoSetupScript({ username: 'warden' });
    expect(rulesOf(script)).toEqual({
      catalogs: [
        { user: 'warden', catalog: 'system', allow: 'read-only' },
        { user: 'warden', catalog: '.*', allow: 'read-only' },
      ],
      tables: [
        { user: 'warden', catalog: 'system', privileges: ['SELECT'] },
        { user: 'warden', catalog: '.*', privileges: ['SELECT'] },
      ],
    });
    expect(script).not.toMatch(/password"\s*:/i);
  });

  it('matches the listed catalogs and the user exactly, whatever their characters', () => {
    const rules = rulesOf(trinoSetupScript({ username: 'ops.warden+1', databases: ['pg', 'a.b|c'] }));
    expect(rules.catalogs[1]).toEqual({ user: 'ops\\.warden\\+1', catalog: '(pg|a\\.b\\|c)', allow: 'read-only' });
    expect(new RegExp(`^${rules.catalogs[1].catalog}$`).test('a.b|c')).toBe(true);
    expect(new RegExp(`^${rules.catalogs[1].catalog}$`).test('aXb|c')).toBe(false);
  });

  it('prints exactly the entries trinoAccessRules returns (what the contract grants on a real Trino)', () => {
    for (const options of [{ username: 'warden' }, { username: 'crawler', databases: ['pg'] }]) {
      expect(rulesOf(trinoSetupScript(options))).toEqual(trinoAccessRules(options));
    }
  });
});
