import { Anchor, Chip, Grid, Group, Loader, Pagination, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/api-client';
import { objectUrl } from '../../api/object-paths';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { TagList } from '../../components/tag-list';

const PAGE = 50;
const FACETS = 30;

/** Data sources: the enabled leaves, searchable by name, narrowed by tag facets. */
export function DataSourcesPage() {
  const [searchText, setSearchText] = useState('');
  const [debounced] = useDebouncedValue(searchText.trim(), 250);
  const [tags, setTags] = useState<string[]>([]);
  const [page, setPage] = useState(1);
  const query = { ...(debounced && { searchText: debounced }), ...(tags.length > 0 && { tag: tags }), offset: (page - 1) * PAGE, size: PAGE };
  const sources = useQuery({ queryKey: ['/dataSource', query], queryFn: () => unwrap(api.GET('/dataSource', { params: { query } })), placeholderData: keepPreviousData });
  const facets = useQuery({ queryKey: ['/tag', { size: FACETS }], queryFn: () => unwrap(api.GET('/tag', { params: { query: { size: FACETS } } })) });
  const facetTags = (facets.data?.hits ?? []).filter((t) => t.dataSources > 0 || tags.includes(t.name));
  return (
    <>
      <Title order={1} size="h2" mb="md">
        Data sources
      </Title>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Stack gap="xs" component="section" aria-label="Tag facets">
            <Text fw={600} size="sm" id="tag-facets">
              Tags
            </Text>
            <ApiErrorAlert error={facets.error} />
            {facetTags.length === 0 && !facets.isPending && (
              <Text size="xs" c="dimmed">
                No tags on data sources yet.
              </Text>
            )}
            <Chip.Group multiple value={tags} onChange={(value) => { setTags(value); setPage(1); }}>
              <Group gap={6} role="group" aria-labelledby="tag-facets">
                {facetTags.map((tag) => (
                  <Chip key={tag.name} value={tag.name} size="xs">
                    {tag.name} ({tag.dataSources})
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Group align="flex-end" mb="sm">
            <TextInput label="Search data sources" value={searchText} onChange={(e) => { setSearchText(e.currentTarget.value); setPage(1); }} w={300} />
            {sources.data && <Text size="sm" aria-live="polite">{sources.data.count.toLocaleString('en')} data sources</Text>}
          </Group>
          <ApiErrorAlert error={sources.error} />
          {sources.isPending && <Loader aria-label="Loading data sources" />}
          {sources.data && (
            <>
              <Table aria-label="Data sources" striped layout="fixed">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={70}>Id</Table.Th>
                    <Table.Th>Name</Table.Th>
                    <Table.Th w={140}>Kind</Table.Th>
                    <Table.Th>Owners</Table.Th>
                    <Table.Th>Tags</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sources.data.hits.map((source) => (
                    <Table.Tr key={source.id}>
                      <Table.Td>{source.id}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        <Anchor component={Link} to={objectUrl(source.objectPath)} size="sm">
                          {source.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{source.kind}</Table.Td>
                      <Table.Td>
                        <Owners id={source.id} />
                      </Table.Td>
                      <Table.Td>
                        <TagList tags={source.tags} label={`Tags of ${source.name}`} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {sources.data.count > PAGE && <Pagination mt="sm" total={Math.ceil(sources.data.count / PAGE)} value={page} onChange={setPage} />}
            </>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}

/** A data source's effective owners (inherited ones included): the list answer does not carry them, the data source does. */
function Owners({ id }: { id: number }) {
  const source = useQuery({ queryKey: ['/dataSource/{id}', id], queryFn: () => unwrap(api.GET('/dataSource/{id}', { params: { path: { id } } })), staleTime: 30_000 });
  if (source.isPending) return <Loader size="xs" aria-label="Loading owners" />;
  if (source.error) return <ApiErrorAlert error={source.error} />;
  const owners = source.data.settings.dataOwners.value;
  return <Text size="sm">{owners.length === 0 ? '—' : owners.map((o) => `${o.type}:${o.name}`).join(', ')}</Text>;
}
