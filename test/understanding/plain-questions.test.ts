// The plainest questions people ask, in every combination: "which hosts does X need", "firewall
// rules for X", with or without a setup. Each gets the slice of the scenario it names, whatever
// word for the scenario, whatever way of asking and whatever setup it states.
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
