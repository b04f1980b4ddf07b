// The plan behind a "Show as commands" button: the user's own plan, a whole scenario, or the rules
// one answer is about (a rule, a port, a host name or tag, an error, a disagreement).
import { z } from 'zod';
import { Situation, type Knowledge, type ScenarioId } from '../knowledge/knowledge.schema';
import { planFor, substituteRegion, type Plan } from '../knowledge/plan.query';
import { catalogOf, overviewFor } from '../knowledge/overview.query';
import { errorById, scenarioById } from '../knowledge/lookup.query';

/** What to export: the user's plan (its situation travels with the button), or one answer's rules. */
export const ExportSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plan'), situation: Situation }),
  z.object({
    kind: z.enum(['scenario', 'rule', 'step', 'error', 'conflict', 'port', 'endpoint']),
    id: z.string().min(1).max(80),
  }),
]);
export type ExportSource = z.infer<typeof ExportSource>;

function ruleIdsOf(k: Knowledge, source: Exclude<ExportSource, { kind: 'plan' }>): string[] {
  const { id } = source;
  switch (source.kind) {
    case 'rule':
      return [id];
    case 'port': {
      const port = /^\d{1,5}$/.test(id) ? Number(id) : NaN;
      return k.rules
        .filter((r) => r.ports.some((p) => p.from <= port && port <= p.to))
        .map((r) => r.id);
    }
    case 'endpoint':
      return k.rules.filter((r) => r.endpoint === id).map((r) => r.id);
    case 'error':
      return errorById(k, id)?.rules ?? [];
    case 'conflict':
      return k.rules.filter((r) => r.conflicts?.includes(id)).map((r) => r.id);
    case 'step':
    case 'scenario':
      return [];
  }
}

/** A known region fills `<region>` in answers that are not about the user's own plan. */
function withRegion(plan: Plan, region: string | undefined): Plan {
  if (!region) return plan;
  return {
    ...plan,
    region,
    rules: plan.rules.map((r) => ({ ...r, endpoint: substituteRegion(r.endpoint, region) })),
  };
}

/**
 * The plan to export, or undefined when the source names nothing that exists or has no rules.
 * `region` is the user's last region, used where the source carries none.
 */
export function planForSource(
  k: Knowledge,
  source: ExportSource,
  region?: string,
): Plan | undefined {
  if (source.kind === 'plan') return planFor(k, source.situation);
  if (source.kind === 'scenario') {
    const scenario = scenarioById(k, source.id);
    return scenario && withRegion(overviewFor(k, [scenario.id]), region);
  }
  const ids = new Set(ruleIdsOf(k, source));
  const catalog = catalogOf(k);
  const rules = catalog.rules.filter((r) => r.ruleIds.some((id) => ids.has(id)));
  if (rules.length === 0) return undefined;
  const used = new Set<ScenarioId>(rules.flatMap((r) => r.scenarios));
  return withRegion(
    {
      ...catalog,
      scenarios: catalog.scenarios.filter((s) => used.has(s.id)),
      rules,
      warnings: [],
    },
    region,
  );
}
