// Turns a recognized question or a "show" button into the cards that answer it.
import type { Knowledge, ScenarioId } from '../knowledge';
import type { Recognition, Target } from '../knowledge/recognizer';
import {
  choicesCard,
  conflictCards,
  endpointCards,
  errorCards,
  portCards,
  ruleCards,
  scenarioCards,
  stepCards,
} from './answer.cards';

import type { AdaptiveCard } from './render';
import { button, type CardAction } from './card-actions';

export interface Answer {
  text?: string;
  cards: AdaptiveCard[];
}

type ShowKind = Extract<CardAction, { action: 'show' }>['kind'];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** Rendering is the costly part of an answer, and the knowledge never changes while running. */
const MAX_CACHED_ANSWERS = 2000;
const answerCache = new WeakMap<Knowledge, Map<string, readonly AdaptiveCard[] | undefined>>();

/**
 * Cards for a target; undefined when the id does not exist (a stale or tampered button). The cards
 * are shared between turns and frozen, so no caller can change another's answer.
 */
export function cardsFor(k: Knowledge, kind: ShowKind, id: string): AdaptiveCard[] | undefined {
  let cache = answerCache.get(k);
  if (!cache) answerCache.set(k, (cache = new Map()));
  const key = `${kind}:${id}`;
  if (cache.has(key)) return cache.get(key) as AdaptiveCard[] | undefined;
  const cards = renderCardsFor(k, kind, id);
  // Endpoint ids are typed by users; a bounded cache keeps odd inputs from growing it forever.
  if (cache.size >= MAX_CACHED_ANSWERS) cache.delete(cache.keys().next().value!);
  cache.set(key, cards && deepFreeze(cards));
  return cards;
}

function renderCardsFor(k: Knowledge, kind: ShowKind, id: string): AdaptiveCard[] | undefined {
  const exists = {
    scenario: () => k.scenarios.some((s) => s.id === id),
    rule: () => k.rules.some((r) => r.id === id),
    step: () => k.steps.some((s) => s.id === id),
    error: () => k.errors.some((e) => e.id === id),
    conflict: () => k.conflicts.some((c) => c.id === id),
    port: () => /^\d{1,5}$/.test(id) && Number(id) >= 1 && Number(id) <= 65535,
    endpoint: () => id.length > 0 && id.length <= 120,
  }[kind];
  if (!exists()) return undefined;
  switch (kind) {
    case 'scenario':
      return scenarioCards(k, id as ScenarioId);
    case 'rule':
      return ruleCards(k, id);
    case 'step':
      return stepCards(k, id);
    case 'error':
      return errorCards(k, id);
    case 'conflict':
      return conflictCards(k, id);
    case 'port':
      return portCards(k, Number(id));
    case 'endpoint':
      return endpointCards(k, id);
  }
}

function showData(target: Target): CardAction {
  return { action: 'show', kind: target.kind, id: target.id };
}

export function answerFor(k: Knowledge, recognition: Recognition, question: string): Answer {
  switch (recognition.kind) {
    case 'answer':
      return { cards: cardsFor(k, recognition.target.kind, recognition.target.id) ?? [] };
    case 'choices':
      return {
        cards: [
          choicesCard(
            'Which one do you mean?',
            `"${question.length > 80 ? `${question.slice(0, 77)}...` : question}" could be about several things. Select one:`,
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
