import { GraphQLJSONObject } from 'graphql-scalars';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  Int,
  Mutation,
  ObjectType,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import { EU_ELEMENTS, elementsPresent } from '../analytics/consistency';
import { actingProvider } from '../auth/guards';
import { Credential } from '../credential/credential.type';
import { UserInputError } from '../lib/errors';
import type { Context } from '../server/context';
import { toCtdl } from './ctdl';
import type { ExportInput } from './open-badges';
import { toOpenBadge } from './open-badges';
import { importDocuments } from './standards.service';

export enum StandardFormat {
  OPEN_BADGES_3 = 'OPEN_BADGES_3',
  CTDL = 'CTDL',
}
registerEnumType(StandardFormat, {
  name: 'StandardFormat',
  description: 'Open Badges 3.0 `Achievement` JSON-LD, or a CTDL (ceterms) credential record.',
});

@ObjectType({ description: 'A credential against the EU 2022 microcredential standard elements.' })
export class Completeness {
  @Field(() => [String], { description: 'Elements present.' })
  present!: string[];

  @Field(() => [String], { description: 'Mandatory elements missing.' })
  missing!: string[];

  @Field(() => Float, { description: 'Share of the elements present, 0 to 1.' })
  score!: number;
}

@ObjectType({ description: 'An error on one imported record.' })
export class RecordError {
  @Field(() => String, { description: 'Stable code, as in extensions.code.' })
  code!: string;

  @Field(() => String, { description: 'What is wrong and how to fix it.' })
  message!: string;
}

@ObjectType({ description: 'What an import did with one record.' })
export class ImportRecordResult {
  @Field(() => Int, { description: 'Position of the record in `documents`.' })
  index!: number;

  @Field(() => String, { nullable: true, description: 'The externalId read from the record.' })
  externalId!: string | null;

  @Field(() => String, {
    description:
      'TAKEN (created or changed), UNCHANGED (already registered as is) or REJECTED (nothing written).',
  })
  status!: string;

  @Field(() => ID, { nullable: true, description: 'Registry id of the credential.' })
  credentialId!: string | null;

  @Field(() => [RecordError], { description: 'Why the record was rejected.' })
  errors!: RecordError[];

  @Field(() => [String], {
    description: 'Links that could not be added (the record itself was taken).',
  })
  warnings!: string[];
}

const MAX_DOCUMENTS = 500;

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
  @FieldResolver(() => GraphQLJSONObject, {
    description:
      'This credential as an Open Badges 3.0 `Achievement` (JSON-LD). Skills and job roles are ' +
      'alignments; fields OB3 has no slot for travel under `ext:registry`.',
  })
  async openBadge(@Root() c: Credential, @Ctx() ctx: Context): Promise<Record<string, unknown>> {
    return toOpenBadge(await exportInput(ctx, c), ctx.publicUrl);
  }

  @FieldResolver(() => GraphQLJSONObject, {
    description:
      'This credential as a CTDL JSON-LD record: a ceterms credential class with requires (competencies ' +
      'and prerequisite credentials), isPartOf, hasPart and occupationType.',
  })
  async ctdl(@Root() c: Credential, @Ctx() ctx: Context): Promise<Record<string, unknown>> {
    return toCtdl(await exportInput(ctx, c), ctx.publicUrl);
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
    const present = elementsPresent({
      node: c,
      country: provider?.country ?? null,
      providerName: provider?.name ?? c.providerId,
      skillIds: skills.map((s) => s.node.id),
    });
    return {
      present: EU_ELEMENTS.filter((e) => present.has(e)),
      missing: EU_ELEMENTS.filter((e) => !present.has(e)),
      score: present.size / EU_ELEMENTS.length,
    };
  }

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
    const acting = await actingProvider(ctx, providerId, 'importCredentials');
    if (documents.length > MAX_DOCUMENTS) {
      throw new UserInputError(
        `importCredentials takes at most ${MAX_DOCUMENTS} documents per call.`,
      );
    }
    return importDocuments(ctx, acting, format, documents, ctx.publicUrl);
  }
}
