import type { Database } from '../db/database';
import { present } from '../lib/present';

export interface NodeCounts {
  providers: number;
  credentials: number;
  skills: number;
  jobRoles: number;
  learners: number;
}

/** Counts over the whole graph. */
export class RegistryRepository {
  constructor(private readonly db: Database) {}

  /** The demo seed's per-database salt, made from `fresh` the first time. */
  async demoSalt(fresh: string): Promise<string> {
    const [row] = await this.db.write<{ salt: string }>('registry/demo-salt', { salt: fresh });
    return present(row, 'the demo salt').salt;
  }

  async countNodes(): Promise<NodeCounts> {
    const [row] = await this.db.read<NodeCounts & Record<string, unknown>>('registry/count-nodes');
    return row ?? { providers: 0, credentials: 0, skills: 0, jobRoles: 0, learners: 0 };
  }
}
