import type { Database } from '../db/database';
import type { Logger } from '../lib/logger';
import type { Embedder } from './embedder';

/** How a label vector came to be: a taxonomy concept's preferred or alternative label, or a custom tag. */
export type LabelKind = 'PREFERRED' | 'ALTERNATIVE' | 'CUSTOM';

/** One taxonomy label near a query, with its similarity to the query and to the query's context. */
export interface LabelHit {
  /** Which query of the batch it answers. */
  query: number;
  skillId: string;
  text: string;
  kind: LabelKind;
  /** Cosine of the label and the query phrase, -1..1. */
  similarity: number;
  /** Cosine of the label and the query's context (its sentence), -1..1. */
  context: number;
}

/** A query for nearLabels: the phrase's vector, the context's, and skills to score besides the nearest. */
export interface LabelQuery {
  vector: Float32Array;
  context?: Float32Array;
  also?: readonly string[];
  /**
   * When given, only these labels (and the preferred one) of the `also` skills are compared: the
   * labels a phrase is exactly, whose similarity is already the best.
   */
  alsoLabels?: readonly string[];
}

/** Queries of one nearLabels call are split into this many concurrent reads when there are many. */
const READERS = 2;
/** The least queries per concurrent read. */
const PER_READER = 16;

/** One custom label near another provider's custom label. */
export interface CustomNeighbour {
  skillId: string;
  neighbourId: string;
  neighbourGroup: string | null;
  similarity: number;
}

/** Where a custom skill was placed: its group and its proposed concepts. */
export interface Placement {
  id: string;
  groupKey: string;
  proposals: { skillId: string; score: number; rank: number }[];
}

/** Reports vectors written so far out of those missing. */
export type VectorProgress = (step: string, done: number, total: number) => void;

/** How many labels one sync round embeds and writes (one transaction each). */
const SYNC_BATCH = 2000;

/**
 * Label vectors in Neo4j's vector indexes (cypher/schema/03-vectors.cypher): kept in step with
 * the skills' labels by `sync()`, searched by `nearLabels()`. Only labels without a vector of the
 * current model are embedded, so a sync after a small change costs little and a start costs a
 * query.
 */
export class SkillVectors {
  constructor(
    private readonly db: Database,
    private readonly embedder: Embedder,
  ) {}

  get model(): string {
    return this.embedder.model;
  }

  private running: Promise<unknown> = Promise.resolve();

  /**
   * Removes stale vectors and embeds every label that has none; returns how many were written.
   * Calls run one after the other, so two never write the same label.
   */
  sync(progress?: VectorProgress, logger?: Logger): Promise<{ written: number; removed: number }> {
    const next = this.running.then(
      () => this.syncNow(progress, logger),
      () => this.syncNow(progress, logger),
    );
    this.running = next.catch(() => undefined);
    return next;
  }

  private async syncNow(
    progress?: VectorProgress,
    logger?: Logger,
  ): Promise<{ written: number; removed: number }> {
    const model = this.embedder.model;
    const [pruned] = await this.db.write<{ count: number }>('skill/prune-label-vectors', { model });
    const total = await this.db.count('skill/count-unembedded-labels', { model });
    let written = 0;
    for (;;) {
      const missing = await this.db.read<{ skillId: string; text: string; kind: LabelKind }>(
        'skill/find-unembedded-labels',
        { model, limit: SYNC_BATCH },
      );
      if (missing.length === 0) break;
      written += await this.writeVectors(missing);
      progress?.('label-vectors', written, Math.max(total, written));
    }
    if (written > 0) logger?.info('skill label vectors written', { written, model });
    return { written, removed: pruned?.count ?? 0 };
  }

  /**
   * Writes the label vectors of these custom skills (an existing vector of the same text and model
   * is kept): what placing new custom skills needs, without sync()'s scans of every label.
   */
  async embedCustom(skills: readonly { id: string; label: string }[]): Promise<void> {
    await this.writeVectors(
      skills
        .map((s) => ({ skillId: s.id, text: s.label.trim(), kind: 'CUSTOM' as const }))
        .filter((s) => s.text !== ''),
    );
  }

  /** Embeds these labels (one model run each) and writes their vectors in one transaction. */
  private async writeVectors(
    labels: readonly { skillId: string; text: string; kind: LabelKind }[],
  ): Promise<number> {
    if (labels.length === 0) return 0;
    const rows = [];
    for (const l of labels)
      rows.push({ ...l, vector: [...(await this.embedder.embedLabel(l.text))] });
    await this.db.write('skill/write-label-vectors', { model: this.embedder.model, rows });
    return rows.length;
  }

  /** The `k` taxonomy labels nearest each query, plus the labels of each query's `also` skills. */
  async nearLabels(queries: readonly LabelQuery[], k: number): Promise<LabelHit[]> {
    if (queries.length === 0) return [];
    const rows = queries.map((q, i) => ({
      i,
      vector: [...q.vector],
      context: q.context ? [...q.context] : null,
      also: [...(q.also ?? [])],
      alsoLabels: q.alsoLabels ? [...q.alsoLabels] : null,
    }));
    const readers = Math.max(1, Math.min(READERS, Math.floor(rows.length / PER_READER)));
    const size = Math.ceil(rows.length / readers);
    const parts = await Promise.all(
      Array.from({ length: readers }, (_, r) =>
        this.db.read<LabelHit & Record<string, unknown>>('skill/nearest-labels', {
          queries: rows.slice(r * size, (r + 1) * size),
          k,
        }),
      ),
    );
    return parts.flat();
  }

  /** For each of these custom skills, other providers' custom labels within `minSimilarity`. */
  nearCustom(skillIds: readonly string[], k: number, minSimilarity: number) {
    return this.db.read<CustomNeighbour & Record<string, unknown>>('skill/nearest-custom', {
      ids: skillIds,
      k,
      min: minSimilarity,
    });
  }

  /** Custom skills this model has not placed yet, oldest first. */
  findUnplaced(limit: number) {
    return this.db.read<{ id: string; label: string; providerId: string }>(
      'skill/find-unplaced-custom',
      { model: this.embedder.model, limit },
    );
  }

  async place(rows: readonly Placement[]): Promise<void> {
    if (rows.length > 0)
      await this.db.write('skill/place-custom', { model: this.embedder.model, rows });
  }
}
