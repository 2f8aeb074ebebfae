import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import * as ort from 'onnxruntime-node';
import type { Logger } from '../lib/logger';
import {
  EMBEDDING_MODEL,
  ensureEmbeddingModel,
  modelsDir,
  type ModelFiles,
} from './embedding-model';
import { present } from '../lib/present';

// The package is ESM first but ships a CommonJS build, which is what this CommonJS project loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Tokenizer } = require('@huggingface/tokenizers') as {
  Tokenizer: new (tokenizerJson: object, tokenizerConfig: object) => Tokenizer;
};
/** What this module uses of @huggingface/tokenizers' Tokenizer. */
interface Tokenizer {
  encode(text: string, options?: { add_special_tokens?: boolean }): { ids: number[] };
}

/** Turns a text into a unit vector in the model's space: near vectors, near meanings. */
export interface Embedder {
  /** The model's id; stored with every vector so vectors of two models never mix. */
  readonly model: string;
  readonly dimensions: number;
  /** A query text's vector (recent ones are kept in memory). */
  embed(text: string): Promise<Float32Array>;
  /** A taxonomy or custom label's vector, also kept on disk where the embedder has a disk cache. */
  embedLabel(text: string): Promise<Float32Array>;
  /**
   * A text's vector and, from the same run of the model, a vector for each span of it (character
   * offsets): the mean of the span's token states, read in the context of the whole text.
   */
  embedSpans(
    text: string,
    spans: readonly { start: number; end: number }[],
  ): Promise<{ whole: Float32Array; spans: Float32Array[] }>;
}

/** Runs of letters and digits, and single other characters: the model's tokenizer splits there too. */
const CHUNK = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;

/** Scales a vector to unit length in place. */
function normalise(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  vector.forEach((x, i) => (vector[i] = x / norm));
  return vector;
}

/** Cosine similarity of two unit vectors. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  for (let i = 0; i < a.length; i += 1) dot += (a[i] ?? 0) * (b[i] ?? 0);
  return dot;
}

/**
 * The pinned model run locally with onnxruntime-node: WordPiece tokens, mean pooling over the
 * attention mask, L2 normalisation (the model's sentence-transformers recipe). One text per run:
 * the quantized model scales its activations over the whole batch, so a batched vector would
 * depend on its neighbours (measured: cosine 0.986 to the same text alone). Recent texts are
 * cached in memory; with `diskCache` label vectors are also kept on disk by text, so a re-import
 * of the same taxonomy does not recompute them.
 */
export class OnnxEmbedder implements Embedder {
  readonly model = EMBEDDING_MODEL.id;
  readonly dimensions = EMBEDDING_MODEL.dimensions;
  private readonly recent = new LRUCache<string, Float32Array>({ max: 20_000 });

  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly tokenizer: Tokenizer,
    private readonly disk: VectorFile | null,
  ) {}

  static async load(
    files: ModelFiles,
    options: { diskCache?: boolean } = {},
  ): Promise<OnnxEmbedder> {
    const session = await ort.InferenceSession.create(files.onnx, {
      intraOpNumThreads: 2,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
    });
    const tokenizer = new Tokenizer(
      JSON.parse(fs.readFileSync(files.tokenizer, 'utf8')) as object,
      {},
    );
    const disk = options.diskCache
      ? new VectorFile(
          path.join(modelsDir, `${EMBEDDING_MODEL.id}.vectors`),
          EMBEDDING_MODEL.dimensions,
        )
      : null;
    return new OnnxEmbedder(session, tokenizer, disk);
  }

  /** Drops the in-memory cache (benchmarks measure the model, not the cache). */
  forget(): void {
    this.recent.clear();
  }

  async embed(text: string): Promise<Float32Array> {
    const key = text.trim();
    const known = this.recent.get(key);
    if (known) return known;
    const vector = await this.run(key);
    this.recent.set(key, vector);
    return vector;
  }

  // Only labels go to disk: query texts are the public's and would grow the file without bound.
  async embedLabel(text: string): Promise<Float32Array> {
    const key = text.trim();
    const known = this.disk?.get(key);
    if (known) return known;
    const vector = await this.embed(key);
    this.disk?.put(key, vector);
    return vector;
  }

  private async run(text: string): Promise<Float32Array> {
    const ids = this.tokenizer.encode(text).ids.slice(0, EMBEDDING_MODEL.maxTokens);
    return this.meanOf(await this.hidden(ids), 0, ids.length);
  }

  /** The model's last hidden states for a token sequence, row after row. */
  private async hidden(ids: readonly number[]): Promise<Float32Array> {
    const n = ids.length;
    const tensor = (values: BigInt64Array) => new ort.Tensor('int64', values, [1, n]);
    const out = await this.session.run({
      input_ids: tensor(BigInt64Array.from(ids, (id) => BigInt(id))),
      attention_mask: tensor(new BigInt64Array(n).fill(1n)),
      token_type_ids: tensor(new BigInt64Array(n)),
    });
    return present(out.last_hidden_state, "the model's last_hidden_state output")
      .data as Float32Array;
  }

  /** The unit mean of hidden rows [from, to). */
  private meanOf(hidden: Float32Array, from: number, to: number): Float32Array {
    const d = this.dimensions;
    const vector = new Float32Array(d);
    for (let t = from; t < to; t += 1) {
      const row = hidden.subarray(t * d, (t + 1) * d);
      vector.forEach((x, i) => (vector[i] = x + (row[i] ?? 0)));
    }
    return normalise(vector);
  }

  private readonly chunkIds = new LRUCache<string, number[]>({ max: 50_000 });

  /**
   * One run over the text: the whole text's vector is what embed() gives (the same tokens), and
   * each span's is the mean of its tokens' states in that run. A span past the model's window
   * gets its own run.
   */
  async embedSpans(
    text: string,
    spans: readonly { start: number; end: number }[],
  ): Promise<{ whole: Float32Array; spans: Float32Array[] }> {
    const [cls, sep] = this.tokenizer.encode('').ids as [number, number];
    const ids: number[] = [cls];
    const chunks: { start: number; end: number; from: number; to: number }[] = [];
    for (const m of text.matchAll(CHUNK)) {
      let piece = this.chunkIds.get(m[0]);
      if (!piece) {
        piece = this.tokenizer.encode(m[0], { add_special_tokens: false }).ids;
        this.chunkIds.set(m[0], piece);
      }
      chunks.push({
        start: m.index,
        end: m.index + m[0].length,
        from: ids.length,
        to: ids.length + piece.length,
      });
      ids.push(...piece);
    }
    const kept = Math.min(ids.length, EMBEDDING_MODEL.maxTokens - 1);
    const sequence = [...ids.slice(0, kept), sep];
    const hidden = await this.hidden(sequence);
    const whole = this.meanOf(hidden, 0, sequence.length);
    const out: Float32Array[] = [];
    for (const span of spans) {
      const inside = chunks.filter((c) => c.start >= span.start && c.end <= span.end);
      const from = inside[0]?.from;
      const to = inside[inside.length - 1]?.to;
      out.push(
        from === undefined || to === undefined || to > kept
          ? await this.embed(text.slice(span.start, span.end))
          : this.meanOf(hidden, from, to),
      );
    }
    return { whole, spans: out };
  }
}

/**
 * An append-only file of vectors by text: fixed-size records of a 16-byte hash of the text and
 * the vector as float32. Only the hashes are held in memory; vectors are read by offset.
 */
class VectorFile {
  private readonly offsets = new Map<string, number>();
  private readonly recordBytes: number;
  private fd: number | null = null;

  constructor(
    private readonly file: string,
    private readonly dimensions: number,
  ) {
    this.recordBytes = 16 + dimensions * 4;
  }

  private open(): number {
    if (this.fd !== null) return this.fd;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const fd = fs.openSync(this.file, 'a+');
    const size = fs.fstatSync(fd).size;
    const records = Math.floor(size / this.recordBytes);
    const hash = Buffer.alloc(16);
    for (let i = 0; i < records; i += 1) {
      fs.readSync(fd, hash, 0, 16, i * this.recordBytes);
      this.offsets.set(hash.toString('hex'), i * this.recordBytes);
    }
    // A record cut short by a crash is dropped, so the next append starts on a boundary.
    if (size !== records * this.recordBytes) fs.ftruncateSync(fd, records * this.recordBytes);
    this.fd = fd;
    return fd;
  }

  private static hash(text: string): Buffer {
    return createHash('sha256').update(text).digest().subarray(0, 16);
  }

  get(text: string): Float32Array | undefined {
    const fd = this.open();
    const offset = this.offsets.get(VectorFile.hash(text).toString('hex'));
    if (offset === undefined) return undefined;
    const record = Buffer.alloc(this.recordBytes);
    fs.readSync(fd, record, 0, record.length, offset);
    // Another process may have appended at the same time: a record is trusted only by its hash.
    if (!record.subarray(0, 16).equals(VectorFile.hash(text))) return undefined;
    return new Float32Array(
      record.buffer.slice(record.byteOffset + 16, record.byteOffset + this.recordBytes),
    );
  }

  put(text: string, vector: Float32Array): void {
    const fd = this.open();
    const hash = VectorFile.hash(text);
    const key = hash.toString('hex');
    if (this.offsets.has(key)) return;
    const offset = fs.fstatSync(fd).size;
    fs.writeSync(
      fd,
      Buffer.concat([hash, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength)]),
    );
    this.offsets.set(key, offset);
  }
}

/**
 * The pinned model, resolved and loaded on first use (or by `warm()` at start), so building the
 * services costs nothing until a phrase is embedded. A failed load is retried by the next call.
 */
export class ModelEmbedder implements Embedder {
  readonly model = EMBEDDING_MODEL.id;
  readonly dimensions = EMBEDDING_MODEL.dimensions;
  private loading: Promise<OnnxEmbedder> | null = null;

  constructor(private readonly logger?: Logger) {}

  private load(): Promise<OnnxEmbedder> {
    this.loading ??= (async () => {
      try {
        const started = Date.now();
        const embedder = await OnnxEmbedder.load(ensureEmbeddingModel(this.logger), {
          diskCache: true,
        });
        this.logger?.info('skill embedding model loaded', {
          model: this.model,
          ms: Date.now() - started,
        });
        return embedder;
      } catch (error) {
        this.loading = null;
        throw error;
      }
    })();
    return this.loading;
  }

  /** Loads the model now (at start, so the first user does not wait). */
  async warm(): Promise<void> {
    await this.load();
  }

  async embed(text: string): Promise<Float32Array> {
    return (await this.load()).embed(text);
  }

  async embedLabel(text: string): Promise<Float32Array> {
    return (await this.load()).embedLabel(text);
  }

  async embedSpans(
    text: string,
    spans: readonly { start: number; end: number }[],
  ): Promise<{ whole: Float32Array; spans: Float32Array[] }> {
    return (await this.load()).embedSpans(text, spans);
  }

  /** Drops the in-memory cache of recent texts. */
  async forget(): Promise<void> {
    (await this.load()).forget();
  }
}
