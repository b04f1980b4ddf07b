// Runs the built bot (dist/) as a real process, the way `npm start` does.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { projectPath } from '../../src/paths';

export const ENTRY = projectPath('dist', 'src', 'index.js');
/** As `npm start` runs it: without restify's deprecation warning, which is not a JSON line. */
const NODE_ARGS = ['--disable-warning=DEP0111', ENTRY];

export interface BotProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  /**
   * Resolves once the output holds `text`: log lines written one after the other may arrive in
   * separate chunks, so a line after the start line is waited for, not expected at once.
   */
  waitForOutput(text: string, timeoutMs?: number): Promise<string>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  return { ...base, LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env };
}

function requireBuild(): void {
  // Jest's global setup (build-once.ts) builds it; this catches a run without that setup.
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run "npm run build" first`);
}

/** Runs the bot to completion (for settings that must stop it) and returns exit code and output. */
export function runToExit(
  env: Record<string, string>,
  timeoutMs = 15000,
): Promise<{ code: number | null; output: string }> {
  requireBuild();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, NODE_ARGS, {
      env: cleanEnv(env),
      cwd: projectPath('test'),
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the bot did not exit within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Starts the bot on an ephemeral port and waits until /healthz answers 200. */
export async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  requireBuild();
  const child = spawn(process.execPath, NODE_ARGS, {
    env: cleanEnv({ PORT: '0', ...env }),
    cwd: projectPath('test'),
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  const deadline = Date.now() + 15000;
  let url: string | undefined;
  while (!url) {
    const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
    if (match) url = match[1];
    else if (child.exitCode !== null) throw new Error(`the bot exited early:\n${output}`);
    else if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the bot did not start:\n${output}`);
    } else await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    url: url!,
    output: () => output,
    async waitForOutput(text, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (!output.includes(text)) {
        if (child.exitCode !== null || Date.now() > until) return output;
        await new Promise((r) => setTimeout(r, 20));
      }
      return output;
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
