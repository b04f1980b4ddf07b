// Names and commands reach the card as written, not as markdown.
import { literal } from '../../src/answers/reply';

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
