// Every card the bot sends is bound from its template, complete, and valid for Teams.
import { readdirSync } from 'node:fs';
import { z } from 'zod';
import { bindTemplate, CardRenderError, renderCard } from '../../src/cards/render';
import { fallbackCard, helpCard, welcomeCard } from '../../src/cards/guide.card';
import { projectPath } from '../../src/paths';
import { cardProblems, cardText } from '../support/card-validation';

const cards: [string, () => object][] = [
  ['welcome', welcomeCard],
  ['help', helpCard],
  ['fallback', () => fallbackCard('how do I bake bread')],
];

describe('card templates', () => {
  it.each(cards)(
    '%s renders with its sample data and passes validation at version 1.5',
    (_name, render) => {
      const card = render();
      expect(cardProblems(card)).toEqual([]);
    },
  );

  it('every template in cards/ is covered by a render test', () => {
    const templates = readdirSync(projectPath('cards')).map((f) => f.replace(/\.json$/, ''));
    const rendered = new Set(cards.map(([name]) => name));
    expect(templates.filter((t) => !rendered.has(t))).toEqual([]);
  });
});

describe('the render function', () => {
  const Greeting = z.object({ name: z.string() });
  const template = {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: 'Hello ${name}' }],
  };

  it('binds the view model', () => {
    expect(cardText(bindTemplate('greeting', template, { name: 'Ada' }))).toBe('Hello Ada');
  });

  it('refuses a card with a field the view model does not fill', () => {
    const withExtra = {
      ...template,
      body: [...template.body, { type: 'TextBlock', text: '${missing}' }],
    };
    expect(() => bindTemplate('greeting', withExtra, { name: 'Ada' })).toThrow(
      /unbound template fields at body\[1\]\.text/,
    );
  });

  it('refuses a version Teams cannot show', () => {
    expect(() =>
      bindTemplate('greeting', { ...template, version: '1.6' }, { name: 'Ada' }),
    ).toThrow(CardRenderError);
  });

  it('keeps template syntax typed by a user as text, not as a field', () => {
    const card = bindTemplate('greeting', template, { name: '${oops}' });
    expect(cardText(card)).toContain('oops');
    expect(cardProblems(card)).toEqual([]);
  });

  it('checks the view model with its schema before binding', () => {
    expect(() => renderCard('help', Greeting, { name: 42 } as unknown as { name: string })).toThrow(
      /expected string/,
    );
  });
});

describe('the card validator used by these tests', () => {
  it.each([
    [
      'an input without id',
      { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Text' }] },
    ],
    ['a version Teams cannot show', { type: 'AdaptiveCard', version: '1.6', body: [] }],
    ['an unknown element', { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Hologram' }] }],
  ])('finds %s', (_name, card) => {
    expect(cardProblems(card)).not.toEqual([]);
  });
});
