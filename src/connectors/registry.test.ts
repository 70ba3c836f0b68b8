import { describe, expect, it } from 'vitest';
import type { ConnectionDetails } from './connector.js';
import { ConnectorRegistry } from './registry.js';
import { ALL_TECHNOLOGIES } from './technologies.js';

const details: ConnectionDetails = { technology: 'PostgreSQL', hostname: 'db.example', port: 5432, database: 'sales', authenticationType: 'userPassword', username: 'warden', password: 'secret' };

describe('ConnectorRegistry.handOver', () => {
  it('gives a handed-over connector to the next createConnector of the same details, whatever their keys’ order, once', async () => {
    const registry = new ConnectorRegistry(ALL_TECHNOLOGIES);
    const checked = await registry.createConnector(details);
    registry.handOver(details, checked);
    const reordered = Object.fromEntries(Object.entries(details).reverse()) as ConnectionDetails;
    expect(await registry.createConnector(reordered)).toBe(checked);
    expect(await registry.createConnector(details)).not.toBe(checked);
    await registry.close();
  });

  it('keeps it from other details: another password gets a connector of its own', async () => {
    const registry = new ConnectorRegistry(ALL_TECHNOLOGIES);
    const checked = await registry.createConnector(details);
    registry.handOver(details, checked);
    expect(await registry.createConnector({ ...details, password: 'other' })).not.toBe(checked);
    await registry.close();
    // Closed with the registry: nobody gets it afterwards.
    expect(await registry.createConnector(details)).not.toBe(checked);
  });
});
