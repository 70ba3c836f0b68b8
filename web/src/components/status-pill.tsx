import { Badge, Group, Text } from '@mantine/core';
import type { Schemas } from '../api/api-client';

type Summary = Schemas['ObjectSummary'] | Schemas['DataObject'];

/**
 * An object's effective status: Enabled / Disabled / Removed, "inherited" when the object has
 * no override of its own, and "customised below" when descendants override it (only an
 * object read on its own, GET /data/object, says so: a children search does not).
 */
export function StatusPill({ object }: { object: Summary }) {
  const label = object.removed ? 'Removed' : object.state === 'active' ? 'Enabled' : 'Disabled';
  const isActive = object.settings.isActive;
  const below = typeof isActive === 'object' && isActive.hasDescendantsWithOverrides;
  return (
    <Group gap={6} wrap="nowrap">
      <Badge color={object.removed ? 'red.9' : object.state === 'active' ? 'teal.9' : 'gray.8'} variant="filled">
        {label}
      </Badge>
      {object.overrides.isActive === undefined && (
        <Text size="xs" c="dimmed">
          inherited
        </Text>
      )}
      {below && (
        <Text size="xs" c="grape.9">
          customised below
        </Text>
      )}
    </Group>
  );
}

/** A boolean setting as its effective value plus whether it is inherited (Object Sync for new children). */
export function SettingText({ value, inherited, on, off }: { value: boolean; inherited: boolean; on: string; off: string }) {
  return (
    <Text size="sm">
      {value ? on : off}
      {inherited && (
        <Text span size="xs" c="dimmed">
          {' '}
          (inherited)
        </Text>
      )}
    </Text>
  );
}
