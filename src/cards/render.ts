// The one way a card is made: a typed view model is checked by its zod schema, bound into the JSON
// template from cards/ and refused if anything stayed unbound or the version is beyond what Teams shows.
import { readFileSync } from 'node:fs';
import { Template } from 'adaptivecards-templating';
import type { z } from 'zod';
import { projectPath } from '../paths';
import { cardSummary } from './visible-text';

/** Teams renders Adaptive Cards up to this schema version. */
export const MAX_CARD_VERSION = 1.5;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  body?: unknown[];
  actions?: unknown[];
  [key: string]: unknown;
}

export class CardRenderError extends Error {}

/**
 * One parsed Template per card file: a Template parses its `${…}` expressions once and can expand
 * any number of view models, so building it per card would parse them on every turn.
 */
const templates = new Map<string, Template>();

function loadTemplate(name: string): Template {
  let template = templates.get(name);
  if (!template) {
    const json = JSON.parse(readFileSync(projectPath('cards', `${name}.json`), 'utf8')) as object;
    templates.set(name, (template = new Template(json)));
  }
  return template;
}

/** Whether any string in the value holds `${`; walks without allocating, for the common "no". */
function containsTemplateSyntax(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('${');
  if (Array.isArray(value)) return value.some(containsTemplateSyntax);
  if (value && typeof value === 'object') return Object.values(value).some(containsTemplateSyntax);
  return false;
}

/** Paths of string values that still hold `${…}` after binding, e.g. `body[2].text`. */
export function findUnbound(value: unknown, at = ''): string[] {
  // Paths are built only for a card that has something unbound: every render checks, few fail.
  if (!containsTemplateSyntax(value)) return [];
  if (typeof value === 'string') return [at || '(root)'];
  if (Array.isArray(value)) return value.flatMap((item, i) => findUnbound(item, `${at}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      findUnbound(item, at ? `${at}.${key}` : key),
    );
  }
  return [];
}

/**
 * Text from users (an echoed question, a pasted error) may itself contain `${`. A zero-width space
 * keeps it visible as typed while telling it apart from a template field that stayed unbound.
 */
function neutralizeTemplateSyntax(value: unknown): unknown {
  // Most view models hold no `${` at all: they are bound as they are, without a copy.
  if (!containsTemplateSyntax(value)) return value;
  if (typeof value === 'string') return value.replaceAll('${', '$\u200b{');
  if (Array.isArray(value)) return value.map(neutralizeTemplateSyntax);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, neutralizeTemplateSyntax(item)]),
    );
  }
  return value;
}

export function renderCard<S extends z.ZodType>(
  name: string,
  schema: S,
  viewModel: z.input<S>,
): AdaptiveCard {
  const card = bindTemplate(name, loadTemplate(name), schema.parse(viewModel));
  // Clients that cannot show the card, notifications and screen readers read this line instead.
  if (typeof card['fallbackText'] !== 'string' || card['fallbackText'] === '') {
    card['fallbackText'] = cardSummary(card);
  }
  return card;
}

/** Binds checked data into a template and refuses the result if it is not a card Teams can show. */
export function bindTemplate(
  name: string,
  template: object | Template,
  data: unknown,
): AdaptiveCard {
  const parsed = template instanceof Template ? template : new Template(template);
  const card = parsed.expand({
    $root: neutralizeTemplateSyntax(data),
  }) as AdaptiveCard;
  // Walking the card for paths is only worth it when something stayed unbound.
  const unbound = JSON.stringify(card).includes('${') ? findUnbound(card) : [];
  if (unbound.length > 0) {
    throw new CardRenderError(
      `card "${name}" has unbound template fields at ${unbound.join(', ')}`,
    );
  }
  if (card.type !== 'AdaptiveCard' || !(Number.parseFloat(card.version) <= MAX_CARD_VERSION)) {
    throw new CardRenderError(
      `card "${name}" must be an AdaptiveCard of version ${MAX_CARD_VERSION} or lower`,
    );
  }
  return card;
}
