import { ActionIcon, Anchor, Box, Group, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/api-client';
import { isWithin, objectUrl, type ObjectPath } from '../../api/object-paths';
import { ApiErrorAlert } from '../../components/api-error-alert';

/** How many children a tree node lists; the table beside it pages through all of them. */
const TREE_PAGE = 100;

/**
 * The hierarchy as a tree of links whose children load when a node is opened (a disclosure
 * button per node: Tab and Enter, no custom key handling). The branch of the object shown
 * starts open.
 */
export function ObjectTree({ selected }: { selected: ObjectPath }) {
  return (
    <Box component="nav" aria-label="Object hierarchy">
      <Text fw={600} size="sm" mb={4}>
        Hierarchy
      </Text>
      <TreeLevel path={[]} selected={selected} />
    </Box>
  );
}

function TreeLevel({ path, selected }: { path: ObjectPath; selected: ObjectPath }) {
  const children = useQuery({
    queryKey: ['/data/object/search', { tree: path, size: TREE_PAGE }],
    queryFn: () => unwrap(api.POST('/data/object/search', { body: { ...(path.length > 0 && { objectPath: [...path] }), size: TREE_PAGE } })),
  });
  if (children.isPending) return <Loader size="xs" aria-label="Loading children" />;
  if (children.error) return <ApiErrorAlert error={children.error} />;
  const { hits, count } = children.data;
  return (
    <Box component="ul" m={0} pl={path.length === 0 ? 0 : 14} style={{ listStyle: 'none' }}>
      {hits.map((child) => (
        <TreeNode key={child.objectPath.at(-1)} path={child.objectPath} leaf={child.dataSourceName !== undefined} hasChildren={child.childCount > 0} selected={selected} />
      ))}
      {count > hits.length && (
        <li>
          <Text size="xs" c="dimmed">
            and {(count - hits.length).toLocaleString('en')} more (see the table)
          </Text>
        </li>
      )}
    </Box>
  );
}

function TreeNode({ path, leaf, hasChildren, selected }: { path: ObjectPath; leaf: boolean; hasChildren: boolean; selected: ObjectPath }) {
  const below = isWithin(selected, path) && selected.length > path.length;
  const [open, setOpen] = useState(below);
  // Browsing to an object below opens its branch (closing stays the reader's choice).
  useEffect(() => {
    if (below) setOpen(true);
  }, [below]);
  const name = path.at(-1)!;
  const current = selected.length === path.length && isWithin(selected, path);
  return (
    <li>
      <Group gap={2} wrap="nowrap">
        {!leaf && hasChildren ? (
          <ActionIcon variant="subtle" size="sm" aria-expanded={open} aria-label={`${open ? 'Collapse' : 'Expand'} ${name}`} onClick={() => setOpen(!open)}>
            <span aria-hidden>{open ? '▾' : '▸'}</span>
          </ActionIcon>
        ) : (
          <Box w={22} />
        )}
        <Anchor component={Link} to={objectUrl(path)} size="sm" fw={current ? 700 : 400} aria-current={current ? 'page' : undefined} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {name}
        </Anchor>
      </Group>
      {open && <TreeLevel path={path} selected={selected} />}
    </li>
  );
}
