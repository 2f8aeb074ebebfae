import { validate } from 'class-validator';
import { CredentialInput, SkillLevelInput } from '../credential/credential.inputs';
import { addLink, credentialId, registerCredential } from '../credential/credential.service';
import { CodedError, type ErrorCode } from '../lib/errors';
import type { Context } from '../server/context';
import { fromCtdl } from './ctdl';
import type { CredentialDraft } from './draft';
import { fromOpenBadge } from './open-badges';

export type StandardFormat = 'OPEN_BADGES_3' | 'CTDL';

export interface RecordResult {
  index: number;
  externalId: string | null;
  status: 'TAKEN' | 'UNCHANGED' | 'REJECTED';
  credentialId: string | null;
  errors: { code: ErrorCode; message: string }[];
  warnings: string[];
}

/** Field-level problems of a draft as class-validator sees them, in the words the API uses. */
async function validateDraft(draft: CredentialDraft): Promise<string[]> {
  const input = Object.assign(new CredentialInput(), {
    ...draft,
    skills: draft.skills.map((s) => Object.assign(new SkillLevelInput(), s)),
  });
  const problems = await validate(input, { forbidUnknownValues: false });
  const flatten = (errors: typeof problems, prefix = ''): string[] =>
    errors.flatMap((e) => [
      ...Object.values(e.constraints ?? {}).map((m) => `${prefix}${m}`),
      ...flatten(e.children ?? [], `${prefix}${e.property}.`),
    ]);
  return flatten(problems);
}

/**
 * Imports credentials of one provider from OB3 or CTDL documents. Each record is registered in its
 * own transaction through the same path as registerCredential, so a rejected record leaves nothing
 * behind; links to other credentials (requires, isPartOf, hasPart) are added afterwards, by registry
 * id or by this provider's externalId, and reported as warnings when they cannot be.
 */
export async function importDocuments(
  ctx: Context,
  providerId: string,
  format: StandardFormat,
  documents: Record<string, unknown>[],
  baseUrl: string,
): Promise<RecordResult[]> {
  const results: RecordResult[] = [];
  const taken: { result: RecordResult; draft: CredentialDraft }[] = [];
  for (const [index, doc] of documents.entries()) {
    const parsed = format === 'CTDL' ? fromCtdl(doc) : fromOpenBadge(doc);
    const result: RecordResult = {
      index,
      externalId: parsed.draft?.externalId ?? null,
      status: 'REJECTED',
      credentialId: null,
      errors: [],
      warnings: [],
    };
    results.push(result);
    if (!parsed.draft) {
      result.errors = parsed.errors.map((message) => ({ code: 'BAD_USER_INPUT', message }));
      continue;
    }
    const problems = await validateDraft(parsed.draft);
    if (problems.length > 0) {
      result.errors = problems.map((message) => ({ code: 'BAD_USER_INPUT', message }));
      continue;
    }
    try {
      const input = Object.assign(new CredentialInput(), parsed.draft);
      const registered = await registerCredential(ctx, providerId, input);
      result.status = registered.changed ? 'TAKEN' : 'UNCHANGED';
      result.credentialId = registered.credential.id;
      taken.push({ result, draft: parsed.draft });
    } catch (error) {
      if (!(error instanceof CodedError)) throw error;
      result.errors = [{ code: error.code, message: error.message }];
    }
  }

  // A reference is a registry URL or id, or an externalId of this provider.
  const prefix = `${baseUrl}/credentials/`;
  const resolve = (ref: string) => {
    const id = ref.startsWith(prefix) ? decodeURIComponent(ref.slice(prefix.length)) : ref;
    return id.includes(':') ? id : credentialId(providerId, id);
  };
  for (const { result, draft } of taken) {
    const links: ['REQUIRES' | 'PART_OF', string, string][] = [
      ...draft.requires.map(
        (r) => ['REQUIRES', result.credentialId!, resolve(r)] as ['REQUIRES', string, string],
      ),
      ...draft.isPartOf.map(
        (w) => ['PART_OF', result.credentialId!, resolve(w)] as ['PART_OF', string, string],
      ),
      ...draft.hasPart.map(
        (p) => ['PART_OF', resolve(p), result.credentialId!] as ['PART_OF', string, string],
      ),
    ];
    for (const [kind, from, to] of links) {
      const [a, b] = await ctx.loaders.credentialById.loadMany([from, to]);
      if (!a || !b || a instanceof Error || b instanceof Error) {
        result.warnings.push(
          `${kind} link ${from} -> ${to} skipped: ${!a ? from : to} is not in the registry`,
        );
        continue;
      }
      const owner = kind === 'REQUIRES' ? a : b;
      if (owner.providerId !== providerId) {
        result.warnings.push(
          `${kind} link ${from} -> ${to} skipped: only ${owner.providerId} may add it`,
        );
        continue;
      }
      try {
        await addLink(ctx, kind, from, to);
      } catch (error) {
        if (!(error instanceof CodedError)) throw error;
        result.warnings.push(`${kind} link ${from} -> ${to} skipped: ${error.message}`);
      }
    }
  }
  return results;
}
