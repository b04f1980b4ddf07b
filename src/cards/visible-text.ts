// What a person reads on a card before expanding anything: the text of every element that is not
// hidden (isVisible: false), without button titles.
export function visibleText(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(visibleText);
  if (!node || typeof node !== 'object') return [];
  const element = node as Record<string, unknown>;
  if (element['isVisible'] === false) return [];
  const own: string[] = [];
  if (element['type'] === 'TextBlock' && typeof element['text'] === 'string')
    own.push(element['text']);
  if (element['type'] === 'FactSet' && Array.isArray(element['facts'])) {
    for (const fact of element['facts'] as { title?: unknown; value?: unknown }[]) {
      own.push(`${String(fact.title ?? '')} ${String(fact.value ?? '')}`);
    }
  }
  const children = ['body', 'items', 'columns', 'inlines'].flatMap((key) =>
    visibleText(element[key]),
  );
  return [...own, ...children];
}

export function visibleChars(card: unknown): number {
  return visibleText(card).join('\n').length;
}
