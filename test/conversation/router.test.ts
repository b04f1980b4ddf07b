// Typed text and card buttons become the same intents.
import { routeCard, routeText } from '../../src/conversation/router';

describe('the router', () => {
  it.each([
    ['help', { kind: 'help' }],
    ['Help!', { kind: 'help' }],
    ['start over', { kind: 'restart' }],
    ['back', { kind: 'back' }],
    ['what is port 44224 for', { kind: 'question', text: 'what is port 44224 for' }],
    // Words that name Object.prototype members are questions, not commands.
    ['constructor', { kind: 'question', text: 'constructor' }],
    ['__proto__', { kind: 'question', text: '__proto__' }],
  ])('typed "%s" → %j', (text, intent) => {
    expect(routeText(text)).toEqual(intent);
  });

  it('reads typed yes/no as the answer to a yes/no step, and otherwise as a question', () => {
    expect(routeText('yes', { step: 'hbi' })).toEqual({ kind: 'answer', value: 'yes' });
    expect(routeText('yes')).toEqual({ kind: 'question', text: 'yes' });
    expect(routeText('west europe', { step: 'region' })).toEqual({
      kind: 'answer',
      value: 'west europe',
    });
  });

  it.each([
    [{ action: 'help' }, { kind: 'help' }],
    [
      { action: 'wizard.start', scenario: 'compute' },
      { kind: 'start', scenario: 'compute' },
    ],
    [
      { action: 'wizard.back', wizardId: 'w1', step: 'hbi' },
      { kind: 'back', card: { wizardId: 'w1', step: 'hbi' } },
    ],
    [
      { action: 'show', kind: 'port', id: '44224' },
      { kind: 'show', target: { action: 'show', kind: 'port', id: '44224' } },
    ],
  ])('clicked %j → %j', (data, intent) => {
    expect(routeCard(data)).toEqual(intent);
  });

  it.each([
    [{ action: 'delete-everything' }],
    [{ action: 'show', kind: 'rule' }],
    ['text'],
    [null],
  ])('a payload it cannot read (%j) is unreadable, not an error', (data) => {
    expect(routeCard(data)).toMatchObject({ kind: 'unreadable-card' });
  });
});
