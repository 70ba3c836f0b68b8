import { Badge, CloseButton, Group, Text } from '@mantine/core';
import type { Schemas } from '../api/api-client';

export type TagView = Schemas['ObjectSummary']['tags'][number];

const SOURCE_LABEL = { platform: 'platform', system: 'Warden', user: 'user' } as const;

export function tagText(tag: Pick<TagView, 'name' | 'value'>): string {
  return tag.value === null ? tag.name : `${tag.name} = ${tag.value}`;
}

/**
 * Tags with their source marked: platform tags (outlined, follow the platform, cannot be
 * removed), Warden's `New` tag (purple) and user tags (removable when `onRemove` is given).
 */
export function TagList({ tags, onRemove, label }: { tags: readonly TagView[]; onRemove?: (tag: TagView) => void; label: string }) {
  if (tags.length === 0)
    return (
      <Text size="xs" c="dimmed">
        No tags
      </Text>
    );
  return (
    <Group gap={4} role="list" aria-label={label}>
      {tags.map((tag) => (
        <Badge
          key={`${tag.source}:${tag.name}`}
          role="listitem"
          color={tag.source === 'system' ? 'grape.9' : tag.source === 'platform' ? 'indigo.9' : 'dark'}
          variant={tag.source === 'platform' ? 'outline' : 'filled'}
          tt="none"
          title={`${SOURCE_LABEL[tag.source]} tag${tag.addedBy ? `, added by ${tag.addedBy}` : ''}`}
          rightSection={
            onRemove && tag.source !== 'platform' ? (
              <CloseButton size="xs" variant="transparent" c="white" aria-label={`Remove tag ${tag.name}`} onClick={() => onRemove(tag)} />
            ) : undefined
          }
        >
          {tagText(tag)}
          {tag.source === 'platform' && ' (platform)'}
        </Badge>
      ))}
    </Group>
  );
}
