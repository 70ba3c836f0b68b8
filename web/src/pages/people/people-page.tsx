import { Grid, Title } from '@mantine/core';
import { useState } from 'react';
import { GroupsSection } from './groups-section';
import { UserDetail } from './user-detail';
import { UsersSection } from './users-section';

/** People: users with their permissions and groups, groups, and each user's API keys. */
export function PeoplePage() {
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <>
      <Title order={1} size="h2" mb="md">
        People
      </Title>
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <UsersSection selected={selected} onSelect={setSelected} />
          <GroupsSection />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>{selected && <UserDetail key={selected} name={selected} onDeleted={() => setSelected(null)} />}</Grid.Col>
      </Grid>
    </>
  );
}
