import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { NotUpgradedTable } from './upgrade-result';
import type { UpgradePlan } from './upgrade-queries';

/** A dry run's plan: every data source with its new name, per schema what arrives disabled, conflicts and what cannot move. */
export function UpgradePlanView({ plan }: { plan: UpgradePlan }) {
  return (
    <Stack gap="md">
      {plan.refused && (
        <Alert color="red" title="This upgrade would be refused">
          Some data sources hold options a connection cannot: fix them (see below) before upgrading.
        </Alert>
      )}
      <Title order={3} size="h4">
        Data sources
      </Title>
      <Table aria-label="Planned data sources" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Id</Table.Th>
            <Table.Th>Legacy name</Table.Th>
            <Table.Th>New name</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Upgraded</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.dataSources.map((source) => (
            <Table.Tr key={source.dataSourceId}>
              <Table.Td>{source.dataSourceId}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{source.legacyName}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{source.newName}</Table.Td>
              <Table.Td>{source.enabled ? 'enabled' : 'disabled'}</Table.Td>
              <Table.Td>{source.upgraded ? 'yes' : `no: ${source.notUpgraded?.reason ?? ''}`}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3} size="h4">
        Schemas
      </Title>
      <Table aria-label="Planned schemas" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Schema</Table.Th>
            <Table.Th>Schema monitoring</Table.Th>
            <Table.Th>Visible tables</Table.Th>
            <Table.Th>Upgraded data sources</Table.Th>
            <Table.Th>New objects enabled</Table.Th>
            <Table.Th>New objects disabled</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.schemas.map((schema) => (
            <Table.Tr key={schema.path.join('\u0000')}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{schema.path.join('.')}</Table.Td>
              <Table.Td>{schema.monitoring}</Table.Td>
              <Table.Td>{schema.visibleTables}</Table.Td>
              <Table.Td>{schema.upgradedDataSources}</Table.Td>
              <Table.Td>{schema.newObjectsEnabled}</Table.Td>
              <Table.Td>{schema.newObjectsDisabled}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3} size="h4">
        Conflicts
      </Title>
      {plan.conflicts.length === 0 ? (
        <Text size="sm">None.</Text>
      ) : (
        <Stack gap={2} component="ul" aria-label="Conflicts">
          {plan.conflicts.map((path) => (
            <Text component="li" size="sm" key={path.join('\u0000')}>
              {path.join('.')} exists twice on the platform: neither becomes a data source of that name
            </Text>
          ))}
        </Stack>
      )}
      <Title order={3} size="h4">
        Cannot be upgraded
      </Title>
      {plan.notUpgraded.length === 0 ? <Text size="sm">Nothing: every data source would be upgraded.</Text> : <NotUpgradedTable rows={plan.notUpgraded} label="Data sources not upgraded by the plan" />}
    </Stack>
  );
}
