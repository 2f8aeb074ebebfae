import type { CredentialRepository } from '../credential/credential.repository';
import type { Credential } from '../credential/credential.type';
import type { ProviderRepository } from '../provider/provider.repository';
import { toAchievementCredential, type AwardToExport } from './open-badges';
import { exportInputOf, type ExportInput } from './references';

/** Builds what an export needs of credentials, in one round trip per relation, and maps awards. */
export class AwardExporter {
  constructor(
    private readonly credentials: CredentialRepository,
    private readonly providers: ProviderRepository,
    /** Base URL for the ids of exported records. */
    readonly publicUrl: string,
  ) {}

  /** The export input of each credential, in their order. */
  async exportInputs(credentials: Credential[]): Promise<ExportInput[]> {
    if (credentials.length === 0) return [];
    const ids = credentials.map((c) => c.id);
    const r = this.credentials;
    const [providers, skills, jobRoles, prerequisites, wholes, parts] = await Promise.all([
      this.providers.findByIds([...new Set(credentials.map((c) => c.providerId))]),
      r.findSkills(ids),
      r.findJobRoles(ids),
      r.findPrerequisites(ids),
      r.findWholes(ids),
      r.findParts(ids),
    ]);
    const of = <T extends { key: string }>(rows: T[], id: string) =>
      rows.filter((row) => row.key === id);
    return credentials.map((c) =>
      exportInputOf(c, providers.find((p) => p.id === c.providerId) ?? null, {
        skills: of(skills, c.id),
        jobRoles: of(jobRoles, c.id),
        prerequisites: of(prerequisites, c.id),
        wholes: of(wholes, c.id),
        parts: of(parts, c.id),
      }),
    );
  }

  /** One award as an unsigned OpenBadgeCredential. */
  achievementCredential(
    learnerId: string,
    award: Omit<AwardToExport, 'learnerId'>,
    input: ExportInput,
  ): Record<string, unknown> {
    return toAchievementCredential({ ...award, learnerId }, input, this.publicUrl);
  }
}
