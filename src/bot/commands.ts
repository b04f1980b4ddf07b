// The words the bot answers as commands, in every scope. The Teams manifest may only advertise
// words listed here (checked by npm run package), so a command menu entry always has a handler.
export const COMMAND_WORDS = {
  help: 'help',
  '?': 'help',
  'what can you do': 'help',
  commands: 'help',
  start: 'start',
  wizard: 'start',
  onboard: 'start',
  onboarding: 'start',
  'get started': 'start',
  'start wizard': 'start',
  'start the wizard': 'start',
  cancel: 'cancel',
  stop: 'cancel',
  quit: 'cancel',
  exit: 'cancel',
  restart: 'restart',
  'start over': 'restart',
  back: 'back',
  scenarios: 'scenarios',
  'list scenarios': 'scenarios',
  plan: 'plan',
  'my plan': 'plan',
  'show my plan': 'plan',
  'last plan': 'plan',
} as const satisfies Record<string, string>;

export type Command = (typeof COMMAND_WORDS)[keyof typeof COMMAND_WORDS];

export const HANDLED_COMMANDS = Object.keys(COMMAND_WORDS) as readonly string[];

export function commandFor(normalizedText: string): Command | undefined {
  // Own keys only: a message such as "constructor" must not reach Object.prototype.
  return Object.hasOwn(COMMAND_WORDS, normalizedText)
    ? (COMMAND_WORDS as Record<string, Command>)[normalizedText]
    : undefined;
}

export const MESSAGE_EXTENSION_COMMANDS = ['findRules'] as const;
