// Cards that answer one question: a scenario, a rule, a port, an endpoint, a step, a known error or a
// disagreement between sources. All of them use the plan layout so every rule looks the same.
import { z } from 'zod';
import {
  findByEndpoint,
  findByPort,
  type Knowledge,
  type Plan,
  type ScenarioId,
} from '../knowledge';
import { catalogOf, overviewFor } from '../knowledge/overview.query';
import { CardAction } from './card-actions';
import { button, type Button } from './card-actions';
import { feedbackButtons, planCards } from './plan.card';
import { renderCard, type AdaptiveCard } from './render';

const Text = z.string();
export const ChoicesCard = z.object({
  title: Text.min(1),
  message: Text,
  options: z.array(
    z.object({ title: Text.min(1), detail: Text, button: Text.min(1), data: CardAction }),
  ),
  actions: z.array(z.object({ title: Text.min(1), data: CardAction })),
});
export type ChoicesCard = z.infer<typeof ChoicesCard>;

export interface Choice {
  title: string;
  detail: string;
  /** Label of the option's own button, e.g. "Show this scenario". */
  button: string;
  data: CardAction;
}

export function choicesCard(
  title: string,
  message: string,
  options: Choice[],
  actions: Button[] = [],
) {
  return renderCard('choices', ChoicesCard, {
    title,
    message,
    options,
    actions: actions.map(({ title: t, data }) => ({ title: t, data })),
  });
}

const startWizard = (scenario?: ScenarioId): Button =>
  button(
    scenario ? 'Start the wizard for this scenario' : 'Start the wizard',
    scenario ? { action: 'wizard.start', scenario } : { action: 'wizard.start' },
  );

export function scenarioListCard(k: Knowledge) {
  return choicesCard(
    'Scenarios I know',
    'Select one to see its inbound rules, outbound rules and configuration steps.',
    k.scenarios.map((s) => ({
      title: s.title,
      detail: s.summary,
      button: 'Show this scenario',
      data: { action: 'show', kind: 'scenario', id: s.id },
    })),
    [startWizard()],
  );
}

export function scenarioCards(k: Knowledge, id: ScenarioId): AdaptiveCard[] {
  const scenario = k.scenarios.find((s) => s.id === id);
  if (!scenario) throw new Error(`unknown scenario ${id}`);
  return planCards(k, overviewFor(k, [id]), {
    title: scenario.title,
    subtitle: `${scenario.summary} Rules that only apply in some setups say when; the wizard picks the ones for yours.`,
    facts: [
      { title: 'Inbound (article)', value: scenario.table.inbound },
      { title: 'Outbound (article)', value: scenario.table.outbound },
      { title: 'Extra configuration', value: scenario.table.extra },
      ...scenario.links.map((l) => ({ title: 'Read more', value: `[${l.title}](${l.url})` })),
    ],
    actions: [startWizard(id), ...feedbackButtons(`scenario:${id}`)],
  });
}

interface Focus {
  ruleIds?: readonly string[];
  stepIds?: readonly string[];
  conflictIds?: readonly string[];
}

/** The part of the catalog a single answer is about, with the disagreements and sources behind it. */
export function focusedPlan(k: Knowledge, focus: Focus): Plan {
  const catalog = catalogOf(k);
  const ruleIds = new Set(focus.ruleIds ?? []);
  const stepIds = new Set(focus.stepIds ?? []);
  const rules = catalog.rules.filter((r) => r.ruleIds.some((id) => ruleIds.has(id)));
  const steps = catalog.steps.filter((s) => stepIds.has(s.id));
  const notes = catalog.notes.filter((s) => stepIds.has(s.id));
  const conflictIds = new Set([
    ...(focus.conflictIds ?? []),
    ...[...rules, ...steps, ...notes].flatMap((x) => x.conflicts.map((c) => c.id)),
  ]);
  const conflicts = catalog.conflicts.filter((c) => conflictIds.has(c.id));
  const sourceIds = new Set(
    [
      ...rules.flatMap((r) => r.sources),
      ...steps.flatMap((s) => s.sources),
      ...notes.flatMap((s) => s.sources),
      ...conflicts.flatMap((c) => c.positions.flatMap((p) => p.sources)),
    ].map((ref) => ref.source),
  );
  const scenarioIds = new Set([...rules, ...steps, ...notes].flatMap((x) => x.scenarios));
  return {
    ...catalog,
    scenarios: k.scenarios.filter((s) => scenarioIds.has(s.id)),
    rules,
    steps,
    notes,
    conflicts,
    sources: k.sources.filter((s) => sourceIds.has(s.id)),
    warnings: [],
  };
}

function focusedCards(
  k: Knowledge,
  focus: Focus,
  title: string,
  subtitle: string,
  target: string,
): AdaptiveCard[] {
  const plan = focusedPlan(k, focus);
  const scenarios = plan.scenarios.map((s) => s.title).join(', ');
  return planCards(k, plan, {
    title,
    subtitle,
    facts: scenarios ? [{ title: 'Scenarios', value: scenarios }] : [],
    actions: [startWizard(), ...feedbackButtons(target)],
    showEmptyRuleSections: false,
  });
}

export function ruleCards(k: Knowledge, ruleId: string): AdaptiveCard[] {
  const rule = k.rules.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`unknown rule ${ruleId}`);
  const direction = rule.direction === 'inbound' ? 'Inbound rule' : 'Outbound rule';
  return focusedCards(
    k,
    { ruleIds: [ruleId] },
    `${direction}: ${rule.endpoint}`,
    '',
    `rule:${ruleId}`,
  );
}

export function portCards(k: Knowledge, port: number): AdaptiveCard[] {
  const ruleIds = findByPort(k, port)
    .filter((h) => h.kind === 'rule')
    .map((h) => h.id);
  return focusedCards(
    k,
    { ruleIds },
    `Port ${port}`,
    ruleIds.length > 0
      ? `Where port ${port} appears in the rules for a secured workspace, and why.`
      : `No rule for a secured workspace uses port ${port}.`,
    `port:${port}`,
  );
}

export function endpointCards(k: Knowledge, endpoint: string): AdaptiveCard[] {
  const hits = findByEndpoint(k, endpoint);
  const ruleIds = hits.filter((h) => h.kind === 'rule').map((h) => h.id);
  const conflictIds = hits.filter((h) => h.kind === 'conflict').map((h) => h.id);
  return focusedCards(
    k,
    { ruleIds, conflictIds },
    endpoint,
    `The rules that use ${endpoint}, and why.`,
    `endpoint:${endpoint}`,
  );
}

export function stepCards(k: Knowledge, stepId: string): AdaptiveCard[] {
  const step = k.steps.find((s) => s.id === stepId);
  if (!step) throw new Error(`unknown step ${stepId}`);
  return focusedCards(k, { stepIds: [stepId] }, step.title, '', `step:${stepId}`);
}

export function errorCards(k: Knowledge, errorId: string): AdaptiveCard[] {
  const error = k.errors.find((e) => e.id === errorId);
  if (!error) throw new Error(`unknown error ${errorId}`);
  return focusedCards(
    k,
    { ruleIds: error.rules, stepIds: error.steps, conflictIds: error.conflicts },
    error.title,
    `Likely cause: ${error.cause}`,
    `error:${errorId}`,
  );
}

export function conflictCards(k: Knowledge, conflictId: string): AdaptiveCard[] {
  const conflict = k.conflicts.find((c) => c.id === conflictId);
  if (!conflict) throw new Error(`unknown conflict ${conflictId}`);
  const ruleIds = k.rules.filter((r) => r.conflicts?.includes(conflictId)).map((r) => r.id);
  return focusedCards(
    k,
    { ruleIds, conflictIds: [conflictId] },
    conflict.topic,
    'The Microsoft Learn articles say different things here; both views and their dates are below.',
    `conflict:${conflictId}`,
  );
}
