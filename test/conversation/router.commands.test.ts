// A pasted NSG, "check my nsg" and the export buttons become intents; tampered payloads do not.
import { routeCard, routeText } from '../../src/conversation/router';
import { Situation } from '../../src/knowledge';

const situation = Situation.parse({ scenarios: ['compute'], region: 'westeurope' });

describe('typed text about an NSG', () => {
  it.each([
    ['{"securityRules": []}', { kind: 'nsg-check', json: '{"securityRules": []}', words: '' }],
    [
      'compute westeurope [{"name": "r"}]',
      { kind: 'nsg-check', json: '[{"name": "r"}]', words: 'compute westeurope ' },
    ],
    ['check my NSG', { kind: 'nsg-help' }],
    ['verify the nsg?', { kind: 'nsg-help' }],
    // Braces in a question are not a paste: it does not end like JSON, or has no quoted name.
    [
      'what does {region} mean in the tag',
      { kind: 'question', text: 'what does {region} mean in the tag' },
    ],
    ['is [x] needed', { kind: 'question', text: 'is [x] needed' }],
  ])('typed %j → %j', (text, intent) => {
    expect(routeText(text)).toEqual(intent);
  });
});

describe('export and NSG buttons', () => {
  it.each([
    [
      { action: 'export', source: { kind: 'plan', situation }, format: 'bicep', start: '200' },
      { kind: 'export', source: { kind: 'plan', situation }, format: 'bicep', start: '200' },
    ],
    [
      { action: 'export', source: { kind: 'rule', id: 'in-aml-44224' } },
      { kind: 'export', source: { kind: 'rule', id: 'in-aml-44224' } },
    ],
    [
      { action: 'nsg.check', picks: 'compute' },
      { kind: 'nsg-scenarios', scenario: 'compute' },
    ],
  ])('%j → %j', (data, intent) => {
    expect(routeCard(data)).toMatchObject(intent);
  });

  it.each([
    ['an unknown source kind', { action: 'export', source: { kind: 'everything', id: 'x' } }],
    [
      'a situation with an unknown scenario',
      { action: 'export', source: { kind: 'plan', situation: { scenarios: ['nope'] } } },
    ],
    [
      'a situation with extra fields',
      { action: 'export', source: { kind: 'plan', situation: { ...situation, admin: true } } },
    ],
    [
      'an overlong format',
      { action: 'export', source: { kind: 'scenario', id: 'compute' }, format: 'x'.repeat(100) },
    ],
    ['picks that are not text', { action: 'nsg.check', picks: ['compute'] }],
  ])('%s is unreadable', (_, data) => {
    expect(routeCard(data).kind).toBe('unreadable-card');
  });
});
