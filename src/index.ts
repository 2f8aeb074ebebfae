import 'reflect-metadata';
import { seedDemoIfEmpty } from '../seed/load-demo';
import { startRegistry } from './app';
import { ensureAdminKey } from './auth/bootstrap';
import { loadConfigOrExit } from './config';
import { createLogger, errorFields } from './lib/logger';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const registry = await startRegistry(config, logger, {
    onDatabaseReady: async (services) => {
      await ensureAdminKey(services, config.adminApiKey);
      if (config.seedDemo) await seedDemoIfEmpty(services);
    },
  });

  let firstSignalAt = 0;
  const shutdown = (signal: NodeJS.Signals) => {
    // Ctrl-C under `npm start` can arrive twice at once (terminal and npm); only a later one forces.
    if (firstSignalAt > 0) {
      if (Date.now() - firstSignalAt < 2_000) return;
      logger.warn('second signal: exiting now', { signal });
      process.exit(1);
    }
    firstSignalAt = Date.now();
    logger.info('shutting down', { signal });
    registry.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', errorFields(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await registry.ready;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
