// Cross-file checks zod cannot do alone: unique ids, references that resolve, content per scenario.
import type { KnowledgeIssue } from './knowledge.error';
import { errorPatternProblem } from './error-pattern';
import {
  scenarioOrder,
  type CloudEndpoint,
  type CloudProfile,
  type Conflict,
  type KnownError,
  type Region,
  type Rule,
  type Scenario,
  type Source,
  type SourceRef,
  type Step,
  type VocabularyEntry,
} from './knowledge.schema';

/** An item with where it came from, so an issue can name the file and the field. */
export interface Located<T> {
  item: T;
  file: string;
  /** e.g. `rules[3]` */
  path: string;
}

export interface LocatedKnowledge {
  sources: Located<Source>[];
  scenarios: Located<Scenario>[];
  rules: Located<Rule>[];
  steps: Located<Step>[];
  conflicts: Located<Conflict>[];
  errors: Located<KnownError>[];
  regions: Located<Region>[];
  vocabulary: Located<VocabularyEntry>[];
  clouds: Located<CloudProfile>[];
  cloudEndpoints: Located<CloudEndpoint>[];
}

function issueAt(at: Located<unknown>, field: string, message: string): KnowledgeIssue {
  return { file: at.file, path: field ? `${at.path}.${field}` : at.path, message };
}

function uniqueIds<T>(
  items: Located<T>[],
  idOf: (t: T) => string,
  field: string,
): KnowledgeIssue[] {
  const first = new Map<string, Located<T>>();
  const issues: KnowledgeIssue[] = [];
  for (const at of items) {
    const id = idOf(at.item);
    const seen = first.get(id);
    if (seen) {
      issues.push(issueAt(at, field, `duplicate id "${id}" (first in ${seen.file} ${seen.path})`));
    } else {
      first.set(id, at);
    }
  }
  return issues;
}

/** Each item's id and former ids, located where the item is. */
function withFormerIds<T extends { id: string; formerIds?: string[] | undefined }>(
  items: readonly Located<T>[],
): Located<string>[] {
  return items.flatMap((at) =>
    [at.item.id, ...(at.item.formerIds ?? [])].map((id) => ({ ...at, item: id })),
  );
}

function refsExist(
  at: Located<unknown>,
  field: string,
  refs: readonly string[] | undefined,
  known: ReadonlySet<string>,
  what: string,
): KnowledgeIssue[] {
  return (refs ?? []).flatMap((ref, i) =>
    known.has(ref) ? [] : [issueAt(at, `${field}[${i}]`, `unknown ${what} "${ref}"`)],
  );
}

function sourceRefsExist(
  at: Located<unknown>,
  field: string,
  refs: readonly SourceRef[],
  known: ReadonlySet<string>,
): KnowledgeIssue[] {
  return refs.flatMap((ref, i) =>
    known.has(ref.source)
      ? []
      : [issueAt(at, `${field}[${i}].source`, `unknown source "${ref.source}"`)],
  );
}

function newestPositionHolds(at: Located<Conflict>): KnowledgeIssue[] {
  const { positions, newer } = at.item;
  if (newer === null) return [];
  const chosen = positions[newer];
  if (!chosen) {
    return [issueAt(at, 'newer', `expected an index below ${positions.length}`)];
  }
  const later = positions.find((p) => p.asOf > chosen.asOf);
  return later
    ? [issueAt(at, 'newer', `position ${newer} (${chosen.asOf}) is older than ${later.asOf}`)]
    : [];
}

function regexesCompile(at: Located<KnownError>): KnowledgeIssue[] {
  return at.item.patterns.flatMap((p, i) => {
    const problem = 'regex' in p ? errorPatternProblem(p.regex) : undefined;
    return problem ? [issueAt(at, `patterns[${i}].regex`, problem)] : [];
  });
}

/**
 * A stored answer is shown wherever its item is, also after a "Did you mean" click on another
 * question: one that opens with a pronoun ("Yes, they break it", "It only opens …") leaves the
 * reader to guess what it is about.
 */
function answerNamesItsSubject(at: Located<{ answer?: string | undefined }>): KnowledgeIssue[] {
  const answer = at.item.answer;
  if (answer === undefined) return [];
  const opening = /^(?:(?:yes|no)\b[,:;.]?\s*)?(they|it|this|that|these|those)\b/i.exec(answer);
  return opening
    ? [issueAt(at, 'answer', `opens with "${opening[1]}": name what it is about instead`)]
    : [];
}

export function checkIntegrity(k: LocatedKnowledge, folder: string): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [
    ...uniqueIds(k.sources, (s) => s.id, 'id'),
    ...uniqueIds(k.scenarios, (s) => s.id, 'id'),
    ...uniqueIds(k.rules, (r) => r.id, 'id'),
    // A merged item's former ids name it as well, so they must not name any other item.
    ...uniqueIds(withFormerIds(k.steps), (id) => id, 'id'),
    ...uniqueIds(k.conflicts, (c) => c.id, 'id'),
    ...uniqueIds(withFormerIds(k.errors), (id) => id, 'id'),
    ...uniqueIds(k.regions, (r) => r.name, 'name'),
    ...uniqueIds(k.vocabulary, (v) => v.term, 'term'),
    ...uniqueIds(k.clouds, (c) => c.cloud, 'cloud'),
    ...uniqueIds(k.cloudEndpoints, (e) => `${e.rule} in ${e.cloud}`, 'rule'),
  ];

  const sources = new Set(k.sources.map((s) => s.item.id));
  const scenarios = new Set<string>(k.scenarios.map((s) => s.item.id));
  const rules = new Set(k.rules.map((r) => r.item.id));
  const steps = new Set(k.steps.map((s) => s.item.id));
  const conflicts = new Set(k.conflicts.map((c) => c.item.id));

  for (const id of scenarioOrder) {
    if (!scenarios.has(id)) {
      issues.push({ file: folder, path: 'scenarios', message: `missing scenario "${id}"` });
    }
  }
  for (const at of k.scenarios)
    issues.push(...sourceRefsExist(at, 'sources', at.item.sources, sources));
  for (const at of [...k.rules, ...k.steps]) {
    issues.push(
      ...refsExist(at, 'scenarios', at.item.scenarios, scenarios, 'scenario'),
      ...sourceRefsExist(at, 'sources', at.item.sources, sources),
      ...refsExist(at, 'conflicts', at.item.conflicts, conflicts, 'conflict'),
    );
  }
  // A host's tags are the endpoints of service-tag rules, so "which tag covers it" has an answer.
  const serviceTags = new Set(
    k.rules.filter((r) => r.item.endpointKind === 'service-tag').map((r) => r.item.endpoint),
  );
  for (const at of k.rules) {
    if (at.item.tags && at.item.endpointKind !== 'fqdn')
      issues.push(issueAt(at, 'tags', 'only a host name (endpointKind "fqdn") has tags'));
    issues.push(...refsExist(at, 'tags', at.item.tags, serviceTags, 'service tag'));
  }
  for (const at of k.conflicts) {
    issues.push(...refsExist(at, 'scenarios', at.item.scenarios, scenarios, 'scenario'));
    at.item.positions.forEach((p, i) =>
      issues.push(...sourceRefsExist(at, `positions[${i}].sources`, p.sources, sources)),
    );
    issues.push(...newestPositionHolds(at));
  }
  for (const at of k.errors) {
    issues.push(
      ...refsExist(at, 'scenarios', at.item.scenarios, scenarios, 'scenario'),
      ...refsExist(at, 'rules', at.item.rules, rules, 'rule'),
      ...refsExist(at, 'steps', at.item.steps, steps, 'step'),
      ...refsExist(at, 'conflicts', at.item.conflicts, conflicts, 'conflict'),
      ...regexesCompile(at),
    );
    const by = at.item.answeredBy;
    if (by !== undefined && !steps.has(by))
      issues.push(issueAt(at, 'answeredBy', `unknown step "${by}"`));
  }

  for (const at of [...k.steps, ...k.conflicts]) issues.push(...answerNamesItsSubject(at));

  const profiled = new Set<string>(k.clouds.map((c) => c.item.cloud));
  for (const at of k.regions) {
    const { cloud } = at.item;
    if (cloud !== 'public' && !profiled.has(cloud))
      issues.push(issueAt(at, 'cloud', `no clouds entry for "${cloud}"`));
  }
  for (const at of k.clouds) {
    issues.push(...refsExist(at, 'steps', at.item.steps, steps, 'step'));
  }
  for (const at of k.cloudEndpoints) {
    issues.push(
      ...(rules.has(at.item.rule) ? [] : [issueAt(at, 'rule', `unknown rule "${at.item.rule}"`)]),
      ...sourceRefsExist(at, 'sources', at.item.sources, sources),
    );
  }

  // A scenario without rules or steps would give an empty plan, which reads like "nothing to do".
  for (const at of k.scenarios) {
    const id = at.item.id;
    const used = [...k.rules, ...k.steps].some((r) => r.item.scenarios.includes(id));
    if (!used) issues.push(issueAt(at, 'id', `scenario "${id}" has no rules or steps`));
  }
  return issues;
}
