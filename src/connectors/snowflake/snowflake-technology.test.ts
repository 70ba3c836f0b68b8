import { describe, expect, it } from 'vitest';
import { unsupportedSnowflakeOption } from './snowflake-technology.js';

describe('unsupportedSnowflakeOption', () => {
  it('names the private key file password however it is spelt and wherever it stands, never its value', () => {
    for (const options of ['private_key_file_pwd=s3cret', 'warehouse=W&PRIVATE_KEY_FILE_PWD=s3cret', 'a=1; private_key_pwd = s3cret']) {
      const found = unsupportedSnowflakeOption(options);
      expect(found?.option).toMatch(/private_key_(file_)?pwd/i);
      expect(found?.useInstead).toContain('privateKeyPassword');
      expect(JSON.stringify(found)).not.toContain('s3cret');
    }
  });

  it('lets every other option through', () => {
    expect(unsupportedSnowflakeOption('')).toBeUndefined();
    expect(unsupportedSnowflakeOption('CLIENT_SESSION_KEEP_ALIVE=false&private_key_file=/keys/k.p8')).toBeUndefined();
  });
});
