export type LogFields = Record<string, unknown>;

/** A structured logger: one JSON object per line on stdout (errors on stderr). */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose every line carries `fields` (for example a request id). */
  child(fields: LogFields): Logger;
}

/** How much a logger writes: this level and the ones above it. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** A JSON-lines logger at `level`, with `base` fields on every line. */
export function createLogger(level: LogLevel, base: LogFields = {}): Logger {
  const write = (lineLevel: Exclude<LogLevel, 'silent'>, message: string, fields?: LogFields) => {
    if (RANK[lineLevel] < RANK[level]) return;
    const line = JSON.stringify({
      time: new Date().toISOString(),
      level: lineLevel,
      msg: message,
      ...base,
      ...fields,
    });
    (lineLevel === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger(level, { ...base, ...fields }),
  };
}

/** Serialises an unknown thrown value for a log line, keeping the stack. */
export function errorFields(error: unknown): LogFields {
  if (error instanceof Error) {
    return { err: { name: error.name, message: error.message, stack: error.stack } };
  }
  return { err: String(error) };
}
