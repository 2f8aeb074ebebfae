import { packageVersion } from '../lib/paths';
import type { NodeCounts, RegistryRepository } from './registry.repository';

/** The registry as a whole: its name, version and size. */
export class RegistryService {
  constructor(private readonly registry: RegistryRepository) {}

  /** Name, version and how many records of each kind the registry holds. */
  async overview(): Promise<NodeCounts & { name: string; version: string }> {
    const counts = await this.registry.countNodes();
    return { name: 'credential-graph', version: packageVersion, ...counts };
  }

  /** How many records of each kind the registry holds. */
  countNodes(): Promise<NodeCounts> {
    return this.registry.countNodes();
  }
}
