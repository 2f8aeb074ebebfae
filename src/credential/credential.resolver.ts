import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { actingProvider, requireProviderOrAdmin } from '../auth/guards';
import { JobRole } from '../job-role/job-role.type';
import { NotFoundError, UserInputError } from '../lib/errors';
import { offsetAfter, PageArgs, toConnection, type ConnectionShape } from '../lib/pagination';
import { Provider } from '../provider/provider.type';
import type { Context } from '../server/context';
import {
  CredentialEvents,
  type CredentialChangedEvent,
  type CredentialRegisteredEvent,
  type EquivalenceDeclaredEvent,
} from '../server/events';
import {
  CredentialRegistration,
  DeclaredEquivalence,
  EquivalenceDeclaration,
  PartLink,
  TaughtSkill,
} from './credential-links.type';
import { CredentialFilter, CredentialInput, CredentialUpdateInput } from './credential.inputs';
import {
  addLink,
  isMutual,
  registerCredential,
  retireCredential,
  updateCredential,
} from './credential.service';
import { Credential, CredentialConnection, CredentialStatus } from './credential.type';

async function loadCredential(ctx: Context, id: string): Promise<Credential> {
  const credential = await ctx.loaders.credentialById.load(id);
  if (!credential) throw new NotFoundError(`No credential "${id}".`);
  return credential;
}

/** Loads a credential and checks the caller may change it (its provider's key or an admin key). */
async function ownedCredential(ctx: Context, id: string, what: string): Promise<Credential> {
  const credential = await loadCredential(ctx, id);
  await requireProviderOrAdmin(ctx, credential.providerId, what);
  return credential;
}

@Resolver(() => Credential)
export class CredentialResolver {
  @Query(() => Credential, {
    nullable: true,
    description: 'A credential by id; null when there is none.',
  })
  credential(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Credential | null> {
    return ctx.loaders.credentialById.load(id);
  }

  @Query(() => CredentialConnection, {
    description:
      'The catalogue, by title. Without a status filter only ACTIVE credentials are listed.',
  })
  async credentials(
    @Arg('filter', () => CredentialFilter, { nullable: true }) filter: CredentialFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<Credential>> {
    const f = filter ?? {};
    if (f.eqfMin != null && f.eqfMax != null && f.eqfMin > f.eqfMax) {
      throw new UserInputError('eqfMin must not exceed eqfMax.');
    }
    const skip = offsetAfter(page.after);
    const found = await ctx.repositories.credential.findPage(
      {
        providerIds: f.providerIds ?? null,
        types: f.credentialTypes ?? null,
        skillIds: f.skillIds ?? null,
        eqfMin: f.eqfMin ?? null,
        eqfMax: f.eqfMax ?? null,
        maxHours: f.maxHours ?? null,
        maxPrice: f.maxPrice ?? null,
        language: f.language ?? null,
        deliveryModes: f.deliveryModes ?? null,
        statuses: f.statuses ?? [CredentialStatus.ACTIVE],
      },
      skip,
      page.first,
    );
    return toConnection(found, skip);
  }

  @FieldResolver(() => Provider, { description: 'The provider that offers it.' })
  async provider(@Root() c: Credential, @Ctx() ctx: Context): Promise<Provider> {
    const provider = await ctx.loaders.providerById.load(c.providerId);
    if (!provider) throw new NotFoundError(`No provider "${c.providerId}".`);
    return provider;
  }

  @FieldResolver(() => [TaughtSkill], { description: 'The skills it teaches, with levels.' })
  async skills(@Root() c: Credential, @Ctx() ctx: Context): Promise<TaughtSkill[]> {
    const rows = await ctx.loaders.credentialSkills.load(c.id);
    return rows.map((r) => ({ skill: r.node, level: r.level }));
  }

  @FieldResolver(() => [Credential], {
    description: 'Credentials it requires first (prerequisites).',
  })
  async prerequisites(@Root() c: Credential, @Ctx() ctx: Context): Promise<Credential[]> {
    return (await ctx.loaders.credentialPrerequisites.load(c.id)).map((r) => r.node);
  }

  @FieldResolver(() => [Credential], { description: 'Credentials that require this one.' })
  async unlocks(@Root() c: Credential, @Ctx() ctx: Context): Promise<Credential[]> {
    return (await ctx.loaders.credentialUnlocks.load(c.id)).map((r) => r.node);
  }

  @FieldResolver(() => [PartLink], { description: 'The wholes it stacks into.' })
  async partOf(@Root() c: Credential, @Ctx() ctx: Context): Promise<PartLink[]> {
    const rows = await ctx.loaders.credentialWholes.load(c.id);
    return rows.map((r) => ({ credential: r.node, required: r.required ?? true }));
  }

  @FieldResolver(() => [PartLink], { description: 'The parts that stack into it.' })
  async parts(@Root() c: Credential, @Ctx() ctx: Context): Promise<PartLink[]> {
    const rows = await ctx.loaders.credentialParts.load(c.id);
    return rows.map((r) => ({ credential: r.node, required: r.required ?? true }));
  }

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

  @FieldResolver(() => [JobRole], { description: 'Job roles it prepares for.' })
  async preparesFor(@Root() c: Credential, @Ctx() ctx: Context): Promise<JobRole[]> {
    return (await ctx.loaders.credentialJobRoles.load(c.id)).map((r) => r.node);
  }

  @Mutation(() => CredentialRegistration, {
    description:
      'Registers a credential (provider key, or admin key with providerId). Idempotent: keyed by ' +
      '(provider, externalId); the same content twice changes nothing. Unknown skill or job role ' +
      'ids fail with BAD_USER_INPUT naming them.',
  })
  async registerCredential(
    @Arg('input', () => CredentialInput) input: CredentialInput,
    @Ctx() ctx: Context,
  ): Promise<CredentialRegistration> {
    const providerId = await actingProvider(ctx, input.providerId, 'registerCredential');
    return registerCredential(ctx, providerId, input);
  }

  @Mutation(() => CredentialRegistration, {
    description: 'Changes the given fields of a credential (its provider or an admin).',
  })
  async updateCredential(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CredentialUpdateInput) input: CredentialUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<CredentialRegistration> {
    const current = await ownedCredential(ctx, id, 'updateCredential');
    return updateCredential(ctx, current, input);
  }

  @Mutation(() => Credential, {
    description:
      'Retires a credential (its provider or an admin): it stays readable and held, but is never suggested.',
  })
  async retireCredential(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<Credential> {
    return retireCredential(ctx, await ownedCredential(ctx, id, 'retireCredential'));
  }

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
    const credential = await ownedCredential(ctx, credentialId, 'addPrerequisite');
    await loadCredential(ctx, prerequisiteId);
    await addLink(ctx, 'REQUIRES', credentialId, prerequisiteId);
    return credential;
  }

  @Mutation(() => Credential, {
    description: 'Removes a prerequisite (same rights as addPrerequisite).',
  })
  async removePrerequisite(
    @Arg('credentialId', () => ID) credentialId: string,
    @Arg('prerequisiteId', () => ID) prerequisiteId: string,
    @Ctx() ctx: Context,
  ): Promise<Credential> {
    const credential = await ownedCredential(ctx, credentialId, 'removePrerequisite');
    const removed = await ctx.db.writeTransaction((tx) =>
      ctx.repositories.credential.unlinkPrerequisite(tx, credentialId, prerequisiteId),
    );
    if (removed === 0)
      throw new NotFoundError(`"${credentialId}" does not require "${prerequisiteId}".`);
    return credential;
  }

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
    const whole = await ownedCredential(ctx, wholeId, 'addPart');
    await loadCredential(ctx, partId);
    await addLink(ctx, 'PART_OF', partId, wholeId, required);
    return whole;
  }

  @Mutation(() => Credential, {
    description: 'Removes a part from a whole (same rights as addPart).',
  })
  async removePart(
    @Arg('partId', () => ID) partId: string,
    @Arg('wholeId', () => ID) wholeId: string,
    @Ctx() ctx: Context,
  ): Promise<Credential> {
    const whole = await ownedCredential(ctx, wholeId, 'removePart');
    const removed = await ctx.db.writeTransaction((tx) =>
      ctx.repositories.credential.unlinkPart(tx, partId, wholeId),
    );
    if (removed === 0) throw new NotFoundError(`"${partId}" is not part of "${wholeId}".`);
    return whole;
  }

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
    note ??= null;
    const credential = await ownedCredential(ctx, credentialId, 'declareEquivalence');
    const other = await loadCredential(ctx, otherId);
    if (credentialId === otherId)
      throw new UserInputError('A credential is trivially equivalent to itself.');
    if (note !== null && note.length > 1000)
      throw new UserInputError('note is limited to 1000 characters.');
    const declared = await ctx.db.writeTransaction((tx) =>
      ctx.repositories.credential.declareEquivalence(tx, credentialId, otherId, note),
    );
    ctx.events.publish(CredentialEvents.EQUIVALENCE_DECLARED, {
      credentialId,
      otherId,
      assertedBy: declared.assertedBy,
      mutual: declared.mutual,
    });
    const { mutual, ...assertion } = declared;
    return { credential, other, assertion, mutual };
  }

  @Mutation(() => Credential, {
    description: "Withdraws the caller's equivalence declaration (its provider or an admin).",
  })
  async withdrawEquivalence(
    @Arg('credentialId', () => ID) credentialId: string,
    @Arg('otherId', () => ID) otherId: string,
    @Ctx() ctx: Context,
  ): Promise<Credential> {
    const credential = await ownedCredential(ctx, credentialId, 'withdrawEquivalence');
    const removed = await ctx.db.writeTransaction((tx) =>
      ctx.repositories.credential.withdrawEquivalence(tx, credentialId, otherId),
    );
    if (removed === 0)
      throw new NotFoundError(`No equivalence from "${credentialId}" to "${otherId}".`);
    return credential;
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
    return loadCredential(ctx, event.credentialId);
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
    return loadCredential(ctx, event.credentialId);
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
    const credential = await loadCredential(ctx, event.credentialId);
    const other = await loadCredential(ctx, event.otherId);
    const rows = await ctx.loaders.credentialEquivalents.load(event.credentialId);
    const assertion = rows
      .find((r) => r.node.id === event.otherId)
      ?.assertions.find((a) => a.assertedBy === event.assertedBy) ?? {
      assertedBy: event.assertedBy,
      note: null,
      at: new Date().toISOString(),
    };
    return { credential, other, assertion, mutual: event.mutual };
  }
}
