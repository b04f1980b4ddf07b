// The cards that introduce the bot: welcome on install, help, and the answer to anything not understood.
import { z } from 'zod';
import { CardAction } from './card-actions';
import { renderCard } from './render';

export const CAPABILITIES = [
  'Walk you through a short wizard and give you the exact inbound rules, outbound rules and configuration steps for your setup.',
  'Answer questions about a scenario: studio access, AutoML/designer/data profiling, compute instances and clusters, managed online endpoints, AKS, and Docker images managed by Azure Machine Learning.',
  'Explain a port, a service tag or a host name, and read a pasted error message.',
  'Show where the Microsoft Learn articles disagree, and which source is newer.',
] as const;

export const EXAMPLE_QUESTIONS = [
  'which inbound ports do compute clusters need',
  'what is port 44224 for',
  "studio can't preview my dataset behind the vnet",
  'do I still need the Microsoft registry with my own images',
] as const;

export const COMMANDS = [
  { name: 'start', description: 'Start the onboarding wizard' },
  { name: 'scenarios', description: 'List the scenarios I know' },
  { name: 'plan', description: 'Show the plan from your last wizard' },
  { name: 'help', description: 'Show this card' },
  { name: 'cancel', description: 'Stop the wizard you are in' },
] as const;

const Text = z.string().min(1);

export const WelcomeCard = z.object({
  title: Text,
  intro: Text,
  capabilities: z.array(Text).min(1),
  examples: z.array(Text).min(1),
});
export type WelcomeCard = z.infer<typeof WelcomeCard>;

export const HelpCard = z.object({
  title: Text,
  intro: Text,
  commands: z.array(z.object({ name: Text, description: Text })).min(1),
  examples: z.array(Text).min(1),
  note: Text,
});
export type HelpCard = z.infer<typeof HelpCard>;

export const FallbackCard = z.object({
  title: Text,
  message: Text,
  capabilities: z.array(Text).min(1),
  examples: z.array(Text).min(1),
});
export type FallbackCard = z.infer<typeof FallbackCard>;

export function welcomeCard() {
  return renderCard('welcome', WelcomeCard, {
    title: 'AML Network Guide',
    intro:
      'I help you run an Azure Machine Learning workspace inside a secured virtual network: tell me what you use, and I list the network rules and configuration steps it needs, with the reason for each and a link to its source on Microsoft Learn.',
    capabilities: [...CAPABILITIES],
    examples: [...EXAMPLE_QUESTIONS],
  });
}

export function helpCard() {
  return renderCard('help', HelpCard, {
    title: 'What I can do',
    intro:
      'Type a command or ask a question in your own words. In a channel or group chat, @mention me first.',
    commands: COMMANDS.map((c) => ({ ...c })),
    examples: [...EXAMPLE_QUESTIONS],
    note: 'My answers are derived from Microsoft Learn articles on Azure Machine Learning network security; each rule names its source and date.',
  });
}

/**
 * Why a message is outside the bot's subject: another subject, or a failure no network rule
 * causes (a permission, a quota, a compute instance that is not running, an exception in code, a
 * template Azure Resource Manager refuses).
 */
export type OutsideSubject = 'subject' | 'permission' | 'quota' | 'stopped' | 'bug' | 'template';

/**
 * What the card says of each failure no network rule causes: its title, and what the message is
 * and what to do instead (after the message quoted).
 */
const FAILURES_OUTSIDE_NETWORK: Readonly<
  Record<Exclude<OutsideSubject, 'subject'>, { title: string; says: string }>
> = {
  permission: {
    title: 'That is a permission error, not the network',
    says: "is a sign-in or permission failure on Azure Machine Learning itself: no network rule changes who may use a workspace or a compute instance. Check the account's role on the workspace, and that the compute instance is assigned to whoever opens it (only its assigned user can).",
  },
  quota: {
    title: 'That is a quota limit, not the network',
    says: "is about the subscription's cores quota: how many cores of a VM family it may use in a region, which no subnet, NSG or firewall rule changes. Request a higher quota for that VM family (in the Azure portal under Quotas, or in the studio), or choose a size that has quota left.",
  },
  stopped: {
    title: "The compute instance isn't running",
    says: "says the compute instance is stopped or still changing state, which VS Code and the studio wait on. Start it from the studio's Compute page or with az ml compute start --name <instance> --workspace-name <workspace> --resource-group <rg>, wait until it shows Running, and connect again. If it never reaches Running, ask me why a compute instance is stuck starting.",
  },
  template: {
    title: "That is the template's API version or schema, not the network",
    says: "is Azure Resource Manager refusing the template or request itself (its API version, or a property that version doesn't have) before anything reaches a network. Use an API version of the resource type that has the property (newer versions add properties), and check the names against that version's template reference.",
  },
  bug: {
    title: 'That is an error in code, not the network',
    says: "is an exception raised inside code (the tool's own, or yours), which no network rule causes or fixes. Check which version of the extension, SDK or CLI you run (a newer one may fix it; a recent upgrade may have caused it), and if it persists, report the full message to the tool's maintainers.",
  },
};

/** The card for a message the bot cannot answer; `outside` when it is not about networking. */
export function fallbackCard(said: string, outside?: OutsideSubject) {
  const shown = said.length > 80 ? `${said.slice(0, 77)}...` : said;
  return renderCard('fallback', FallbackCard, {
    ...fallbackText(shown, outside),
    capabilities: [...CAPABILITIES],
    examples: [...EXAMPLE_QUESTIONS],
  });
}

/** What the fallback card says of a message it does not answer, quoted as `shown`. */
function fallbackText(
  shown: string,
  outside: OutsideSubject | undefined,
): { title: string; message: string } {
  if (outside === undefined)
    return {
      title: "I'm not sure what you mean",
      message: shown
        ? `I could not match "${shown}" to a scenario, rule or error I know.`
        : 'I could not find a question in your message.',
    };
  if (outside === 'subject')
    return {
      title: 'That is outside what I know',
      message: `"${shown}" doesn't look like a question about Azure Machine Learning networking. I know the network side of Azure Machine Learning: rules, service tags and ports, DNS and private endpoints, and the errors a locked-down network causes.`,
    };
  const { title, says } = FAILURES_OUTSIDE_NETWORK[outside];
  return { title, message: `"${shown}" ${says}` };
}

export const NoticeCard = z.object({
  title: Text,
  text: z.string(),
  actions: z.array(z.object({ title: Text, data: CardAction })),
});
export type NoticeCard = z.infer<typeof NoticeCard>;

/** A short message in card form, for when a clicked card must be replaced by a plain answer. */
export function noticeCard(title: string, text = '') {
  return renderCard('notice', NoticeCard, {
    title,
    text,
    actions: [
      { title: 'Start the wizard', data: { action: 'wizard.start' } },
      { title: 'Help', data: { action: 'help' } },
    ],
  });
}
