import { WardenError } from '../errors.js';
import type { ConnectionDetails, Connector, ConnectorTimeouts } from './connector.js';
import type { AuthenticationType, TechnologyDescriptor } from './technology.js';

/** How long a connector handed over after a credential check waits for the sync it was kept for. */
const HANDOVER_MS = 10_000;

/**
 * Integration kinds of the legacy API that connections deliberately do not take, with what to
 * register instead: a clearer answer than "not supported" for a name users know.
 */
const LEGACY_TECHNOLOGIES: ReadonlyMap<string, { what: string; instead: string }> = new Map([
  ['Databricks Spark', { what: 'the legacy Databricks cluster integration (Spark/Thrift)', instead: 'technology "Databricks" (Unity Catalog)' }],
]);

/**
 * The technologies this server can connect to, by `connection.technology`. It holds light
 * descriptors only; a technology's connector (and its driver) is loaded on the first
 * {@link createConnector} for it.
 */
export class ConnectorRegistry {
  private readonly byName: Map<string, TechnologyDescriptor>;
  /** Connectors kept by {@link handOver}, by {@link detailsKey}. */
  private readonly handedOver = new Map<string, { connector: Connector; expiry: NodeJS.Timeout }>();

  /** @param timeouts the operator's timeouts (WARDEN_*_TIMEOUT_MS); each technology's defaults fill the rest. */
  constructor(
    descriptors: readonly TechnologyDescriptor[],
    private readonly timeouts: Partial<ConnectorTimeouts> = {},
  ) {
    this.byName = new Map(descriptors.map((d) => [d.technology, d]));
  }

  /** The descriptor of `technology`; LEGACY_TECHNOLOGY or UNSUPPORTED_TECHNOLOGY (400) when there is none. */
  get(technology: string): TechnologyDescriptor {
    const descriptor = this.byName.get(technology);
    if (!descriptor) {
      const legacy = LEGACY_TECHNOLOGIES.get(technology);
      if (legacy !== undefined) throw new WardenError('LEGACY_TECHNOLOGY', { technology, ...legacy });
      throw new WardenError('UNSUPPORTED_TECHNOLOGY', { technology, supported: this.technologies().join(', ') });
    }
    return descriptor;
  }

  /** The authentication type `connection` names; UNSUPPORTED_TECHNOLOGY / UNSUPPORTED_AUTHENTICATION (400) otherwise. */
  authentication(connection: Pick<ConnectionDetails, 'technology' | 'authenticationType'>): AuthenticationType {
    const descriptor = this.get(connection.technology);
    const found = descriptor.authenticationTypes.find((type) => type.name === connection.authenticationType);
    if (found === undefined) {
      throw new WardenError('UNSUPPORTED_AUTHENTICATION', {
        authenticationType: String(connection.authenticationType),
        technology: connection.technology,
        supported: descriptor.authenticationTypes.map((type) => type.name).join(', '),
      });
    }
    return found;
  }

  technologies(): string[] {
    return [...this.byName.keys()];
  }

  descriptors(): TechnologyDescriptor[] {
    return [...this.byName.values()];
  }

  /** The timeouts a connector of `technology` runs with. */
  timeoutsFor(technology: string): ConnectorTimeouts {
    return { ...this.get(technology).defaultTimeouts, ...this.timeouts };
  }

  /** The deadline of a credential check (`testConnection`) for `technology`: a few connects' worth. */
  credentialCheckSignal(technology: string): AbortSignal {
    return AbortSignal.timeout(this.timeoutsFor(technology).connectMs * 3);
  }

  /**
   * A connector for `details`, loading its technology's implementation on first use: the one
   * handed over for the same details, if there is one.
   */
  async createConnector(details: ConnectionDetails): Promise<Connector> {
    const key = detailsKey(details);
    const handed = this.handedOver.get(key);
    if (handed !== undefined) {
      this.handedOver.delete(key);
      clearTimeout(handed.expiry);
      return handed.connector;
    }
    const descriptor = this.get(details.technology);
    const create = await descriptor.loadConnector();
    return create(details, this.timeoutsFor(details.technology));
  }

  /**
   * Keeps `connector`, which has just checked the credentials of `details`, for the next
   * {@link createConnector} of the same details: a registration's first sync then starts on the
   * session the check signed in with (see homeSessionKept). Closed if nobody takes it within
   * HANDOVER_MS (the run went to another process, or failed before it connected).
   */
  handOver(details: ConnectionDetails, connector: Connector): void {
    const key = detailsKey(details);
    this.discard(key);
    const expiry = setTimeout(() => this.discard(key), HANDOVER_MS);
    expiry.unref();
    this.handedOver.set(key, { connector, expiry });
  }

  /** Closes the connectors still waiting to be taken (the server is stopping). */
  async close(): Promise<void> {
    const waiting = [...this.handedOver.values()];
    this.handedOver.clear();
    await Promise.all(waiting.map(({ connector, expiry }) => {
      clearTimeout(expiry);
      return connector.close();
    }));
  }

  private discard(key: string): void {
    const handed = this.handedOver.get(key);
    if (handed === undefined) return;
    this.handedOver.delete(key);
    clearTimeout(handed.expiry);
    // Closing only ends a kept session: it does not fail.
    void handed.connector.close().catch(() => {});
  }
}

/** The same string for the same details whatever their keys' order (stored and reopened details come back in another). */
function detailsKey(details: ConnectionDetails): string {
  return JSON.stringify(details, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) : value,
  );
}
