import { Button, Group, Loader, MultiSelect, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/api-client';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PERMISSIONS, type Permission } from './permissions';

export function GroupsSection() {
  const client = useQueryClient();
  const groups = useQuery({ queryKey: ['/groups'], queryFn: () => unwrap(api.GET('/groups')) });
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<Permission[]>([]);
  const invalidate = () => Promise.all([client.invalidateQueries({ queryKey: ['/groups'] }), client.invalidateQueries({ queryKey: ['/users'] })]);
  const save = useMutation({
    mutationFn: () => unwrap(api.PUT('/groups/{name}', { params: { path: { name: name.trim() } }, body: { permissions } })),
    onSuccess: () => {
      setName('');
      setPermissions([]);
      return invalidate();
    },
  });
  const remove = useMutation({ mutationFn: (group: string) => unwrap(api.DELETE('/groups/{name}', { params: { path: { name: group } } })), onSuccess: invalidate });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <section aria-labelledby="groups-heading">
      <Title order={2} size="h4" id="groups-heading" mb="xs">
        Groups
      </Title>
      <ApiErrorAlert error={groups.error ?? remove.error} />
      {groups.isPending && <Loader aria-label="Loading groups" />}
      {groups.data && (
        <Table aria-label="Groups" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Permissions</Table.Th>
              <Table.Th>Members</Table.Th>
              <Table.Th>
                <span className="mantine-visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.data.map((group) => (
              <Table.Tr key={group.name}>
                <Table.Td>{group.name}</Table.Td>
                <Table.Td>{group.permissions.join(', ') || '—'}</Table.Td>
                <Table.Td>{group.members.join(', ') || '—'}</Table.Td>
                <Table.Td>
                  <Button variant="subtle" color="red" size="compact-sm" onClick={() => remove.mutate(group.name)} aria-label={`Delete group ${group.name}`}>
                    Delete
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form onSubmit={submit} aria-label="Create or change a group">
        <Group align="flex-end" mt="sm">
          <TextInput label="Group" description="new or existing: its permissions are replaced" value={name} onChange={(e) => setName(e.currentTarget.value)} required w={220} />
          <MultiSelect label="Group permissions" data={PERMISSIONS} value={permissions} onChange={(v) => setPermissions(v as Permission[])} w={240} />
          <Button type="submit" loading={save.isPending} disabled={!name.trim()}>
            Save group
          </Button>
        </Group>
        <ApiErrorAlert error={save.error} title="The group was not saved" />
      </form>
    </section>
  );
}
