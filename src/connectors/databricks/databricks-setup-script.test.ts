import { describe, expect, it } from 'vitest';
import { databricksSetupScript } from './databricks-setup-script.js';

const statements = (script: string) =>
  script
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('--'))
    .map((line) => line.replace(/;$/, ''));

describe('databricksSetupScript', () => {
  it('grants USE CATALOG, USE SCHEMA, BROWSE and SELECT on each catalog to the quoted principal', () => {
    const script = databricksSetupScript({ username: 'warden-sp@example.com', databases: ['main', 'odd`name'] });
    expect(statements(script)).toEqual(
      ['`main`', '`odd``name`'].flatMap((catalog) => [
        `GRANT USE CATALOG ON CATALOG ${catalog} TO \`warden-sp@example.com\``,
        `GRANT USE SCHEMA ON CATALOG ${catalog} TO \`warden-sp@example.com\``,
        `GRANT BROWSE ON CATALOG ${catalog} TO \`warden-sp@example.com\``,
        `GRANT SELECT ON CATALOG ${catalog} TO \`warden-sp@example.com\``,
      ]),
    );
    expect(script).toContain('CAN USE');
    expect(script).not.toMatch(/dapi|secret\s*=/i);
  });

  it('writes the per-catalog block once for a placeholder when no catalog is listed', () => {
    const script = databricksSetupScript({ username: 'warden' });
    expect(script).toContain('repeat this block for every catalog');
    expect(script).toContain('GRANT USE CATALOG ON CATALOG <CATALOG> TO `warden`;');
  });
});
