// What is posted. Every request is a valid activity as Teams sends it, in a conversation no other
// request uses, with deliveryMode "expectReplies" so the replies come back in the response body and
// the bot never calls out to a channel service (that would measure a fake channel, not the bot).
// That holds for invokes too: the invoke response comes back as an "invokeResponse" activity.
import { randomUUID } from 'node:crypto';

const BOT = { id: '28:aml-network-guide', name: 'AML Network Guide' };

let sequence = 0;

/** A new conversation and a new user: state is per conversation and per user, never shared. */
function newConversation(kind: string) {
  const n = ++sequence;
  return {
    conversation: { id: `bench-${kind}-${process.pid}-${n}`, conversationType: 'personal' },
    from: { id: `29:bench-${kind}-${n}`, name: `Bench ${n}` },
  };
}

interface Party {
  conversation: { id: string; conversationType: string };
  from: { id: string; name: string };
}

function activity(party: Party, fields: object) {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    timestamp: new Date().toISOString(),
    recipient: BOT,
    channelData: { tenant: { id: 'tenant-1' } },
    locale: 'en-US',
    deliveryMode: 'expectReplies',
    ...party,
    ...fields,
  };
}

export const messageIn = (party: Party, text: string) =>
  activity(party, { type: 'message', text, textFormat: 'plain' });

export const invokeIn = (party: Party, name: string, value: unknown) =>
  activity(party, { type: 'invoke', name, value });

/** A wizard open at some step, in its own conversation with its own user. */
export interface OpenWizard extends Party {
  wizardId: string;
}

/** What the Next button of a wizard step card posts (Action.Execute → adaptiveCard/action). */
const wizardAnswer = (wizard: OpenWizard, step: string, data: Record<string, string>) =>
  invokeIn(wizard, 'adaptiveCard/action', {
    action: {
      type: 'Action.Execute',
      verb: 'wizard.answer',
      data: { action: 'wizard.answer', wizardId: wizard.wizardId, step, ...data },
    },
  });

/**
 * The wizard path measured: "studio" asks exactly one follow-up (egress), so answering the scenarios
 * step is a step that leads to another question, and answering egress is the final step (the plan).
 */
export const WIZARD = {
  scenario: 'studio',
  followUp: 'egress',
  finalAnswer: 'azure-firewall',
} as const;

const QUESTION = 'which outbound rules does a compute cluster need behind azure firewall';
const PORT_QUESTION = 'what is port 44224 for';
const SEARCH = 'storage';
export const ECHO_TEXT = 'hello';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** The wizard id on a button of a wizard card that answers `step`, wherever the card puts it. */
function wizardIdIn(node: unknown, step: string): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const obj = node as Record<string, unknown>;
  if (obj.action === 'wizard.answer' && obj.step === step && typeof obj.wizardId === 'string') {
    return obj.wizardId;
  }
  for (const child of Object.values(obj)) {
    const found = wizardIdIn(child, step);
    if (found) return found;
  }
  return undefined;
}

/** The wizard a reply body shows at `step`, with the conversation and user it belongs to. */
export function openWizardFrom(body: string, step: string): OpenWizard | undefined {
  const parsed = JSON.parse(body) as {
    activities?: { conversation?: { id?: string }; recipient?: { id?: string; name?: string } }[];
  };
  const reply = parsed.activities?.[0];
  const wizardId = wizardIdIn(parsed.activities, step);
  if (!reply?.conversation?.id || !reply.recipient?.id || !wizardId) return undefined;
  return {
    wizardId,
    conversation: { id: reply.conversation.id, conversationType: 'personal' },
    // A reply is addressed to the user who wrote.
    from: { id: reply.recipient.id, name: reply.recipient.name ?? '' },
  };
}

// Cheap checks of every response under load: substrings, not parsing, to keep the load generator
// light. Preflight checks the first response of each case in full before any load.
const isMessageWithCard = (body: string) =>
  body.startsWith('{"activities":[{') && body.includes(`"contentType":"${ADAPTIVE_CARD}"`);
const isInvokeOk = (body: string) =>
  body.includes('"type":"invokeResponse"') && /"value":\{"status":200[,}]/.test(body);

/** Wizards handed from one case to the next: each request uses one up, so none is replayed. */
export interface WizardPools {
  /** Open at the scenarios step (made by "start"). */
  atScenarios: OpenWizard[];
  /** Open at the follow-up question (made by the step case). */
  atFollowUp: OpenWizard[];
}

export interface Case {
  /** Stable key for results.json; the name is for people. */
  id: string;
  name: string;
  /** The next request's body. */
  body: () => object;
  /** Whether a response is the right answer. */
  verify: (body: string) => boolean;
  /** Sees every 200 response; a case that prepares the next one collects from it here. */
  collect?: (body: string) => void;
  /** Set when a case can only send so many requests (each prepared wizard is used once). */
  available?: () => number;
  /** Goals compare this case to the echo ceiling; supporting rows (wizard start) do not count. */
  goal: boolean;
}

export function echoCase(): Case {
  return {
    id: 'echo',
    name: 'echo bot (the ceiling)',
    body: () => messageIn(newConversation('echo'), ECHO_TEXT),
    verify: (body) => body.includes(`"text":"echo: ${ECHO_TEXT}"`),
    goal: false,
  };
}

/** From a pool, or a request that preflight would reject, should a pool run dry despite the limit. */
const fromPool = (pool: OpenWizard[], make: (w: OpenWizard) => object) => () => {
  const wizard = pool.pop();
  return wizard ? make(wizard) : messageIn(newConversation('empty'), 'pool ran out');
};

/** Our bot's cases, in the order they run: "start" fills the pool the step case uses, and so on. */
export function guideCases(pools: WizardPools): Case[] {
  return [
    {
      id: 'help',
      name: '1. help',
      body: () => messageIn(newConversation('help'), 'help'),
      verify: isMessageWithCard,
      goal: true,
    },
    {
      id: 'start',
      name: '   wizard start (prepares 2)',
      body: () => messageIn(newConversation('wizard'), 'start'),
      verify: (body) => isMessageWithCard(body) && body.includes('"step":"scenarios"'),
      collect: (body) => {
        const wizard = openWizardFrom(body, 'scenarios');
        if (wizard) pools.atScenarios.push(wizard);
      },
      goal: false,
    },
    {
      id: 'wizard-step',
      name: '2. wizard step from a card',
      body: fromPool(pools.atScenarios, (w) =>
        wizardAnswer(w, 'scenarios', { picks: WIZARD.scenario }),
      ),
      verify: (body) => isInvokeOk(body) && body.includes(`"step":"${WIZARD.followUp}"`),
      collect: (body) => {
        const wizard = openWizardFrom(body, WIZARD.followUp);
        if (wizard) pools.atFollowUp.push(wizard);
      },
      available: () => pools.atScenarios.length,
      goal: true,
    },
    {
      id: 'plan',
      name: '3. final wizard step (plan)',
      body: fromPool(pools.atFollowUp, (w) =>
        wizardAnswer(w, WIZARD.followUp, { value: WIZARD.finalAnswer }),
      ),
      verify: (body) => isInvokeOk(body) && body.includes('Your network plan'),
      available: () => pools.atFollowUp.length,
      goal: true,
    },
    {
      id: 'question',
      name: '4. free-text question',
      body: () => messageIn(newConversation('question'), QUESTION),
      verify: isMessageWithCard,
      goal: true,
    },
    {
      id: 'port',
      name: '4. question about a port',
      body: () => messageIn(newConversation('port'), PORT_QUESTION),
      verify: (body) => isMessageWithCard(body) && body.includes('44224'),
      goal: true,
    },
    {
      id: 'search',
      name: '5. message-extension query',
      body: () =>
        invokeIn(newConversation('search'), 'composeExtension/query', {
          commandId: 'findRules',
          parameters: [{ name: 'query', value: SEARCH }],
          queryOptions: { skip: 0, count: 10 },
        }),
      verify: (body) => isInvokeOk(body) && body.includes('"composeExtension"'),
      goal: true,
    },
    {
      // A plan card's button: the plan's situation travels in the button's data, so this needs no
      // stored plan, only the export of the same plan as the final step above.
      id: 'commands',
      name: '6. show as commands',
      body: () =>
        invokeIn(newConversation('commands'), 'adaptiveCard/action', {
          action: {
            type: 'Action.Execute',
            verb: 'export',
            data: {
              action: 'export',
              source: {
                kind: 'plan',
                situation: { scenarios: [WIZARD.scenario], egress: WIZARD.finalAnswer },
              },
            },
          },
        }),
      verify: (body) => isInvokeOk(body) && body.includes('az network nsg rule create'),
      goal: true,
    },
  ];
}

/** The turns the memory run mixes, each in a new conversation. */
export function memoryMix(): Case[] {
  const pools: WizardPools = { atScenarios: [], atFollowUp: [] };
  return guideCases(pools).filter((c) => !c.available);
}
