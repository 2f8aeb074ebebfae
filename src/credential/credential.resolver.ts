import {
  Arg,
  Args,
  Ctx,
  Extensions,
  FieldResolver,
  Info,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { CREDENTIAL_LIST_BOUNDS } from './credential.repository';
import { Authorized } from 'type-graphql';
import { ApiRole } from '../auth/viewer';
import { JobRole } from '../job-role/job-role.type';
import { NotFoundError } from '../lib/errors';
import {
  mapPage,
  offsetAfter,
  PageArgs,
  toConnection,
  type ConnectionShape,
} from '../lib/pagination';
import { Provider } from '../provider/provider.type';
import type { Context } from '../context';
import type { GraphQLResolveInfo } from 'graphql';
import { planConnectionRead, planCredentialRead } from './credential.reads';
import { CustomSkill } from '../skill/skill-match.type';
import {
  CredentialEvents,
  type CredentialChangedEvent,
  type CredentialRegisteredEvent,
  type EquivalenceDeclaredEvent,
} from './credential.events';
import {
  BulkRegistrationResult,
  CredentialRegistration,
  DeclaredEquivalence,
  EquivalenceDeclaration,
  PartLink,
  TaughtSkill,
} from './credential-links.type';
import { CredentialFilter, CredentialInput, CredentialUpdateInput } from './credential.inputs';
import { isMutual, storedTranslations } from './credential.rules';
import type { CredentialService } from './credential.service';
import { MAX_BULK_REGISTRATIONS } from './registration';
import { Credential, CredentialConnection, CredentialTranslation } from './credential.type';

const PROVIDER_OR_ADMIN = [ApiRole.PROVIDER, ApiRole.ADMIN];

@Resolver(() => Credential)
export class CredentialResolver {
  constructor(private readonly credentialService: CredentialService) {}

  @Query(() => Credential, {
    nullable: true,
    description: 'A credential by id; null when there is none.',
  })
  async credential(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Credential | null> {
    // What is asked below it comes in the same round trip as the credential itself.
    return ctx.loaders.readCredential(id, planCredentialRead(info, info.fieldNodes).want);
  }

  @Query(() => CredentialConnection, {
    description:
      'The catalogue, by title. Without a status filter only ACTIVE credentials are listed.',
  })
  async credentials(
    @Arg('filter', () => CredentialFilter, { nullable: true }) filter: CredentialFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Credential>> {
    const skip = offsetAfter(page.after);
    // What is asked below the credentials comes in the same round trip as the page.
    const found = await this.credentialService.findPage(
      filter,
      skip,
      page.first,
      planConnectionRead(info, info.fieldNodes),
    );
    ctx.loaders.holdCredentials(found.nodes);
    return toConnection(
      mapPage(found, (read) => read.node),
      skip,
    );
  }

  @FieldResolver(() => Provider, { description: 'The provider that offers it.' })
  async provider(@Root() c: Credential, @Ctx() ctx: Context): Promise<Provider> {
    const provider = await ctx.loaders.providerOf(c);
    if (!provider) throw new NotFoundError(`No provider "${c.providerId}".`);
    return provider;
  }

  @Extensions({ maxItems: 20 })
  @FieldResolver(() => [CredentialTranslation], {
    description: 'Its title and description in other languages than `language`.',
  })
  translations(@Root() c: Credential): CredentialTranslation[] {
    return storedTranslations(c);
  }

  @Extensions({ maxItems: CREDENTIAL_LIST_BOUNDS.skills })
  @FieldResolver(() => [TaughtSkill], { description: 'The skills it teaches, with levels.' })
  async skills(@Root() c: Credential, @Ctx() ctx: Context): Promise<TaughtSkill[]> {
    const rows = await ctx.loaders.skillsOf(c);
    return rows.map((r) => ({ skill: r.node, level: r.level, providerLabel: r.label ?? null }));
  }

  @Extensions({ maxItems: CREDENTIAL_LIST_BOUNDS.links })
  @FieldResolver(() => [Credential], {
    description: 'Credentials it requires first (prerequisites).',
  })
  async prerequisites(@Root() c: Credential, @Ctx() ctx: Context): Promise<Credential[]> {
    return (await ctx.loaders.prerequisitesOf(c)).map((r) => r.node);
  }

  @Extensions({ maxItems: CREDENTIAL_LIST_BOUNDS.links })
  @FieldResolver(() => [Credential], { description: 'Credentials that require this one.' })
  async unlocks(@Root() c: Credential, @Ctx() ctx: Context): Promise<Credential[]> {
    return (await ctx.loaders.credentialUnlocks.load(c.id)).map((r) => r.node);
  }

  @Extensions({ maxItems: CREDENTIAL_LIST_BOUNDS.links })
  @FieldResolver(() => [PartLink], { description: 'The wholes it stacks into.' })
  async partOf(@Root() c: Credential, @Ctx() ctx: Context): Promise<PartLink[]> {
    const rows = await ctx.loaders.wholesOf(c);
    return rows.map((r) => ({ credential: r.node, required: r.required ?? true }));
  }

  @Extensions({ maxItems: CREDENTIAL_LIST_BOUNDS.links })
  @FieldResolver(() => [PartLink], { description: 'The parts that stack into it.' })
  async parts(@Root() c: Credential, @Ctx() ctx: Context): Promise<PartLink[]> {
    const rows = await ctx.loaders.partsOf(c);
    return rows.map((r) => ({ credential: r.node, required: r.required ?? true }));
  }

  @Extensions({ maxItems: CREDENTIAL_LIST_BOUNDS.links })
  @FieldResolver(() => [DeclaredEquivalence], {
    description: 'Credentials a provider of either side declared equivalent, with who asserted it.',
  })
  async declaredEquivalents(
    @Root() c: Credential,
    @Ctx() ctx: Context,
  ): Promise<DeclaredEquivalence[]> {
    const rows = await ctx.loaders.credentialEquivalents.load(c.id);
    return rows.map((r) => ({
      credential: r.node,
      assertions: r.assertions,
      mutual: isMutual(
        r.assertions.map((a) => a.assertedBy),
        c,
        r.node,
      ),
      sameProvider: c.providerId === r.node.providerId,
    }));
  }

  @Extensions({ maxItems: CREDENTIAL_LIST_BOUNDS.jobRoles })
  @FieldResolver(() => [JobRole], { description: 'Job roles it prepares for.' })
  async preparesFor(@Root() c: Credential, @Ctx() ctx: Context): Promise<JobRole[]> {
    return (await ctx.loaders.jobRolesOf(c)).map((r) => r.node);
  }

  @Authorized(PROVIDER_OR_ADMIN)
  @Extensions({ cost: 50 })
  @Mutation(() => CredentialRegistration, {
    description:
      'Registers a credential (provider key, or admin key with providerId). Idempotent: keyed by ' +
      '(provider, externalId); the same content twice changes nothing. Skills go by id or by ' +
      'label (free text, resolved like suggestSkills; see skillResolutions). Unknown skill or job ' +
      'role ids fail with BAD_USER_INPUT naming them. A re-registration sets the whole record and ' +
      'reports the fields it emptied in clearedFields.',
  })
  async registerCredential(
    @Arg('input', () => CredentialInput) input: CredentialInput,
    @Ctx() ctx: Context,
  ): Promise<CredentialRegistration> {
    return this.credentialService.register(await ctx.viewer(), input);
  }

  @Authorized(PROVIDER_OR_ADMIN)
  @Extensions({ cost: 2000, maxItems: MAX_BULK_REGISTRATIONS })
  @Mutation(() => [BulkRegistrationResult], {
    description:
      'Registers up to 500 credentials in one call, as registerCredential does each: one result ' +
      'per record, in order: TAKEN (created or changed), UNCHANGED, or REJECTED with a coded ' +
      'error (invalid fields, another provider, unknown skill or job role ids, an externalId ' +
      'given twice), and a rejected record writes nothing. Records are written in transactions ' +
      'of 100.',
  })
  async registerCredentials(
    @Arg('inputs', () => [CredentialInput], { validate: false }) inputs: CredentialInput[],
    @Ctx() ctx: Context,
  ): Promise<BulkRegistrationResult[]> {
    const outcomes = await this.credentialService.registerMany(await ctx.viewer(), inputs);
    return outcomes.map((o) => ({
      index: o.index,
      externalId: o.externalId,
      status: o.status,
      registration: o.registration ?? null,
      error: o.error ? { code: o.error.code, message: o.error.message } : null,
    }));
  }

  @Authorized(PROVIDER_OR_ADMIN)
  @Mutation(() => CredentialRegistration, {
    description: 'Changes the given fields of a credential (its provider or an admin).',
  })
  async updateCredential(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CredentialUpdateInput) input: CredentialUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<CredentialRegistration> {
    return this.credentialService.update(await ctx.viewer(), id, input);
  }

  @Authorized(PROVIDER_OR_ADMIN)
  @Extensions({ cost: 100 })
  @Mutation(() => CustomSkill, {
    description:
      "Maps a provider's custom skill to an ESCO or O*NET skill (its provider or an admin): the " +
      'credentials teaching it teach that skill instead, so gaps, plans and equivalences see them, ' +
      'and later registrations with the same label link it directly. Mapping again moves them. ' +
      'NOT_FOUND for an unknown id; BAD_USER_INPUT when the target is itself custom.',
  })
  async mapCustomSkill(
    @Arg('customId', () => ID) customId: string,
    @Arg('skillId', () => ID) skillId: string,
    @Ctx() ctx: Context,
  ): Promise<CustomSkill> {
    return this.credentialService.mapCustomSkill(await ctx.viewer(), customId, skillId);
  }

  @Authorized(PROVIDER_OR_ADMIN)
  @Mutation(() => Credential, {
    description:
      'Retires a credential (its provider or an admin): it stays readable and held, but is never suggested.',
  })
  async retireCredential(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<Credential> {
    return this.credentialService.retire(await ctx.viewer(), id);
  }

  @Authorized(PROVIDER_OR_ADMIN)
  @Mutation(() => Credential, {
    description:
      "Makes `prerequisiteId` a prerequisite of `credentialId`. The dependent credential's provider " +
      '(or an admin) may name any credential as its prerequisite. CONFLICT when it would close a cycle.',
  })
  async addPrerequisite(
    @Arg('credentialId', () => ID) credentialId: string,
    @Arg('prerequisiteId', () => ID) prerequisiteId: string,
    @Ctx() ctx: Context,
  ): Promise<Credential> {
    return this.credentialService.addPrerequisite(await ctx.viewer(), credentialId, prerequisiteId);
  }

  @Authorized(PROVIDER_OR_ADMIN)
  @Mutation(() => Credential, {
    description: 'Removes a prerequisite (same rights as addPrerequisite).',
  })
  async removePrerequisite(
    @Arg('credentialId', () => ID) credentialId: string,
    @Arg('prerequisiteId', () => ID) prerequisiteId: string,
    @Ctx() ctx: Context,
  ): Promise<Credential> {
    return this.credentialService.removePrerequisite(
      await ctx.viewer(),
      credentialId,
      prerequisiteId,
    );
  }

  @Authorized(PROVIDER_OR_ADMIN)
  @Mutation(() => Credential, {
    description:
      "Stacks `partId` into `wholeId`. The whole's provider (or an admin) decides what counts towards " +
      'it and may name any credential as a part. CONFLICT when it would close a cycle. Returns the whole.',
  })
  async addPart(
    @Arg('partId', () => ID) partId: string,
    @Arg('wholeId', () => ID) wholeId: string,
    @Arg('required', () => Boolean, {
      defaultValue: true,
      description: 'False for an elective part.',
    })
    required: boolean,
    @Ctx() ctx: Context,
  ): Promise<Credential> {
    return this.credentialService.addPart(await ctx.viewer(), partId, wholeId, required);
  }

  @Authorized(PROVIDER_OR_ADMIN)
  @Mutation(() => Credential, {
    description: 'Removes a part from a whole (same rights as addPart).',
  })
  async removePart(
    @Arg('partId', () => ID) partId: string,
    @Arg('wholeId', () => ID) wholeId: string,
    @Ctx() ctx: Context,
  ): Promise<Credential> {
    return this.credentialService.removePart(await ctx.viewer(), partId, wholeId);
  }

  @Authorized(PROVIDER_OR_ADMIN)
  @Mutation(() => EquivalenceDeclaration, {
    description:
      "Declares the caller's credential equivalent to another (its provider or an admin). It becomes " +
      "mutual once the other side's provider declares it too. Declaring again updates the note.",
  })
  async declareEquivalence(
    @Arg('credentialId', () => ID) credentialId: string,
    @Arg('otherId', () => ID) otherId: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<EquivalenceDeclaration> {
    return this.credentialService.declareEquivalence(
      await ctx.viewer(),
      credentialId,
      otherId,
      note ?? null,
    );
  }

  @Authorized(PROVIDER_OR_ADMIN)
  @Mutation(() => Credential, {
    description: "Withdraws the caller's equivalence declaration (its provider or an admin).",
  })
  async withdrawEquivalence(
    @Arg('credentialId', () => ID) credentialId: string,
    @Arg('otherId', () => ID) otherId: string,
    @Ctx() ctx: Context,
  ): Promise<Credential> {
    return this.credentialService.withdrawEquivalence(await ctx.viewer(), credentialId, otherId);
  }

  @Subscription(() => Credential, {
    topics: CredentialEvents.REGISTERED,
    filter: ({
      payload,
      args,
    }: {
      payload: CredentialRegisteredEvent;
      args: { providerId?: string | null; skillId?: string | null };
    }) =>
      (!args.providerId || payload.providerId === args.providerId) &&
      (!args.skillId || payload.skillIds.includes(args.skillId)),
    description:
      'A new credential was registered (after commit); filter by provider or taught skill.',
  })
  async credentialRegistered(
    @Root() event: CredentialRegisteredEvent,
    @Arg('providerId', () => ID, { nullable: true }) _providerId: string | null,
    @Arg('skillId', () => ID, { nullable: true }) _skillId: string | null,
    @Ctx() ctx: Context,
  ): Promise<Credential> {
    ctx.renewLoaders();
    return this.credentialService.get(event.credentialId);
  }

  @Subscription(() => Credential, {
    topics: CredentialEvents.CHANGED,
    filter: ({
      payload,
      args,
    }: {
      payload: CredentialChangedEvent;
      args: { providerId?: string | null; credentialId?: string | null };
    }) =>
      (!args.providerId || payload.providerId === args.providerId) &&
      (!args.credentialId || payload.credentialId === args.credentialId),
    description:
      'A credential changed or was retired (after commit); filter by provider or credential.',
  })
  async credentialChanged(
    @Root() event: CredentialChangedEvent,
    @Arg('providerId', () => ID, { nullable: true }) _providerId: string | null,
    @Arg('credentialId', () => ID, { nullable: true }) _credentialId: string | null,
    @Ctx() ctx: Context,
  ): Promise<Credential> {
    ctx.renewLoaders();
    return this.credentialService.get(event.credentialId);
  }

  @Subscription(() => EquivalenceDeclaration, {
    topics: CredentialEvents.EQUIVALENCE_DECLARED,
    filter: ({
      payload,
      args,
    }: {
      payload: EquivalenceDeclaredEvent;
      args: { credentialId?: string | null };
    }) =>
      !args.credentialId ||
      payload.credentialId === args.credentialId ||
      payload.otherId === args.credentialId,
    description: 'A provider declared an equivalence (after commit); filter by either credential.',
  })
  async equivalenceDeclared(
    @Root() event: EquivalenceDeclaredEvent,
    @Arg('credentialId', () => ID, { nullable: true }) _credentialId: string | null,
    @Ctx() ctx: Context,
  ): Promise<EquivalenceDeclaration> {
    ctx.renewLoaders();
    return this.credentialService.declarationOf(event);
  }
}
