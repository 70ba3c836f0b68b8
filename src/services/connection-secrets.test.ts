import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import type { AuthenticationType } from '../connectors/technology.js';
import { assertCredentialsResent, editedConnection } from './connection-edit.js';
import { openConnection, redactedDetails, sealConnection } from './connection-secrets.js';
import { SecretBox } from './secret-box.js';

const box = SecretBox.fromPassphrase('test');
const oauth = {
  technology: 'Databricks',
  authenticationType: 'oAuthM2M',
  hostname: 'h',
  oAuthClientConfig: { clientId: 'id', clientSecret: 's3cret', scope: 'all-apis' },
};
const OAUTH: AuthenticationType = { name: 'oAuthM2M', description: '', fields: { oAuthClientConfig: Type.Object({}) }, secretFields: ['oAuthClientConfig.clientSecret'] };
const ROUTE = ['hostname'];
const TOKEN: AuthenticationType = { name: 'token', description: '', fields: { token: Type.String() }, secretFields: ['token'] };

describe('connection secrets', () => {
  it('seal nested secret fields, open them back and redact them in place', () => {
    const { details, secretsCiphertext } = sealConnection(oauth, OAUTH.secretFields, box);
    expect(details).toEqual({ ...oauth, oAuthClientConfig: { clientId: 'id', scope: 'all-apis' } });
    expect(JSON.stringify(details)).not.toContain('s3cret');
    expect(oauth.oAuthClientConfig.clientSecret).toBe('s3cret');
    expect(openConnection(details, secretsCiphertext, box)).toEqual(oauth);
    expect(redactedDetails(details, secretsCiphertext, box)).toEqual({ ...oauth, oAuthClientConfig: { ...oauth.oAuthClientConfig, clientSecret: '[REDACTED]' } });
  });

  it('keep a secret an edit does not send again, also inside a replaced object', () => {
    const edited = editedConnection(oauth, { oAuthClientConfig: { clientId: 'new', scope: 'all-apis' } }, OAUTH, OAUTH);
    expect(edited.oAuthClientConfig).toEqual({ clientId: 'new', clientSecret: 's3cret', scope: 'all-apis' });
  });

  it('require the secrets again when the edit changes where they are sent', () => {
    const moved = { hostname: 'elsewhere' };
    expect(() => assertCredentialsResent(oauth, editedConnection(oauth, moved, OAUTH, OAUTH), moved, OAUTH, ROUTE)).toThrow(
      expect.objectContaining({ code: 'CREDENTIALS_REQUIRED', params: { changed: 'connection.hostname', secrets: 'connection.oAuthClientConfig.clientSecret' } }),
    );
    const resent = { hostname: 'elsewhere', oAuthClientConfig: { clientId: 'id', clientSecret: 'again' } };
    expect(() => assertCredentialsResent(oauth, editedConnection(oauth, resent, OAUTH, OAUTH), resent, OAUTH, ROUTE)).not.toThrow();
  });

  it('drop the old authentication type fields when the type changes', () => {
    const edited = editedConnection(oauth, { authenticationType: 'token', token: 't' }, OAUTH, TOKEN);
    expect(edited).toEqual({ technology: 'Databricks', authenticationType: 'token', hostname: 'h', token: 't' });
  });
});
