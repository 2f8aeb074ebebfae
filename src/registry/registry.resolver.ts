import { Query, Resolver } from 'type-graphql';
import type { RegistryService } from './registry.service';
import { RegistryOverview } from './registry.type';

@Resolver()
export class RegistryResolver {
  constructor(private readonly registryService: RegistryService) {}

  @Query(() => RegistryOverview, {
    description:
      'An overview of the registry: its version and how many records of each kind it holds.',
  })
  registry(): Promise<RegistryOverview> {
    return this.registryService.overview();
  }
}
