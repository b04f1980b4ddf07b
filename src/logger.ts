// Structured logs. Secrets are redacted by path wherever they may appear: the bot's password in a
// logged config, and Authorization headers of incoming or outgoing requests.
import pino, { type Logger, type DestinationStream } from 'pino';

export const REDACTED_PATHS = [
  'MicrosoftAppPassword',
  '*.MicrosoftAppPassword',
  'config.MicrosoftAppPassword',
  'BLOB_CONNECTION_STRING',
  '*.BLOB_CONNECTION_STRING',
  'authorization',
  'Authorization',
  'headers.authorization',
  'headers.Authorization',
  'req.headers.authorization',
  '*.headers.authorization',
  'password',
  '*.password',
  'clientSecret',
  '*.clientSecret',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'aml-network-guide' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

export type { Logger };

/** One short line for what a library printed: the first line of each part, never a whole dump. */
function summarise(args: readonly unknown[]): string {
  const parts = args.map((arg) => {
    if (arg instanceof Error) return `${arg.name}: ${arg.message}`;
    if (typeof arg === 'string') return arg;
    try {
      return JSON.stringify(arg) ?? String(arg);
    } catch {
      return String(arg);
    }
  });
  return parts
    .map((part) => part.split('\n')[0])
    .join(' ')
    .slice(0, 200);
}

/**
 * Sends what libraries print with console.* (botbuilder prints every refused token, with stack
 * traces and public keys) to the logger at debug level, one JSON line each, so the logs stay JSON
 * and a refused request is one line.
 */
export function routeConsoleTo(logger: Logger): void {
  const log = (...args: unknown[]) => logger.debug({ printed: summarise(args) }, 'library output');
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    console[method] = log;
  }
}
