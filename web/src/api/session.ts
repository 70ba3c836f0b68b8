import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, ApiError, unwrap, type Schemas } from './api-client';
import { onSessionEnded, setCsrfToken } from './session-state';

export type Session = Schemas['Session'];

const SESSION_KEY = ['session'] as const;

/**
 * The current session (null when signed out). GET /session answers from the cookie, so a
 * reload stays signed in; its CSRF token is kept in memory for the requests that change things.
 */
export function useSession() {
  const client = useQueryClient();
  useEffect(() => onSessionEnded(() => client.setQueryData(SESSION_KEY, null)), [client]);
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<Session | null> => {
      try {
        return remember(await unwrap(api.GET('/session')));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

/** Exchanges an API key for a session cookie; the key is sent once and kept nowhere. */
export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (apiKey: string) => remember(await unwrap(api.POST('/session', { body: { apiKey } }))),
    onSuccess: (session) => client.setQueryData(SESSION_KEY, session),
  });
}

/** Ends the session on the server, then forgets everything cached for it. */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await unwrap(api.DELETE('/session'));
    },
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(SESSION_KEY, null);
    },
  });
}

function remember(session: Session): Session {
  setCsrfToken(session.csrfToken);
  return session;
}
