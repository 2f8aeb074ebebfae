import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { ApiRole } from '../auth/viewer';
import { Credential, CredentialConnection } from '../credential/credential.type';
import {
  offsetAfter,
  pageOf,
  PageArgs,
  toConnection,
  type ConnectionShape,
} from '../lib/pagination';
import type { Context } from '../context';
import type { GraphQLResolveInfo } from 'graphql';
import { pageAskedBelow, planConnectionRead } from '../credential/credential.reads';
import { ProviderInput, ProviderUpdateInput } from './provider.inputs';
import { CredentialFilter } from '../credential/credential.inputs';
import { catalogueFilter } from '../credential/credential.rules';
import type { ProviderService } from './provider.service';
import { Provider, ProviderConnection, ProviderWithKey } from './provider.type';

@Resolver(() => Provider)
export class ProviderResolver {
  constructor(private readonly providerService: ProviderService) {}

  @Query(() => Provider, {
    nullable: true,
    description: 'A provider by id; null when there is none.',
  })
  async provider(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Provider | null> {
    // Asked with its credentials, the page query brings the provider too (one round trip).
    const page = pageAskedBelow(info, 'Provider');
    if (page) {
      await ctx.loaders
        .providerCredentialPage(page.filter, page.skip, page.first, page.plan)
        .load(id);
    }
    return ctx.loaders.providerById.load(id);
  }

  @Query(() => ProviderConnection, { description: 'All providers, by name.' })
  async providers(@Args(() => PageArgs) page: PageArgs): Promise<ConnectionShape<Provider>> {
    const skip = offsetAfter(page.after);
    return toConnection(await this.providerService.findPage(skip, page.first), skip);
  }

  @FieldResolver(() => CredentialConnection, {
    description:
      'The credentials it offers, by title, filtered like the catalogue: without a status filter ' +
      'only ACTIVE ones (providerIds is ignored).',
  })
  async credentials(
    @Root() provider: Provider,
    @Arg('filter', () => CredentialFilter, { nullable: true }) filter: CredentialFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Credential>> {
    const skip = offsetAfter(page.after);
    const filters = catalogueFilter(filter);
    const plan = planConnectionRead(info, info.fieldNodes);
    const reads =
      (await ctx.loaders.providerCredentialPage(filters, skip, page.first, plan).load(provider.id))
        ?.nodes ?? [];
    ctx.loaders.holdCredentials(reads);
    return toConnection(
      pageOf(
        reads.map((read) => read.node),
        page.first,
        () => this.providerService.countCredentials(provider.id, filters),
      ),
      skip,
    );
  }

  @Authorized(ApiRole.ADMIN)
  @Mutation(() => ProviderWithKey, {
    description:
      'Registers a provider and returns its API key, once (admin key). Idempotent: when the id ' +
      'exists the provider is returned as stored, created false and no new key (apiKey null); ' +
      'change it with updateProvider.',
  })
  async registerProvider(
    @Arg('input', () => ProviderInput) input: ProviderInput,
    @Ctx() ctx: Context,
  ): Promise<ProviderWithKey> {
    return this.providerService.register(await ctx.viewer(), input);
  }

  @Authorized(ApiRole.PROVIDER, ApiRole.ADMIN)
  @Mutation(() => Provider, {
    description:
      "Changes the given fields of a provider (the provider's own key or an admin key); null " +
      'clears country or website. NOT_FOUND for an unknown id.',
  })
  async updateProvider(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ProviderUpdateInput) input: ProviderUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<Provider> {
    return this.providerService.update(await ctx.viewer(), id, input);
  }

  @Authorized(ApiRole.PROVIDER, ApiRole.ADMIN)
  @Mutation(() => ProviderWithKey, {
    description:
      "Issues a new API key for a provider and revokes its old ones (the provider's own key or an admin key).",
  })
  async rotateProviderKey(
    @Arg('providerId', () => ID) providerId: string,
    @Ctx() ctx: Context,
  ): Promise<ProviderWithKey> {
    return this.providerService.rotateKey(await ctx.viewer(), providerId);
  }
}
