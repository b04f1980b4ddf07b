// The plainest questions people ask, in every combination. "Which hosts does X need", "firewall
// rules for X", with or without a setup, get the slice of the scenario they name, whatever word
// for the scenario and whatever way of asking; "what is port N for", "do I need <name>" get that
// port's or name's card, for every port and name a rule uses, typed as people type them.
import { getKnowledge } from '../../src/knowledge';
import type { ScenarioId } from '../../src/knowledge/knowledge.schema';
import { createRecognizer } from '../../src/understanding/recognizer';

const recognize = createRecognizer(getKnowledge());

const ways = [
  'which ports does X need',
  'which hosts does X need',
  'which service tags does X need',
  'what outbound rules does X need',
  'which inbound rules does X need',
  'firewall rules for X',
  'what does X need on the firewall',
  'X fqdns',
  'nsg rules for X',
];

const names: [ScenarioId, string[]][] = [
  ['compute', ['compute', 'a compute instance', 'compute clusters', 'the training cluster']],
  ['studio', ['the studio']],
  ['online-endpoints', ['managed online endpoints', 'an online endpoint']],
  ['aks', ['aks', 'kubernetes compute']],
  ['docker-images', ['docker image builds', 'azure ml managed docker images']],
  ['data-profiling', ['automl', 'the designer']],
];

const setups = ['', ' behind the firewall', ' with no public ip', ' behind azure firewall?'];

const questions = names.flatMap(([scenario, words]) =>
  words.flatMap((name) =>
    ways.flatMap((way) =>
      setups.map((setup) => [`${way.replace('X', name)}${setup}`, scenario] as const),
    ),
  ),
);

describe('plain questions about what a scenario needs', () => {
  it.each(questions)('"%s" gets the slice of %s', (question, scenario) => {
    const recognition = recognize(question);
    expect(recognition.kind === 'answer' ? recognition.target : recognition.kind).toEqual(
      expect.objectContaining({ kind: 'scenario', id: scenario }),
    );
  });
});

/** A name as people type it: a real region, storage account, registry and workspace id. */
const typed = (endpoint: string) =>
  endpoint
    .replace(/<region>/g, 'westeurope')
    .replace('<storage>', 'mlstore01')
    .replace('<acr>', 'myacr')
    .replace('<workspace-id>', '1a2b3c4d-1111-2222-3333-444455556666');

const k = getKnowledge();
const portQuestions = [
  ...new Set(k.rules.flatMap((r) => r.ports.map((p) => p.from)).filter((p) => p > 0)),
].flatMap((port) =>
  [
    'what is port N for',
    'is port N needed',
    'do I need port N',
    'port N required?',
    'what uses port N',
  ].map((way) => [way.replace('N', String(port)), String(port)] as const),
);
const endpoints = [
  ...new Set(
    k.rules.filter((r) => !r.retired && r.endpointKind !== 'setting').map((r) => r.endpoint),
  ),
];
const nameQuestions = endpoints.flatMap((name) =>
  [
    'what is E for',
    'do I need E',
    'is E required',
    'why does azure ml need E',
    'E needed outbound?',
  ]
    // What *.data.mcr.microsoft.com is for is the note on Microsoft's registry, which explains it.
    .filter((way) => !(way === 'what is E for' && name === '*.data.mcr.microsoft.com'))
    .map((way) => [way.replace('E', typed(name)), name] as const),
);

describe('plain questions about a port or a name', () => {
  it.each(portQuestions)('"%s" gets port %s', (question, port) => {
    const recognition = recognize(question);
    expect(recognition.kind === 'answer' ? recognition.target : recognition.kind).toEqual(
      expect.objectContaining({ kind: 'port', id: port }),
    );
  });

  // A name's card, or the card of its rule in the direction asked.
  it.each(nameQuestions)('"%s" gets %s', (question, name) => {
    const recognition = recognize(question);
    const target = recognition.kind === 'answer' ? recognition.target : undefined;
    const endpoint =
      target?.kind === 'rule' ? k.rules.find((r) => r.id === target.id)?.endpoint : target?.id;
    expect([target?.kind, endpoint]).toEqual([target?.kind === 'rule' ? 'rule' : 'endpoint', name]);
  });
});

// "Which domain do I allow for pytorch?": people name a host by the product it serves.
const products = [...new Set(k.rules.flatMap((r) => r.products ?? []))];
const productQuestions = products.flatMap((product) =>
  [
    'which domain do I allow for P',
    'what urls does P need on the firewall?',
    'P hosts to whitelist',
    'which fqdn for P packages?',
  ].map((way) => [way.replace('P', product), product] as const),
);

describe('a host named by the product it serves', () => {
  it('every product in the knowledge is asked about', () => {
    expect(products).toEqual(
      expect.arrayContaining(['anaconda', 'pypi', 'pytorch', 'tensorflow', 'cran', 'ubuntu']),
    );
  });

  it.each(productQuestions)('"%s" gets a host of %s', (question, product) => {
    const recognition = recognize(question);
    const target = recognition.kind === 'answer' ? recognition.target : undefined;
    const hosts = k.rules.filter((r) => r.products?.includes(product)).map((r) => r.endpoint);
    const endpoint =
      target?.kind === 'rule' ? k.rules.find((r) => r.id === target.id)?.endpoint : target?.id;
    expect(hosts).toContain(endpoint);
  });
});
