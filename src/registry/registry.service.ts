import { createHash, randomBytes } from 'node:crypto';
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

  /**
   * The ids demo learners get, by their names in the catalogue: UUID-shaped hashes of the name and
   * a random salt kept in the database (read once), so loading the demo twice finds the same
   * learners and nobody can guess them from the published catalogue.
   */
  async demoLearnerIds(localNames: readonly string[]): Promise<Map<string, string>> {
    const salt = await this.registry.demoSalt(randomBytes(32).toString('hex'));
    return new Map(
      localNames.map((name) => {
        const h = createHash('sha256').update(`${salt}:${name}`).digest('hex');
        const id = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
        return [name, id];
      }),
    );
  }

  /** How many records of each kind the registry holds. */
  countNodes(): Promise<NodeCounts> {
    return this.registry.countNodes();
  }
}
