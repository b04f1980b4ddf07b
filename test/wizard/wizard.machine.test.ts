// The wizard asks only what changes the answer, checks each answer, and goes back and forth.
import { getKnowledge, type ScenarioId } from '../../src/knowledge';
import {
  advance,
  questionsFor,
  startWizard,
  type WizardInput,
  type WizardResult,
  type WizardState,
} from '../../src/wizard/wizard.machine';

const k = getKnowledge();

function run(state: WizardState, ...inputs: WizardInput[]): WizardResult {
  let result: WizardResult = { kind: 'ask', state };
  for (const input of inputs) {
    if (result.kind === 'done') throw new Error('the wizard ended early');
    result = advance(k, result.state, input);
  }
  return result;
}

const pick = (...ids: ScenarioId[]): WizardInput => ({ kind: 'answer', picks: ids.join(',') });
const say = (value: string): WizardInput => ({ kind: 'answer', value });

describe('which questions the wizard asks', () => {
  it.each<[ScenarioId[], string[]]>([
    [['studio'], ['egress']],
    [['data-profiling'], ['sdk']],
    [['compute'], ['region', 'computePublicIp', 'egress', 'vscode', 'hbi']],
    [['online-endpoints'], []],
    [['aks'], ['region', 'egress', 'sdk']],
    // The image-build cluster is needed with v1 and v2 alike, so the SDK no longer changes this plan.
    [['docker-images'], ['computePublicIp', 'egress', 'registryBehindVnet', 'ownImages']],
    [
      ['studio', 'compute'],
      ['region', 'computePublicIp', 'egress', 'vscode', 'hbi'],
    ],
  ])('for %j: %j', (scenarios, expected) => {
    expect(questionsFor(k, scenarios)).toEqual(expected);
  });

  it('asks about the region only when a picked scenario has regional endpoints', () => {
    expect(questionsFor(k, ['compute'])).toContain('region');
    expect(questionsFor(k, ['studio'])).not.toContain('region');
  });
});

describe('a full run for compute', () => {
  it('ends with the situation from the answers', () => {
    const questions = questionsFor(k, ['compute']);
    const answers: Record<string, WizardInput> = {
      region: { kind: 'answer', region: 'West Europe' },
      computePublicIp: say('no'),
      egress: say('azure-firewall'),
      vscode: say('yes'),
      hbi: say('no'),
      ownImages: say('no'),
      registryBehindVnet: say('yes'),
      sdk: say('v2'),
    };
    const result = run(startWizard('w1'), pick('compute'), ...questions.map((q) => answers[q]!));
    expect(result.kind).toBe('done');
    if (result.kind !== 'done') return;
    expect(result.situation).toMatchObject({
      scenarios: ['compute'],
      region: 'westeurope',
      computePublicIp: false,
      egress: 'azure-firewall',
      vscode: true,
      hbi: false,
      sdk: 'v2',
    });
  });
});

describe('answers the wizard does not accept', () => {
  it('no scenario picked', () => {
    const result = run(startWizard('w1'), pick());
    expect(result).toMatchObject({ kind: 'ask', state: { step: 'scenarios' } });
    expect(result.kind === 'ask' && result.problem).toMatch(/at least one scenario/);
  });

  it('a scenario id that does not exist', () => {
    const result = run(startWizard('w1'), { kind: 'answer', picks: 'compute,teleporter' });
    expect(result).toMatchObject({ kind: 'ask', state: { step: 'scenarios' } });
  });

  it('a misspelled region gets suggestions and stays on the step', () => {
    const result = run(startWizard('w1'), pick('compute'), { kind: 'answer', region: 'westeurop' });
    expect(result).toMatchObject({ kind: 'ask', state: { step: 'region' } });
    if (result.kind !== 'ask') return;
    expect(result.problem).toMatch(/not an Azure region/);
    expect(result.suggestions).toContain('westeurope');
  });

  it('a tampered yes/no value', () => {
    const result = run(startWizard('w1'), pick('studio'), say('maybe'));
    expect(result).toMatchObject({ kind: 'ask', state: { step: 'egress' } });
  });
});

describe('back and restart', () => {
  it('back returns to the previous step and keeps the answers given', () => {
    const result = run(
      startWizard('w1'),
      pick('compute'),
      { kind: 'answer', region: 'eastus' },
      { kind: 'back' },
    );
    expect(result).toMatchObject({
      kind: 'ask',
      state: { step: 'region', answers: { region: 'eastus' } },
    });
  });

  it('back on the first step stays there', () => {
    expect(run(startWizard('w1'), { kind: 'back' })).toMatchObject({
      state: { step: 'scenarios' },
    });
  });

  it('restart forgets everything', () => {
    const result = run(startWizard('w1'), pick('compute'), { kind: 'restart' });
    expect(result).toMatchObject({ state: { step: 'scenarios', answers: {}, history: [] } });
  });

  it('drops answers to questions that no longer apply after the scenarios change', () => {
    const computeThenStudio = run(
      startWizard('w1'),
      pick('compute'),
      { kind: 'answer', region: 'eastus' },
      say('yes'),
      { kind: 'back' },
      { kind: 'back' },
      { kind: 'back' },
      pick('studio'),
      say('nsg'),
    );
    expect(computeThenStudio.kind).toBe('done');
    if (computeThenStudio.kind !== 'done') return;
    expect(computeThenStudio.situation.region).toBeUndefined();
    expect(computeThenStudio.situation.computePublicIp).toBe(false);
  });
});
