// The wizard's cards: one question per card, with Back, Start over and Cancel on every step.
import { z } from 'zod';
import type { Knowledge } from '../knowledge/knowledge.schema';
import { progress, type StepId, type WizardState } from '../wizard/wizard.machine';
import { Button, button, type CardAction } from './card-actions';
import { EGRESS_LABELS } from './plan.card';
import { renderCard } from './render';

const Text = z.string();

export const WizardStepCard = z.object({
  header: Text,
  question: Text.min(1),
  why: Text,
  problem: Text,
  input: z.enum(['multi', 'text', 'buttons']),
  choices: z.array(z.object({ title: Text, value: Text })),
  picked: Text,
  placeholder: Text,
  textValue: Text,
  buttons: z.array(Button),
  suggestions: z.array(Button),
  sofar: z.array(z.object({ title: Text, value: Text })),
  nav: z.array(Button).min(1),
});
export type WizardStepCard = z.infer<typeof WizardStepCard>;

interface Question {
  question: string;
  why: string;
  options?: [title: string, value: string][];
}

const YES_NO: [string, string][] = [
  ['Yes', 'yes'],
  ['No', 'no'],
];

export const QUESTIONS: Record<StepId, Question> = {
  scenarios: {
    question: 'What do you use the secured workspace for?',
    why: 'Each scenario brings its own network rules. Pick every one that applies; I only ask the follow-up questions that change the answer.',
  },
  region: {
    question: 'Which Azure region is your compute in?',
    why: 'Several service tags and host names are regional, such as Storage.<region> and BatchNodeManagement.<region>. They take the region of the compute and its virtual network: where that differs from the workspace region, give the compute region.',
  },
  computePublicIp: {
    question: 'Do your compute instances and clusters have a public IP address?',
    why: 'With a public IP the service reaches the compute inbound on port 44224. Without one there are no inbound rules, but you must give the subnet an explicit way out (NAT gateway or firewall).',
    options: YES_NO,
  },
  egress: {
    question: 'How is outbound traffic from the virtual network filtered?',
    why: 'Network security groups and Azure Firewall understand service tags; a firewall that does not needs host names (FQDNs) instead. A firewall in the path also needs routes for public-IP compute.',
    options: [
      ['Network security groups only', 'nsg'],
      ['Azure Firewall', 'azure-firewall'],
      ['A firewall without service tags', 'firewall-no-tags'],
    ],
  },
  vscode: {
    question: 'Will people connect to compute instances from Visual Studio Code?',
    why: 'VS Code desktop and web download their server and extensions, which needs more outbound hosts and ports.',
    options: YES_NO,
  },
  hbi: {
    question: 'Was the workspace created with hbi_workspace (high business impact) enabled?',
    why: 'The firewall article needs outbound access to Azure Key Vault only for such workspaces; the traffic-flow article lists it for every compute.',
    options: YES_NO,
  },
  registryBehindVnet: {
    question: "Is the workspace's container registry behind the virtual network?",
    why: 'A registry reached only through a private endpoint cannot be used by Azure Machine Learning to build images itself; a compute cluster has to build them.',
    options: YES_NO,
  },
  ownImages: {
    question:
      'Do you bring your own Docker images instead of the ones Azure Machine Learning provides?',
    why: "The articles disagree on whether Microsoft's container registry is still needed then; I will show both views.",
    options: YES_NO,
  },
  sdk: {
    question: 'Which version of the Azure Machine Learning SDK and CLI do you use?',
    why: 'A few steps differ between v1 and v2 (datastore validation, image builds); managed online endpoints are v2 only.',
    options: [
      ['v2 (azure-ai-ml, az ml)', 'v2'],
      ['v1 (azureml-core)', 'v1'],
    ],
  },
};

const answerLabels: Record<string, string> = { ...EGRESS_LABELS, true: 'Yes', false: 'No' };

const SHORT_LABELS: Record<Exclude<StepId, 'scenarios'>, string> = {
  region: 'Region',
  computePublicIp: 'Compute public IP',
  egress: 'Outbound filtering',
  vscode: 'VS Code',
  hbi: 'hbi workspace',
  registryBehindVnet: 'Registry behind VNet',
  ownImages: 'Own images',
  sdk: 'SDK/CLI',
};

export function wizardStepCard(
  k: Knowledge,
  state: WizardState,
  options: { problem?: string; suggestions?: string[]; notice?: string } = {},
) {
  const q = QUESTIONS[state.step];
  const { index, total } = progress(k, state);
  const answer = (
    value: Omit<Extract<CardAction, { action: 'wizard.answer' }>, 'action' | 'wizardId' | 'step'>,
  ) => ({ action: 'wizard.answer', wizardId: state.id, step: state.step, ...value }) as const;

  const scenarioTitle = (id: string) => k.scenarios.find((s) => s.id === id)?.title ?? id;
  const sofar = [
    ...(state.answers.scenarios && state.step !== 'scenarios'
      ? [{ title: 'Scenarios', value: state.answers.scenarios.map(scenarioTitle).join(', ') }]
      : []),
    ...state.history
      .filter((step): step is Exclude<StepId, 'scenarios'> => step !== 'scenarios')
      .map((step) => ({
        title: SHORT_LABELS[step],
        value: answerLabels[String(state.answers[step])] ?? String(state.answers[step]),
      })),
  ];

  const input = state.step === 'scenarios' ? 'multi' : state.step === 'region' ? 'text' : 'buttons';
  const buttons =
    input === 'buttons'
      ? (q.options ?? []).map(([title, value]) => button(title, answer({ value })))
      : [button('Next', answer({}))];

  return renderCard('wizard-step', WizardStepCard, {
    header: `Network plan wizard · step ${index} of ${total}`,
    question: q.question,
    why: q.why,
    // A notice (the card clicked was out of date) stands alone; a problem is with the answer given.
    problem: options.notice ?? (options.problem ? `Please check: ${options.problem}` : ''),
    input,
    choices: k.scenarios.map((s) => ({ title: s.title, value: s.id })),
    picked: (state.answers.scenarios ?? []).join(','),
    placeholder: 'for example westeurope',
    textValue: state.answers.region ?? '',
    buttons,
    suggestions: (options.suggestions ?? []).map((name) => button(name, answer({ value: name }))),
    sofar,
    nav: [
      ...(state.history.length > 0
        ? [button('Back', { action: 'wizard.back', wizardId: state.id, step: state.step })]
        : []),
      button('Start over', { action: 'wizard.restart', wizardId: state.id }),
      button('Cancel', { action: 'wizard.cancel', wizardId: state.id }),
    ],
  });
}
