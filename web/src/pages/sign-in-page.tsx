import { Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-client';
import { useSignIn } from '../api/session';
import { ApiErrorAlert } from '../components/api-error-alert';

/** Sign in with an API key: it is exchanged for a session cookie and not kept by the page. */
export function SignInPage() {
  const signIn = useSignIn();
  const [apiKey, setApiKey] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(apiKey.trim(), { onSuccess: () => setApiKey('') });
  };
  return (
    <Center mih="100vh" component="main">
      <Paper withBorder p="xl" w={420} component="form" onSubmit={submit}>
        <Stack>
          <Title order={1} size="h3">
            Sign in to Warden
          </Title>
          <Text size="sm" c="dimmed">
            Use an API key. The administrator's key is in the file the server printed at start (admin-api-key in its data directory).
          </Text>
          <PasswordInput label="API key" required autoComplete="off" value={apiKey} onChange={(event) => setApiKey(event.currentTarget.value)} />
          {/* The API's 401 text speaks of the Authorization header; here the key was typed. */}
          <ApiErrorAlert error={signIn.error instanceof ApiError && signIn.error.status === 401 ? new ApiError(401, signIn.error.code, 'That API key is not valid: it is unknown, expired or revoked.') : signIn.error} title="Sign-in failed" />
          <Button type="submit" loading={signIn.isPending}>
            Sign in
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
