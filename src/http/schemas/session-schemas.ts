import { Type } from 'typebox';
import { MeView } from './access-schemas.js';

export const SignInBody = Type.Object({
  apiKey: Type.String({ minLength: 1, maxLength: 1024, description: 'An API key; it is exchanged for the session cookie and not kept' }),
});

export const SessionView = Type.Object(
  {
    user: MeView,
    expiresAt: Type.String({ format: 'date-time', description: 'When the session ends (never later than its API key)' }),
    csrfToken: Type.String({ description: 'Send it in the x-csrf-token header on every request that changes something' }),
  },
  { $id: 'Session', description: 'A web UI session: the cookie warden_session (HttpOnly, SameSite=Strict) acts as the API key it was signed in with' },
);
