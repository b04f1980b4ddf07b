// Names and commands reach the card as written, not as markdown.
import { getKnowledge } from '../../src/knowledge';
import { answerFor, literal } from '../../src/answers/reply';
import { visibleText } from '../../src/cards/visible-text';
import { createRecognizer } from '../../src/understanding/recognizer';

describe('literal text on cards', () => {
  it.each([
    ['*.azureml.ms and *.azureml.net', '\\*.azureml.ms and \\*.azureml.net'],
    ['export HTTP_PROXY and HTTPS_PROXY', 'export HTTP\\_PROXY and HTTPS\\_PROXY'],
    ['[link](x)', '\\[link\\](x)'],
    ['plain text', 'plain text'],
  ])('%s', (text, escaped) => {
    expect(literal(text)).toBe(escaped);
  });
});

describe('knowledge text on an answer card', () => {
  const k = getKnowledge();
  const recognize = createRecognizer(k);

  it.each([
    // Two wildcards ("*.vscode-cdn.net … server/*") would pair up into italics and lose both stars.
    ['which hosts does vs code need to reach a compute instance', '\\*.vscode-cdn.net'],
    ['what is AzureFrontDoor.FrontEnd for', 'AzureFrontDoor.FrontEnd'],
    ['HTTP_PROXY on a compute instance', 'HTTP\\_PROXY'],
  ])('"%s" shows %s as written', (question, shown) => {
    const card = answerFor(k, recognize(question), question).cards[0];
    const text = visibleText(card).join('\n');
    expect(text).toContain(shown);
    // No knowledge wildcard or underscore is left to markdown.
    expect(text).not.toMatch(/(^|[^\\])\*\.[a-z]/);
  });
});

describe('"does <scenario> need <tag, host or port>?" is answered for that scenario', () => {
  const k = getKnowledge();
  const recognize = createRecognizer(k);
  const asked: [scenario: string, words: string][] = [
    ['studio', 'the studio'],
    ['compute', 'compute clusters'],
    ['online-endpoints', 'managed online endpoints'],
    ['aks', 'AKS'],
    ['docker-images', 'docker image builds'],
  ];
  const live = k.rules.filter((r) => !r.retired);
  const names = [
    ...new Set(
      live
        .filter((r) => r.endpointKind === 'service-tag' || r.endpointKind === 'fqdn')
        .map((r) => r.endpoint),
    ),
  ];
  const ports = [
    ...new Set(live.flatMap((r) => r.ports.filter((p) => p.from === p.to).map((p) => p.from))),
  ];
  const coveredBy = (wildcard: string, host: string) =>
    wildcard.startsWith('*.') && host.startsWith('<') && host.endsWith(`>${wildcard.slice(1)}`);
  type Case = [scenario: string, question: string, uses: (r: (typeof live)[number]) => boolean];
  const cases: Case[] = asked.flatMap(([scenario, words]) => [
    ...names.map((name): Case => [
      scenario,
      `does ${words} need ${name.replace('<region>', 'westeurope').replace(/<[^<>]{1,40}>/g, 'myws')}?`,
      // "*.blob.core.windows.net" also covers "<storage>.blob.core.windows.net".
      (r) => r.endpoint === name || coveredBy(name, r.endpoint),
    ]),
    ...ports.map((port): Case => [
      scenario,
      `does ${words} need port ${port}?`,
      (r) => r.ports.some((p) => p.from <= port && port <= p.to),
    ]),
  ]);

  it.each(cases)(
    '%s: "%s" says yes only if that scenario has a rule for it',
    (scenario, question, uses) => {
      const card = answerFor(k, recognize(question), question).cards[0];
      const verdict = (card && visibleText(card)[1]) ?? '';
      const used = live.some((r) => uses(r) && r.scenarios.some((s) => s === scenario));
      if (used) expect(verdict).not.toMatch(/^No\b/);
      else expect(verdict).not.toMatch(/^(Yes|Only)\b/);
    },
  );
});
