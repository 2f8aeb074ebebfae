import type { ApiKeyRepository } from '../auth/api-keys';
import type { AuthService } from '../auth/auth.service';
import { requireAdmin, requireProviderOrAdmin } from '../auth/guards';
import { ApiRole, type Viewer } from '../auth/viewer';
import type { Database } from '../db/database';
import { ConflictError, NotFoundError } from '../lib/errors';
import type { Page } from '../lib/pagination';
import type { ProviderInput } from './provider.inputs';
import type { ProviderRepository } from './provider.repository';
import type { Provider } from './provider.type';

/** A provider with its API key, which is shown this once. */
export interface ProviderWithKeyShape {
  provider: Provider;
  apiKey: string;
}

/** The provider use cases: the directory, registration by an admin, key rotation. */
export class ProviderService {
  constructor(
    private readonly db: Database,
    private readonly providers: ProviderRepository,
    private readonly keys: ApiKeyRepository,
    private readonly auth: AuthService,
  ) {}

  /** A page of providers, by name. */
  findPage(skip: number, first: number): Promise<Page<Provider>> {
    return this.providers.findPage(skip, first);
  }

  /** Registers a provider and issues its first key (admin key); CONFLICT when the id is taken. */
  async register(viewer: Viewer, input: ProviderInput): Promise<ProviderWithKeyShape> {
    requireAdmin(viewer, 'registerProvider');
    return this.db.writeTransaction(async (tx) => {
      const { node: provider, created } = await this.providers.create(tx, {
        id: input.id,
        name: input.name,
        kind: input.kind,
        country: input.country ?? null,
        website: input.website ?? null,
      });
      if (!created) {
        throw new ConflictError(`Provider "${input.id}" exists already; choose another id.`);
      }
      return { provider, apiKey: await this.keys.issue(tx, ApiRole.PROVIDER, provider.id) };
    });
  }

  /** Issues a new key for a provider and revokes its old ones (its own key or an admin key). */
  async rotateKey(viewer: Viewer, providerId: string): Promise<ProviderWithKeyShape> {
    requireProviderOrAdmin(viewer, providerId, 'rotateProviderKey');
    const [provider] = await this.providers.findByIds([providerId]);
    if (!provider) throw new NotFoundError(`No provider "${providerId}".`);
    return { provider, apiKey: await this.auth.rotateKey(ApiRole.PROVIDER, providerId) };
  }
}
