import { describe, expect, it } from 'vitest';
import { mariadbSetupScript } from './mariadb-setup-script.js';

describe('mariadbSetupScript', () => {
  it('takes the password from a user variable, stops without it, and never contains one', () => {
    const script = mariadbSetupScript({ username: 'warden' });
    expect(script).toContain('QUOTE(@warden_password)');
    expect(script).toContain("PREPARE warden_check FROM IF(COALESCE(@warden_password, '') = ''");
    expect(script).not.toMatch(/IDENTIFIED BY '(?!, QUOTE\(@warden_password\))/);
  });

  it('grants REFERENCES only: on every database, or on the listed ones', () => {
    expect(mariadbSetupScript({ username: 'warden' })).toContain("GRANT REFERENCES ON *.* TO 'warden'@'%';");
    const listed = mariadbSetupScript({ username: 'warden', databases: ['sales', 'hr'] });
    expect(listed).toContain("GRANT REFERENCES ON `sales`.* TO 'warden'@'%';");
    expect(listed).toContain("GRANT REFERENCES ON `hr`.* TO 'warden'@'%';");
    expect(listed).not.toMatch(/GRANT (SELECT|INSERT|UPDATE|DELETE|ALL)/);
  });

  it('quotes hostile names and escapes GRANT wildcards in database names', () => {
    const script = mariadbSetupScript({ username: "o'brien", databases: ['a`b_c%d'] });
    expect(script).toContain("CREATE USER IF NOT EXISTS 'o''brien'@'%';");
    expect(script).toContain("GRANT REFERENCES ON `a``b\\_c\\%d`.* TO 'o''brien'@'%';");
    expect(script).toContain("CONCAT('ALTER USER ', '''o''''brien''', '@''%'' IDENTIFIED BY '");
  });

  it('refuses names the client could not carry', () => {
    expect(() => mariadbSetupScript({ username: 'a\nb' })).toThrow(/one line/);
    expect(() => mariadbSetupScript({ username: 'a\\b' })).toThrow(/backslash/);
    expect(() => mariadbSetupScript({ username: 'w', databases: ['x\ny'] })).toThrow(/one line/);
  });
});
