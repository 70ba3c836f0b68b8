import { Alert } from '@mantine/core';
import { ApiError } from '../api/api-client';

/** An API error as the server worded it (with its code); never swallowed, never raw HTML. */
export function ApiErrorAlert({ error, title = 'The request failed' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" title={title} role="alert">
      {message}
      {error instanceof ApiError && ` (${error.code})`}
    </Alert>
  );
}
