import { Badge, Button, Loader, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { StateBadge } from './upgrade-result';
import { UpgradeWizard } from './upgrade-wizard';
import { useMayUpgrade, useUpgradeCandidates, type UpgradeCandidate } from './upgrade-queries';

/**
 * The Upgrade manager (issue 15, item 6): the integrations whose legacy data sources can move to
 * a connection, with how many are left and how many moved, and the upgrade of one of them.
 */
export function UpgradePage() {
  const may = useMayUpgrade();
  const { candidates, error, isPending } = useUpgradeCandidates(may);
  const [chosen, setChosen] = useState<UpgradeCandidate | null>(null);
  return (
    <>
      <Title order={1} size="h2" mb="md">
        Upgrade manager
      </Title>
      {!may && <Text>Upgrading integrations needs both the APPLICATION_ADMIN and the GOVERNANCE permission.</Text>}
      <ApiErrorAlert error={error} />
      {may && isPending && <Loader aria-label="Loading integrations" />}
      {may && !isPending && chosen === null && (
        <>
          <Text size="sm" mb="sm">
            Each integration's legacy data sources move to one new connection and keep their data source ids, owners, tags and status.
          </Text>
          {candidates.length === 0 ? (
            <Text c="dimmed">No integrations.</Text>
          ) : (
            <Table aria-label="Integrations" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Id</Table.Th>
                  <Table.Th>Technology</Table.Th>
                  <Table.Th>Host</Table.Th>
                  <Table.Th>Available</Table.Th>
                  <Table.Th>Upgraded</Table.Th>
                  <Table.Th>Latest upgrade</Table.Th>
                  <Table.Th>
                    <span className="mantine-visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {candidates.map((candidate) => (
                  <Table.Tr key={candidate.integration.id}>
                    <Table.Td>{candidate.integration.id}</Table.Td>
                    <Table.Td>{candidate.integration.type}</Table.Td>
                    <Table.Td>{String(candidate.integration.config.hostname ?? candidate.integration.config.account ?? '')}</Table.Td>
                    <Table.Td>{candidate.available}</Table.Td>
                    <Table.Td>{candidate.upgraded}</Table.Td>
                    <Table.Td>{candidate.latest ? <StateBadge state={candidate.latest.state} /> : <Badge variant="outline" color="gray">not started</Badge>}</Table.Td>
                    <Table.Td>
                      <Button size="compact-sm" onClick={() => setChosen(candidate)} disabled={candidate.available === 0} aria-label={`Start upgrade of integration ${candidate.integration.id}`}>
                        {candidate.latest ? 'Resume upgrade' : 'Start upgrade'}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
      {chosen && <UpgradeWizard candidate={chosen} onClose={() => setChosen(null)} />}
    </>
  );
}
