import { Grid, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useLocation } from 'react-router';
import { pathFromPathname } from '../../api/object-paths';
import { ObjectBreadcrumbs } from '../../components/object-breadcrumbs';
import { ChildrenTable } from './children-table';
import { ObjectView } from './object-view';
import { ObjectTree } from './object-tree';

/** Data objects: the hierarchy as a tree beside the object shown (the connections at /objects). */
export function ObjectsPage() {
  // The pathname keeps each name's percent-encoding, so a name with "/" stays one segment.
  const { pathname } = useLocation();
  const path = useMemo(() => pathFromPathname(pathname), [pathname]);
  return (
    <Grid gutter="lg">
      <Grid.Col span={{ base: 12, md: 3 }} style={{ overflow: 'hidden' }}>
        <ObjectTree selected={path} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <ObjectBreadcrumbs path={path} />
        {path.length === 0 ? (
          <>
            <Title order={1} size="h2" mb="md">
              Data objects
            </Title>
            <ChildrenTable path={path} />
          </>
        ) : (
          <ObjectView key={path.join('\u0000')} path={path} />
        )}
      </Grid.Col>
    </Grid>
  );
}
