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
