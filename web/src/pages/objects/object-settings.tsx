import { Button, Checkbox, Group, Radio, Stack, TagsInput, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../api/api-client';
import type { paths } from '../../api/openapi-types';
import { useInvalidateObjects } from '../../api/object-queries';
import { ApiErrorAlert } from '../../components/api-error-alert';

type DataObject = Schemas['DataObject'];
type Choice = 'enable' | 'disable' | 'inherit';
type Owner = DataObject['settings']['dataOwners']['value'][number];
type SettingsBody = paths['/data/settings']['put']['requestBody']['content']['application/json']['settings'];

const choiceOf = (override: boolean | undefined): Choice => (override === undefined ? 'inherit' : override ? 'enable' : 'disable');
const valueOf = (choice: Choice): boolean | null => (choice === 'inherit' ? null : choice === 'enable');
const ownerText = (owner: Owner) => `${owner.type}:${owner.name}`;
function parseOwner(text: string): Owner | null {
  const match = /^(user|group):(.+)$/.exec(text.trim());
  return match ? { type: match[1] as Owner['type'], name: match[2]!.trim() } : null;
}

/**
 * Settings: the Data Object status and Object Sync (new children) switches, each Enable /
 * Disable / Inherit; owners; and cascade, which also clears the overrides below (their number
 * is the object's `descendantOverrides` for the settings being saved).
 */
export function ObjectSettings({ object }: { object: DataObject }) {
  const root = object.objectPath.length === 1;
  const leaf = object.dataSourceName !== undefined;
  const [status, setStatus] = useState<Choice>(choiceOf(object.overrides.isActive));
  const [newChildren, setNewChildren] = useState<Choice>(choiceOf(object.overrides.activateNewChildren));
  const [inheritOwners, setInheritOwners] = useState(object.overrides.dataOwners === undefined);
  const [owners, setOwners] = useState<string[]>((object.overrides.dataOwners ?? object.settings.dataOwners.value).map(ownerText));
  const [cascade, setCascade] = useState(false);
  const invalidate = useInvalidateObjects();

  const changes: SettingsBody = {};
  if (status !== choiceOf(object.overrides.isActive)) changes.isActive = valueOf(status);
  if (!leaf && newChildren !== choiceOf(object.overrides.activateNewChildren)) changes.activateNewChildren = valueOf(newChildren);
  const ownerList = owners.map(parseOwner);
  const badOwner = owners.find((_, i) => ownerList[i] === null);
  const ownersBefore = object.overrides.dataOwners?.map(ownerText).join('\n');
  const ownersAfter = inheritOwners ? undefined : owners.join('\n');
  if (ownersBefore !== ownersAfter) changes.dataOwners = inheritOwners ? null : (ownerList.filter((o) => o !== null) as Owner[]);
  const keys = Object.keys(changes) as (keyof DataObject['settings'])[];
  const clears = keys.reduce((sum, key) => sum + object.settings[key].descendantOverrides, 0);

  const save = useMutation({
    mutationFn: () => unwrap(api.PUT('/data/settings', { body: { objectPath: object.objectPath, settings: changes, cascade } })),
    onSuccess: () => {
      setCascade(false);
      return invalidate();
    },
  });

  const effective = (value: boolean) => (value ? 'enabled' : 'disabled');
  return (
    <Stack maw={720} gap="lg">
      <Radio.Group label="Data object" description={`Now ${effective(object.settings.isActive.value)}${object.overrides.isActive === undefined ? ' (inherited)' : ''}. Enabled tables and views are data sources.`} value={status} onChange={(v) => setStatus(v as Choice)}>
        <Group mt="xs">
          <Radio value="enable" label="Enable" />
          <Radio value="disable" label="Disable" />
          <Radio value="inherit" label="Inherit" disabled={root} />
        </Group>
      </Radio.Group>
      {!leaf && (
        <Radio.Group
          label="Object Sync (new children)"
          description={`Objects a sync finds here later start ${effective(object.settings.activateNewChildren.value)}${object.overrides.activateNewChildren === undefined ? ' (inherited)' : ''}.`}
          value={newChildren}
          onChange={(v) => setNewChildren(v as Choice)}
        >
          <Group mt="xs">
            <Radio value="enable" label="Enable" />
            <Radio value="disable" label="Disable" />
            <Radio value="inherit" label="Inherit" disabled={root} />
          </Group>
        </Radio.Group>
      )}
      <Stack gap="xs">
        <Checkbox label="Inherit owners" checked={inheritOwners} disabled={root} onChange={(e) => setInheritOwners(e.currentTarget.checked)} />
        <TagsInput
          label="Owners"
          description="user:NAME or group:NAME, Enter after each"
          value={owners}
          onChange={setOwners}
          disabled={inheritOwners}
          error={badOwner ? `"${badOwner}" is not user:NAME or group:NAME` : undefined}
        />
      </Stack>
      {!leaf && (
        <Checkbox
          label={`Cascade: also clear ${clears.toLocaleString('en')} ${clears === 1 ? 'override' : 'overrides'} below for the settings changed`}
          description={`Overridden below: status ${object.settings.isActive.descendantOverrides}, new children ${object.settings.activateNewChildren.descendantOverrides}, owners ${object.settings.dataOwners.descendantOverrides}`}
          checked={cascade}
          onChange={(e) => setCascade(e.currentTarget.checked)}
        />
      )}
      {cascade && clears > 0 && (
        <Text size="sm" fw={700} role="note">
          Saving clears {clears.toLocaleString('en')} overrides below this object: they will inherit from it.
        </Text>
      )}
      <ApiErrorAlert error={save.error} title="The settings were not saved" />
      {save.isSuccess && keys.length === 0 && (
        <Text size="sm" role="status">
          Saved.
        </Text>
      )}
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={keys.length === 0 || badOwner !== undefined}>
          Save changes
        </Button>
      </Group>
    </Stack>
  );
}
