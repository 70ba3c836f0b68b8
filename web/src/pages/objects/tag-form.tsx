import { Button, Group, Select, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/api-client';
import type { ObjectPath } from '../../api/object-paths';
import { useInvalidateObjects } from '../../api/object-queries';
import { ApiErrorAlert } from '../../components/api-error-alert';
import type { TagView } from '../../components/tag-list';

/** Adds a user tag to the object or, with `columns`, to the column chosen (POST /data/tags). */
export function AddTagForm({ path, columns }: { path: ObjectPath; columns?: string[] }) {
  const [column, setColumn] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const invalidate = useInvalidateObjects();
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/data/tags', {
          body: { objectPath: [...path], tags: [{ name: name.trim(), ...(value.trim() && { value: value.trim() }) }], ...(column !== null && { column }) },
        }),
      ),
    onSuccess: () => {
      setName('');
      setValue('');
      return invalidate();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={columns ? 'Add a tag to a column' : 'Add a tag'}>
      <Group align="flex-end" mb="sm">
        {columns && <Select label="Column" data={columns} value={column} onChange={setColumn} searchable required w={220} />}
        <TextInput label="Tag name" description="e.g. PII.Email" value={name} onChange={(e) => setName(e.currentTarget.value)} required w={200} />
        <TextInput label="Value (optional)" value={value} onChange={(e) => setValue(e.currentTarget.value)} w={180} />
        <Button type="submit" loading={add.isPending} disabled={!name.trim() || (columns !== undefined && column === null)}>
          Add tag
        </Button>
      </Group>
      <ApiErrorAlert error={add.error} title="The tag was not added" />
    </form>
  );
}

/** Removes a user tag, or clears Warden's New tag (source system); platform tags cannot be removed. */
export function useRemoveTag(path: ObjectPath) {
  const invalidate = useInvalidateObjects();
  return useMutation({
    mutationFn: ({ tag, column }: { tag: TagView; column?: string }) =>
      unwrap(
        api.DELETE('/data/tags', {
          body: { objectPath: [...path], name: tag.name, source: tag.source === 'system' ? 'system' : 'user', ...(column !== undefined && { column }) },
        }),
      ),
    onSuccess: () => invalidate(),
  });
}
