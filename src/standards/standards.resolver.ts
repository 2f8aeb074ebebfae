import { GraphQLJSONObject } from 'graphql-scalars';
import {
  Arg,
  Authorized,
  Ctx,
  Extensions,
  FieldResolver,
  ID,
  Mutation,
  Resolver,
  Root,
} from 'type-graphql';
import { completeness } from '../analytics/consistency';
import { ApiRole } from '../auth/viewer';
import { Credential } from '../credential/credential.type';
import type { Context } from '../server/context';
import { toCtdl } from './ctdl';
import { toOpenBadge, type ExportInput } from './open-badges';
import { MAX_DOCUMENTS, type StandardsService } from './standards.service';
import { Completeness, ImportRecordResult, StandardFormat } from './standards.type';

/** What an export needs of a credential, through the request's loaders (batched across a list). */
async function exportInput(ctx: Context, c: Credential): Promise<ExportInput> {
  const l = ctx.loaders;
  const [provider, skills, jobRoles, prerequisites, wholes, parts] = await Promise.all([
    l.providerById.load(c.providerId),
    l.credentialSkills.load(c.id),
    l.credentialJobRoles.load(c.id),
    l.credentialPrerequisites.load(c.id),
    l.credentialWholes.load(c.id),
    l.credentialParts.load(c.id),
  ]);
  return {
    credential: c,
    provider,
    skills: skills.map((r) => ({ skill: r.node, level: r.level })),
    jobRoles: jobRoles.map((r) => r.node),
    prerequisites: prerequisites.map((r) => r.node),
    wholes: wholes.map((r) => r.node),
    parts: parts.map((r) => r.node),
  };
}

@Resolver(() => Credential)
export class StandardsResolver {
  constructor(private readonly standards: StandardsService) {}

  @FieldResolver(() => GraphQLJSONObject, {
    description:
      'This credential as an Open Badges 3.0 `Achievement` (JSON-LD). Skills and job roles are ' +
      'alignments; fields OB3 has no slot for travel under `ext:registry`.',
  })
  async openBadge(@Root() c: Credential, @Ctx() ctx: Context): Promise<Record<string, unknown>> {
    return toOpenBadge(await exportInput(ctx, c), this.standards.publicUrl);
  }

  @FieldResolver(() => GraphQLJSONObject, {
    description:
      'This credential as a CTDL JSON-LD record: a ceterms credential class with requires (competencies ' +
      'and prerequisite credentials), isPartOf, hasPart and occupationType.',
  })
  async ctdl(@Root() c: Credential, @Ctx() ctx: Context): Promise<Record<string, unknown>> {
    return toCtdl(await exportInput(ctx, c), this.standards.publicUrl);
  }

  @FieldResolver(() => Completeness, {
    description:
      'Which EU 2022 microcredential standard elements this definition carries: title, awarding body, ' +
      'country of the awarding body, learning outcomes (description or skills), notional workload ' +
      '(hours or ECTS), EQF level, type of assessment, form of participation (delivery mode) and ' +
      'type of quality assurance. Learner identity and date of issue belong to awards, not definitions.',
  })
  async completeness(@Root() c: Credential, @Ctx() ctx: Context): Promise<Completeness> {
    const [provider, skills] = await Promise.all([
      ctx.loaders.providerById.load(c.providerId),
      ctx.loaders.credentialSkills.load(c.id),
    ]);
    return completeness({
      node: c,
      country: provider?.country ?? null,
      providerName: provider?.name ?? c.providerId,
      skillIds: skills.map((s) => s.node.id),
    });
  }

  @Authorized(ApiRole.PROVIDER, ApiRole.ADMIN)
  @Extensions({ maxItems: MAX_DOCUMENTS, cost: 5000 })
  @Mutation(() => [ImportRecordResult], {
    description:
      `Imports up to ${MAX_DOCUMENTS} credentials of one provider from Open Badges 3.0 Achievements or ` +
      'CTDL records (provider key, or admin key with providerId). Each record is registered on its own, ' +
      'idempotently, with the validation of registerCredential: a rejected record leaves nothing ' +
      'behind and says why; links to other credentials are added when they resolve.',
  })
  async importCredentials(
    @Arg('format', () => StandardFormat) format: StandardFormat,
    @Arg('documents', () => [GraphQLJSONObject]) documents: Record<string, unknown>[],
    @Arg('providerId', () => ID, { nullable: true }) providerId: string | null,
    @Ctx() ctx: Context,
  ): Promise<ImportRecordResult[]> {
    return this.standards.import(await ctx.viewer(), format, documents, providerId ?? null);
  }
}
