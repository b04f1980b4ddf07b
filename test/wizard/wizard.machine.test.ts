// The wizard asks only what changes the answer, checks each answer, and goes back and forth.
import { getKnowledge, Situation, type ScenarioId } from '../../src/knowledge';
import { situationFacts } from '../../src/wizard/questions';
import {
  advance,
  progress,
  questionsFor,
  startWizard,
  stepsOf,
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
    [
      ['compute'],
      ['region', 'egress', 'computePublicIp', 'vscode', 'rstudio', 'publicPackageFeeds', 'hbi'],
    ],
    [['online-endpoints'], []],
    [['aks'], ['region', 'egress', 'sdk']],
    // The image-build cluster is needed with v1 and v2 alike, so the SDK no longer changes this plan.
    [
      ['docker-images'],
      ['egress', 'computePublicIp', 'publicPackageFeeds', 'registryBehindVnet', 'ownImages'],
    ],
  ])('for %j: %j', (scenarios, expected) => {
    expect(questionsFor(k, scenarios)).toEqual(expected);
  });

  it('asks about the region only when a picked scenario has regional endpoints', () => {
    expect(questionsFor(k, ['compute'])).toContain('region');
    expect(questionsFor(k, ['studio'])).not.toContain('region');
  });

  it.each<[ScenarioId[], string[]]>([
    [['studio'], ['scenarios', 'egress']],
    [['compute'], ['scenarios', 'region', 'egress', 'setup']],
    [['aks'], ['scenarios', 'region', 'egress', 'sdk']],
    [['online-endpoints'], ['scenarios']],
  ])('groups the yes/no questions for %j on one card: %j', (scenarios, steps) => {
    expect(stepsOf(k, scenarios)).toEqual(steps);
  });
});

describe('progress', () => {
  it('gives no total before the scenarios are known, then the real count', () => {
    const fresh = startWizard('w1');
    expect(progress(k, fresh)).toEqual({ index: 1, total: undefined });
    const region = run(fresh, pick('compute'));
    expect(progress(k, region.state)).toEqual({ index: 2, total: 4 });
  });
});

describe('a full run for compute', () => {
  it('ends with the situation from the answers, toggles included', () => {
    const result = run(
      startWizard('w1'),
      pick('compute'),
      { kind: 'answer', region: 'West Europe' },
      { kind: 'answer', value: 'azure-firewall' },
      { kind: 'answer', computePublicIp: 'no', vscode: 'yes', rstudio: 'yes', hbi: 'no' },
    );
    expect(result.kind).toBe('done');
    if (result.kind !== 'done') return;
    expect(result.situation).toMatchObject({
      scenarios: ['compute'],
      region: 'westeurope',
      computePublicIp: false,
      egress: 'azure-firewall',
      vscode: true,
      rstudio: true,
      // An unticked toggle is not sent by every client: it means no.
      publicPackageFeeds: false,
      hbi: false,
    });
  });
});

describe('typed answers, read from the same table as the cards', () => {
  it.each<[string, ScenarioId[], string[], Record<string, unknown>]>([
    ['scenario names', [], ['compute and studio'], { scenarios: ['studio', 'compute'] }],
    ['an option title', ['studio'], ['Azure Firewall'], { egress: 'azure-firewall' }],
    ['an option word', ['studio'], ['nsg'], { egress: 'nsg' }],
    ['a firewall without tags', ['studio'], ['another firewall'], { egress: 'firewall-no-tags' }],
    ['the SDK version', ['data-profiling'], ['v1'], { sdk: 'v1' }],
    ['the SDK package', ['data-profiling'], ['azure-ai-ml'], { sdk: 'v2' }],
  ])('%s', (_name, scenarios, typed, expected) => {
    const start =
      scenarios.length > 0 ? run(startWizard('w1'), pick(...scenarios)).state : startWizard('w1');
    const result = run(start, ...typed.map(say));
    const answers = result.kind === 'done' ? result.situation : result.state.answers;
    expect(answers).toMatchObject(expected);
  });

  it.each<[string, Record<string, boolean>]>([
    ['none', { computePublicIp: false, vscode: false, rstudio: false, hbi: false }],
    ['all', { computePublicIp: true, vscode: true, rstudio: true, hbi: true }],
    [
      'VS Code, RStudio and pip',
      { vscode: true, rstudio: true, publicPackageFeeds: true, hbi: false },
    ],
    ['yes no no yes no', { computePublicIp: true, vscode: false, publicPackageFeeds: true }],
  ])('the yes/no card for compute reads "%s"', (typed, expected) => {
    const setup = run(startWizard('w1'), pick('compute'), say('eastus'), say('nsg'));
    const result = run(setup.state, say(typed));
    expect(result.kind).toBe('done');
    if (result.kind === 'done') expect(result.situation).toMatchObject(expected);
  });

  it('a lone "yes" to several questions asks which ones', () => {
    const setup = run(startWizard('w1'), pick('compute'), say('eastus'), say('nsg'));
    const result = run(setup.state, say('yes'));
    expect(result).toMatchObject({ kind: 'ask', state: { step: 'setup' } });
    expect(result.kind === 'ask' && result.problem).toMatch(/type the ones that apply/);
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

  it('an option that is not offered names the ones that are', () => {
    const result = run(startWizard('w1'), pick('studio'), say('maybe'));
    expect(result).toMatchObject({ kind: 'ask', state: { step: 'egress' } });
    expect(result.kind === 'ask' && result.problem).toMatch(/Choose one of: Network security/);
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
      say('azure-firewall'),
      { kind: 'back' },
      { kind: 'back' },
      { kind: 'back' },
      pick('studio'),
      say('nsg'),
    );
    expect(computeThenStudio.kind).toBe('done');
    if (computeThenStudio.kind !== 'done') return;
    expect(computeThenStudio.situation.region).toBeUndefined();
    expect(computeThenStudio.situation.egress).toBe('nsg');
  });
});

describe("the situation's facts for a plan summary", () => {
  it('names the scenarios and answers every question asked for them, in the table order', () => {
    const situation = Situation.parse({
      scenarios: ['studio', 'compute'],
      region: 'westeurope',
      egress: 'firewall-no-tags',
      rstudio: true,
    });
    expect(situationFacts(k, situation)).toEqual([
      {
        title: 'Scenarios',
        value:
          'Access the workspace from Azure Machine Learning studio, Use a compute instance or a compute cluster',
      },
      { title: 'Region', value: 'westeurope' },
      { title: 'Outbound filtering', value: 'Another firewall, without service tags' },
      { title: 'Compute public IP', value: 'No' },
      { title: 'VS Code', value: 'No' },
      { title: 'RStudio', value: 'Yes' },
      { title: 'Public package feeds', value: 'No' },
      { title: 'hbi workspace', value: 'No' },
    ]);
  });
});
