// The one normaliser: tokens, stems and a bounded edit distance that stays cheap on hostile input.
import {
  capQuestion,
  editDistance,
  indexTerms,
  phraseTerms,
  sameWord,
  stem,
  tokens,
} from '../../src/understanding/normalise';

describe('normalise', () => {
  it.each([
    ['clusters', 'cluster'],
    ['policies', 'policy'],
    ['resolving', 'resolv'],
    ['dns', 'dns'],
    ['addresses', 'address'],
  ])('stems %s to %s', (word, stemmed) => expect(stem(word)).toBe(stemmed));

  it('drops pronouns with the other stopwords: "they" and "them" name no topic', () => {
    expect(indexTerms('IT says they need a list of websites, what do I send them?')).toEqual([
      'website',
      'send',
    ]);
  });

  it('splits on anything that is not a letter or digit, keeping "can\'t" one word', () => {
    expect(tokens("Can't reach ml.azure.com:443!")).toEqual([
      'cant',
      'reach',
      'ml',
      'azure',
      'com',
      '443',
    ]);
  });

  it.each([
    ["a vnet'd workspace", ['a', 'vnet', 'workspace']],
    ['the PE’d storage', ['the', 'pe', 'storage']],
    // "'d" for "would" or "had" stays part of its word, as "can't" does.
    ["we'd like", ['wed', 'like']],
  ])('"%s" is %j: a word made a verb with "\'d" is that word', (text, words) => {
    expect(tokens(text)).toEqual(words);
  });

  it.each([
    ['instnace', 'instance', true],
    ['dokcer', 'docker', true],
    ['ci', 'cc', false],
    ['studio', 'rstudio', true],
  ])('"%s" and "%s" are the same word: %s', (a, b, same) => expect(sameWord(a, b)).toBe(same));

  it('gives up early instead of measuring long words in full', () => {
    const long = 'a'.repeat(200_000);
    expect(editDistance(long, `${long}b`, 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });

  it.each([
    [
      'adds the phrase of two neighbouring terms, but never across a line',
      'cluster without a public IP\nresource group',
      'cluster without public ip cluster_without without_public public_ip resource group resource_group',
    ],
    [
      'counts "workspace" as a term, which tells a workspace setting from an endpoint\'s, but forms no phrase with it',
      'public network access on the workspace',
      'public access workspace public_access',
    ],
  ])('%s', (_, text, terms) => {
    expect(phraseTerms(text)).toEqual(terms.split(' '));
  });

  it('spells out "w/o", which the slash would split into two letters', () => {
    expect(capQuestion('cluster nodes w/o public IP, W/O a firewall')).toBe(
      'cluster nodes without public IP, without a firewall',
    );
  });

  it.each([
    ['azureml-core vs azure-ai-ml', 'azureml-core versus azure-ai-ml'],
    [
      'AzureMachineLearning vs. BatchNodeManagement',
      'AzureMachineLearning versus BatchNodeManagement',
    ],
    ['vs code vs jupyter', 'vs code versus jupyter'],
    ['VS. Code server', 'VS. Code server'],
  ])('spells a "vs" that is not VS Code as "versus": %s', (text, read) => {
    expect(capQuestion(text)).toBe(read);
  });

  it.each([
    ['the outbound endpoints AML needs', 'the outbound rules AML needs'],
    ['firewall end-points for compute', 'firewall rules for compute'],
    ['endpoints to whitelist', 'hosts to whitelist'],
    ['the endpoints whitelisted on the proxy', 'the hosts whitelisted on the proxy'],
    // An endpoint that is allowed, an online endpoint, a private endpoint: still endpoints.
    ['is a public endpoint allowed?', 'is a public endpoint allowed?'],
    ['online endpoints to open to partners', 'online endpoints to open to partners'],
    ['outbound private endpoint rules', 'outbound private endpoint rules'],
  ])('reads "endpoints" that traffic goes to as rules or hosts: %s', (text, read) => {
    expect(capQuestion(text)).toBe(read);
  });

  it("leaves out the Document Details block of a docs feedback issue: its links and IDs aren't asked", () => {
    const issue = [
      'can we use a hosts file instead of private DNS zones?',
      '',
      '---',
      '#### Document Details',
      '',
      '* ID: 03a5c5a7-e15e-4917-8731-14388a2f7f42',
      '* Content Source: [how-to-custom-dns.md](https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/machine-learning/how-to-custom-dns.md)',
      '* GitHub Login: @someone',
    ].join('\n');
    expect(capQuestion(issue)).toBe('can we use a hosts file instead of private DNS zones?');
    // Without the heading the text is the user's own.
    expect(capQuestion('see https://github.com/Azure/azureml-examples --- details below')).toBe(
      'see https://github.com/Azure/azureml-examples --- details below',
    );
  });

  it('makes an allow list written as two words one word, as "allowlist" is', () => {
    expect(capQuestion('the conda allow list, our white-listed hosts, a safe list')).toBe(
      'the conda allowlist, our whitelisted hosts, a safelist',
    );
  });
});
