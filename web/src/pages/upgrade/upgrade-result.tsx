import { Badge, Group, Progress, Table, Text } from '@mantine/core';
import type { NotUpgraded, UpgradeRun } from './upgrade-queries';

const STATES: Record<UpgradeRun['state'], { label: string; color: string }> = {
  running: { label: 'running', color: 'blue.9' },
  complete: { label: 'complete', color: 'teal.9' },
  partiallyComplete: { label: 'partially complete', color: 'yellow.4' },
  failed: { label: 'failed', color: 'red.9' },
};

export function StateBadge({ state }: { state: UpgradeRun['state'] }) {
  return (
    // Filled dark shades, and dark text on yellow (autoContrast): light variants fail axe's contrast check.
    <Badge color={STATES[state].color} variant="filled" autoContrast>
      {STATES[state].label}
    </Badge>
  );
}

/** A run's phase and counts: what the upgrade manager shows while it polls GET …/upgrade. */
export function UpgradeProgress({ run }: { run: UpgradeRun }) {
  const percent = run.total === 0 ? 0 : Math.round((run.upgraded / run.total) * 100);
  return (
    <>
      <Group gap="sm" mb={4}>
        <StateBadge state={run.state} />
        <Text size="sm">
          Phase: {run.phase} — {run.upgraded} of {run.total} data sources upgraded
        </Text>
      </Group>
      <Progress value={percent} aria-label="Upgraded data sources" animated={run.state === 'running'} />
    </>
  );
}

/** The data sources a run (or the plan) leaves, with why and what to do before running it again. */
export function NotUpgradedTable({ rows, label }: { rows: NotUpgraded[]; label: string }) {
  return (
    <Table aria-label={label} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Data source</Table.Th>
          <Table.Th>Name</Table.Th>
          <Table.Th>Remote path</Table.Th>
          <Table.Th>Reason</Table.Th>
          <Table.Th>Suggested action</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.dataSourceId}>
            <Table.Td>{row.dataSourceId}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.name}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.remotePath.join('.')}</Table.Td>
            <Table.Td>{row.reason}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.suggestedAction}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
