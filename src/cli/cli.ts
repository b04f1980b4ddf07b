// The command line: the same plan, exports and NSG check as the bot, without Teams.
//   aml-network-guide plan --scenario compute --region westeurope --format bicep
//   aml-network-guide check-nsg nsg.json --scenario compute --region westeurope
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  ExportError,
  ExportFormat,
  ExportOptionsInput,
  FORMAT_LABELS,
  exportPlan,
} from '../export/export.formats';
import { PLACEHOLDERS } from '../export/export.rules';
import { loadKnowledge, planFor, Situation, ScenarioId, Egress, Sdk } from '../knowledge';
import { checkNsg, reportText } from '../nsg-check/nsg.check';
import { MAX_NSG_JSON_CHARS, parseNsgJson } from '../nsg-check/nsg.schema';

export const EXIT = { ok: 0, blocked: 1, usage: 2 } as const;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Reads standard input, for `check-nsg -`. */
  stdin: () => string;
}

export const HELP = `aml-network-guide: the network rules an Azure Machine Learning workspace in a secured
virtual network needs, as commands and code, and a check of an existing NSG.

Usage:
  aml-network-guide plan --scenario <id> [--scenario <id> ...] [options] [--format <format>]
  aml-network-guide check-nsg <file.json | -> --scenario <id> [...] [options]
  aml-network-guide --help

Commands:
  plan        Prints the rules the scenarios need in one format (default az-nsg).
  check-nsg   Reads the JSON of "az network nsg show" or "az network nsg rule list" (a file, or - for
              standard input), evaluates every flow the scenarios need the way Azure does (priority
              order, first match wins, default rules included) and prints a verdict per flow and the
              az commands that add the missing rules. Exit code 1 when a required flow is blocked.

Scenarios (--scenario, repeat for several):
  ${ScenarioId.options.join(', ')}

Situation options (both commands):
  --region <name>            Region of the compute and its virtual network, e.g. westeurope.
                             Without it, regional service tags keep a <region> placeholder.
  --compute-public-ip        The compute has a public IP (adds the inbound AzureMachineLearning rule).
  --egress <kind>            ${Egress.options.join(' | ')} (default nsg): how outbound
                             traffic is filtered; firewall-no-tags gives host names, not tags.
  --vscode                   VS Code connects to compute instances.
  --rstudio                  RStudio runs on a compute instance.
  --public-package-feeds     Jobs or image builds install packages from public feeds (conda, pip).
  --hbi                      The workspace is a high business impact (hbi) workspace.
  --registry-behind-vnet     The workspace's container registry is behind the virtual network.
  --own-images               You build your own Docker images.
  --sdk <v1|v2>              SDK/CLI version (default v2).

Export options (plan):
  --format <format>          ${ExportFormat.options.join(' | ')}
${ExportFormat.options.map((f) => `                               ${f.padEnd(12)} ${FORMAT_LABELS[f]}`).join('\n')}
  --start <priority>         First NSG priority (100-4096, default 100); in check-nsg, the lowest
                             priority the fix may use.
  --step <n>                 Gap between priorities (1-100, default 10).
  --output <file>            Write the text to a file instead of standard output.

Placeholders left in the output for values the tool cannot know:
${[...PLACEHOLDERS].map(([token, meaning]) => `  ${token.padEnd(25)}  ${meaning}`).join('\n')}

Exit codes: 0 done; 1 check-nsg found a blocked flow; 2 wrong arguments or input.
`;

const OPTIONS = {
  scenario: { type: 'string', multiple: true },
  region: { type: 'string' },
  'compute-public-ip': { type: 'boolean' },
  egress: { type: 'string' },
  vscode: { type: 'boolean' },
  rstudio: { type: 'boolean' },
  'public-package-feeds': { type: 'boolean' },
  hbi: { type: 'boolean' },
  'registry-behind-vnet': { type: 'boolean' },
  'own-images': { type: 'boolean' },
  sdk: { type: 'string' },
  format: { type: 'string' },
  start: { type: 'string' },
  step: { type: 'string' },
  output: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** One of a fixed list, with an error that shows the list and what was given. */
function choice<const T extends Readonly<Record<string, string>>>(values: T) {
  const list = Object.values(values).join(', ');
  return z.enum(values, {
    error: (issue) => `expected one of ${list}, got "${String(issue.input)}"`,
  });
}

const SituationArgs = z
  .object({
    scenario: z
      .array(choice(ScenarioId.enum), {
        error: `expected --scenario with one of: ${ScenarioId.options.join(', ')}`,
      })
      .min(1, `expected at least one --scenario: ${ScenarioId.options.join(', ')}`),
    region: z.string().max(40).optional(),
    'compute-public-ip': z.boolean().optional(),
    egress: choice(Egress.enum).optional(),
    vscode: z.boolean().optional(),
    rstudio: z.boolean().optional(),
    'public-package-feeds': z.boolean().optional(),
    hbi: z.boolean().optional(),
    'registry-behind-vnet': z.boolean().optional(),
    'own-images': z.boolean().optional(),
    sdk: choice(Sdk.enum).optional(),
  })
  .transform((a) =>
    Situation.parse({
      scenarios: [...new Set(a.scenario)],
      region: a.region,
      computePublicIp: a['compute-public-ip'],
      egress: a.egress,
      vscode: a.vscode,
      rstudio: a.rstudio,
      publicPackageFeeds: a['public-package-feeds'],
      hbi: a.hbi,
      registryBehindVnet: a['registry-behind-vnet'],
      ownImages: a['own-images'],
      sdk: a.sdk,
    }),
  );

const PlanArgs = z.object({
  situation: SituationArgs,
  format: choice(ExportFormat.enum).default('az-nsg'),
  priorities: ExportOptionsInput,
  output: z.string().min(1).optional(),
});

const CheckArgs = z.object({
  situation: SituationArgs,
  file: z.string({ error: 'expected the NSG JSON file (or - for standard input)' }).min(1),
  priorities: ExportOptionsInput,
});

class UsageError extends Error {}

function argument(path: readonly PropertyKey[]): string {
  const key = path.filter((k) => typeof k === 'string' && k !== 'situation' && k !== 'priorities');
  return key.length > 0 ? `--${String(key[0])}` : 'arguments';
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new UsageError(`${argument(issue.path)}: ${issue.message}`);
}

function readNsgFile(file: string, io: CliIo): string {
  if (file === '-') return io.stdin();
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`cannot read ${file}: no such file`);
  }
  if (size > MAX_NSG_JSON_CHARS) {
    throw new UsageError(
      `${file} is ${Math.round(size / 1000)} KB; an NSG export is far smaller (at most ${MAX_NSG_JSON_CHARS / 1_000_000} MB)`,
    );
  }
  return readFileSync(file, 'utf8');
}

function runPlan(values: Record<string, unknown>, io: CliIo): number {
  const args = parseWith(PlanArgs, {
    situation: values,
    format: values.format,
    priorities: { start: values.start, step: values.step },
    output: values.output,
  });
  const plan = planFor(loadKnowledge(), args.situation);
  const result = exportPlan(plan, args.format, args.priorities);
  for (const warning of plan.warnings) io.err(`Warning: ${warning}\n`);
  for (const note of result.notes) io.err(`Note: ${note}\n`);
  if (result.placeholders.length > 0) {
    io.err(
      `Replace before use: ${result.placeholders.map((p) => `${p.token} (${p.meaning})`).join('; ')}\n`,
    );
  }
  if (args.output) {
    writeFileSync(args.output, result.text);
    io.err(`Wrote ${result.label} to ${args.output}\n`);
  } else io.out(result.text);
  return EXIT.ok;
}

function runCheck(values: Record<string, unknown>, file: unknown, io: CliIo): number {
  const args = parseWith(CheckArgs, {
    situation: values,
    file,
    priorities: { start: values.start, step: values.step },
  });
  const parsed = parseNsgJson(readNsgFile(args.file, io));
  if (!parsed.ok) throw new UsageError(`${args.file} is not NSG JSON:\n${parsed.error}`);
  const plan = planFor(loadKnowledge(), args.situation);
  for (const warning of plan.warnings) io.err(`Warning: ${warning}\n`);
  const report = checkNsg(plan, parsed, args.priorities.start);
  io.out(reportText(report));
  return report.blocked ? EXIT.blocked : EXIT.ok;
}

export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...argv],
        options: OPTIONS,
        allowPositionals: true,
        strict: true,
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const { values, positionals } = parsed;
    const [command, ...rest] = positionals;
    if (values.help || command === 'help' || command === undefined) {
      io.out(HELP);
      return command === undefined && !values.help ? EXIT.usage : EXIT.ok;
    }
    if (command === 'plan') {
      if (rest.length > 0) throw new UsageError(`plan takes no file, got "${rest[0]}"`);
      return runPlan(values, io);
    }
    if (command === 'check-nsg') {
      if (rest.length > 1) throw new UsageError('check-nsg takes one file');
      return runCheck(values, rest[0], io);
    }
    throw new UsageError(`unknown command "${command}": expected plan or check-nsg`);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ExportError) {
      io.err(`aml-network-guide: ${e.message}\nRun aml-network-guide --help for usage.\n`);
      return EXIT.usage;
    }
    throw e;
  }
}
