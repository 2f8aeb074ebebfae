import { Ctx, Query, Resolver } from 'type-graphql';
import { packageVersion } from '../lib/paths';
import type { Context } from '../server/context';
import { RegistryOverview } from './registry.type';

@Resolver()
export class RegistryResolver {
  @Query(() => RegistryOverview, {
    description:
      'An overview of the registry: its version and how many records of each kind it holds.',
  })
  async registry(@Ctx() ctx: Context): Promise<RegistryOverview> {
    const counts = await ctx.repositories.registry.countNodes();
    return { name: 'credential-graph', version: packageVersion, ...counts };
  }
}
