import { Badge, Button, Group, Loader, MultiSelect, Table, TagsInput, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/api-client';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PERMISSIONS, type Permission } from './permissions';

export function UsersSection({ selected, onSelect }: { selected: string | null; onSelect: (name: string) => void }) {
  const users = useQuery({ queryKey: ['/users'], queryFn: () => unwrap(api.GET('/users')) });
  return (
    <section aria-labelledby="users-heading">
      <Title order={2} size="h4" id="users-heading" mb="xs">
        Users
      </Title>
      <ApiErrorAlert error={users.error} />
      {users.isPending && <Loader aria-label="Loading users" />}
      {users.data && (
        <Table aria-label="Users" striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Permissions (effective)</Table.Th>
              <Table.Th>Groups</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.map((user) => (
              <Table.Tr key={user.name} aria-selected={selected === user.name}>
                <Table.Td>
                  <Button variant={selected === user.name ? 'filled' : 'subtle'} size="compact-sm" onClick={() => onSelect(user.name)} aria-label={`Open user ${user.name}`}>
                    {user.name}
                  </Button>
                  {user.builtin && (
                    <Badge ml={4} size="xs" color="dark">
                      built-in
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{user.effectivePermissions.join(', ') || '—'}</Table.Td>
                <Table.Td>{user.groups.join(', ') || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AddUserForm onAdded={onSelect} />
    </section>
  );
}

function AddUserForm({ onAdded }: { onAdded: (name: string) => void }) {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<Permission[]>([]);
  const [groups, setGroups] = useState<string[]>([]);
  const add = useMutation({
    mutationFn: () => unwrap(api.POST('/users', { body: { name: name.trim(), permissions, groups } })),
    onSuccess: async (user) => {
      setName('');
      setPermissions([]);
      setGroups([]);
      await Promise.all([client.invalidateQueries({ queryKey: ['/users'] }), client.invalidateQueries({ queryKey: ['/groups'] })]);
      onAdded(user.name);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit} aria-label="Add a user">
      <Group align="flex-end" mt="sm" mb="xl">
        <TextInput label="New user" value={name} onChange={(e) => setName(e.currentTarget.value)} required w={180} />
        <MultiSelect label="Permissions" data={PERMISSIONS} value={permissions} onChange={(v) => setPermissions(v as Permission[])} w={240} />
        <TagsInput label="Groups" value={groups} onChange={setGroups} w={180} />
        <Button type="submit" loading={add.isPending} disabled={!name.trim()}>
          Add user
        </Button>
      </Group>
      <ApiErrorAlert error={add.error} title="The user was not added" />
    </form>
  );
}
