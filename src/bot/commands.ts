// Command words the bot answers as plain text; the Teams manifest may only advertise these (checked by npm run package).
export const HANDLED_COMMANDS = ['start', 'help', 'scenarios', 'plan'] as const;
export const MESSAGE_EXTENSION_COMMANDS = ['findRules'] as const;
