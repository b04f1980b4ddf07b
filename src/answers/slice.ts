// The slice of the knowledge a question asks for: a scenario's rules narrowed to the direction,
// the kind of destination and the setup the user describes. Conditions the user did not mention
// stay (with their "only when"); conditions the user contradicts drop the rule.
import type { Knowledge, ScenarioId } from '../knowledge/knowledge.schema';
import { ruleById } from '../knowledge/lookup.query';
import { catalogOf } from '../knowledge/overview.query';
import type { PlanRule } from '../knowledge/plan.query';
import type { Facets } from '../understanding/facets';
import { underStated } from '../knowledge/condition.query';

export interface RuleSlice {
  rows: PlanRule[];
  /** Host-name rows left out because the question did not ask for them. */
  hostRowsLeftOut: number;
}

/** Rows of these scenarios that fit the question's facets. */
export function ruleSlice(
  k: Knowledge,
  scenarios: readonly ScenarioId[],
  facets: Facets,
): RuleSlice {
  const catalog = catalogOf(k);
  const fits = (row: PlanRule) =>
    row.ruleIds.some((id) => {
      const rule = ruleById(k, id);
      return rule !== undefined && underStated(rule.condition, facets.conditions) !== false;
    });
  let rows = catalog.rules
    .filter((r) => r.scenarios.some((s) => scenarios.includes(s)))
    .filter(fits);
  if (facets.direction) rows = rows.filter((r) => r.direction === facets.direction);
  const asksHosts = facets.asks.has('hosts');
  const asksTags = facets.asks.has('tags');
  const firewall = facets.conditions.egress !== undefined;
  let hostRowsLeftOut = 0;
  if (asksHosts && !asksTags) rows = rows.filter((r) => r.endpointKind === 'fqdn');
  else if (asksTags && !asksHosts) rows = rows.filter((r) => r.endpointKind !== 'fqdn');
  else if (!firewall) {
    hostRowsLeftOut = rows.filter((r) => r.endpointKind === 'fqdn').length;
    rows = rows.filter((r) => r.endpointKind !== 'fqdn');
  }
  return { rows, hostRowsLeftOut };
}
