// Reads knowledge/*.json once, validates it with zod and checks that its references hold together.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { projectPath } from '../paths';
import { KnowledgeError, formatPath, type KnowledgeIssue } from './knowledge.error';
import { checkIntegrity, type Located, type LocatedKnowledge } from './knowledge.integrity';
import { KnowledgeFile, type CollectionName, type Knowledge } from './knowledge.schema';

function zodIssues(file: string, error: z.ZodError): KnowledgeIssue[] {
  return error.issues.map((issue) => ({
    file,
    path: formatPath(issue.path),
    message: issue.message,
  }));
}

const collections: readonly CollectionName[] = [
  'sources',
  'scenarios',
  'rules',
  'steps',
  'conflicts',
  'errors',
  'regions',
  'vocabulary',
  'clouds',
  'cloudEndpoints',
];

function readFile(dir: string, name: string, label: string): KnowledgeFile | KnowledgeIssue[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
  } catch (err) {
    return [{ file: label, path: '', message: `not valid JSON (${(err as Error).message})` }];
  }
  const parsed = KnowledgeFile.safeParse(json);
  return parsed.success ? parsed.data : zodIssues(label, parsed.error);
}

/**
 * Loads every `*.json` file of the knowledge folder. Each file holds any of the collections
 * (sources, scenarios, rules, steps, conflicts, errors, regions); files are concatenated, so the
 * data can be split however reviewers like. Throws a KnowledgeError on the first bad file or on
 * broken references.
 */
export function loadKnowledge(dir: string = projectPath('knowledge')): Knowledge {
  const folder = path.basename(dir);
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch (err) {
    throw new KnowledgeError([{ file: folder, path: '', message: (err as Error).message }]);
  }
  if (names.length === 0) {
    throw new KnowledgeError([{ file: folder, path: '', message: 'no .json files found' }]);
  }

  const located = Object.fromEntries(
    collections.map((c) => [c, []]),
  ) as unknown as LocatedKnowledge;
  const issues: KnowledgeIssue[] = [];
  for (const name of names) {
    const label = `${folder}/${name}`;
    const content = readFile(dir, name, label);
    if (Array.isArray(content)) {
      issues.push(...content);
      continue;
    }
    for (const c of collections) {
      const items = content[c] ?? [];
      items.forEach((item, index) => {
        (located[c] as Located<unknown>[]).push({ item, file: label, path: `${c}[${index}]` });
      });
    }
  }
  if (issues.length > 0) throw new KnowledgeError(issues);

  const integrityIssues = checkIntegrity(located, folder);
  if (integrityIssues.length > 0) throw new KnowledgeError(integrityIssues);

  return Object.freeze({
    sources: Object.freeze(located.sources.map((l) => l.item)),
    scenarios: Object.freeze(located.scenarios.map((l) => l.item)),
    rules: Object.freeze(located.rules.map((l) => l.item)),
    steps: Object.freeze(located.steps.map((l) => l.item)),
    conflicts: Object.freeze(located.conflicts.map((l) => l.item)),
    errors: Object.freeze(located.errors.map((l) => l.item)),
    regions: Object.freeze(located.regions.map((l) => l.item)),
    vocabulary: Object.freeze(located.vocabulary.map((l) => l.item)),
    clouds: Object.freeze(located.clouds.map((l) => l.item)),
    cloudEndpoints: Object.freeze(located.cloudEndpoints.map((l) => l.item)),
  });
}

let cached: Knowledge | undefined;

/** The project's knowledge, loaded on first use and shared afterwards (it never changes at runtime). */
export function getKnowledge(): Knowledge {
  cached ??= loadKnowledge();
  return cached;
}

export interface KnowledgeSummary {
  /** Date of the newest source, ISO yyyy-mm-dd. */
  asOf: string;
  rules: number;
  steps: number;
  scenarios: number;
}

export function knowledgeSummary(k: Knowledge): KnowledgeSummary {
  const asOf = k.sources.reduce((newest, s) => (s.asOf > newest ? s.asOf : newest), '');
  return { asOf, rules: k.rules.length, steps: k.steps.length, scenarios: k.scenarios.length };
}
