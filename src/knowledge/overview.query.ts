// A scenario's full picture for its card: every rule and step that can apply, each with the condition
// under which it does, rather than the one plan of a particular situation.
import { Egress, ScenarioId, Situation, Sdk, type Knowledge } from './knowledge.schema';
import { planFor, type Plan, type PlanRule } from './plan.query';

const BOOLEAN_OPTIONS = [
  'computePublicIp',
  'registryBehindVnet',
  'ownImages',
  'vscode',
  'hbi',
] as const;

/**
 * Features a user opts into: a condition only ever requires them (a test checks it), so they only
 * add rules, and turning them all on shows every rule they can bring without doubling the situations.
 */
const FEATURES_ON = { rstudio: true, publicPackageFeeds: true } as const;

/**
 * Every situation a user could be in, FQDN-only firewalls excepted: their rules restate the service
 * tags as host names and are shown when the wizard is told the firewall cannot use tags.
 */
function situationsFor(scenarios: ScenarioId[], withFqdnRules: boolean): Situation[] {
  const situations: Situation[] = [];
  const egresses = Egress.options.filter((e) => withFqdnRules || e !== 'firewall-no-tags');
  for (let mask = 0; mask < 1 << BOOLEAN_OPTIONS.length; mask++) {
    for (const egress of egresses) {
      for (const sdk of Sdk.options) {
        const flags = Object.fromEntries(
          BOOLEAN_OPTIONS.map((o, i) => [o, (mask & (1 << i)) !== 0]),
        );
        situations.push(Situation.parse({ scenarios, egress, sdk, ...FEATURES_ON, ...flags }));
      }
    }
  }
  return situations;
}

function unionBy<T>(lists: readonly (readonly T[])[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const list of lists)
    for (const item of list) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

const union = <T>(a: readonly T[], b: readonly T[], key: (x: T) => string = String): T[] => [
  ...a,
  ...b.filter((x) => !a.some((y) => key(y) === key(x))),
];

/**
 * The same row can hold different rules in different situations (a rule merges into a row only
 * when it applies), so rows with one key are merged across situations rather than picked.
 */
function mergeRows(lists: readonly (readonly PlanRule[])[]): PlanRule[] {
  const rows = new Map<string, PlanRule>();
  for (const list of lists) {
    for (const row of list) {
      const seen = rows.get(row.key);
      if (!seen) {
        rows.set(row.key, row);
        continue;
      }
      const conditions = [seen.condition, row.condition];
      rows.set(row.key, {
        ...seen,
        purposes: union(seen.purposes, row.purposes),
        scenarios: union(seen.scenarios, row.scenarios),
        ruleIds: union(seen.ruleIds, row.ruleIds),
        conflicts: union(seen.conflicts, row.conflicts, (c) => c.id),
        sources: union(seen.sources, row.sources, (r) => `${r.source}|${r.section}`),
        // Unconditional in any situation means unconditional in the overview.
        condition: conditions.includes('')
          ? ''
          : union([seen.condition], [row.condition]).join('; '),
      });
    }
  }
  return [...rows.values()];
}

function unionOfPlans(k: Knowledge, scenarios: ScenarioId[], withFqdnRules: boolean): Plan {
  const plans = situationsFor(scenarios, withFqdnRules).map((s) => planFor(k, s));
  const base = plans[0]!;
  const rules = mergeRows(plans.map((p) => p.rules)).sort((a, b) =>
    a.direction === b.direction ? 0 : a.direction === 'inbound' ? -1 : 1,
  );
  return {
    ...base,
    rules,
    steps: unionBy(
      plans.map((p) => p.steps),
      (s) => s.id,
    ),
    notes: unionBy(
      plans.map((p) => p.notes),
      (s) => s.id,
    ),
    conflicts: unionBy(
      plans.map((p) => p.conflicts),
      (c) => c.id,
    ),
    sources: unionBy(
      plans.map((p) => p.sources),
      (s) => s.id,
    ),
    warnings: [],
  };
}

// Overviews depend only on the (immutable) knowledge, so each is computed once.
const cache = new WeakMap<Knowledge, Map<string, Plan>>();

function memo(k: Knowledge, key: string, make: () => Plan): Plan {
  let plans = cache.get(k);
  if (!plans) cache.set(k, (plans = new Map()));
  let plan = plans.get(key);
  if (!plan) plans.set(key, (plan = make()));
  return plan;
}

/** Everything that can apply to these scenarios, with service tags rather than their FQDN forms. */
export function overviewFor(k: Knowledge, scenarios: ScenarioId[]): Plan {
  return memo(k, scenarios.join(','), () => unionOfPlans(k, scenarios, false));
}

/** Every rule and step of every scenario, FQDN forms included: the pool single answers come from. */
export function catalogOf(k: Knowledge): Plan {
  return memo(k, '*catalog*', () => unionOfPlans(k, [...ScenarioId.options], true));
}
