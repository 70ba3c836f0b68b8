import { Badge, Button, Code, CopyButton, Group, Loader, MultiSelect, Paper, Stack, Table, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/api-client';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { formatTime } from '../../components/format-time';
import { PERMISSIONS, type Permission } from './permissions';

/** One user: permissions and groups to change, API keys to create (the key shown this once) and revoke, delete. */
export function UserDetail({ name, onDeleted }: { name: string; onDeleted: () => void }) {
  const client = useQueryClient();
  const user = useQuery({ queryKey: ['/users/{name}', name], queryFn: () => unwrap(api.GET('/users/{name}', { params: { path: { name } } })) });
  const invalidate = () =>
    Promise.all([client.invalidateQueries({ queryKey: ['/users'] }), client.invalidateQueries({ queryKey: ['/users/{name}', name] }), client.invalidateQueries({ queryKey: ['/groups'] })]);
  const [edit, setEdit] = useState<{ permissions: Permission[]; groups: string[] } | null>(null);
  const save = useMutation({
    mutationFn: (body: { permissions: Permission[]; groups: string[] }) => unwrap(api.PUT('/users/{name}', { params: { path: { name } }, body })),
    onSuccess: () => {
      setEdit(null);
      return invalidate();
    },
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/users/{name}', { params: { path: { name } } })),
    onSuccess: async () => {
      await invalidate();
      onDeleted();
    },
  });
  if (user.isPending) return <Loader aria-label="Loading user" />;
  if (user.error) return <ApiErrorAlert error={user.error} />;
  const current = edit ?? { permissions: user.data.permissions, groups: user.data.groups };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="user-heading">
      <Stack>
        <Title order={2} size="h4" id="user-heading">
          User {name}
        </Title>
        <Text size="sm">Effective permissions: {user.data.effectivePermissions.join(', ') || 'none'}</Text>
        <MultiSelect label="Permissions granted directly" data={PERMISSIONS} value={current.permissions} onChange={(v) => setEdit({ ...current, permissions: v as Permission[] })} disabled={user.data.builtin} />
        <TagsInput label="Groups of the user" value={current.groups} onChange={(groups) => setEdit({ ...current, groups })} disabled={user.data.builtin} />
        <ApiErrorAlert error={save.error ?? remove.error} />
        <Group>
          <Button onClick={() => save.mutate(current)} disabled={!edit} loading={save.isPending}>
            Save user
          </Button>
          {!user.data.builtin && (
            <Button color="red" variant="outline" onClick={() => remove.mutate()} loading={remove.isPending}>
              Delete user
            </Button>
          )}
        </Group>
        <ApiKeys user={name} />
      </Stack>
    </Paper>
  );
}

function ApiKeys({ user }: { user: string }) {
  const client = useQueryClient();
  const keys = useQuery({ queryKey: ['/users/{name}/api-keys', user], queryFn: () => unwrap(api.GET('/users/{name}/api-keys', { params: { path: { name: user } } })) });
  const [label, setLabel] = useState('');
  const invalidate = () => client.invalidateQueries({ queryKey: ['/users/{name}/api-keys', user] });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/users/{name}/api-keys', { params: { path: { name: user } }, body: label.trim() ? { name: label.trim() } : {} })),
    onSuccess: () => {
      setLabel('');
      return invalidate();
    },
  });
  const revoke = useMutation({ mutationFn: (id: string) => unwrap(api.DELETE('/users/{name}/api-keys/{id}', { params: { path: { name: user, id } } })), onSuccess: invalidate });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <>
      <Title order={3} size="h5">
        API keys
      </Title>
      {create.data && (
        <Paper withBorder p="sm" role="status">
          <Text fw={700} size="sm" mb={4}>
            API key created: copy it now, it is not shown again
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Code data-testid="new-api-key" style={{ overflowWrap: 'anywhere' }}>
              {create.data.key}
            </Code>
            <CopyButton value={create.data.key}>{({ copied, copy }) => <Button size="compact-xs" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
          </Group>
        </Paper>
      )}
      <ApiErrorAlert error={keys.error ?? create.error ?? revoke.error} />
      {keys.data && (
        <Table aria-label={`API keys of ${user}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Prefix</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>
                <span className="mantine-visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.data.map((key) => (
              <Table.Tr key={key.id}>
                <Table.Td>{key.name}</Table.Td>
                <Table.Td>
                  <Code>{key.prefix}…</Code>
                </Table.Td>
                <Table.Td>
                  <Badge color={key.state === 'active' ? 'teal.9' : 'gray.8'}>{key.state}</Badge>
                </Table.Td>
                <Table.Td>{formatTime(key.createdAt)}</Table.Td>
                <Table.Td>
                  {key.state === 'active' && (
                    <Button size="compact-xs" color="red" variant="subtle" onClick={() => revoke.mutate(key.id)} aria-label={`Revoke key ${key.name} (${key.prefix})`}>
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form onSubmit={submit} aria-label="Create an API key">
        <Group align="flex-end">
          <TextInput label="Key name" value={label} onChange={(e) => setLabel(e.currentTarget.value)} placeholder="default" w={200} />
          <Button type="submit" loading={create.isPending}>
            Create API key
          </Button>
        </Group>
      </form>
    </>
  );
}
