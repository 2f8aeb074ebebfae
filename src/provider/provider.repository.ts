import type { Database, Tx } from '../db/database';
import type { CredentialQuery } from '../credential/credential.repository';
import type { Credential } from '../credential/credential.type';
import { pageOf, type Page } from '../lib/pagination';
import { nowIso } from '../lib/clock';
import type { Provider, ProviderKind } from './provider.type';

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

  /** One page of credentials for each provider, in one round trip. */
  /** One page of each provider's credentials (first + 1 rows: the extra says more follow). */
  async findCredentialPages(
    ids: readonly string[],
    filter: CredentialQuery,
    skip: number,
    first: number,
  ): Promise<{ key: string; provider: Provider[]; nodes: Credential[] }[]> {
    return this.db.read<{ key: string; provider: Provider[]; nodes: Credential[] }>(
      'provider/find-credentials',
      {
        ...filter,
        ids,
        skip,
        first,
      },
    );
  }

  /** How many of a provider's credentials match the filter (the catalogue's count, one provider). */
  countCredentials(id: string, filter: CredentialQuery): Promise<number> {
    return this.db.count('credential/count-page', { ...filter, providerIds: [id] });
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
    return row!;
  }
}
