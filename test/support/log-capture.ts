// A logger whose JSON lines the test can read.
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger';

export interface CapturedLogs {
  logger: Logger;
  /** Every line written so far, parsed. */
  entries(): Record<string, unknown>[];
  /** The lines with this message. */
  withMessage(msg: string): Record<string, unknown>[];
}

export function captureLogs(level = 'info'): CapturedLogs {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(
        ...chunk
          .toString()
          .split('\n')
          .filter((l) => l.trim() !== ''),
      );
      done();
    },
  });
  const entries = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return {
    logger: createLogger(level, sink),
    entries,
    withMessage: (msg) => entries().filter((e) => e['msg'] === msg),
  };
}
