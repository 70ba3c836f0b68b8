import { Text, Title } from '@mantine/core';

/** A page not built yet: its route exists so the navigation is whole. */
export function PlaceholderPage({ title }: { title: string }) {
  return (
    <>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text c="dimmed">This page is coming.</Text>
    </>
  );
}
