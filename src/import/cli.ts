import 'reflect-metadata';
import fs from 'node:fs';
import { SYSTEM_ADMIN } from '../auth/auth.service';
import type { Database } from '../db/database';
import type { Logger } from '../lib/logger';
import { createServices } from '../services';
import { StandardFormat } from '../standards/standards.type';
import { openDatabase } from '../app';
import { loadConfigOrExit } from '../config';
import { applySchema } from '../db/schema';
import { createLogger } from '../lib/logger';
import { importEsco, type ImportReport } from './esco';
import { importCrosswalk, importOnet } from './onet';
import type { ProgressListener } from './import.repository';
import { present } from '../lib/present';

const USAGE = `Usage: npm run import -- <source> <path>
  esco <dir>         the official ESCO CSV package (v1.1 layout), e.g. ../shared/data/esco-v1.1.1-en
  onet <dir>         O*NET 29.x text files, e.g. ../shared/data/onet-29.2
  crosswalk <file>   the Nesta ESCO-O*NET occupation crosswalk CSV (import both taxonomies first)
  ob3 <file> <providerId>    Open Badges 3.0 Achievements (one JSON object, an array, or {"achievements": [...]})
  ctdl <file> <providerId>   CTDL credential records (one JSON object, an array, or a {"@graph": [...]})
Uses NEO4J_URI when set, else the embedded Neo4j of \`npm start\` (NEO4J_DATA_DIR).`;

/** A one-line progress bar on a terminal, a line per finished step elsewhere. */
function progressBar(): ProgressListener {
  return (step, done, total) => {
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      process.stderr.write(
        `\r${step.padEnd(24)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`,
      );
      if (done === total) process.stderr.write('\n');
    } else if (done === total) {
      process.stderr.write(`${step}: ${total} rows\n`);
    }
  };
}

/** Imports a file of OB3 or CTDL documents for a provider, as an admin would through the API. */
async function importStandardFile(
  db: Database,
  logger: Logger,
  publicUrl: string,
  format: StandardFormat,
  file: string,
  providerId: string,
) {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  const documents = (
    Array.isArray(parsed)
      ? parsed
      : ((parsed as Record<string, unknown>)['@graph'] ??
        (parsed as Record<string, unknown>).achievements ?? [parsed])
  ) as Record<string, unknown>[];
  const services = createServices(db, logger, { publicUrl });
  const [provider] = await services.repositories.provider.findByIds([providerId]);
  if (!provider) throw new Error(`No provider "${providerId}".`);
  return services.standards.import(SYSTEM_ADMIN, format, documents, providerId);
}

/** An import report as the CLI prints it: counts, then dangling references (first 20 of each). */
export function formatReport(report: ImportReport): string {
  const out = [`${report.source}: imported in ${(report.ms / 1000).toFixed(1)} s`];
  for (const [kind, count] of Object.entries(report.counts))
    out.push(`  ${kind.padEnd(18)} ${count}`);
  const dangling = Object.entries(report.dangling).filter(([, ids]) => ids.length > 0);
  out.push(
    dangling.length === 0 ? 'No dangling references.' : 'Dangling references (not written):',
  );
  for (const [file, ids] of dangling) {
    out.push(`  ${file}: ${ids.length} unknown concept(s)`);
    for (const id of ids.slice(0, 20)) out.push(`    ${id}`);
    if (ids.length > 20) out.push(`    ... and ${ids.length - 20} more`);
  }
  return out.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [source, target, provider] = argv;
  const importers = { esco: importEsco, onet: importOnet, crosswalk: importCrosswalk } as const;
  const standards = { ob3: StandardFormat.OPEN_BADGES_3, ctdl: StandardFormat.CTDL } as const;
  const isStandard = source === 'ob3' || source === 'ctdl';
  if (!source || !(source in importers || isStandard) || !target || (isStandard && !provider)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const { db, embedded } = await openDatabase(config, logger);
  try {
    await applySchema(db);
    if (isStandard) {
      const results = await importStandardFile(
        db,
        logger,
        config.publicUrl,
        standards[source],
        target,
        present(provider, 'the provider argument (checked above)'),
      );
      for (const r of results) {
        const why = [...r.errors.map((e) => `${e.code}: ${e.message}`), ...r.warnings].join('; ');
        process.stdout.write(
          `#${r.index} ${r.externalId ?? '?'} ${r.status}${why ? ` (${why})` : ''}\n`,
        );
      }
      const rejected = results.filter((r) => r.status === 'REJECTED').length;
      process.stdout.write(
        `${results.length - rejected} taken or unchanged, ${rejected} rejected\n`,
      );
      return rejected > 0 ? 1 : 0;
    }
    const report = await importers[source as keyof typeof importers](db, target, progressBar());
    process.stdout.write(`${formatReport(report)}\n`);
    // Resolution by meaning needs every new label's vector; unchanged labels keep theirs.
    const vectors = await createServices(db, logger).skillVectors.sync(progressBar());
    process.stdout.write(`label vectors: ${vectors.written} written, ${vectors.removed} removed\n`);
    return 0;
  } finally {
    await db.close();
    await embedded?.stop();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
