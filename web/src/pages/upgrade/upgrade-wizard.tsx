import { Alert, Button, Checkbox, Group, Stack, Stepper, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/api-client';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { UpgradePlanView } from './upgrade-plan';
import { latestRun, upgradeRunKey, type UpgradeCandidate, type UpgradePlan, type UpgradeRun } from './upgrade-queries';
import { NotUpgradedTable, StateBadge, UpgradeProgress } from './upgrade-result';

/** The credentials field: empty keeps the integration's; otherwise a JSON object of connection fields. */
function parseCredentials(text: string): { credentials?: Record<string, unknown>; error?: string } {
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { credentials: value as Record<string, unknown> };
  } catch {
    // Reported below, as for any other value that is no object.
  }
  return { error: 'Enter a JSON object of connection fields, e.g. {"username": "…", "password": "…"}, or leave it empty.' };
}

/**
 * One integration's upgrade, step by step: the connection key, optional new credentials, the
 * dry run's plan, an acknowledgement, then the run. POST …/upgrade answers when the run ended,
 * so while it is pending the latest run (GET …/upgrade) is polled for its phase and counts.
 * A partial result is resumed by running it again with the same key.
 */
export function UpgradeWizard({ candidate, onClose }: { candidate: UpgradeCandidate; onClose: () => void }) {
  const { integration, latest } = candidate;
  const id = integration.id;
  const client = useQueryClient();
  // A started upgrade keeps its key (UPGRADE_KEY_MISMATCH otherwise): resume with it.
  const [connectionKey, setConnectionKey] = useState(latest?.connectionKey ?? '');
  const [credentialsText, setCredentialsText] = useState('');
  const [step, setStep] = useState(0);
  const [acknowledged, setAcknowledged] = useState(false);
  const parsed = parseCredentials(credentialsText);
  const body = { connectionKey: connectionKey.trim(), ...(parsed.credentials && { credentials: parsed.credentials }) };

  const dryRun = useMutation({
    mutationFn: async () => (await unwrap(api.POST('/integrations/{id}/upgrade', { params: { path: { id } }, body: { ...body, dryRun: true } }))) as UpgradePlan,
  });
  const run = useMutation({
    mutationFn: async () => (await unwrap(api.POST('/integrations/{id}/upgrade', { params: { path: { id } }, body }))) as UpgradeRun,
    onSettled: () => client.invalidateQueries({ queryKey: ['/dataSource'] }).then(() => client.invalidateQueries({ queryKey: upgradeRunKey(id) })),
  });
  const progress = useQuery({ queryKey: [...upgradeRunKey(id), 'progress'], queryFn: () => latestRun(id), enabled: run.isPending, refetchInterval: run.isPending ? 1_000 : false });
  const result = run.data ?? null;
  const plan = dryRun.data ?? null;

  return (
    <Stack gap="md" component="section" aria-label={`Upgrade of integration ${id}`}>
      <Group justify="space-between">
        <Title order={2} size="h3">
          Upgrade integration {id} ({integration.type})
        </Title>
        <Button variant="default" onClick={onClose} disabled={run.isPending}>
          Back to the integrations
        </Button>
      </Group>
      <Stepper active={step} onStepClick={run.isPending ? undefined : setStep} allowNextStepsSelect={false}>
        <Stepper.Step label="Connection key">
          <Stack gap="sm" maw={520}>
            <TextInput
              label="Connection key (display name)"
              description="The new connection's name: the first part of every upgraded data source's name (<key>.<database>.<schema>.<table>)."
              value={connectionKey}
              onChange={(e) => setConnectionKey(e.currentTarget.value)}
              disabled={latest !== null}
              maxLength={128}
              required
            />
            {latest !== null && <Text size="sm">This upgrade started with this key; running it again finishes the rest.</Text>}
            <Group>
              <Button onClick={() => setStep(1)} disabled={body.connectionKey === ''}>
                Next
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label="Credentials">
          <Stack gap="sm" maw={620}>
            <Textarea
              label="Credentials (optional)"
              description="Leave empty to use the integration's credentials. To use others, enter the connection fields replacing them as JSON; secrets are sent once and never shown again."
              placeholder={'{"username": "warden_reader", "password": "…"}'}
              autosize
              minRows={3}
              value={credentialsText}
              onChange={(e) => setCredentialsText(e.currentTarget.value)}
              error={parsed.error}
              styles={{ input: { fontFamily: 'monospace' } }}
            />
            <Group>
              <Button variant="default" onClick={() => setStep(0)}>
                Back
              </Button>
              <Button onClick={() => { dryRun.reset(); setAcknowledged(false); setStep(2); }} disabled={parsed.error !== undefined}>
                Next
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label="Dry run">
          <Stack gap="sm">
            <Text size="sm">The dry run tests the credentials and reads the platform; it changes nothing.</Text>
            <Group>
              <Button variant="default" onClick={() => setStep(1)}>
                Back
              </Button>
              <Button onClick={() => dryRun.mutate()} loading={dryRun.isPending}>
                Dry run
              </Button>
            </Group>
            <ApiErrorAlert error={dryRun.error} title="The dry run failed" />
            {plan && (
              <>
                <UpgradePlanView plan={plan} />
                <Checkbox
                  label="I have reviewed the plan: upgraded data sources get their new names and the legacy endpoints stop serving them"
                  checked={acknowledged}
                  onChange={(e) => setAcknowledged(e.currentTarget.checked)}
                />
                <Group>
                  <Button onClick={() => { run.reset(); setStep(3); run.mutate(); }} disabled={!acknowledged || plan.refused}>
                    Upgrade
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </Stepper.Step>
        <Stepper.Step label="Upgrade">
          <Stack gap="sm">
            {run.isPending && (progress.data?.state === 'running' ? <UpgradeProgress run={progress.data} /> : <Text size="sm">Starting the upgrade…</Text>)}
            <ApiErrorAlert error={run.error} title="The upgrade failed" />
            {result && <UpgradeOutcome result={result} />}
            {result && result.state !== 'complete' && (
              <Group>
                <Button onClick={() => run.mutate()} loading={run.isPending}>
                  Run again
                </Button>
                <Text size="sm">Fix what the table says first; the run finishes the rest with the same key.</Text>
              </Group>
            )}
          </Stack>
        </Stepper.Step>
      </Stepper>
    </Stack>
  );
}

/** The ended run: its state, counts, and what it left with why. */
function UpgradeOutcome({ result }: { result: UpgradeRun }) {
  return (
    <Stack gap="sm">
      <Alert color={result.state === 'complete' ? 'teal' : result.state === 'failed' ? 'red' : 'yellow'} title={<>Upgrade <StateBadge state={result.state} /></>} styles={{ title: { color: 'var(--mantine-color-text)' } }}>
        {result.upgraded} of {result.total} data sources upgraded to connection {result.connectionKey}.{result.failureMessage && ` ${result.failureMessage}`}
      </Alert>
      {result.notUpgraded.length > 0 && <NotUpgradedTable rows={result.notUpgraded} label="Data sources not upgraded" />}
    </Stack>
  );
}
