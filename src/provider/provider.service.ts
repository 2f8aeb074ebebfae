import type { ApiKeyRepository } from '../auth/api-keys';
import type { AuthService } from '../auth/auth.service';
import { requireAdmin, requireProviderOrAdmin } from '../auth/guards';
import { ApiRole, type Viewer } from '../auth/viewer';
import type { Database } from '../db/database';
import { NotFoundError, UserInputError } from '../lib/errors';
import type { Page } from '../lib/pagination';
import type { ProviderInput, ProviderUpdateInput } from './provider.inputs';
import type { CredentialQuery } from '../credential/credential.repository';
import type { ProviderRepository } from './provider.repository';
import type { Provider } from './provider.type';

/** A provider with its API key, which is shown this once (none when it existed already). */
export interface ProviderWithKeyShape {
  provider: Provider;
  apiKey: string | null;
  created: boolean;
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

  /** How many of a provider's credentials match a catalogue filter. */
  countCredentials(id: string, filter: CredentialQuery): Promise<number> {
    return this.providers.countCredentials(id, filter);
  }

  /**
   * Registers a provider and issues its first key (admin key). Idempotent: a provider that exists
   * already is returned as stored, with no new key (an import can run again); its fields change
   * only through updateProvider.
   */
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
      if (!created) return { provider, apiKey: null, created: false };
      return {
        provider,
        apiKey: await this.keys.issue(tx, ApiRole.PROVIDER, provider.id),
        created: true,
      };
    });
  }

  /** Changes the given fields of a provider (its own key or an admin key). */
  async update(viewer: Viewer, id: string, patch: ProviderUpdateInput): Promise<Provider> {
    requireProviderOrAdmin(viewer, id, 'updateProvider');
    if (patch.name === null || patch.kind === null) {
      throw new UserInputError('name and kind cannot be cleared.', {
        field: patch.name === null ? 'name' : 'kind',
      });
    }
    const changes = Object.fromEntries(
      Object.entries({
        name: patch.name,
        kind: patch.kind,
        country: patch.country,
        website: patch.website,
      }).filter(([, value]) => value !== undefined),
    );
    const updated = await this.db.writeTransaction((tx) => this.providers.update(tx, id, changes));
    if (!updated) throw new NotFoundError(`No provider "${id}".`);
    return updated;
  }

  /** Issues a new key for a provider and revokes its old ones (its own key or an admin key). */
  async rotateKey(viewer: Viewer, providerId: string): Promise<ProviderWithKeyShape> {
    requireProviderOrAdmin(viewer, providerId, 'rotateProviderKey');
    const [provider] = await this.providers.findByIds([providerId]);
    if (!provider) throw new NotFoundError(`No provider "${providerId}".`);
    return {
      provider,
      apiKey: await this.auth.rotateKey(ApiRole.PROVIDER, providerId),
      created: false,
    };
  }
}
