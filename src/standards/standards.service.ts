import { validate } from 'class-validator';
import { actingProvider } from '../auth/guards';
import type { Viewer } from '../auth/viewer';
import { CredentialInput, SkillLevelInput } from '../credential/credential.inputs';
import { credentialId } from '../credential/credential.rules';
import type { CredentialService, LinkKind } from '../credential/credential.service';
import { CodedError, UserInputError, type ErrorCode } from '../lib/errors';
import { fromCtdl } from './ctdl';
import type { CredentialDraft } from './draft';
import { fromOpenBadge } from './open-badges';
import { StandardFormat } from './standards.type';

/** The most documents one import takes. */
export const MAX_DOCUMENTS = 500;
/** The most errors reported for one record. */
const MAX_RECORD_ERRORS = 50;

/** What an import did with one record. */
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

/** Open standards in: Open Badges 3.0 Achievements and CTDL records, registered record by record. */
export class StandardsService {
  constructor(
    private readonly credentials: CredentialService,
    /** Base URL for the ids of exported records. */
    readonly publicUrl: string,
  ) {}

  /**
   * Imports credentials of one provider (the viewer's; an admin names it) from OB3 or CTDL
   * documents. Each record is registered in its own transaction through the same use case as
   * registerCredential, so a rejected record leaves nothing behind; links to other credentials
   * (requires, isPartOf, hasPart) are added afterwards, by registry id or by this provider's
   * externalId, and reported as warnings when they cannot be.
   */
  async import(
    viewer: Viewer,
    format: StandardFormat,
    documents: Record<string, unknown>[],
    asProvider: string | null,
  ): Promise<RecordResult[]> {
    const providerId = actingProvider(viewer, asProvider, 'importCredentials');
    if (documents.length > MAX_DOCUMENTS) {
      throw new UserInputError(
        `importCredentials takes at most ${MAX_DOCUMENTS} documents per call.`,
      );
    }
    const results: RecordResult[] = [];
    const taken: { result: RecordResult; draft: CredentialDraft }[] = [];
    for (const [index, doc] of documents.entries()) {
      const parsed = format === StandardFormat.CTDL ? fromCtdl(doc) : fromOpenBadge(doc);
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
        result.errors = parsed.errors
          .slice(0, MAX_RECORD_ERRORS)
          .map((message) => ({ code: 'BAD_USER_INPUT', message }));
        continue;
      }
      const problems = await validateDraft(parsed.draft);
      if (problems.length > 0) {
        result.errors = problems
          .slice(0, MAX_RECORD_ERRORS)
          .map((message) => ({ code: 'BAD_USER_INPUT', message }));
        continue;
      }
      try {
        const input = Object.assign(new CredentialInput(), parsed.draft, { providerId });
        const registered = await this.credentials.register(viewer, input);
        result.status = registered.changed ? 'TAKEN' : 'UNCHANGED';
        result.credentialId = registered.credential.id;
        taken.push({ result, draft: parsed.draft });
      } catch (error) {
        if (!(error instanceof CodedError)) throw error;
        result.errors = [{ code: error.code, message: error.message }];
      }
    }
    for (const { result, draft } of taken) {
      await this.addLinks(providerId, result, draft);
    }
    return results;
  }

  /** Adds the links a taken record names, each on its own; what cannot be added is a warning. */
  private async addLinks(
    providerId: string,
    result: RecordResult,
    draft: CredentialDraft,
  ): Promise<void> {
    // A reference is a registry URL or id, or an externalId of this provider.
    const prefix = `${this.publicUrl}/credentials/`;
    const resolve = (ref: string) => {
      const id = ref.startsWith(prefix) ? decodeURIComponent(ref.slice(prefix.length)) : ref;
      return id.includes(':') ? id : credentialId(providerId, id);
    };
    const self = result.credentialId!;
    const links: [LinkKind, string, string][] = [
      ...draft.requires.map((r): [LinkKind, string, string] => ['REQUIRES', self, resolve(r)]),
      ...draft.isPartOf.map((w): [LinkKind, string, string] => ['PART_OF', self, resolve(w)]),
      ...draft.hasPart.map((p): [LinkKind, string, string] => ['PART_OF', resolve(p), self]),
    ];
    for (const [kind, from, to] of links) {
      try {
        const [a, b] = await Promise.all([this.credentials.find(from), this.credentials.find(to)]);
        if (!a || !b) {
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
        await this.credentials.link(kind, from, to);
      } catch (error) {
        if (!(error instanceof CodedError)) throw error;
        result.warnings.push(`${kind} link ${from} -> ${to} skipped: ${error.message}`);
      }
    }
  }
}
