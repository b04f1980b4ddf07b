// Jest global setup: the process tests run the built bot (dist/), as `npm start` does. A fresh clone
// or an edited src/ gets a build here, once per run, so `npx jest` needs no manual step first.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectPath } from '../../src/paths';
import { ENTRY } from './process';

/** Newest modification time of the TypeScript sources and the compiler settings. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

export function buildIsStale(): boolean {
  if (!existsSync(ENTRY)) return true;
  const sources = Math.max(
    newestSource(projectPath('src')),
    statSync(projectPath('tsconfig.json')).mtimeMs,
  );
  return sources > statSync(ENTRY).mtimeMs;
}

export default function buildOnce(): void {
  if (!buildIsStale()) return;
  try {
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', projectPath('tsconfig.json')],
      {
        cwd: projectPath(),
        stdio: 'pipe',
      },
    );
  } catch (error) {
    const { stdout } = error as { stdout?: Buffer };
    throw new Error(`building dist/ for the process tests failed:\n${stdout?.toString() ?? ''}`, {
      cause: error,
    });
  }
  // As `npm run build` does after compiling: package.json's commands are run as programs.
  const { bin = {} } = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as {
    bin?: Record<string, string>;
  };
  for (const file of Object.values(bin)) chmodSync(projectPath(file), 0o755);
}
