import { WardenError } from '../errors.js';
import type { ConnectionDetails, Connector, ConnectorTimeouts } from './connector.js';
import type { AuthenticationType, TechnologyDescriptor } from './technology.js';

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

  /** A connector for `details`, loading its technology's implementation on first use. */
  async createConnector(details: ConnectionDetails): Promise<Connector> {
    const descriptor = this.get(details.technology);
    const create = await descriptor.loadConnector();
    return create(details, this.timeoutsFor(details.technology));
  }
}
