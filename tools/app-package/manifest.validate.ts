// Validation of a filled Teams manifest: the official JSON schema (the copy bundled in
// @microsoft/app-manifest, never fetched) plus the checks the schema does not make.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { z } from 'zod';
import { GUID_PATTERN } from './app-package.env';
import { findLeftoverPlaceholders, placeholderNames } from './manifest.placeholders';
import { formatPath, type PackageProblem, quote } from './package-problem';

/** What the bot implements, so the manifest cannot advertise a command nobody answers. */
export interface CommandHandlers {
  readonly botCommands: readonly string[];
  readonly messageExtensionCommands: readonly string[];
}

const SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v(\d+\.\d+)\/MicrosoftTeams\.schema\.json$/;

/** Teams accepts MAJOR.MINOR.PATCH only; the schema itself leaves `version` unchecked. */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** Icons go at the zip root next to manifest.json, so a path with folders would not be found. */
const ROOT_PNG = /^[^/\\]+\.png$/i;

function bundledSchemaFolder(): string {
  const packageJson = require.resolve('@microsoft/app-manifest/package.json');
  return path.join(path.dirname(packageJson), 'build', 'json-schemas', 'teams');
}

/** Manifest schema versions this package can validate offline, oldest first (`1.19`, …). */
export function bundledSchemaVersions(): string[] {
  return readdirSync(bundledSchemaFolder())
    .filter((name) => /^v\d+\.\d+$/.test(name))
    .filter((name) =>
      existsSync(path.join(bundledSchemaFolder(), name, 'MicrosoftTeams.schema.json')),
    )
    .map((name) => name.slice(1))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** `1.0–1.17, 1.19–1.30`: runs of consecutive minor versions, so the message stays one line. */
function describeVersions(versions: readonly string[]): string {
  const runs: string[][] = [];
  for (const version of versions) {
    const run = runs.at(-1);
    const previous = run?.at(-1);
    const [major, minor] = version.split('.').map(Number);
    const [lastMajor, lastMinor] = (previous ?? '').split('.').map(Number);
    if (run && major === lastMajor && minor === (lastMinor ?? NaN) + 1) run.push(version);
    else runs.push([version]);
  }
  return runs.map((run) => (run.length > 1 ? `${run[0]}–${run.at(-1)}` : run[0])).join(', ');
}

const Guid = z
  .string({ error: (issue) => describeMissing(issue.input, 'a GUID') })
  .regex(GUID_PATTERN, {
    error: (issue) => `expected a GUID, got ${quote(issue.input)}`,
  });

function describeMissing(input: unknown, expected: string): string {
  return input === undefined
    ? `is required (${expected})`
    : `expected ${expected}, got ${quote(input)}`;
}

/** The subset of the manifest this project checks itself; everything else is the schema's job. */
function manifestRules(handlers: CommandHandlers) {
  const botCommand = z.string().refine((title) => handlers.botCommands.includes(title), {
    error: (issue) =>
      `command ${quote(issue.input)} has no handler in the bot (handled: ${handlers.botCommands.join(', ')})`,
  });
  const extensionCommand = z
    .string()
    .refine((id) => handlers.messageExtensionCommands.includes(id), {
      error: (issue) =>
        `message extension command ${quote(issue.input)} has no handler in the bot (handled: ${handlers.messageExtensionCommands.join(', ')})`,
    });
  const iconFile = z
    .string({ error: (issue) => describeMissing(issue.input, 'a PNG file name') })
    .regex(ROOT_PNG, {
      error: (issue) =>
        `expected a PNG file name without folders (it sits at the zip root), got ${quote(issue.input)}`,
    });

  return z
    .object({
      $schema: z.string({ error: (issue) => describeMissing(issue.input, 'the schema URL') }),
      manifestVersion: z.string({ error: (issue) => describeMissing(issue.input, 'a version') }),
      id: Guid,
      version: z
        .string({ error: (issue) => describeMissing(issue.input, 'a version like 1.0.0') })
        .regex(SEMVER, {
          error: (issue) =>
            `expected a semantic version MAJOR.MINOR.PATCH like 1.0.0, got ${quote(issue.input)}`,
        }),
      icons: z.object({ color: iconFile, outline: iconFile }, { error: 'is required' }),
      bots: z
        .array(
          z.object({
            botId: Guid,
            commandLists: z
              .array(z.object({ commands: z.array(z.object({ title: botCommand })) }))
              .optional(),
          }),
          { error: 'is required: this app is a bot' },
        )
        .min(1, { error: 'is required: this app is a bot' }),
      composeExtensions: z
        .array(
          z.object({
            botId: Guid,
            commands: z.array(z.object({ id: extensionCommand })).optional(),
          }),
        )
        .optional(),
    })
    .superRefine((manifest, context) => {
      const schemaVersion = SCHEMA_URL.exec(manifest.$schema)?.[1];
      if (schemaVersion && manifest.manifestVersion !== schemaVersion) {
        context.addIssue({
          code: 'custom',
          path: ['manifestVersion'],
          message: `expected ${quote(schemaVersion)} to match $schema, got ${quote(manifest.manifestVersion)}`,
        });
      }
      const botId = manifest.bots[0]?.botId.toLowerCase();
      manifest.composeExtensions?.forEach((extension, index) => {
        if (extension.botId.toLowerCase() !== botId) {
          context.addIssue({
            code: 'custom',
            path: ['composeExtensions', index, 'botId'],
            message: `expected the bot's id ${quote(botId)}, got ${quote(extension.botId)}`,
          });
        }
      });
    });
}

/** Runs `work` with `fetch` replaced by one that throws, so validation provably stays offline. */
async function withoutNetwork<T>(work: () => Promise<T>): Promise<T> {
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: Parameters<typeof fetch>[0]) => {
    throw new Error(`network access attempted during offline validation: ${String(input)}`);
  }) as typeof fetch;
  try {
    return await work();
  } finally {
    globalThis.fetch = original;
  }
}

/** Turns one AJV message from validateAgainstSchema (`/a/0/b must … Details: {…}`) into a problem. */
function schemaProblem(error: string): PackageProblem {
  const match = /^(\S*) ([\s\S]*?)\. Details: ([\s\S]*)$/.exec(error);
  if (!match) return { path: 'manifest', message: error };
  const [, pointer = '', message = '', details = ''] = match;
  const segments = pointer
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  let params: Record<string, unknown> = {};
  try {
    params = JSON.parse(details) as Record<string, unknown>;
  } catch {
    // Details are informative only; the message alone still says what is wrong.
  }
  if (typeof params.missingProperty === 'string') {
    return {
      path: formatPath('manifest', [...segments, params.missingProperty]),
      message: 'is required',
    };
  }
  if (typeof params.additionalProperty === 'string') {
    return {
      path: formatPath('manifest', [...segments, params.additionalProperty]),
      message: 'is not allowed by the schema',
    };
  }
  const allowed = Array.isArray(params.allowedValues)
    ? ` (${params.allowedValues.map((value) => quote(value)).join(', ')})`
    : '';
  return { path: formatPath('manifest', segments), message: `${message}${allowed}` };
}

/** The manifest against the official schema its `$schema` names, from the bundled copy only. */
export async function validateAgainstBundledSchema(manifest: unknown): Promise<PackageProblem[]> {
  const schemaUrl =
    manifest !== null && typeof manifest === 'object' && '$schema' in manifest
      ? manifest.$schema
      : undefined;
  const version = typeof schemaUrl === 'string' ? SCHEMA_URL.exec(schemaUrl)?.[1] : undefined;
  const bundled = bundledSchemaVersions();
  if (!version || !bundled.includes(version)) {
    return [
      {
        path: 'manifest.$schema',
        message: `expected the URL of a Teams manifest schema bundled for offline validation (versions ${describeVersions(bundled)}), got ${quote(schemaUrl)}`,
      },
    ];
  }
  try {
    const errors = await withoutNetwork(() =>
      AppManifestUtils.validateAgainstSchema(manifest as AppManifest),
    );
    return errors.map(schemaProblem);
  } catch (error) {
    return [
      {
        path: 'manifest.$schema',
        message: `could not validate offline: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  }
}

/**
 * Every problem of a filled manifest, at most one per field: a leftover placeholder explains a bad
 * GUID better than the GUID check, and our own messages read better than the schema's.
 */
export async function validateManifest(
  manifest: unknown,
  handlers: CommandHandlers,
): Promise<PackageProblem[]> {
  const placeholderProblems = findLeftoverPlaceholders(manifest).map(({ segments, text }) => {
    const names = placeholderNames(text);
    return {
      path: formatPath('manifest', segments),
      message:
        names.length > 0
          ? `placeholder ${names.map((name) => `\${{${name}}}`).join(', ')} was not filled (set ${names.join(', ')})`
          : `unfilled placeholder in ${quote(text)}`,
    };
  });
  const parsed = manifestRules(handlers).safeParse(manifest);
  const ruleProblems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: formatPath('manifest', issue.path),
        message: issue.message,
      }));
  const schemaProblems = await validateAgainstBundledSchema(manifest);

  const problems: PackageProblem[] = [];
  const reported = new Set<string>();
  for (const problem of [...placeholderProblems, ...ruleProblems, ...schemaProblems]) {
    if (reported.has(problem.path)) continue;
    reported.add(problem.path);
    problems.push(problem);
  }
  return problems;
}
