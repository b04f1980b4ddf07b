// Typed text and card buttons become the same intents.
import { routeCard, routeText } from '../../src/conversation/router';
import { getKnowledge, type ScenarioId } from '../../src/knowledge';
import type { StepId } from '../../src/wizard/wizard.machine';

const knowledge = getKnowledge();
const waiting = (step: StepId, scenarios: ScenarioId[] = ['compute']) => ({
  knowledge,
  state: { id: 'w1', step, answers: { scenarios }, history: [] },
});

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

  it.each<[string, StepId, ScenarioId[]]>([
    ['compute, studio', 'scenarios', []],
    ['west europe', 'region', ['compute']],
    ['Azure Firewall', 'egress', ['studio']],
    ['nsg', 'egress', ['studio']],
    ['v1', 'sdk', ['data-profiling']],
    ['yes', 'setup', ['compute']],
    ['no', 'setup', ['compute']],
    ['vs code and rstudio', 'setup', ['compute']],
  ])('typed "%s" answers the %s step', (text, step, scenarios) => {
    expect(routeText(text, waiting(step, scenarios))).toEqual({
      kind: 'answer',
      input: { value: text },
    });
  });

  it.each<[string, StepId]>([
    ['yes', 'egress'],
    ['what is port 44224 for', 'setup'],
    ['which ports does the studio need', 'scenarios'],
  ])('typed "%s" on the %s step is a question', (text, step) => {
    expect(routeText(text, waiting(step))).toEqual({ kind: 'question', text });
  });

  it('reads "yes" as a question when no wizard waits for it', () => {
    expect(routeText('yes')).toEqual({ kind: 'question', text: 'yes' });
  });

  it('passes every input of a wizard card on with the answer', () => {
    const data = {
      action: 'wizard.answer',
      wizardId: 'w1',
      step: 'setup',
      vscode: 'yes',
      hbi: 'no',
    };
    expect(routeCard(data)).toEqual({
      kind: 'answer',
      input: { vscode: 'yes', hbi: 'no' },
      card: { wizardId: 'w1', step: 'setup' },
    });
  });

  it.each([
    [{ action: 'help' }, { kind: 'help' }],
    [
      { action: 'wizard.start', scenario: 'compute' },
      { kind: 'start', scenario: 'compute' },
    ],
    [
      { action: 'wizard.back', wizardId: 'w1', step: 'setup' },
      { kind: 'back', card: { wizardId: 'w1', step: 'setup' } },
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
    [{ action: 'wizard.answer', wizardId: 'w1', step: 'setup', vscode: 'maybe' }],
    ['text'],
    [null],
  ])('a payload it cannot read (%j) is unreadable, not an error', (data) => {
    expect(routeCard(data)).toMatchObject({ kind: 'unreadable-card' });
  });
});
