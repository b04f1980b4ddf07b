// What a person reads on a card before expanding anything: the text of every element that is not
// hidden (isVisible: false), without button titles.
export function visibleText(node: unknown): string[] {
  return [...visibleTexts(node)];
}

/** The same texts in reading order, lazily: a summary needs only the first few. */
function* visibleTexts(node: unknown): Generator<string> {
  if (Array.isArray(node)) {
    for (const item of node) yield* visibleTexts(item);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const element = node as Record<string, unknown>;
  if (element['isVisible'] === false) return;
  if (element['type'] === 'TextBlock' && typeof element['text'] === 'string') {
    yield element['text'];
  }
  if (element['type'] === 'FactSet' && Array.isArray(element['facts'])) {
    for (const fact of element['facts'] as { title?: unknown; value?: unknown }[]) {
      yield `${String(fact.title ?? '')} ${String(fact.value ?? '')}`;
    }
  }
  for (const key of ['body', 'items', 'columns', 'inlines']) yield* visibleTexts(element[key]);
}

export function visibleChars(card: unknown): number {
  return visibleText(card).join('\n').length;
}

/** A character escaped for markdown ("\\*.azureml.ms"), shown as it is in plain text. */
const ESCAPED = /\\([\\`*_[\]])/gu;
/** Stands for an escaped character while the markdown around it is removed. */
const KEPT = /\uE000(\d{1,6})\uE000/gu;

/**
 * Markdown a plain-text reader should not see: emphasis, code ticks, link targets. Escaped
 * characters ("\\*.azureml.ms", "HTTP\\_PROXY") are text, so they stay, without the backslash.
 */
export function plainText(text: string): string {
  const kept: string[] = [];
  return text
    .replace(ESCAPED, (_match, c: string) => `\uE000${kept.push(c) - 1}\uE000`)
    .replace(/\[([^\]]{0,200})\]\([^)\s]{0,500}\)/gu, '$1')
    .replace(/[*_`]+/gu, '')
    .replace(KEPT, (_match, i: string) => kept[Number(i)] ?? '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Longest summary: notifications show about one line, screen readers read all of it. */
const MAX_SUMMARY = 200;

/** A text's first words in plain text, cut at a word boundary with an ellipsis. */
export function shortSummary(text: string, max = MAX_SUMMARY): string {
  const flat = plainText(text.slice(0, max * 4));
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * What a card says in one line, for its fallbackText and a notification: its first two visible
 * texts (a title and what follows it, or a header and the question).
 */
export function cardSummary(card: unknown): string {
  const lines: string[] = [];
  for (const text of visibleTexts(card)) {
    const line = plainText(text);
    if (line !== '') lines.push(line);
    if (lines.length === 2) break;
  }
  const [first = '', second = ''] = lines;
  const joined = second === '' ? first : `${first.replace(/[.:]$/u, '')}: ${second}`;
  return shortSummary(joined);
}
