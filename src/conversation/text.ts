// Normalizes what a user typed so commands match however they are written ("Help!", " HELP ").
export function normalizeCommand(text: string | undefined): string {
  const collapsed = (text ?? '').toLowerCase().replace(/\s+/gu, ' ').trim();
  // A lone "?" is a command of its own; elsewhere trailing punctuation carries no meaning.
  return collapsed === '?' ? '?' : collapsed.replace(/[!.?]+$/u, '').trim();
}
