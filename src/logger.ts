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
