import DataLoader from 'dataloader';
import type { CredentialQuery, CredentialRead } from '../credential/credential.repository';
import type { CredentialReadPlan } from '../credential/credential.repository';
import { byKey } from '../lib/group';
import { nodeLoader } from '../lib/loader';
import type { ProviderRepository } from './provider.repository';

type CredentialPage = { key: string; nodes: CredentialRead[] };

/** The per-request loaders of the provider domain: one query per batch of keys. */
export function createProviderLoaders(r: ProviderRepository) {
  const pages = new Map<string, DataLoader<string, CredentialPage | null>>();
  const providerById = nodeLoader((ids) => r.findByIds(ids));
  return {
    providerById,
    /**
     * One loader per (filter, skip, first, read plan), so a page of providers costs one query for
     * all their pages (with what is asked below the credentials).
     */
    providerCredentialPage(
      filter: CredentialQuery,
      skip: number,
      first: number,
      plan: CredentialReadPlan,
    ): DataLoader<string, CredentialPage | null> {
      const key = JSON.stringify([filter, skip, first, plan]);
      let loader = pages.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const rows = await r.findCredentialPages(ids, filter, skip, first, plan);
          // The page query brings each provider too: a provider read with its page is one trip.
          for (const row of rows) if (row.provider[0]) providerById.prime(row.key, row.provider[0]);
          return byKey(ids, rows, (p) => p.key);
        });
        pages.set(key, loader);
      }
      return loader;
    },
  };
}

declare module '../context' {
  // The request's loaders include this domain's (see RequestLoaders).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface RequestLoaders extends ReturnType<typeof createProviderLoaders> {}
}
