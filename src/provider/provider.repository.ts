import type { Database, Tx } from '../db/database';
import {
  credentialReads,
  filterParams,
  readParams,
  type CredentialQuery,
  type CredentialRead,
} from '../credential/credential.repository';
import type { CredentialReadPlan } from '../credential/credential.repository';
import { pageOf, type Page } from '../lib/pagination';
import { nowIso } from '../lib/clock';
import type { Provider, ProviderKind } from './provider.type';
import { present } from '../lib/present';

export interface ProviderProps {
  id: string;
  name: string;
  kind: ProviderKind;
  country: string | null;
  website: string | null;
}

/** Providers and the pages of credentials they offer. */
export class ProviderRepository {
  constructor(private readonly db: Database) {}

  async findByIds(ids: readonly string[]): Promise<Provider[]> {
    const rows = await this.db.read<{ node: Provider }>('provider/find-by-ids', { ids });
    return rows.map((r) => r.node);
  }

  async findPage(skip: number, first: number): Promise<Page<Provider>> {
    const rows = await this.db.read<{ node: Provider }>('provider/find-page', { skip, first });
    return pageOf(
      rows.map((r) => r.node),
      first,
      () => this.db.count('provider/count-page'),
    );
  }

  /**
   * One page of each provider's credentials (first + 1 rows: the extra says more follow), read
   * by plan (a null plan: whole credentials, nothing below), and the providers themselves, in one
   * round trip.
   */
  async findCredentialPages(
    ids: readonly string[],
    filter: CredentialQuery,
    skip: number,
    first: number,
    plan: CredentialReadPlan | null,
  ): Promise<{ key: string; provider: Provider[]; nodes: CredentialRead[] }[]> {
    const rows = await this.db.read<{
      key: string;
      provider: Provider[];
      nodes: [unknown, unknown][];
    }>('provider/find-credentials', {
      ...filterParams({ ...filter, providerIds: null }),
      ids,
      skip,
      first,
      ...readParams(plan),
    });
    return rows.map((row) => ({ ...row, nodes: credentialReads(row.nodes, plan) }));
  }

  /** How many of a provider's credentials match the filter (the catalogue's count, one provider). */
  countCredentials(id: string, filter: CredentialQuery): Promise<number> {
    return this.db.count('credential/count-page', filterParams({ ...filter, providerIds: [id] }));
  }

  /** Sets the given fields of a provider; null when there is none. */
  async update(tx: Tx, id: string, changes: Record<string, unknown>): Promise<Provider | null> {
    const [row] = await tx.run<{ node: Provider }>('provider/update', {
      id,
      changes,
      now: nowIso(),
    });
    return row?.node ?? null;
  }

  /** Creates a provider; `created` is false (and nothing changes) when the id exists. */
  async create(tx: Tx, props: ProviderProps): Promise<{ node: Provider; created: boolean }> {
    const [row] = await tx.run<{ node: Provider; created: boolean }>('provider/create', {
      props,
      now: nowIso(),
    });
    return present(row, 'the created provider');
  }
}
