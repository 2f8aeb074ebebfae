import DataLoader from 'dataloader';
import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { requireAdmin, requireProviderOrAdmin } from '../auth/guards';
import { ApiRole } from '../auth/viewer';
import { Credential, CredentialConnection } from '../credential/credential.type';
import { ConflictError, NotFoundError } from '../lib/errors';
import { byKey } from '../lib/group';
import { offsetAfter, PageArgs, toConnection, type ConnectionShape } from '../lib/pagination';
import type { Context } from '../server/context';
import { ProviderInput } from './provider.inputs';
import { Provider, ProviderConnection } from './provider.type';

@ObjectType({ description: 'A provider and its API key; the key is shown this once only.' })
export class ProviderWithKey {
  @Field(() => Provider, { description: 'The provider.' })
  provider!: Provider;

  @Field(() => String, {
    description:
      'Its API key (`Authorization: Bearer <key>`). Store it now: only its hash is kept.',
  })
  apiKey!: string;
}

type CredentialPage = { key: string; total: number; nodes: Credential[] };
const pageLoaders = new WeakMap<Context, Map<string, DataLoader<string, CredentialPage | null>>>();

/** One loader per (skip, first) in a request, so a page of providers costs one query for all. */
function credentialPages(ctx: Context, skip: number, first: number) {
  let loaders = pageLoaders.get(ctx);
  if (!loaders) {
    loaders = new Map<string, DataLoader<string, CredentialPage | null>>();
    pageLoaders.set(ctx, loaders);
  }
  const key = `${skip}:${first}`;
  let loader = loaders.get(key);
  if (!loader) {
    loader = new DataLoader(async (ids) =>
      byKey(
        ids,
        await ctx.repositories.provider.findCredentialPages(ids, skip, first),
        (r) => r.key,
      ),
    );
    loaders.set(key, loader);
  }
  return loader;
}

@Resolver(() => Provider)
export class ProviderResolver {
  @Query(() => Provider, {
    nullable: true,
    description: 'A provider by id; null when there is none.',
  })
  provider(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Provider | null> {
    return ctx.loaders.providerById.load(id);
  }

  @Query(() => ProviderConnection, { description: 'All providers, by name.' })
  async providers(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<Provider>> {
    const skip = offsetAfter(page.after);
    return toConnection(await ctx.repositories.provider.findPage(skip, page.first), skip);
  }

  @FieldResolver(() => CredentialConnection, {
    description: 'The credentials it offers, by title.',
  })
  async credentials(
    @Root() provider: Provider,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<Credential>> {
    const skip = offsetAfter(page.after);
    const found = await credentialPages(ctx, skip, page.first).load(provider.id);
    return toConnection(found ?? { total: 0, nodes: [] }, skip);
  }

  @Mutation(() => ProviderWithKey, {
    description:
      'Registers a provider and returns its API key, once (admin key). CONFLICT when the id is taken.',
  })
  async registerProvider(
    @Arg('input', () => ProviderInput) input: ProviderInput,
    @Ctx() ctx: Context,
  ): Promise<ProviderWithKey> {
    await requireAdmin(ctx, 'registerProvider');
    const { provider: providers, apiKey: keys } = ctx.repositories;
    return ctx.db.writeTransaction(async (tx) => {
      const { node: provider, created } = await providers.create(tx, {
        id: input.id,
        name: input.name,
        kind: input.kind,
        country: input.country ?? null,
        website: input.website ?? null,
      });
      if (!created) {
        throw new ConflictError(`Provider "${input.id}" exists already; choose another id.`);
      }
      return { provider, apiKey: await keys.issue(tx, ApiRole.PROVIDER, provider.id) };
    });
  }

  @Mutation(() => ProviderWithKey, {
    description:
      "Issues a new API key for a provider and revokes its old ones (the provider's own key or an admin key).",
  })
  async rotateProviderKey(
    @Arg('providerId', () => ID) providerId: string,
    @Ctx() ctx: Context,
  ): Promise<ProviderWithKey> {
    await requireProviderOrAdmin(ctx, providerId, 'rotateProviderKey');
    const provider = await ctx.loaders.providerById.load(providerId);
    if (!provider) throw new NotFoundError(`No provider "${providerId}".`);
    const keys = ctx.repositories.apiKey;
    const apiKey = await ctx.db.writeTransaction(async (tx) => {
      await keys.revokeAll(tx, ApiRole.PROVIDER, providerId);
      return keys.issue(tx, ApiRole.PROVIDER, providerId);
    });
    return { provider, apiKey };
  }
}
