import { Button, Group, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { encodePath } from '../../api/object-paths';
import { AuditTable, type AuditFilters } from '../../components/audit-table';

/** "2026-12-01T10:00" from a datetime-local input, as an instant in UTC; empty stays unset. */
function instant(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Every change, newest first, filtered by object (and below), actor and time. */
export function AuditPage() {
  const [form, setForm] = useState({ objectPath: '', actor: '', from: '', to: '' });
  const [filters, setFilters] = useState<AuditFilters>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The object as names separated by "/", the way the breadcrumbs read (a name holding "/" is found from its object's Audit tab).
    const names = form.objectPath.split('/').map((n) => n.trim()).filter((n) => n !== '');
    const from = instant(form.from);
    const to = instant(form.to);
    setFilters({ ...(names.length > 0 && { objectPath: encodePath(names) }), ...(form.actor.trim() && { actor: form.actor.trim() }), ...(from && { from }), ...(to && { to }) });
  };
  const field = (key: keyof typeof form) => ({ value: form[key], onChange: (e: { currentTarget: HTMLInputElement }) => setForm({ ...form, [key]: e.currentTarget.value }) });
  return (
    <>
      <Title order={1} size="h2" mb="md">
        Audit
      </Title>
      <form onSubmit={submit} aria-label="Audit filters">
        <Group align="flex-end" mb="md">
          <TextInput label="Object" description="connection/database/…" {...field('objectPath')} w={260} />
          <TextInput label="Actor" description="e.g. user:alice, system:sync" {...field('actor')} w={200} />
          <TextInput label="From" type="datetime-local" {...field('from')} w={210} />
          <TextInput label="To" type="datetime-local" {...field('to')} w={210} />
          <Button type="submit">Filter</Button>
        </Group>
      </form>
      <AuditTable key={JSON.stringify(filters)} filters={filters} />
    </>
  );
}
