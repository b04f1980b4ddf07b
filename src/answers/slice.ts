// The slice of the knowledge a question asks for: a scenario's rules narrowed to the direction,
// the kind of destination and the setup the user describes. Conditions the user did not mention
// stay (with their "only when"); conditions the user contradicts drop the rule.
import type { Condition, Knowledge, ScenarioId } from '../knowledge/knowledge.schema';
import { ruleById } from '../knowledge/lookup.query';
import { catalogOf } from '../knowledge/overview.query';
import type { PlanRule } from '../knowledge/plan.query';
import type { Facets, StatedConditions } from '../understanding/facets';

type Truth = boolean | 'unknown';

function not(t: Truth): Truth {
  return t === 'unknown' ? t : !t;
}

/** Three-valued: what the user stated decides; anything else is unknown. */
export function underStated(cond: Condition, stated: StatedConditions): Truth {
  if ('always' in cond) return true;
  if ('when' in cond) return 'unknown';
  if ('all' in cond) {
    const parts = cond.all.map((c) => underStated(c, stated));
    return parts.includes(false) ? false : parts.every((p) => p === true) ? true : 'unknown';
  }
  if ('any' in cond) {
    const parts = cond.any.map((c) => underStated(c, stated));
    return parts.includes(true) ? true : parts.every((p) => p === false) ? false : 'unknown';
  }
  if ('not' in cond) return not(underStated(cond.not, stated));
  if (cond.option === 'egress') {
    // "A firewall" does not say whether it can use service tags: both firewall kinds stay open.
    if (stated.egress === undefined) return 'unknown';
    return cond.equals === 'nsg' ? false : 'unknown';
  }
  const value = stated[cond.option];
  return value === undefined ? 'unknown' : value === cond.equals;
}

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
