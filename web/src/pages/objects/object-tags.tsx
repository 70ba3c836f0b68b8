import { Stack, Text } from '@mantine/core';
import type { Schemas } from '../../api/api-client';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { TagList } from '../../components/tag-list';
import { AddTagForm, useRemoveTag } from './tag-form';

/** The object's own tags: user tags added and removed here, platform tags (follow the platform) and New marked. */
export function ObjectTags({ object }: { object: Schemas['DataObject'] }) {
  const remove = useRemoveTag(object.objectPath);
  return (
    <Stack maw={900}>
      <TagList tags={object.tags} label="Tags of this object" onRemove={(tag) => remove.mutate({ tag })} />
      <Text size="xs" c="dimmed">
        Platform tags follow the platform and change with each sync; New is Warden&apos;s mark on objects found after the first sync (removing it clears it).
      </Text>
      <ApiErrorAlert error={remove.error} title="The tag was not removed" />
      <AddTagForm path={object.objectPath} />
    </Stack>
  );
}
