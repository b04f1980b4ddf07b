// Builds the Teams app package: fill the manifest, validate it and the icons, and only then write the
// zip with manifest.json and the icons at its root (where Teams looks for them).
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { z } from 'zod';
import { type IconFile, validateColorIcon, validateOutlineIcon } from './icons.validate';
import { fillPlaceholders } from './manifest.placeholders';
import { type CommandHandlers, validateManifest } from './manifest.validate';
import type { PackageProblem } from './package-problem';

export interface BuildOptions {
  /** Folder holding manifest.json and the icons it names. */
  readonly sourceDir: string;
  /** Where the zip goes; its folder is created when missing. */
  readonly outFile: string;
  /** Placeholder values by name, for `${{NAME}}` in the manifest. */
  readonly values: Readonly<Record<string, string>>;
  readonly handlers: CommandHandlers;
}

export type BuildResult =
  | {
      readonly ok: true;
      readonly outFile: string;
      readonly manifest: Readonly<Record<string, unknown>>;
      readonly entries: readonly string[];
    }
  | { readonly ok: false; readonly problems: readonly PackageProblem[] };

const MANIFEST_FILE = 'manifest.json';

/** Just enough of the manifest to find the icons; validating the names is the manifest check's job. */
const IconNames = z.object({
  icons: z.object({ color: z.unknown(), outline: z.unknown() }).partial(),
});

function readManifest(sourceDir: string): { manifest: unknown } | { problem: PackageProblem } {
  const file = path.join(sourceDir, MANIFEST_FILE);
  if (!existsSync(file)) {
    return { problem: { path: MANIFEST_FILE, message: `not found in ${sourceDir}` } };
  }
  try {
    return { manifest: JSON.parse(readFileSync(file, 'utf8')) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problem: { path: MANIFEST_FILE, message: `not valid JSON (${reason})` } };
  }
}

/** Reads the icon the manifest names, or says why it cannot; a bad name is the manifest's problem. */
function readIcon(
  sourceDir: string,
  manifest: unknown,
  kind: 'color' | 'outline',
): IconFile | PackageProblem | undefined {
  const icons = IconNames.safeParse(manifest).data?.icons;
  const name = icons?.[kind];
  if (typeof name !== 'string' || name !== path.basename(name)) return undefined;
  const file = path.join(sourceDir, name);
  if (!existsSync(file)) {
    return {
      path: `manifest.icons.${kind}`,
      message: `file ${name} not found next to manifest.json`,
    };
  }
  return { name, data: readFileSync(file) };
}

export async function buildAppPackage(options: BuildOptions): Promise<BuildResult> {
  // A zip left from an earlier run must not survive a failed one and be uploaded by mistake.
  rmSync(options.outFile, { force: true });

  const read = readManifest(options.sourceDir);
  if ('problem' in read) return { ok: false, problems: [read.problem] };
  const manifest = fillPlaceholders(read.manifest, options.values);

  const problems: PackageProblem[] = [...(await validateManifest(manifest, options.handlers))];
  const color = readIcon(options.sourceDir, manifest, 'color');
  const outline = readIcon(options.sourceDir, manifest, 'outline');
  for (const [icon, validate] of [
    [color, validateColorIcon],
    [outline, validateOutlineIcon],
  ] as const) {
    if (icon && 'data' in icon) problems.push(...validate(icon));
    else if (icon) problems.push(icon);
  }
  if (problems.length > 0 || !color || !outline || !('data' in color) || !('data' in outline)) {
    return { ok: false, problems };
  }

  const zip = new AdmZip();
  zip.addFile(MANIFEST_FILE, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  zip.addFile(color.name, color.data);
  zip.addFile(outline.name, outline.data);
  mkdirSync(path.dirname(options.outFile), { recursive: true });
  zip.writeZip(options.outFile);
  return {
    ok: true,
    outFile: options.outFile,
    manifest: manifest as Record<string, unknown>,
    entries: zip.getEntries().map((entry) => entry.entryName),
  };
}
