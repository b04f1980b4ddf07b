// Turns a recognized question, a "show" button or a search result into the cards that answer it:
// the one place where understanding meets the cards.
import type { Knowledge, ScenarioId } from '../knowledge';
import { button, type Button, type CardAction } from '../cards/card-actions';
import { answerCard } from '../cards/answer.card';
import { choicesCard, scenarioCards } from '../cards/answer.cards';
import { feedbackButtons, SCENARIO_LABELS } from '../cards/plan.card';
import { showAsCommands } from '../cards/commands.card';
import type { AdaptiveCard } from '../cards/render';
import { NO_FACETS } from '../understanding/facets';
import type { Recognition, Target } from '../understanding/recognizer';
import { targetFor } from '../understanding/ranking';
import { focusedAnswer, type AnswerView } from './focused';
import { literal, paragraph } from '../cards/markdown';

export { literal } from '../cards/markdown';

export interface Answer {
  text?: string;
  cards: AdaptiveCard[];
}

type ShowKind = Extract<CardAction, { action: 'show' }>['kind'];

/** How each kind of answer is named on buttons, choices and search results. */
export const KIND_LABELS: Record<Target['kind'], string> = {
  scenario: 'Scenario',
  rule: 'Network rule',
  step: 'Configuration step',
  error: 'Known error',
  conflict: 'Where the sources disagree',
  port: 'Port',
  endpoint: 'Service tag or host name',
};

const SHOW_LABELS: Record<Target['kind'], string> = {
  scenario: 'Show this scenario',
  rule: 'Show this rule',
  step: 'Show this step',
  error: 'Show this error',
  conflict: 'Show both views',
  port: 'Show this port',
  endpoint: 'Show its rules',
};

function showData(target: Pick<Target, 'kind' | 'id'>): CardAction {
  return { action: 'show', kind: target.kind, id: target.id };
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export interface CardStyle {
  /** Personal controls (feedback, "Did you mean") are left out of a card shared into a chat. */
  shared?: boolean;
  alternatives?: readonly Target[];
  /** What the answer is about, so its rules can be shown as commands. */
  exportTarget?: Pick<Target, 'kind' | 'id'>;
}

/** The focused answer as a card. */
export function viewCard(view: AnswerView, style: CardStyle = {}): AdaptiveCard {
  const actions: Button[] = [];
  const whole = style.shared ? [] : (view.wholeScenarios ?? []);
  // One scenario's slice offers "the whole scenario"; a slice of two offers each by its name.
  for (const id of whole)
    actions.push(
      button(
        whole.length === 1 ? 'Show the whole scenario' : `Show all of ${SCENARIO_LABELS[id]}`,
        {
          action: 'show',
          kind: 'scenario',
          id,
        },
      ),
    );
  // Commands for a slice of two scenarios, or for two ports, would be those of the first only:
  // each one's own card offers its commands instead.
  const several = whole.length > 1 || (view.alsoCovers ?? []).length > 0;
  if (style.exportTarget && view.rows.length > 0 && !style.shared && !several) {
    const { kind, id } = style.exportTarget;
    actions.push(showAsCommands({ kind, id }));
  }
  const feedback = style.shared ? [] : feedbackButtons(view.feedbackTarget);
  const allSettings = view.rows.length > 0 && view.rows.every((r) => r.setting);
  return answerCard({
    title: literal(view.title),
    verdict: literal(view.verdict),
    understood: style.shared ? '' : literal(view.understood),
    fix: literal(view.fix),
    // A card shared into a chat is a compact reference (the rule, its ports and condition, one
    // source); the full answer, with its steps and disagreements, is one question away.
    // Settings alone are headed as settings; among rules each one says what it is.
    rowsHeading: allSettings ? 'Setting' : 'Destination',
    rows: view.rows.slice(0, style.shared ? 3 : undefined).map(({ setting, ...r }) => ({
      ...r,
      destination: literal(setting && !allSettings ? `Setting: ${r.destination}` : r.destination),
    })),
    rowsNote: view.rowsNote,
    points: view.points.slice(0, style.shared ? 0 : 6).map((p) => paragraph(shorten(p, 900))),
    // Bounded so every answer stays far below Teams' message size, whatever the data holds.
    details: view.details.slice(0, 12).map((d) => paragraph(shorten(d, 500))),
    conflicts: view.conflicts.slice(0, style.shared ? 0 : 6).map((c) => shorten(c, 600)),
    sources: style.shared ? view.sources.slice(0, 1) : view.sources.slice(0, 10),
    alternatives: style.shared
      ? []
      : (style.alternatives ?? []).map((t) => ({
          title: `Did you mean: ${shorten(t.label, 60)}`,
          label: t.label,
          data: showData(t),
        })),
    actions,
    feedback,
  });
}

export function answerFor(k: Knowledge, recognition: Recognition, question: string): Answer {
  switch (recognition.kind) {
    case 'answer': {
      const view = focusedAnswer(k, recognition.target, recognition.facets, recognition.yesNo);
      if (!view) return { cards: [] };
      const { target } = recognition;
      const covered = new Set(view.alsoCovers);
      const alternatives = recognition.alternatives.filter(
        (t) => !covered.has(`${t.kind}:${t.id}`),
      );
      return { cards: [viewCard(view, { alternatives, exportTarget: target })] };
    }
    case 'choices':
      return {
        cards: [
          choicesCard(
            'Which one do you mean?',
            recognition.whichScenario
              ? 'The rules depend on what runs in the network. Which of these is it for?'
              : `"${shorten(question, 80)}" fits these about equally well. Select one:`,
            recognition.candidates.map((c) => ({
              title: c.label,
              detail: KIND_LABELS[c.kind],
              button: SHOW_LABELS[c.kind],
              data: showData(c),
            })),
            [button('Start the wizard instead', { action: 'wizard.start' })],
          ),
        ],
      };
    case 'none':
      return { cards: [] };
  }
}

/** Rendering is the costly part of an answer, and the knowledge never changes while running. */
const MAX_CACHED = 2000;
const cache = new WeakMap<Knowledge, Map<string, readonly AdaptiveCard[] | undefined>>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

function cached(
  k: Knowledge,
  key: string,
  make: () => AdaptiveCard[] | undefined,
): AdaptiveCard[] | undefined {
  let cards = cache.get(k);
  if (!cards) cache.set(k, (cards = new Map()));
  if (cards.has(key)) return cards.get(key) as AdaptiveCard[] | undefined;
  const made = make();
  // Endpoint ids come from buttons users can tamper with: a bounded cache stays bounded.
  if (cards.size >= MAX_CACHED) cards.delete(cards.keys().next().value!);
  cards.set(key, made && deepFreeze(made));
  return made;
}

/**
 * Cards for a "show" button: a scenario shows its whole picture, anything else its focused card.
 * Undefined when the id does not exist (a stale or tampered button). Shared and frozen.
 */
export function cardsFor(k: Knowledge, kind: ShowKind, id: string): AdaptiveCard[] | undefined {
  return cached(k, `${kind}:${id}`, () => {
    const target = targetFor(k, kind, id);
    if (!target) return undefined;
    if (kind === 'scenario') return scenarioCards(k, id as ScenarioId);
    const view = focusedAnswer(k, target, NO_FACETS);
    return view ? [viewCard(view, { exportTarget: { kind, id } })] : undefined;
  });
}

/** The compact card the message extension drops into a conversation. */
export function sharedCardFor(k: Knowledge, kind: ShowKind, id: string): AdaptiveCard | undefined {
  return cached(k, `shared:${kind}:${id}`, () => {
    const target = targetFor(k, kind, id);
    const view = target && focusedAnswer(k, target, NO_FACETS);
    return view ? [viewCard(view, { shared: true })] : undefined;
  })?.[0];
}
