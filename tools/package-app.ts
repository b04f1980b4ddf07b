/**
 * `npm run package`: fills appPackage/manifest.json from the environment (and .env), validates the
 * manifest offline and the icons, and writes build/appPackage.zip for upload to Teams.
 * Usage: node build/tools/package-app.js [--out path/to/appPackage.zip]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildAppPackage } from './app-package/app-package.build';
import { resolvePlaceholderValues } from './app-package/app-package.env';
import { formatProblem, type PackageProblem } from './app-package/package-problem';
import { HANDLED_COMMANDS, MESSAGE_EXTENSION_COMMANDS } from '../src/bot/commands';
import { projectPath } from '../src/paths';

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

function parseArgs(argv: readonly string[]): { outFile: string } | { usage: string } {
  let outFile = projectPath('build', 'appPackage.zip');
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const value = argv[index + 1];
    if (arg === '--out' && value) {
      outFile = path.resolve(value);
      index++;
    } else {
      return { usage: `unknown argument ${arg ?? ''}; usage: package-app [--out file.zip]` };
    }
  }
  return { outFile };
}

function reportProblems(heading: string, problems: readonly PackageProblem[], output: Output) {
  output.error(`${heading}: ${problems.length} problem(s)`);
  for (const problem of problems) output.error(`  ${formatProblem(problem)}`);
}

/** The whole command, with its inputs passed in so tests can run it without touching process state. */
export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  output: Output = console,
): Promise<number> {
  const args = parseArgs(argv);
  if ('usage' in args) {
    output.error(args.usage);
    return 2;
  }
  const { version } = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as {
    version: string;
  };
  const resolved = resolvePlaceholderValues(env, version);
  if (!resolved.ok) {
    reportProblems('environment', resolved.problems, output);
    return 1;
  }
  for (const note of resolved.notes) output.log(`note: ${note}`);

  const result = await buildAppPackage({
    sourceDir: projectPath('appPackage'),
    outFile: args.outFile,
    values: { ...resolved.values },
    handlers: {
      botCommands: HANDLED_COMMANDS,
      messageExtensionCommands: MESSAGE_EXTENSION_COMMANDS,
    },
  });
  if (!result.ok) {
    reportProblems('appPackage', result.problems, output);
    return 1;
  }
  const shown = path.relative(process.cwd(), result.outFile);
  output.log(
    `wrote ${shown.startsWith('..') ? result.outFile : shown} ` +
      `(${result.entries.join(', ')}): app id ${resolved.values.TEAMS_APP_ID}, bot id ${resolved.values.BOT_ID}, ` +
      `version ${resolved.values.APP_VERSION}, manifest validated offline against schema ${String(result.manifest.manifestVersion)}`,
  );
  return 0;
}

if (require.main === module) {
  // Variables already set in the environment win over .env, as with `node --env-file`.
  const envFile = projectPath('.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  main(process.argv.slice(2), process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
