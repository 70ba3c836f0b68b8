import { Fieldset, NumberInput, PasswordInput, Select, Stack, Switch, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { choicesOf, formFields, labelOf, type SchemaNode } from './connection-technologies';
import { setAt, type FormValues } from './schema-values';

interface SchemaFieldsProps {
  schema: SchemaNode;
  values: FormValues;
  onChange(values: FormValues): void;
  /** Editing a stored connection: secrets may stay empty (the stored ones are kept). */
  editing: boolean;
}

/**
 * The inputs of one connection schema, generated from it: a select for an enum, a switch for a
 * boolean, a number input for an integer, a tags input for a list, a password input for a secret
 * (`writeOnly`), a text area for a PEM file, a fieldset for a nested object. No technology is
 * named here: the server's descriptors decide the fields.
 */
export function SchemaFields({ schema, values, onChange, editing }: SchemaFieldsProps) {
  return (
    <Stack gap="sm">
      {formFields(schema).map(([name, node]) => (
        <SchemaField key={name} path={[name]} node={node} required={schema.required?.includes(name) ?? false} values={values} onChange={onChange} editing={editing} />
      ))}
    </Stack>
  );
}

interface SchemaFieldProps extends Omit<SchemaFieldsProps, 'schema'> {
  path: string[];
  node: SchemaNode;
  required: boolean;
}

function SchemaField({ path, node, required, values, onChange, editing }: SchemaFieldProps) {
  const name = path[path.length - 1]!;
  const value = path.reduce<unknown>((at, key) => (typeof at === 'object' && at !== null ? (at as FormValues)[key] : undefined), values);
  const set = (next: unknown) => onChange(setAt(values, path, next));
  const common = { label: labelOf(name, node), description: node.description, required: required && !(editing && node.writeOnly) };
  const choices = choicesOf(node);

  if (node.type === 'object') {
    return (
      <Fieldset legend={common.label}>
        {node.description && (
          <Text size="sm" mb="xs">
            {node.description}
          </Text>
        )}
        <Stack gap="sm">
          {Object.entries(node.properties ?? {}).map(([child, childNode]) => (
            <SchemaField key={child} path={[...path, child]} node={childNode} required={node.required?.includes(child) ?? false} values={values} onChange={onChange} editing={editing} />
          ))}
        </Stack>
      </Fieldset>
    );
  }
  if (choices) return <Select {...common} data={choices} value={typeof value === 'string' ? value : null} onChange={(next) => set(next ?? undefined)} clearable={!required} />;
  if (node.type === 'boolean') return <Switch label={common.label} description={common.description} checked={value === true} onChange={(event) => set(event.currentTarget.checked)} />;
  if (node.type === 'integer' || node.type === 'number') {
    return <NumberInput {...common} value={typeof value === 'number' ? value : ''} min={node.minimum} max={node.maximum} allowDecimal={node.type === 'number'} onChange={(next) => set(next === '' ? undefined : Number(next))} />;
  }
  if (node.type === 'array') return <TagsInput {...common} value={Array.isArray(value) ? value.map(String) : []} onChange={set} />;
  const text = typeof value === 'string' ? value : '';
  if (node.contentMediaType) return <Textarea {...common} autosize minRows={3} value={text} onChange={(event) => set(event.currentTarget.value)} placeholder={editing && node.writeOnly ? 'Unchanged (paste a new one to replace it)' : undefined} />;
  if (node.writeOnly) return <PasswordInput {...common} autoComplete="new-password" value={text} onChange={(event) => set(event.currentTarget.value)} placeholder={editing ? 'Unchanged (type a new one to rotate it)' : undefined} />;
  return <TextInput {...common} value={text} onChange={(event) => set(event.currentTarget.value)} />;
}
