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
import type { Context } from '../context';
import { toCtdl } from './ctdl';
import { toOpenBadge } from './open-badges';
import { exportInputOf, type ExportInput } from './references';
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
  return exportInputOf(c, provider, { skills, jobRoles, prerequisites, wholes, parts });
}

@Resolver(() => Credential)
export class StandardsResolver {
  constructor(private readonly standardsService: StandardsService) {}

  @FieldResolver(() => GraphQLJSONObject, {
    description:
      'This credential as an Open Badges 3.0 `Achievement` (JSON-LD): skills, job roles and linked ' +
      'credentials as alignments, the CTID in `otherIdentifier`, and the fields OB3 has no ' +
      'property for in the registry extension `credentialGraph` (its JSON-LD context and JSON ' +
      'Schema are served at /standards/ob3/context.json and /standards/ob3/schema.json).',
  })
  async openBadge(@Root() c: Credential, @Ctx() ctx: Context): Promise<Record<string, unknown>> {
    return toOpenBadge(await exportInput(ctx, c), this.standardsService.publicUrl);
  }

  @FieldResolver(() => GraphQLJSONObject, {
    description:
      'This credential as a CTDL record Credential Engine can publish: a concrete ceterms credential ' +
      'class identified by its CTID, language maps in its languages, the provider and linked ' +
      'credentials by CTID resource URI, competencies, prerequisites, assessment and ECTS credit as ' +
      'condition profiles, elective parts under `recommends`, EQF level and occupations as alignments.',
  })
  async ctdl(@Root() c: Credential, @Ctx() ctx: Context): Promise<Record<string, unknown>> {
    return toCtdl(await exportInput(ctx, c), this.standardsService.publicUrl);
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
      `Imports up to ${MAX_DOCUMENTS} documents of one provider: Open Badges 3.0 Achievements (bare or ` +
      'as the achievement of an OpenBadgeCredential) or CTDL credential records (bare or in a ' +
      '`@graph`), with a provider key, or an admin key and providerId. Each record is registered on ' +
      'its own, idempotently, with the validation of registerCredential; references are resolved by ' +
      'kind (skills, job roles, credentials), and whatever the registry cannot keep (an unknown ' +
      'reference, a field it has no place for, an invalid optional value) is a warning on the record, ' +
      'not a rejection. A rejected record leaves nothing behind and says why.',
  })
  async importCredentials(
    @Arg('format', () => StandardFormat) format: StandardFormat,
    @Arg('documents', () => [GraphQLJSONObject]) documents: Record<string, unknown>[],
    @Arg('providerId', () => ID, { nullable: true }) providerId: string | null,
    @Ctx() ctx: Context,
  ): Promise<ImportRecordResult[]> {
    return this.standardsService.import(await ctx.viewer(), format, documents, providerId ?? null);
  }
}
