// Normalizes what a user typed so commands match however they are written ("Help!", " HELP ").
export function normalizeCommand(text: string | undefined): string {
  return (text ?? '')
    .toLowerCase()
    .replace(/[!.?\s]+$/u, (tail) => (tail.trim() === '?' ? '?' : ''))
    .replace(/\s+/gu, ' ')
    .trim();
}
