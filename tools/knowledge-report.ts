// Prints every scenario's plan as Markdown tables so people can review the knowledge content.
import {
  defaultSituation,
  describeCondition,
  formatPorts,
  getKnowledge,
  knowledgeSummary,
  planFor,
  type Knowledge,
  type PlanRule,
  type PlanStep,
  type Rule,
  type Scenario,
  type SourceRef,
} from '../src/knowledge';

/** Table cells cannot hold pipes or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function refs(sources: readonly SourceRef[]): string {
  return sources.map((s) => `${s.source} § ${s.section}`).join('; ');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

function ruleRows(rules: readonly PlanRule[]): string[] {
  return table(
    [
      'Direction',
      'Endpoint',
      'Kind',
      'Protocol',
      'Ports',
      'Purpose',
      'Condition',
      'Conflicts',
      'Sources',
    ],
    rules.map((r) => [
      r.direction,
      `\`${r.endpoint}\``,
      r.endpointKind,
      r.protocol,
      r.ports || r.portsNote,
      r.purposes.join(' / '),
      r.condition,
      r.conflicts.map((c) => c.id).join(', '),
      refs(r.sources),
    ]),
  );
}

function stepRows(steps: readonly PlanStep[]): string[] {
  return table(
    ['Step', 'Text', 'Condition', 'Sources'],
    steps.map((s) => [s.title, s.text, s.condition, refs(s.sources)]),
  );
}

/** Rules of the scenario that only other situations switch on, so reviewers see every rule once. */
function conditionalRows(k: Knowledge, scenario: Scenario, shown: ReadonlySet<string>): string[] {
  const others = k.rules.filter((r: Rule) => r.scenarios.includes(scenario.id) && !shown.has(r.id));
  if (others.length === 0) return [];
  return [
    '',
    '#### Rules other situations add',
    '',
    ...table(
      ['Direction', 'Endpoint', 'Protocol', 'Ports', 'Purpose', 'Condition'],
      others.map((r) => [
        r.direction,
        `\`${r.endpoint}\``,
        r.protocol,
        formatPorts(r.ports) || (r.portsNote ?? ''),
        r.purpose,
        describeCondition(r.condition),
      ]),
    ),
  ];
}

function scenarioReport(k: Knowledge, scenario: Scenario): string[] {
  const plan = planFor(k, defaultSituation([scenario.id]));
  const shown = new Set(plan.rules.flatMap((r) => r.ruleIds));
  return [
    `## ${scenario.title} (\`${scenario.id}\`)`,
    '',
    scenario.summary,
    '',
    `Summary table — inbound: ${scenario.table.inbound} Outbound: ${scenario.table.outbound} Extra: ${scenario.table.extra}`,
    '',
    '### Rules (default situation: no public IP, NSG only, v2)',
    '',
    ...(plan.rules.length > 0 ? ruleRows(plan.rules) : ['None.']),
    ...conditionalRows(k, scenario, shown),
    '',
    '### Steps',
    '',
    ...(plan.steps.length > 0 ? stepRows(plan.steps) : ['None.']),
    '',
    '### Notes',
    '',
    ...(plan.notes.length > 0 ? stepRows(plan.notes) : ['None.']),
    '',
    '### Conflicts',
    '',
    ...(plan.conflicts.length > 0
      ? plan.conflicts.map(
          (c) =>
            `- **${c.topic}** (\`${c.id}\`): ${c.positions
              .map((p) => `${p.newest ? '**newer** ' : ''}${p.asOf}: ${p.claim}`)
              .join(' — ')} → ${c.recommendation}`,
        )
      : ['None.']),
    '',
  ];
}

function report(k: Knowledge): string {
  const summary = knowledgeSummary(k);
  return [
    '# AML Network Guide — knowledge report',
    '',
    `As of ${summary.asOf}: ${summary.scenarios} scenarios, ${summary.rules} rules, ${summary.steps} steps, ${k.conflicts.length} conflicts, ${k.errors.length} known errors.`,
    '',
    ...k.scenarios.flatMap((s) => scenarioReport(k, s)),
    '## Sources',
    '',
    ...table(
      ['Id', 'Title', 'As of', 'Path'],
      k.sources.map((s) => [s.id, `[${s.title}](${s.url})`, s.asOf, `${s.repo}: ${s.path}`]),
    ),
    '',
  ].join('\n');
}

process.stdout.write(report(getKnowledge()));
