import type { Logger } from '../lib/logger';
import type { Clock } from '../lib/clock';
import { SkillMatcher } from './skill-matcher';
import type { SkillRepository } from './skill.repository';

/**
 * How often, at most, a use of the index asks the graph whether the taxonomy changed (another
 * process may import): a cheap count, so answers follow an import within about a second plus the
 * rebuild.
 */
export const SKILL_INDEX_CHECK_MS = 1_000;

/**
 * The skill matcher over the taxonomy in the graph, built on first use (or by `warm()` at start)
 * and rebuilt when the taxonomy changes: before the next use after a write through this process
 * (`invalidate()`), and after an import by another process before the first use that notices it
 * (checked at most every SKILL_INDEX_CHECK_MS), so no answer comes from a taxonomy that is gone.
 */
export class SkillIndex {
  private matcher: SkillMatcher | null = null;
  private version: string | null = null;
  private building: Promise<SkillMatcher> | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;
  /** Bumped by invalidate(); a build covers the changes made before it started. */
  private generation = 0;
  private builtGeneration = -1;

  constructor(
    private readonly skills: SkillRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly checkMs = SKILL_INDEX_CHECK_MS,
  ) {}

  /** The current matcher; the first call waits for it to be built. */
  async current(): Promise<SkillMatcher> {
    // A build that began before the last invalidate() is not enough: build again after it.
    while (this.matcher === null || this.builtGeneration < this.generation) await this.rebuild();
    const now = this.clock.now().getTime();
    if (now - this.checkedAt >= this.checkMs) {
      this.checkedAt = now;
      try {
        await this.rebuildIfChanged();
      } catch (error) {
        // The index it has still answers; the next check tries again.
        this.logger.error('skill index refresh failed', { error: String(error) });
      }
    }
    return this.matcher;
  }

  private async rebuildIfChanged(): Promise<void> {
    if ((await this.skills.labelVersion()) !== this.version) await this.rebuild();
  }

  /** Builds the index now (at start, so the first user does not wait). */
  async warm(): Promise<void> {
    await this.rebuild();
  }

  /** Says this process changed the taxonomy: the next use waits for a rebuild. */
  invalidate(): void {
    this.generation += 1;
  }

  private rebuild(): Promise<SkillMatcher> {
    this.building ??= (async () => {
      try {
        const started = Date.now();
        const generation = this.generation;
        const version = await this.skills.labelVersion();
        const matcher = SkillMatcher.build(await this.skills.findLabels());
        this.matcher = matcher;
        this.version = version;
        this.builtGeneration = generation;
        this.checkedAt = this.clock.now().getTime();
        this.logger.info('skill index built', { ...matcher.size, ms: Date.now() - started });
        return matcher;
      } finally {
        this.building = null;
      }
    })();
    return this.building;
  }
}
