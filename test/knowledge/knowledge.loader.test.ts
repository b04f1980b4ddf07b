import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectPath } from '../../src/paths';
import {
  KnowledgeError,
  knowledgeSummary,
  loadKnowledge,
  scenarioOrder,
} from '../../src/knowledge';

type Json = Record<'scenarios' | 'rules' | 'steps' | 'conflicts' | 'errors', unknown[]>;

const copies: string[] = [];
afterAll(() => copies.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A throw-away copy of knowledge/ in a folder also named `knowledge`, edited by `edit`. */
function withCopy(
  edit: (read: (f: string) => Json, write: (f: string, j: unknown) => void) => void,
) {
  const root = mkdtempSync(path.join(tmpdir(), 'aml-knowledge-'));
  copies.push(root);
  const dir = path.join(root, 'knowledge');
  cpSync(projectPath('knowledge'), dir, { recursive: true });
  const read = (f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Json;
  const write = (f: string, j: unknown) =>
    writeFileSync(path.join(dir, f), j === undefined ? '{ not json' : JSON.stringify(j));
  edit(read, write);
  return () => loadKnowledge(dir);
}

/** The rule with this id in a read rules.json, to edit its fields. */
function ruleIn(rules: Json, id: string): { tags?: string[]; products?: string[] } {
  return rules.rules.find((r) => (r as { id: string }).id === id) as {
    tags?: string[];
    products?: string[];
  };
}

function errorOf(load: () => unknown): KnowledgeError {
  try {
    load();
  } catch (err) {
    if (err instanceof KnowledgeError) return err;
    throw err;
  }
  throw new Error('expected loadKnowledge to fail');
}

describe('the real knowledge', () => {
  const k = loadKnowledge();

  it('parses and passes the integrity checks', () => {
    expect(k.scenarios.map((s) => s.id)).toEqual([...scenarioOrder]);
    expect(k.rules.length).toBeGreaterThanOrEqual(90);
    expect(k.steps.length).toBeGreaterThanOrEqual(50);
    expect(k.conflicts.length).toBeGreaterThanOrEqual(9);
    expect(k.errors.length).toBeGreaterThanOrEqual(8);
    expect(k.regions.length).toBeGreaterThanOrEqual(60);
  });

  it('summarises itself for /healthz with the newest source date', () => {
    expect(knowledgeSummary(k)).toEqual({
      asOf: '2026-03-30',
      rules: k.rules.length,
      steps: k.steps.length,
      scenarios: 6,
    });
  });

  it('dates the seed article 2025-02-06 and links Learn pages', () => {
    const seed = k.sources.find((s) => s.id === 'seed');
    expect(seed).toMatchObject({
      asOf: '2025-02-06',
      url: 'https://learn.microsoft.com/azure/machine-learning/concept-secure-network-traffic-flow',
      path: 'articles/machine-learning/concept-secure-network-traffic-flow.md',
    });
  });

  it('names no public-cloud region in the ways people ask: a region is a facet, and as a word it would pull every question in that region', () => {
    const publicRegions = new Set(k.regions.filter((r) => r.cloud === 'public').map((r) => r.name));
    const items = [...k.scenarios, ...k.rules, ...k.steps, ...k.errors, ...k.conflicts];
    const naming = items.flatMap((item) =>
      (item.ask ?? [])
        .filter((a) =>
          a
            .toLowerCase()
            .split(/[^a-z0-9]+/)
            .some((w) => publicRegions.has(w)),
        )
        .map((a) => `${item.id}: ${a}`),
    );
    expect(naming).toEqual([]);
  });

  it('gives every rule a port unless it is a setting with a note', () => {
    const portless = k.rules.filter((r) => r.ports.length === 0);
    expect(portless.map((r) => r.endpointKind)).toEqual(portless.map(() => 'setting'));
    expect(portless.every((r) => r.portsNote)).toBe(true);
  });
});

describe('a malformed knowledge folder stops loading with the file and the field', () => {
  it('rejects a port below 1', () => {
    const load = withCopy((read, write) => {
      const rules = read('rules.json');
      (rules.rules[12] as { ports: { to: number }[] }).ports[0]!.to = 0;
      write('rules.json', rules);
    });
    expect(errorOf(load).message).toMatch(
      /^knowledge\/rules\.json: rules\[12\]\.ports\[0\]\.to: .*1/,
    );
  });

  it('rejects a range whose end is before its start', () => {
    const load = withCopy((read, write) => {
      const rules = read('rules.json');
      (rules.rules[1] as { ports: unknown[] }).ports = [{ from: 29877, to: 29876 }];
      write('rules.json', rules);
    });
    expect(errorOf(load).issues[0]).toEqual({
      file: 'knowledge/rules.json',
      path: 'rules[1].ports[0].to',
      message: 'expected from ≤ to',
    });
  });

  it('rejects a duplicate id', () => {
    const load = withCopy((read, write) => {
      const rules = read('rules.json');
      rules.rules.push(rules.rules[0]);
      write('rules.json', rules);
    });
    const err = errorOf(load);
    expect(err.issues).toHaveLength(1);
    expect(err.message).toBe(
      'knowledge/rules.json: rules[97].id: duplicate id "in-aml-44224" (first in knowledge/rules.json rules[0])',
    );
  });

  it("rejects a merged step's former id that another step still uses", () => {
    const load = withCopy((read, write) => {
      const steps = read('steps.json');
      const [first, second] = steps.steps as { id: string; formerIds?: string[] }[];
      second!.formerIds = [first!.id];
      write('steps.json', steps);
    });
    expect(errorOf(load).message).toMatch(
      /^knowledge\/steps\.json: steps\[1\]\.id: duplicate id "/,
    );
  });

  it("rejects an error's answeredBy that names no step", () => {
    const load = withCopy((read, write) => {
      const errors = read('errors.json');
      (errors.errors[0] as { answeredBy?: string }).answeredBy = 'step-that-does-not-exist';
      write('errors.json', errors);
    });
    expect(errorOf(load).issues[0]).toEqual({
      file: 'knowledge/errors.json',
      path: 'errors[0].answeredBy',
      message: 'unknown step "step-that-does-not-exist"',
    });
  });

  it('rejects an unknown scenario id', () => {
    const load = withCopy((read, write) => {
      const steps = read('steps.json');
      (steps.steps[3] as { scenarios: string[] }).scenarios = ['studio', 'kubernetes'];
      write('steps.json', steps);
    });
    expect(errorOf(load).issues[0]).toMatchObject({
      file: 'knowledge/steps.json',
      path: 'steps[3].scenarios[1]',
    });
  });

  it('rejects a missing scenario record', () => {
    const load = withCopy((read, write) => {
      const scenarios = read('scenarios.json');
      write('scenarios.json', {
        scenarios: scenarios.scenarios.filter((s) => (s as { id: string }).id !== 'aks'),
      });
    });
    expect(errorOf(load).message).toContain('knowledge: scenarios: missing scenario "aks"');
  });

  it('rejects a reference to an unknown source, conflict, rule or step', () => {
    const load = withCopy((read, write) => {
      const rules = read('rules.json');
      (rules.rules[0] as { sources: { source: string }[] }).sources[0]!.source = 'nope';
      (rules.rules[0] as { conflicts: string[] }).conflicts = ['no-such-conflict'];
      write('rules.json', rules);
      const errors = read('errors.json');
      (errors.errors[0] as { steps: string[] }).steps.push('no-such-step');
      write('errors.json', errors);
    });
    expect(errorOf(load).issues.map((i) => `${i.file}: ${i.path}: ${i.message}`)).toEqual([
      'knowledge/rules.json: rules[0].sources[0].source: unknown source "nope"',
      'knowledge/rules.json: rules[0].conflicts[0]: unknown conflict "no-such-conflict"',
      'knowledge/errors.json: errors[0].steps[3]: unknown step "no-such-step"',
    ]);
  });

  it('rejects a host paired with a tag no rule has, and tags on a service tag', () => {
    const load = withCopy((read, write) => {
      const rules = read('rules.json');
      ruleIn(rules, 'fqdn-login').tags = ['AzureActiveDirectoy'];
      ruleIn(rules, 'out-aad-compute').tags = ['AzureActiveDirectory'];
      write('rules.json', rules);
    });
    expect(errorOf(load).issues.map((i) => i.message)).toEqual([
      'only a host name (endpointKind "fqdn") has tags',
      'unknown service tag "AzureActiveDirectoy"',
    ]);
  });

  it('rejects a product on a service tag, and a product that is not one lower-case word', () => {
    const load = withCopy((read, write) => {
      const rules = read('rules.json');
      ruleIn(rules, 'out-aad-compute').products = ['entra'];
      ruleIn(rules, 'fqdn-pypi').products = ['Python Package Index'];
      write('rules.json', rules);
    });
    expect(errorOf(load).issues.map((i) => i.message)).toEqual([
      'expected products only on a host name (endpointKind fqdn)',
      'expected one lower-case word',
    ]);
  });

  it('rejects a scenario left without content', () => {
    const load = withCopy((read, write) => {
      const withoutProfiling = (steps: unknown[]) =>
        steps
          .map((s) => s as { scenarios: string[] })
          .map((s) => ({ ...s, scenarios: s.scenarios.filter((id) => id !== 'data-profiling') }))
          .filter((s) => s.scenarios.length > 0);
      write('steps.json', { steps: withoutProfiling(read('steps.json').steps) });
      const workloads = read('topics-workloads.json');
      write('topics-workloads.json', { ...workloads, steps: withoutProfiling(workloads.steps) });
    });
    expect(errorOf(load).message).toContain(
      'knowledge/scenarios.json: scenarios[1].id: scenario "data-profiling" has no rules or steps',
    );
  });

  it('rejects a conflict whose "newer" position is older than another', () => {
    const load = withCopy((read, write) => {
      const conflicts = read('conflicts.json');
      (conflicts.conflicts[0] as { newer: number }).newer = 0;
      write('conflicts.json', conflicts);
    });
    expect(errorOf(load).message).toBe(
      'knowledge/conflicts.json: conflicts[0].newer: position 0 (2025-02-06) is older than 2026-03-19',
    );
  });

  /** Adds a pattern to the second error and says where it went. */
  function withPattern(regex: string) {
    let at = -1;
    const load = withCopy((read, write) => {
      const errors = read('errors.json');
      at = (errors.errors[1] as { patterns: unknown[] }).patterns.push({ regex }) - 1;
      write('errors.json', errors);
    });
    return { load, path: () => `errors[1].patterns[${at}].regex` };
  }

  it('rejects an error pattern that is not a regex', () => {
    const { load, path } = withPattern('(unclosed');
    expect(errorOf(load).issues[0]?.path).toBe(path());
  });

  it.each([
    ['a wildcard inside a group', '(mount.*fail|timeout)'],
    ['a ".+" wildcard', 'mount.+fail'],
  ])('rejects an error pattern with %s, which would backtrack on long text', (_name, regex) => {
    const { load, path } = withPattern(regex);
    expect(errorOf(load).issues[0]).toMatchObject({
      path: path(),
      message: expect.stringContaining('use ".*" only between the parts'),
    });
  });

  it.each(['Yes, they break it: a lock stops clusters.', 'It only opens the workspace itself.'])(
    'rejects a stored answer that opens with a pronoun: "%s"',
    (answer) => {
      const load = withCopy((read, write) => {
        const steps = read('steps.json');
        (steps.steps[0] as { answer?: string }).answer = answer;
        write('steps.json', steps);
      });
      expect(errorOf(load).issues[0]).toMatchObject({
        path: 'steps[0].answer',
        message: expect.stringContaining('name what it is about instead'),
      });
    },
  );

  it.each([
    ['a * inside a word', 'dele*gated', 'a * only at the end of a word'],
    ['an empty alternative', 'delegated||delegation', 'no empty alternative'],
    ['capitals or punctuation', 'Delegated?', 'lower-case words'],
  ])('rejects a yes/no claim with %s in its words', (_name, entry, message) => {
    const load = withCopy((read, write) => {
      const steps = read('steps.json');
      (steps.steps[0] as { yesNo?: unknown[] }).yesNo = [
        { when: [entry], answer: 'no', because: 'the subnet must not be delegated.' },
      ];
      write('steps.json', steps);
    });
    expect(errorOf(load).issues[0]).toMatchObject({
      path: 'steps[0].yesNo[0].when[0]',
      message: expect.stringContaining(message),
    });
  });

  it('rejects a file that is not JSON', () => {
    const load = withCopy((_read, write) => write('regions.json', undefined));
    expect(errorOf(load).message).toMatch(/^knowledge\/regions\.json: not valid JSON/);
  });

  it('rejects an unknown field, which is usually a typo', () => {
    const load = withCopy((read, write) => {
      const rules = read('rules.json');
      (rules.rules[2] as Record<string, unknown>)['purpse'] = 'typo';
      write('rules.json', rules);
    });
    expect(errorOf(load).issues[0]).toMatchObject({
      file: 'knowledge/rules.json',
      path: 'rules[2]',
    });
  });

  it('accepts data split over more files', () => {
    const load = withCopy((_read, write) =>
      write('rules.extra.json', {
        rules: [
          {
            id: 'extra-rule',
            direction: 'outbound',
            endpoint: 'example.azureml.ms',
            endpointKind: 'fqdn',
            protocol: 'TCP',
            ports: [{ from: 443, to: 443 }],
            purpose: 'A test rule.',
            scenarios: ['compute'],
            condition: { always: true },
            sources: [{ source: 'fw', section: 'Test' }],
          },
        ],
      }),
    );
    expect(load().rules.map((r) => r.id)).toContain('extra-rule');
  });
});
