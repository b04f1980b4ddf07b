// The choices card (ask back, scenario list) and the whole-scenario card, which uses the plan layout.
import { z } from 'zod';
import type { Knowledge, ScenarioId } from '../knowledge';
import { overviewFor } from '../knowledge/overview.query';
import { CardAction } from './card-actions';
import { button, type Button } from './card-actions';
import { feedbackButtons, planCards } from './plan.card';
import { showAsCommands } from './commands.card';
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

/** One choice per scenario, each with the same button doing `data` for its scenario. */
export function scenarioChoices(
  k: Knowledge,
  label: string,
  data: (id: ScenarioId) => CardAction,
): Choice[] {
  return k.scenarios.map((s) => ({
    title: s.title,
    detail: s.summary,
    button: label,
    data: data(s.id),
  }));
}

export function scenarioListCard(k: Knowledge) {
  return choicesCard(
    'Scenarios I know',
    'Select one to see its inbound rules, outbound rules and configuration steps.',
    scenarioChoices(k, 'Show this scenario', (id) => ({ action: 'show', kind: 'scenario', id })),
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
    actions: feedbackButtons(`scenario:${id}`),
    endActions: [startWizard(id), showAsCommands({ kind: 'scenario', id })],
    // An overview shows what any setup may need, host names included.
    hostNames: 'always',
  });
}
