import { Anchor, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <>
      <Title order={1} size="h2">
        Page not found
      </Title>
      <Text>
        No page here. <Anchor component={Link} to="/connections">Go to Connections</Anchor>
      </Text>
    </>
  );
}
