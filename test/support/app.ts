// Starts the real bot server in this process on an ephemeral port, with its own temporary DATA_DIR.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startApp, type AppOptions, type RunningApp } from '../../src/server/app';

export interface TestApp extends RunningApp {
  dataDir: string;
}

export async function startTestApp(
  env: Record<string, string> = {},
  options: Partial<Omit<AppOptions, 'config'>> = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'amlg-test-'));
  const config = parseConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env });
  const app = await startApp({ config, logger: createLogger('silent'), ...options });
  return {
    ...app,
    dataDir,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
