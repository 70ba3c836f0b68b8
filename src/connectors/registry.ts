import { WardenError } from '../errors.js';
import type { TechnologyDescriptor } from './technology.js';

/** The technologies this server can connect to, by `connection.technology`. */
export class ConnectorRegistry {
  private readonly byName: Map<string, TechnologyDescriptor>;

  constructor(descriptors: readonly TechnologyDescriptor[]) {
    this.byName = new Map(descriptors.map((d) => [d.technology, d]));
  }

  /** The descriptor of `technology`; UNSUPPORTED_TECHNOLOGY (400) when there is none. */
  get(technology: string): TechnologyDescriptor {
    const descriptor = this.byName.get(technology);
    if (!descriptor) {
      throw new WardenError('UNSUPPORTED_TECHNOLOGY', { technology, supported: this.technologies().join(', ') });
    }
    return descriptor;
  }

  technologies(): string[] {
    return [...this.byName.keys()];
  }
}
