// Checks a pasted NSG against a plan: a verdict per required flow, and the commands that add the
// missing rules. Host-name rules are listed as not checkable: an NSG cannot filter by host name.
import { azNsgLines } from '../export/export.formats';
import { rulesFromPlan, type ExportRule } from '../export/export.rules';
import type { Plan } from '../knowledge/plan.query';
import {
  evaluateFlow,
  fixFor,
  formatRanges,
  toNsgRule,
  type Decision,
  type FixPlan,
  type FlowVerdict,
  type NsgRule,
} from './nsg.evaluate';
import type { NsgRuleInput } from './nsg.schema';

export interface NsgCheckReport {
  nsgName?: string;
  resourceGroup?: string;
  verdicts: FlowVerdict[];
  /** Host-name rules of the plan: an NSG cannot express them, so they are not checked. */
  notChecked: ExportRule[];
  fix: FixPlan;
  /** `az network nsg rule create` lines for `fix.rules`. */
  commands: string[];
  /** True when at least one required flow is blocked (the CLI exits 1). */
  blocked: boolean;
}

export function checkNsg(
  plan: Plan,
  input: { name?: string; resourceGroup?: string; rules: readonly NsgRuleInput[] },
  start?: number,
): NsgCheckReport {
  // Priorities above 4096 are the default rules, which the evaluation adds itself.
  const rules: NsgRule[] = input.rules.filter((r) => r.priority <= 4096).map((r) => toNsgRule(r));
  const { rules: required } = rulesFromPlan(plan);
  const flows = required.filter((r) => r.kind === 'service-tag');
  const verdicts = flows.map((flow) => evaluateFlow(rules, flow));
  const fix = fixFor(rules, verdicts, start);
  return {
    nsgName: input.name,
    resourceGroup: input.resourceGroup,
    verdicts,
    notChecked: required.filter((r) => r.kind === 'fqdn'),
    fix,
    // The pasted NSG names itself and its resource group: the fix can use them.
    commands: azNsgLines(fix.rules, { nsgName: input.name, resourceGroup: input.resourceGroup }),
    blocked: verdicts.some((v) => v.verdict === 'blocked'),
  };
}

const PROTOCOL_NAMES: Record<ExportRule['protocol'], string> = {
  Tcp: 'TCP',
  Udp: 'UDP',
  '*': 'any protocol',
};

/** "Outbound to Storage.westeurope, TCP 443". */
export function flowLabel(flow: ExportRule): string {
  const way = flow.direction === 'Inbound' ? 'Inbound from' : 'Outbound to';
  return `${way} ${flow.remote}, ${PROTOCOL_NAMES[flow.protocol]} ${flow.ports.join(', ')}`;
}

function ruleRef(rule: NsgRule): string {
  return `${rule.isDefault ? 'the default rule ' : ''}${rule.name} (priority ${rule.priority})`;
}

/** Why a flow got its verdict, naming the deciding rules and, where it matters, their ports. */
export function verdictReason(v: FlowVerdict): string {
  const deciding = (access: 'Allow' | 'Deny', onlyDefault?: boolean) => {
    const byRule = new Map<NsgRule, Decision[]>();
    for (const d of v.decisions) {
      if (d.rule.access !== access) continue;
      if (onlyDefault !== undefined && d.rule.isDefault !== onlyDefault) continue;
      byRule.set(d.rule, [...(byRule.get(d.rule) ?? []), d]);
    }
    // One rule deciding the whole flow needs no ports: they are the flow's.
    const single = new Set(v.decisions.map((d) => d.rule)).size === 1;
    return [...byRule].map(([rule, decisions]) => {
      const scope = single
        ? ''
        : ` on ${decisions.map((d) => `${d.protocol.toUpperCase()} ${formatRanges(d.ports)}`).join(', ')}`;
      const assumed = decisions.find((d) => d.assumed)?.assumed;
      const note = assumed ? ` (taking ${assumed} to be the compute subnet)` : '';
      return `${ruleRef(rule)}${scope}${note}`;
    });
  };
  switch (v.verdict) {
    case 'allowed':
      return `Allowed by ${deciding('Allow').join('; ')}.`;
    case 'blocked':
      return `Blocked by ${deciding('Deny').join('; ')}.`;
    case 'default':
      return `Allowed only by ${deciding('Allow', true).join('; ')}: a deny rule added later would block it, so add an explicit rule.`;
  }
}

export const VERDICT_LABELS: Record<FlowVerdict['verdict'], string> = {
  allowed: 'Allowed',
  blocked: 'Blocked',
  default: 'Default rule only',
};

/** The report as plain text, for the command line. */
export function reportText(report: NsgCheckReport): string {
  const lines = [
    `NSG ${report.nsgName ?? '(unnamed)'}: ${report.verdicts.length} required flows checked.`,
    '',
    ...report.verdicts.map(
      (v) =>
        `${VERDICT_LABELS[v.verdict].padEnd(17)} ${flowLabel(v.flow)}\n${' '.repeat(18)}${verdictReason(v)}`,
    ),
  ];
  if (report.notChecked.length > 0) {
    lines.push(
      '',
      `Not checked: ${report.notChecked.length} host-name rules (an NSG cannot filter by host name; use a firewall): ${report.notChecked.map((r) => r.remote).join(', ')}.`,
    );
  }
  for (const s of report.fix.stuck) {
    lines.push(
      '',
      `No free priority comes before ${s.blocker.name} (priority ${s.blocker.priority}) for ${flowLabel(s.flow)}: move or narrow that deny rule.`,
    );
  }
  if (report.commands.length > 0) {
    lines.push('', 'To add the missing rules:', '', ...report.commands);
  } else if (report.fix.stuck.length === 0) {
    lines.push('', 'Every required flow is allowed by a rule of its own. Nothing to add.');
  }
  return `${lines.join('\n')}\n`;
}
