import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledge } from '../../src/knowledge';
import { evaluate, parseEvalFile } from '../../src/knowledge/eval';
import {
  ANSWER_CONFIDENCE,
  editDistance,
  recognize,
  sameWord,
  stripMentions,
  type Recognition,
  type TargetKind,
} from '../../src/knowledge/recognizer';

const k = loadKnowledge();

/** What the bot answers, in the form the tables below use: "kind:id", "choices", "none". */
function reply(r: Recognition): string {
  if (r.kind === 'answer') return `${r.target.kind}:${r.target.id}`;
  return r.kind;
}

describe('an engineer asks, the bot answers with one card', () => {
  const conversation: [says: string, answers: `${TargetKind}:${string}`][] = [
    // the examples
    ['which inbound ports do compute clusters need', 'scenario:compute'],
    ['what is port 44224 for', 'port:44224'],
    ['StorageMountError: mount failed, 443, 445', 'error:storage-mount'],
    ['ImageBuildComputeNotValid', 'error:image-build'],
    [
      'Access to workspace was denied based on workspace private link configuration',
      'error:private-link-denied',
    ],
    // abbreviations
    ['what outbound rules does a CI need', 'scenario:compute'],
    ['MOE inbound and outbound', 'scenario:online-endpoints'],
    ['k8s attached to a secured ws', 'scenario:aks'],
    ['do i need UDRs when using azure firewall', 'step:step-udr'],
    // typos
    ['nsg rules for compute instnace', 'scenario:compute'],
    ['online endpiont behind private link', 'scenario:online-endpoints'],
    ['dokcer image build requirements', 'scenario:docker-images'],
    // ports, tags and hosts
    ['5831 udp', 'port:5831'],
    ['what is 29877', 'port:29877'],
    ['BatchNodeManagement.westeurope', 'endpoint:BatchNodeManagement.<region>'],
    ['need mcr.microsoft.com on the firewall?', 'endpoint:mcr.microsoft.com'],
    ['westeurope.tundra.azureml.ms', 'endpoint:<region>.tundra.azureml.ms'],
    ['Storage.westeurope 445', 'rule:out-storage-445'],
    ['AzureMachineLearning 443 for studio', 'rule:out-aml-studio'],
    // doubts about facts the sources disagree on
    ['keyvault or AzureKeyVault tag', 'conflict:keyvault-tag-name'],
    ['whats viennaglobal.azurecr.io', 'conflict:docker-registry-name'],
    ['do we really need 8787 outbound', 'conflict:aml-port-8787'],
    // steps
    ['allow trusted azure services on the storage account', 'step:step-profiling-trusted-access'],
    ['which private dns zones do i need', 'step:step-dns'],
  ];

  test.each(conversation)('"%s" → %s', (says, answers) => {
    expect(reply(recognize(k, says))).toBe(answers);
  });

  test('a Teams @mention in a channel does not change the answer', () => {
    const r = recognize(k, '<at>AML Network Guide</at> what is port 44224 for');
    expect(reply(r)).toBe('port:44224');
  });

  test('a confident answer says how sure it is and why', () => {
    const r = recognize(k, 'what is port 44224 for');
    expect(r.kind).toBe('answer');
    if (r.kind !== 'answer') return;
    expect(r.confidence).toBeGreaterThanOrEqual(ANSWER_CONFIDENCE);
    expect(r.why).toMatch(/port/);
    expect(r.target.label).toContain('AzureMachineLearning');
  });
});

describe('a mention of a port is not an error report', () => {
  // The nsg-inbound-missing error has a pattern \b44224\b; a question about the port is not a problem.
  test('"is 44224 inbound" → the port, but "44224 blocked by the nsg" → the error', () => {
    expect(reply(recognize(k, 'is 44224 inbound'))).toBe('port:44224');
    expect(reply(recognize(k, 'inbound 44224 blocked by the nsg'))).toBe(
      'error:nsg-inbound-missing',
    );
  });
});

describe('when unsure, the bot asks back with two or three choices', () => {
  test.each(['storage', 'firewall'])('"%s" → choices', (says) => {
    const r = recognize(k, says);
    expect(r.kind).toBe('choices');
    if (r.kind !== 'choices') return;
    expect(r.candidates.length).toBeGreaterThanOrEqual(2);
    expect(r.candidates.length).toBeLessThanOrEqual(3);
    const keys = r.candidates.map((c) => `${c.kind}:${c.id}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('"do I still need the Microsoft registry with my own images" → the own-images conflict first', () => {
    // Its neighbour, the conflict about the registry's name, shares most words: the bot asks.
    const r = recognize(k, 'do I still need the Microsoft registry with my own images');
    expect(r.kind).toBe('choices');
    if (r.kind !== 'choices') return;
    expect(r.candidates.map((c) => `${c.kind}:${c.id}`)).toEqual([
      'conflict:mcr-own-images',
      'conflict:docker-registry-name',
    ]);
  });

  test('AzureMachineLearning on 443 without a scenario → the studio and the compute rule', () => {
    const r = recognize(k, 'AzureMachineLearning 443');
    expect(r.kind).toBe('choices');
    if (r.kind !== 'choices') return;
    expect(r.candidates.map((c) => c.id).sort()).toEqual(['out-aml-compute', 'out-aml-studio']);
  });
});

describe('off-topic or empty text gets "none"', () => {
  test.each([
    '',
    '   ',
    '<at>AML Network Guide</at>',
    'whats the weather today',
    'tell me a joke',
    'how do I bake bread',
  ])('"%s" → none', (says) => {
    expect(reply(recognize(k, says))).toBe('none');
  });

  test('a port no rule uses → none, saying so', () => {
    const r = recognize(k, 'is port 3389 needed');
    expect(r).toEqual({ kind: 'none', why: 'no rule in the knowledge uses port 3389' });
  });
});

describe('text helpers', () => {
  test('stripMentions removes Teams mention markup and @names', () => {
    expect(stripMentions('<at>Guide</at> hi @someone there').split(/\s+/).filter(Boolean)).toEqual([
      'hi',
      'there',
    ]);
  });

  test('editDistance counts a swapped pair as one edit', () => {
    expect(editDistance('dokcer', 'docker')).toBe(1);
    expect(editDistance('studio', 'studio')).toBe(0);
    expect(editDistance('ci', 'cc')).toBe(1);
  });

  test('sameWord: plurals, endings and typos, but never short words or real words', () => {
    expect(sameWord('clusters', 'cluster')).toBe(true);
    expect(sameWord('previewing', 'preview')).toBe(true);
    expect(sameWord('instnace', 'instance')).toBe(true);
    expect(sameWord('ci', 'cc')).toBe(false);
    expect(sameWord('studio', 'rstudio', false)).toBe(false);
  });
});

describe('evaluation set (test/eval/questions.json)', () => {
  const file = parseEvalFile(
    JSON.parse(readFileSync(path.join(__dirname, '..', 'eval', 'questions.json'), 'utf8')),
  );

  test('has at least 90 questions, some of them off-topic', () => {
    expect(file.questions.length).toBeGreaterThanOrEqual(90);
    expect(file.questions.filter((c) => c.expect === 'none').length).toBeGreaterThanOrEqual(8);
  });

  test('top-1 accuracy is at least 90%', () => {
    const result = evaluate(k, file.questions);
    const misses = result.misses
      .map((m) => `  ${m.q}\n    expected ${m.expected}, got ${m.got}`)
      .join('\n');
    const summary = `top-1 accuracy ${(result.accuracy * 100).toFixed(1)}% (${result.correct}/${result.total})`;
    if (result.accuracy < 0.9) throw new Error(`${summary}; misses:\n${misses}`);
    expect(result.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  test('evaluate counts only a top-1 hit: a wrong answer and a none are misses', () => {
    const result = evaluate(k, [
      { q: 'what is port 44224 for', expect: { kind: 'port', id: '44224' } },
      { q: 'what is port 44224 for', expect: { kind: 'port', id: '443' } },
      { q: 'tell me a joke', expect: 'none' },
      { q: 'tell me a joke', expect: { kind: 'scenario', id: 'studio' } },
    ]);
    expect(result).toMatchObject({ total: 4, correct: 2, accuracy: 0.5 });
    expect(result.misses.map((m) => m.expected)).toEqual(['port:443', 'scenario:studio']);
  });

  test('a malformed evaluation file is rejected with the bad field named', () => {
    expect(() =>
      parseEvalFile({ questions: [{ q: 'x', expect: { kind: 'nope', id: 'y' } }] }),
    ).toThrow(/questions/);
  });
});
