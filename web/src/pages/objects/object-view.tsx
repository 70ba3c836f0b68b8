import { Group, Loader, Tabs, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { encodePath, type ObjectPath } from '../../api/object-paths';
import { useObject } from '../../api/object-queries';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { AuditTable } from '../../components/audit-table';
import { StatusPill } from '../../components/status-pill';
import { ChildrenTable } from './children-table';
import { ObjectDictionary } from './object-dictionary';
import { ObjectHistory } from './object-history';
import { ObjectOverview } from './object-overview';
import { ObjectSettings } from './object-settings';
import { ObjectTags } from './object-tags';
import { RunSyncButton } from './run-sync-button';

/** One object: its header and tabs (children, overview, settings, dictionary, tags, history, audit); the tab is in the URL (?tab=). */
export function ObjectView({ path }: { path: ObjectPath }) {
  const object = useObject(path);
  const [params, setParams] = useSearchParams();
  if (object.isPending) return <Loader aria-label="Loading object" />;
  if (object.error) return <ApiErrorAlert error={object.error} />;
  const data = object.data;
  const leaf = data.dataSourceName !== undefined;
  const tab = params.get('tab') ?? (leaf ? 'overview' : 'children');
  return (
    <>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {path.at(-1)}
          </Title>
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              {data.kind} · {data.technology}
            </Text>
            <StatusPill object={data} />
          </Group>
        </div>
        <RunSyncButton path={path} />
      </Group>
      <Tabs value={tab} onChange={(value) => setParams(value ? { tab: value } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          {!leaf && <Tabs.Tab value="children">Data objects</Tabs.Tab>}
          <Tabs.Tab value="overview">Overview</Tabs.Tab>
          <Tabs.Tab value="settings">Settings</Tabs.Tab>
          {leaf && <Tabs.Tab value="dictionary">Dictionary</Tabs.Tab>}
          <Tabs.Tab value="tags">Tags</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
          <Tabs.Tab value="audit">Audit</Tabs.Tab>
        </Tabs.List>
        {!leaf && (
          <Tabs.Panel value="children">
            <ChildrenTable path={path} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="overview">
          <ObjectOverview object={data} />
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <ObjectSettings object={data} />
        </Tabs.Panel>
        {leaf && (
          <Tabs.Panel value="dictionary">
            <ObjectDictionary object={data} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="tags">
          <ObjectTags object={data} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <ObjectHistory object={data} />
        </Tabs.Panel>
        <Tabs.Panel value="audit">
          <AuditTable filters={{ objectPath: encodePath(path) }} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
