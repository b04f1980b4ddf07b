// A recognized question as the answer a person reads first: one verdict line, the few rows, steps
// or the fix that matter, and the reasons, disagreements and sources one click away. This is the
// one place where a recognition becomes a card's view model.
import type {
  Condition,
  Conflict,
  Knowledge,
  Rule,
  ScenarioId,
  SourceRef,
  Step,
  YesNoClaim,
} from '../knowledge/knowledge.schema';
import {
  describeCondition,
  describeOpposite,
  requiredPublicIp,
  undecidedPart,
  underStated,
} from '../knowledge/condition.query';
import {
  cloudProfile,
  conflictById,
  errorById,
  ruleById,
  scenarioById,
  stepById,
  stepSpeaksForCloud,
} from '../knowledge/lookup.query';
import { catalogOf } from '../knowledge/overview.query';
import {
  endpointsInCloud,
  formatPorts,
  isSettingRow,
  requiredFeature,
  type FeatureOption,
  substituteRegion,
  withoutFormSelector,
  type PlanRule,
} from '../knowledge/plan.query';
import { NO_FACETS, type Facets } from '../understanding/facets';
import { lexiconOf } from '../understanding/lexicon';
import { inDirectionAsked, rulesForPort, type Target } from '../understanding/ranking';
import { literal } from '../cards/markdown';
import { PORT_LINE_SEPARATOR } from '../cards/answer.card';
import { ruleSlice } from './slice';

export interface AnswerRow {
  destination: string;
  ports: string;
  note: string;
  /** A flag to set (public_network_access), not traffic to allow: it has no direction or ports. */
  setting?: true;
}

export interface AnswerView {
  title: string;
  verdict: string;
  understood: string;
  fix: string;
  rows: AnswerRow[];
  rowsNote: string;
  points: string[];
  details: string[];
  conflicts: string[];
  sources: { title: string; url: string; asOf: string }[];
  /**
   * The scenarios whose whole picture is one click away, when the answer is a slice of them (two
   * when the question named two).
   */
  wholeScenarios?: ScenarioId[];
  /** What the feedback buttons refer to. */
  feedbackTarget: string;
  /** Other items ("kind:id") the card answers too, which need no "Did you mean" of their own. */
  alsoCovers?: string[];
}

/** A second scenario named at least this plainly joins the slice. */
const BOTH_NAMED = 0.6;

/** Rows on the first screen; the rest are behind "Why and details". */
const MAX_ROWS = 8;
const MAX_POINTS = 5;

function firstSentence(text: string): string {
  const m = /^(.{20,240}?[.!?])(\s|$)/.exec(text);
  return m?.[1] ?? (text.length > 240 ? `${text.slice(0, 237)}…` : text);
}

/** "Use a compute instance or a compute cluster" → "a compute instance or a compute cluster". */
function scenarioNoun(title: string): string {
  const noun = title.replace(/^(use|access|using)\s+/i, '');
  // "a compute instance", "managed online endpoints"; names keep their capitals ("Azure …", "AutoML").
  return /^(A|An|The|Managed)\b/.test(noun) ? lowerFirst(noun) : noun;
}

/**
 * A one-line answer from the data as a statement: its leading "Yes"/"No" answers a yes/no
 * question, and reads wrong under any other question.
 */
function asStatement(answer: string, yesNoAsked: boolean): string {
  if (yesNoAsked) return answer;
  const rest = answer.replace(/^(yes|no)\b[,:.;]?\s*/i, '');
  if (rest === answer || rest === '') return answer;
  // "Yes, your own DNS server works: forward …" says what to do after the colon; the clause
  // before it answered the yes/no.
  const colon = rest.indexOf(': ');
  const after = colon > 0 && colon <= 60 ? rest.slice(colon + 2) : '';
  return capitalise(INSTRUCTION.test(after) ? after : rest);
}

type Claim = 'need' | 'possible' | 'problem' | 'use';

/**
 * What a stored "Yes, …"/"No, …" answers, from its first clause: whether something is needed
 * ("Yes, keep MicrosoftContainerRegistry open", "No: compute works without a public IP"),
 * whether it can be done ("Yes, your own DNS server works"), or whether it causes trouble.
 */
function claimOf(answer: string): Claim | undefined {
  const clause = (answer.split(':')[0] ?? '').toLowerCase();
  if (!/^(yes|no)\b/.test(clause)) return undefined;
  if (/\bworks? without\b/.test(clause)) return 'need';
  if (/\b(keep|allow|open|needs?|requires?|required|route)\b/.test(clause)) return 'need';
  if (/\b(don't|do not|doesn't|does not) use\b/.test(clause)) return 'use';
  if (/\b(works?|can|can't|cannot|supported)\b/.test(clause)) return 'possible';
  if (/\b(breaks?|causes?)\b/.test(clause)) return 'problem';
  return undefined;
}

/** What a yes/no question asks: whether something is needed, possible, or a problem. */
function askedClaims(f: Pick<Facets, 'asks'>): ReadonlySet<Claim> {
  // "Compute creation fails. Is there a way to create it without a public IP?" asks whether
  // something can be done; the failure told before it is not the question.
  if (f.asks.has('exists')) return new Set(['possible']);
  const asked = new Set<Claim>();
  if (f.asks.has('need')) asked.add('need');
  if (f.asks.has('possible')) asked.add('possible');
  if (f.asks.has('problem')) asked.add('problem');
  return asked;
}

/**
 * A stored yes or no answers the kind of question it was written for: "do we need our own DNS
 * server?" is not answered by "Yes, your own DNS server works". Nor does one answer whether
 * something can go ("can we take MCR off the firewall?", "is it true … don't need …?"): it says
 * whether it is needed, and "Yes, keep it open" would read the wrong way round.
 */
function answersThisKindOfQuestion(answer: string, f: Pick<Facets, 'asks'>): boolean {
  if (f.asks.has('remove')) return false;
  const claim = claimOf(answer);
  const asked = askedClaims(f);
  if (claim === undefined) return true;
  // "Is that expected?", "is it X or Y now?" ask none of these: a stored yes or no would answer
  // another question.
  if (asked.size === 0) return false;
  // "Doesn't use your subnet" answers whether it is used, which reads as a need or a possibility.
  if (claim === 'use') return asked.has('need') || asked.has('possible');
  return asked.has(claim);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Only when …" continued inside a sentence: "… it is needed only when …". */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * For a service tag: the host names a firewall without service tags allows instead (the public
 * cloud's; a sovereign cloud's plan lists its own).
 */
function hostSentence(k: Knowledge, rules: readonly Rule[], f: Facets): string {
  if (cloudProfile(k, f.cloud)) return '';
  // Only outbound traffic has host names: an inbound rule's source is a tag or an address.
  const tags = new Set(
    rules
      .filter((r) => r.endpointKind === 'service-tag' && r.direction === 'outbound')
      .map((r) => r.endpoint),
  );
  const hosts = [
    ...new Set(
      k.rules
        .filter((r) => !r.retired && r.endpointKind === 'fqdn' && r.direction === 'outbound')
        .filter((r) => (r.tags ?? []).some((t) => tags.has(t)))
        .map((r) => substituteRegion(r.endpoint, f.region)),
    ),
  ];
  if (hosts.length === 0) return '';
  const shown = hosts.slice(0, MAX_HOSTS_NAMED);
  const more = hosts.length - shown.length;
  const list = inProse(more > 0 ? [...shown, `${more} more`] : shown);
  return ` Behind a firewall without service tags, allow ${hosts.length > 1 ? 'its host names' : 'its host name'} instead: ${list}.`;
}

const MAX_HOSTS_NAMED = 3;

/**
 * The other form of the rules a card names: a host's service tags, a tag's host names. Which form
 * goes in a rule depends on the firewall, not on whether the traffic is needed.
 */
function otherForm(k: Knowledge, rules: readonly Rule[], f: Facets): string {
  return `${tagSentence(rules, f.region)}${hostSentence(k, rules, f)}`.trim();
}

/** For a host: the service tags an NSG or an IP-only firewall uses for it instead. */
function tagSentence(rules: readonly Rule[], region: string | undefined): string {
  const tags = [...new Set(rules.flatMap((r) => r.tags ?? []))];
  if (tags.length === 0) return '';
  const names = tags.map((t) => substituteRegion(t, region)).join(' and ');
  return ` Where rules take addresses (an NSG, a firewall without host names), use the service tag${tags.length > 1 ? 's' : ''} ${names}.`;
}

/** One row per destination and direction: ports of its rules merged ("TCP 443, 8787 · UDP 5831"). */
export function mergedRows(
  k: Knowledge,
  rows: readonly PlanRule[],
  f: Pick<Facets, 'region' | 'cloud'> & Partial<Pick<Facets, 'conditions'>>,
  scenarios: readonly ScenarioId[] = [],
): AnswerRow[] {
  const region = f.region;
  const byDestination = new Map<string, PlanRule[]>();
  for (const row of rows) {
    const key = `${row.direction}|${row.endpoint}`;
    byDestination.set(key, [...(byDestination.get(key) ?? []), row]);
  }
  const merged = [...byDestination.values()].map((group) => {
    const first = group[0]!;
    const protocols = new Map<string, string[]>();
    // A sentence instead of ports ("a flag, not a port") goes under the destination: in the narrow
    // ports column it would squeeze the destination into a column of broken words.
    const portsNotes = new Set<string>();
    for (const r of group) {
      if (!r.ports && r.portsNote) portsNotes.add(r.portsNote);
      const ports = r.ports ? [r.ports] : [];
      protocols.set(r.protocol, [...(protocols.get(r.protocol) ?? []), ...ports]);
    }
    const ports = [...protocols]
      .map(([protocol, list]) => `${protocol} ${[...new Set(list)].join(', ')}`.trim())
      .join(PORT_LINE_SEPARATOR);
    // Catalog rows carry merged conditions ("a; b"); each distinct condition is said once.
    const conditions = [...new Set(group.flatMap((r) => r.condition.split('; ')).filter(Boolean))];
    // A condition the user stated as met ("for pip install") goes without saying on each row.
    const stated = f.conditions;
    const met =
      stated !== undefined &&
      group
        .flatMap((r) => r.ruleIds)
        .some((id) => {
          const rule = ruleById(k, id);
          // The host-or-tag clause is the row's form, not a condition: the row shows without it.
          return (
            rule !== undefined && underStated(withoutFormSelector(rule.condition), stated) === true
          );
        });
    const unconditional = met || group.some((r) => r.condition === '');
    const arrow = first.direction === 'inbound' ? 'from' : 'to';
    // In Azure Government or 21Vianet the cloud's own names, with a note where they differ.
    // The row's rule for the scenario asked about: a merged row holds rules of several scenarios.
    const rules = first.ruleIds.flatMap((id) => ruleById(k, id) ?? []);
    const rule = rules.find((r) => r.scenarios.some((s) => scenarios.includes(s))) ?? rules[0];
    const inCloud =
      f.cloud && f.cloud !== 'public' && rule
        ? endpointsInCloud(k, rule, f.cloud, region)
        : undefined;
    const destination = inCloud
      ? inCloud.endpoints.join(', ')
      : substituteRegion(first.endpoint, region);
    const condition = unconditional ? '' : conditions.slice(0, 3).join('; ');
    const note = [...portsNotes, condition, inCloud?.note ?? ''].filter(Boolean).join(' ');
    // A flag is set, not reached: no "from", and no protocol where ports would be.
    if (group.every(isSettingRow))
      return { destination, ports: '', note, setting: true as const, always: condition === '' };
    return { destination: `${arrow} ${destination}`, ports, note, always: condition === '' };
  });
  // What always applies first; rows that depend on the setup after them.
  return [...merged]
    .sort((a, b) => Number(b.always) - Number(a.always))
    .map(({ always: _always, ...row }) => row);
}

function sourcesOf(k: Knowledge, refs: readonly SourceRef[]): AnswerView['sources'] {
  const ids = [...new Set(refs.map((r) => r.source))];
  return ids.flatMap((id) => {
    const s = k.sources.find((x) => x.id === id);
    return s ? [{ title: s.title, url: s.url, asOf: s.asOf }] : [];
  });
}

function conflictLines(k: Knowledge, ids: readonly string[]): string[] {
  return [...new Set(ids)].flatMap((id) => {
    const c = conflictById(k, id);
    if (!c) return [];
    const newest = c.newer !== null ? c.positions[c.newer] : undefined;
    return [
      `**${literal(c.topic)}.** ${literal(c.recommendation)}${newest ? ` (newest source: ${newest.asOf})` : ''}`,
    ];
  });
}

/** Whether the step is written for the other kind of network than the one the question states. */
function otherNetwork(step: Step, f: Facets): boolean {
  const stated = f.conditions.network;
  return stated !== undefined && step.network !== undefined && step.network !== stated;
}

const NETWORK_OF: Record<NonNullable<Step['network']>, string> = {
  managed: 'In a workspace managed network',
  yours: 'In a VNet of your own (not a managed network)',
};

/**
 * A step for the other kind of network is still the nearest answer by its words ("a NAT gateway"
 * asked about in a managed network): its verdict says which network it is for, and this line
 * says what holds in theirs.
 */
function otherNetworkLine(step: Step, f: Facets): string {
  if (!otherNetwork(step, f)) return '';
  return f.conditions.network === 'managed'
    ? MANAGED_APPLIES_RULES
    : 'This step is for a workspace managed network, not for a VNet of your own.';
}

const MANAGED_APPLIES_RULES =
  'In a managed network Azure ML applies the rules itself, and the isolation mode (allow internet outbound, or allow only approved outbound with outbound rules) decides what compute reaches.';

/** " in usgovvirginia", " in Azure Government": where the question asked, for a question to ask next. */
function whereAsked(k: Knowledge, f: Pick<Facets, 'region' | 'cloud'>): string {
  const cloud = cloudProfile(k, f.cloud)?.name;
  return f.region ? ` in ${f.region}` : cloud ? ` in ${cloud}` : '';
}

/**
 * Regional names take the compute's region: of several regions named, say which one the answer
 * uses and why ("northeurope, the compute's region"), or that it took the first.
 */
function regionRead(region: string, named: Facets['regionsNamed']): string {
  if (!named) return region;
  const others = named.all.filter((r) => r !== region).join(', ');
  return named.computeSaid
    ? `${region}, the compute's region (not ${others})`
    : `${region}, the first region named; regional names take the compute's region, so ask again with it if that is ${others}`;
}

/**
 * Whether a question asks if something is there in Azure Government or 21Vianet, and the step
 * answering it is written for the public cloud: the knowledge lists, per sovereign cloud, the
 * notes that speak for it; every other step speaks for the public cloud only.
 */
function writtenForPublicCloud(k: Knowledge, step: Step, f: Facets): boolean {
  // Asked whether something is there in that cloud, which a public-cloud note cannot say.
  if (!cloudProfile(k, f.cloud) || !f.asks.has('possible')) return false;
  return !stepSpeaksForCloud(k, f.cloud, step.id);
}

function otherCloudLine(k: Knowledge, f: Facets): string {
  const cloud = cloudProfile(k, f.cloud)?.name;
  return cloud
    ? `This is written for the public cloud; the articles do not say how it differs in ${cloud}.`
    : '';
}

function understoodLine(
  k: Knowledge,
  f: Facets,
  answered: readonly ScenarioId[] = [],
  /** Whether the card holds rules, so a name none of them uses is worth a word. */
  ofRules = true,
  /** Whether a stored claim answered the question, which then is no "nearest answer". */
  claimed = false,
  /** Whether the verdict already says that no rule uses the ports asked about. */
  portsInVerdict = false,
): string {
  const parts: string[] = [];
  // A scenario named only by a word others share ("which hosts does compute need") is still the
  // one a slice answers, so the line says so.
  const named = f.scenarios.filter((s) => s.strength >= 0.55).map((s) => s.id);
  const scenarios = [...named, ...answered.filter((id) => !named.includes(id))];
  for (const id of scenarios.slice(0, 2))
    parts.push(scenarioNoun(scenarioById(k, id)?.title ?? id));
  if (f.direction) parts.push(f.direction);
  const c = f.conditions;
  if (c.computePublicIp === false) parts.push('no public IP');
  if (c.computePublicIp === true) parts.push('public IP');
  if (c.egress === 'nsg') parts.push('no firewall');
  else if (c.egress === 'firewall-no-tags') parts.push('firewall without service tags');
  else if (c.egress) parts.push('firewall');
  if (c.forcedTunnel) parts.push('forced tunnelling');
  if (c.hbi) parts.push('hbi workspace');
  if (c.hbi === false) parts.push('not an hbi workspace');
  if (c.ownImages) parts.push('own images');
  if (c.registryBehindVnet) parts.push('registry behind the network');
  if (c.vscode) parts.push('VS Code');
  if (c.rstudio) parts.push('RStudio');
  if (c.publicPackageFeeds) parts.push('public package feeds');
  if (c.sdk) parts.push(`SDK ${c.sdk}`);
  if (c.network === 'managed') parts.push('managed network');
  if (c.network === 'yours') parts.push('your own VNet');
  if (f.region) parts.push(regionRead(f.region, f.regionsNamed));
  if (f.cloud === 'usgov') parts.push('Azure Government');
  if (f.cloud === 'china') parts.push('Azure operated by 21Vianet');
  const read = parts.length > 0 ? `I read this as: ${parts.join(' · ')}.` : '';
  // A port the question names that no documented rule uses is worth saying, not silently dropped.
  const unknown = f.ports.filter((p) => rulesForPort(k, p.port).length === 0).map((p) => p.port);
  const ports =
    unknown.length > 0 && !portsInVerdict
      ? `No documented rule uses port ${unknown.join(', ')}${claimed ? '.' : '; this is the nearest answer.'}`
      : '';
  // So is a service tag or protocol none uses ("AzureLoadBalancer", "SSH").
  const names =
    ofRules && f.unknownNames && f.unknownNames.length > 0 && unknown.length === 0
      ? `No documented rule uses ${inProse(f.unknownNames.map(literal))}; this is the nearest answer.`
      : '';
  return [read, ports, names].filter(Boolean).join(' ');
}

/** A step's first line when the setup the user states rules the step out. */
const NOT_IN_SETUP = 'No, not in the setup you describe';

/**
 * A step's one-line answer. Asked "do I need …?", an action step without a verdict of its own
 * answers "Yes" or "Only when …" from its condition and the setup the user stated.
 */
function stepVerdict(step: Step, f: Facets, publicCloudOnly = false): string {
  // A step's own yes or no answers the step's question; one that names a port or a host asks
  // about that rule ("is BatchNodeManagement 443 needed for clusters without a public IP?"), and
  // the note's "No: compute works without a public IP" would read as "no, not needed".
  // "Is the workspace private endpoint enough?" answered by another step's "Yes: give the vault a
  // private endpoint" would say yes to the wrong thing; the step's line says what else is needed.
  const yesNoAsked = f.asks.has('yesno') && !f.asks.has('enough');
  // "Is a private endpoint required for compute without a public IP?" states the setup the note
  // is about; the note's own "No: compute works without a public IP" answers another question.
  const setupOfTheStep =
    requiredPublicIp(step.condition) !== undefined &&
    f.conditions.computePublicIp !== undefined &&
    !f.asks.has('publicIp') &&
    f.direction === undefined &&
    !(['ports', 'tags', 'hosts'] as const).some((a) => f.asks.has(a));
  // "Does AKS need a public IP?" is not answered by the private-AKS note's "Yes, private AKS
  // clusters work": a step that says nothing about the public IP has no yes or no for it.
  // "Does Azure China support a managed network?" is not answered by the managed-network note's
  // "No, compute doesn't use your subnet": the note is written for the public cloud.
  const otherQuestion =
    (f.asks.has('publicIp') && requiredPublicIp(step.condition) === undefined) || publicCloudOnly;
  const line = step.answer
    ? asStatement(
        step.answer,
        yesNoAsked &&
          !namesAName(f) &&
          !setupOfTheStep &&
          !otherQuestion &&
          answersThisKindOfQuestion(step.answer, f),
      )
    : step.title;
  // "Yes: connect through a VPN gateway" answers "do I need …", not "can we … without the VPN".
  if (!yesNoAsked || f.asks.has('possible') || step.kind !== 'action')
    return ruledOutBySetup(step, f) ?? line;
  // "Does an online endpoint need a public IP?" is not answered "Yes" by a step that is needed
  // whatever the public IP: the yes would read as "yes, it needs one".
  if (otherQuestion) return line;
  if (/^(yes|no|only)\b/i.test(line)) return line;
  const truth = underStated(step.condition, f.conditions);
  // The step's own line is an instruction ("Attach a NAT gateway"), which under a "no" would read
  // as the opposite: say when it is needed instead.
  if (truth === false) {
    const when = describeCondition(step.condition);
    return when ? `${NOT_IN_SETUP}: it is needed ${lowerFirst(when)}.` : `${NOT_IN_SETUP}: ${line}`;
  }
  // "Does the compute instance need a public IP for SSH?" asks about the setting the step's own
  // condition names: "Only when compute has no public IP: …" would answer it with itself.
  // A step needed under more than that ("and behind a firewall") still says when.
  const aboutThePublicIp =
    'option' in step.condition && step.condition.option === 'computePublicIp';
  if (f.asks.has('publicIp') && aboutThePublicIp) return line;
  const condition = describeCondition(undecidedPart(step.condition, f.conditions));
  if (truth !== true && condition) return `${condition}: ${line}`;
  // "Yes: link the zones" says to do what was asked about. A one-line answer that states a fact
  // instead ("Blob and file always; queue and table only for batch endpoints") already answers,
  // and a "Yes" in front would answer whatever was asked ("do I need private endpoints for table
  // and queue?").
  // "Is that expected?" asks whether what happens is right, not whether to do this: the
  // instruction is the answer, with no "Yes" that would say it is expected.
  // "Does public_network_access=disabled also block the model download?" asks whether something
  // is blocked or can go, which "Yes: turn on the managed network" would answer the wrong way.
  // "Is a firewall deployed right away?" asks whether something happens: "Yes: add outbound rules"
  // would answer a question about what to do.
  return INSTRUCTION.test(line) &&
    f.asks.has('act') &&
    !f.asks.has('expected') &&
    !f.asks.has('remove')
    ? `${PLAIN_YES}${line}`
    : line;
}

/**
 * "What do clusters behind our firewall need for outbound internet?" may still be answered best
 * by the NAT gateway's words, but that step is for a setup without a firewall: the first line says
 * so before what the step says to do.
 */
function ruledOutBySetup(step: Step, f: Facets): string | undefined {
  if (step.kind !== 'action' || underStated(step.condition, f.conditions) !== false)
    return undefined;
  const when = describeCondition(step.condition);
  if (!when) return undefined;
  return `Not for the setup you describe: this is needed ${lowerFirst(when)}.`;
}

/**
 * A scenario named at least this plainly is the one a question about a name or port asks about:
 * "is port 443 enough for compute?", "does AKS need AzureFrontDoor.FrontEnd?".
 */
const NAMED = 0.4;

function namedScenarios(f: Facets): ScenarioId[] {
  return f.scenarios.filter((s) => s.strength >= NAMED).map((s) => s.id);
}

/** Whether the question types a host, a dotted tag or a port: then a yes or no is about that. */
function namesAName(f: Facets): boolean {
  return f.dottedNames.length > 0 || f.ports.length > 0 || (f.unknownNames?.length ?? 0) > 0;
}

/** The scenarios as the subject of a verb: "AKS uses", "the studio and compute use". */
function scenariosThat(k: Knowledge, scenarios: readonly ScenarioId[], verb: 'use' | 'do'): string {
  const third = verb === 'do' ? 'does' : 'uses';
  return `${scenarioNouns(k, scenarios)} ${takesPlural(scenarios) ? verb : third}`;
}

/** The rules of these scenarios that still apply in the direction and setup the question states. */
function rulesInSetup(k: Knowledge, scenarios: readonly ScenarioId[], f: Facets): Rule[] {
  return k.rules.filter(
    (r) =>
      !r.retired &&
      r.scenarios.some((s) => scenarios.includes(s)) &&
      (f.direction === undefined || r.direction === f.direction) &&
      underStated(r.condition, f.conditions) !== false,
  );
}

/**
 * "Is port 443 enough for compute?": no when the scenario's rules use other ports too (in the
 * direction and setup stated), and which; a bare "yes" from port 443's own rules would mislead.
 */
function enoughVerdict(
  k: Knowledge,
  scenarios: readonly ScenarioId[],
  port: number,
  f: Facets,
): string {
  const others = new Set<string>();
  for (const r of rulesInSetup(k, scenarios, f)) {
    for (const p of r.ports) {
      if (p.from <= port && port <= p.to) continue;
      others.add(`${r.protocol} ${p.from === p.to ? p.from : `${p.from}-${p.to}`} ${r.direction}`);
    }
  }
  const list = [...others];
  if (list.length === 0)
    return `Yes: every rule for ${scenarioNouns(k, scenarios)} is on port ${port}.`;
  const shown = firstOf(list);
  // "Are 29876-29877 enough inbound?": those ports are not needed at all any more.
  const ofPort = rulesForPort(k, port);
  const retired = ofPort.every((r) => r.retired) ? ofPort[0]?.retired : undefined;
  return retired
    ? `No: port ${port} is not needed any more (since ${retired.on}); ${scenariosThat(k, scenarios, 'use')} ${shown}.`
    : `No: ${scenarioNouns(k, scenarios)} also ${takesPlural(scenarios) ? 'use' : 'uses'} ${shown}, besides port ${port}.`;
}

/** The step on the egress AKS itself needs, besides the rules Azure ML adds for it. */
const AKS_EGRESS_STEP = 'step-aks-egress';

/** How many other ports or names a "No: … also uses" verdict lists before "and N more". */
const MAX_OTHERS = 5;

function firstOf(list: readonly string[]): string {
  const more = list.length > MAX_OTHERS ? ` and ${list.length - MAX_OTHERS} more` : '';
  return `${list.slice(0, MAX_OTHERS).join(', ')}${more}`;
}

/**
 * "Is *.azureml.ms enough for compute behind our firewall?": no when the scenario's rules name
 * other hosts (or, asked about a tag, other tags) in the direction and setup stated, and which. A
 * host a wildcard asked about already covers is not another one.
 */
function enoughHostVerdict(
  k: Knowledge,
  scenarios: readonly ScenarioId[],
  hosts: readonly string[],
  kinds: ReadonlySet<Rule['endpointKind']>,
  f: Facets,
): string {
  const covered = (endpoint: string) =>
    hosts.some((h) => h.startsWith('*.') && endpoint.endsWith(h.slice(1)));
  const others = new Set<string>();
  for (const r of rulesInSetup(k, scenarios, f)) {
    if (!kinds.has(r.endpointKind) || hosts.includes(r.endpoint) || covered(r.endpoint)) continue;
    others.add(substituteRegion(r.endpoint, f.region));
  }
  const name = inProse(hosts.map((h) => substituteRegion(h, f.region)));
  const list = [...others];
  if (list.length === 0)
    return `Yes: ${scenarioNouns(k, scenarios)} ${takesPlural(scenarios) ? 'need' : 'needs'} nothing else of that kind.`;
  const shown = firstOf(list);
  return `No: ${scenarioNouns(k, scenarios)} also ${takesPlural(scenarios) ? 'use' : 'uses'} ${shown}, besides ${name}.`;
}

/**
 * "Is *.azureml.ms enough for compute?", "is AzureMachineLearning on 443 enough for clusters?":
 * answered by what else the named scenario needs, as a port is, with the slice listing names of
 * the kind asked about (hosts for a host). Enough routes or records for a name ("only the
 * AzureMachineLearning.EastUS2 ranges in the UDR?") are another question.
 */
function enoughOfNames(
  k: Knowledge,
  names: readonly string[],
  rules: readonly Rule[],
  f: Facets,
): AnswerView | undefined {
  const named = namedScenarios(f);
  const aboutRoutes = f.asks.has('paths') || f.conditions.forcedTunnel !== undefined;
  if (!f.asks.has('enough') || aboutRoutes || named.length === 0) return undefined;
  const kinds = new Set(rules.map((r) => r.endpointKind));
  const kind = kinds.has('fqdn') ? 'hosts' : 'tags';
  const ofKind = { ...f, asks: new Set([...f.asks, kind] as const) };
  return { ...sliceView(k, named, ofKind), verdict: enoughHostVerdict(k, named, names, kinds, f) };
}

/**
 * "Is AzureFrontDoor.FrontEnd only for the studio?": no when other scenarios use the name too,
 * and which; the rule's own "yes, it is needed" would answer another question.
 */
function onlyForView(
  k: Knowledge,
  view: AnswerView,
  rules: readonly Rule[],
  name: string,
  f: Facets,
): AnswerView {
  const asked = namedScenarios(f);
  if (!f.asks.has('onlyFor') || asked.length === 0) return view;
  const users = [...new Set(rules.filter((r) => !r.retired).flatMap((r) => r.scenarios))];
  const others = users.filter((s) => !asked.includes(s));
  const verdict =
    others.length > 0
      ? `No: ${scenariosThat(k, others, 'use')} ${name} too.`
      : `Yes: only ${scenariosThat(k, asked, 'use')} ${name}.`;
  return { ...view, verdict };
}

/** The yes put in front of a step's instruction when a yes/no asks whether to do it. */
const PLAIN_YES = 'Yes: ';

/** A line that tells what to do: it starts with a verb of configuring. */
const INSTRUCTION =
  /^(link|give|set|add|open|register|connect|create|route|attach|use|enable|disable|keep|allow|deploy|put|name|assign|grant|forward|configure|run|turn|select|install|lock|accept|resolve|provision|move|place|let|switch|skip|prepare|apply|bring)\b/i;

/**
 * Whether the stated setup needs any of the rules (true), none (false), or it depends: then the
 * parts of their conditions the setup leaves open, of the rules it does not rule out.
 */
function neededUnder(rules: readonly Rule[], f: Facets): boolean | Condition[] {
  // Traffic to a destination is needed whichever form the firewall takes: the "tag unless the
  // firewall cannot use tags" clause only picks the form, which the card says on its own line.
  const conditionOf = (r: Rule) => withoutFormSelector(r.condition);
  const truths = rules.map((r) => underStated(conditionOf(r), f.conditions));
  if (truths.includes(true)) return true;
  if (truths.every((t) => t === false)) return false;
  return rules
    .filter((_, i) => truths[i] !== false)
    .map((r) => undecidedPart(conditionOf(r), f.conditions));
}

/** "Yes, …" / "Only when …" / "No, …" for a yes/no question about rules. */
function yesNoForRules(rules: readonly Rule[], f: Facets): string {
  if (rules.length === 0) return 'No';
  const needed = neededUnder(rules, f);
  if (needed === true) return 'Yes';
  if (needed === false) return 'No, not in the setup you describe';
  // A rule the stated setup rules out says nothing about when the others apply, and one needed
  // "except when …" makes the name needed in more setups than one needed "only when …".
  const conditions = [...new Set(needed.map(describeCondition).filter(Boolean))];
  const first = conditions.find((c) => c.startsWith('Except when')) ?? conditions[0];
  if (!first) return 'Yes';
  // "Except when …" is a yes with an exception; "Only when …" stands as the verdict.
  return first.startsWith('Except when') ? `Yes, ${lowerFirst(first)}` : first;
}

/**
 * Whether the rules can go. A need that depends on a situation said in the negative ("only when
 * Azure Monitor is not secured with a private link") or with an exception would turn into a
 * double negative: the setups where they can go are said directly instead.
 */
function canRemove(rules: readonly Rule[], f: Facets, needed: string): string {
  const conditions = rules.length > 0 ? neededUnder(rules, f) : false;
  if (typeof conditions === 'boolean' || !/^Only when .*(\bnot\b|, except when )/.test(needed))
    return canDoWithout(needed);
  const opposites = [...new Set(conditions.map(describeOpposite))];
  if (opposites.some((o) => o === undefined)) return canDoWithout(needed);
  return `Yes, when ${opposites.join(', and ')}; otherwise it is needed`;
}

/**
 * Whether a rule can go, from whether it is needed: "Yes" → "No, it is needed", "Only when X" →
 * "Yes, unless X", "Yes, except when X" → "No, unless X", "No, …" → "Yes, …".
 */
function canDoWithout(needed: string): string {
  if (needed === 'Yes') return 'No, it is needed';
  const except = /^Yes, except when (.*)$/.exec(needed);
  if (except) return `No, unless ${except[1] ?? ''}`;
  const only = /^Only when (.*)$/.exec(needed);
  if (only) return `Yes, unless ${only[1] ?? ''}`;
  if (needed === 'No') return 'Yes, it is not needed';
  // "No: the firewall article says this tag isn't needed in …" says why it can go.
  const no = /^No: (.*)$/.exec(needed);
  if (no) return `Yes: ${no[1] ?? ''}`;
  return needed.replace(
    /^No, not in the setup you describe$/,
    'Yes, it is not needed in the setup you describe',
  );
}

/** "to Storage.<region> on TCP 443"; a setting without ports is named alone. */
function destinationAndPorts(row: AnswerRow): string {
  return /\d/.test(row.ports) ? `${row.destination} on ${row.ports}` : row.destination;
}

const COUNT_WORDS: readonly string[] = ['no', 'one', 'two', 'three', 'four', 'five'];

/** "a, b and c". */
function inProse(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

/** Scenarios named by a plural noun ("managed online endpoints"), which take a plural verb. */
const PLURAL_NOUNS: ReadonlySet<ScenarioId> = new Set<ScenarioId>([
  'data-profiling',
  'online-endpoints',
  'docker-images',
]);

function takesPlural(scenarios: readonly ScenarioId[]): boolean {
  return scenarios.length > 1 || scenarios.some((s) => PLURAL_NOUNS.has(s));
}

/** "a compute instance or a compute cluster and the studio": the scenarios a slice is for. */
function scenarioNouns(k: Knowledge, scenarios: readonly ScenarioId[]): string {
  return inProse(scenarios.map((id) => scenarioNoun(scenarioById(k, id)?.title ?? id)));
}

/** Whether the scenarios have rules of their own in the direction asked, whatever the setup. */
function hasOwnRules(k: Knowledge, scenarios: readonly ScenarioId[], f: Facets): boolean {
  return k.rules.some(
    (r) =>
      !r.retired &&
      r.scenarios.some((s) => scenarios.includes(s)) &&
      (f.direction === undefined || r.direction === f.direction),
  );
}

/**
 * A scenario without rules of its own ("which service tags does AutoML need?") is answered by what
 * the article's table says it needs instead (identities on storage, the endpoint's access flag),
 * not by "no rules are needed in the setup you describe", which reads as a condition unmet.
 */
function noOwnRules(
  k: Knowledge,
  scenario: ScenarioId,
  names: string,
  what: string,
  f: Facets,
): string {
  const table = scenarioById(k, scenario)?.table;
  const said = (cell: string | undefined) => (cell && !/^none\b/i.test(cell) ? cell : undefined);
  const cell = (f.direction && said(table?.[f.direction])) ?? said(table?.extra);
  // The cells are the article's words in ours, some sentences and some not ("A DNS solution …").
  const more = cell ? ` The article adds: ${cell}` : '';
  return `No ${what ? `${what} ` : ''}rules of its own for ${names}.${more}`;
}

function protocolName(protocol: string): string {
  return protocol === 'ANY' ? 'any protocol' : protocol;
}

/** "TCP 443", or "443 (any protocol)" where a rule allows any. */
function protocolAndPorts(protocol: string, ports: string): string {
  return protocol === 'ANY' ? `${ports} (${protocolName(protocol)})` : `${protocol} ${ports}`;
}

/** "inbound on TCP 44224 and outbound on TCP 443, 18881 and UDP 5831", by direction. */
function directionsAndPorts(rules: readonly Rule[]): string {
  const directions = [...new Set(rules.map((r) => r.direction))];
  return directions
    .map((direction) => {
      const byProtocol = new Map<string, string[]>();
      for (const r of rules) {
        if (r.direction !== direction || r.ports.length === 0) continue;
        const protocol = r.protocol;
        const list = byProtocol.get(protocol) ?? [];
        for (const p of formatPorts(r.ports).split(', ')) if (!list.includes(p)) list.push(p);
        byProtocol.set(protocol, list);
      }
      const ports = [...byProtocol].map(([protocol, list]) =>
        protocolAndPorts(protocol, list.join(', ')),
      );
      return ports.length > 0 ? `${direction} on ${ports.join(' and ')}` : direction;
    })
    .join(' and ');
}

/**
 * "Does AKS need 443 inbound?", when every rule of the port or name goes the other way: no such
 * rule, and where the traffic does go. A yes from the other direction's rules would mislead.
 */
function askedTheOtherWay(
  view: AnswerView,
  name: string,
  rules: readonly Rule[],
  f: Facets,
): AnswerView {
  if (!f.direction || rules.some((r) => r.direction === f.direction)) return view;
  const rest = view.verdict.replace(/^(yes|no|only when)\b.*?\.\s+/i, '');
  return { ...view, verdict: `No documented rule uses ${name} ${f.direction}. ${rest}` };
}

/** Optional features a question may name, which add rules of their own. */
const FEATURES: readonly { option: FeatureOption; label: string }[] = [
  { option: 'publicPackageFeeds', label: 'public package feeds (pip, conda)' },
  { option: 'rstudio', label: 'RStudio' },
  { option: 'vscode', label: 'VS Code' },
];

type Feature = (typeof FEATURES)[number];

function statedFeature(f: Facets): Feature | undefined {
  return FEATURES.find((feature) => f.conditions[feature.option] === true);
}

/** Whether a rule applies only when the feature is used. */
function requiresFeature(k: Knowledge, ruleId: string, option: FeatureOption): boolean {
  const rule = ruleById(k, ruleId);
  return rule !== undefined && requiredFeature(rule.condition) === option;
}

/**
 * "Do I need AzureFrontDoor.FrontEnd in Azure China?": when the sources say none of the rules is
 * needed in the cloud the question names, what they say ("The firewall article says this tag
 * isn't needed in Azure operated by 21Vianet").
 */
function notNeededInCloud(k: Knowledge, rules: readonly Rule[], f: Facets): string | undefined {
  const cloud = cloudProfile(k, f.cloud);
  if (!cloud || rules.length === 0) return undefined;
  const entries = rules.map((r) =>
    k.cloudEndpoints.find((e) => e.rule === r.id && e.cloud === f.cloud),
  );
  if (!entries.every((e) => e?.notNeeded === true)) return undefined;
  return entries[0]?.note?.replace(/\.$/, '') ?? `Not needed in ${cloud.name}`;
}

/**
 * The rules a question asks for, of the scenario it names first and of any other it names as
 * plainly ("which outbound rules do the studio and compute instances need").
 */
function sliceView(
  k: Knowledge,
  scenarios: readonly ScenarioId[],
  f: Facets,
  /** Ports a yes/no asks about that no rule uses ("is port 8887 required?"): said first. */
  portsNotUsed: readonly number[] = [],
): AnswerView {
  const scenario = scenarios[0]!;
  const slice = ruleSlice(k, scenarios, f);
  const { hostRowsLeftOut } = slice;
  // "Which FQDNs for pip install on a compute instance?": the rules the named feature adds come
  // first and are the verdict; the scenario's other rules follow for whoever needs them all.
  const feature = statedFeature(f);
  const forFeature = feature
    ? slice.rows.filter((r) => r.ruleIds.some((id) => requiresFeature(k, id, feature.option)))
    : [];
  const others = slice.rows.filter((r) => !forFeature.includes(r));
  const rows = [...forFeature, ...others];
  const featured = mergedRows(k, forFeature, f, scenarios);
  const merged = [...featured, ...mergedRows(k, others, f, scenarios)];
  const names = scenarioNouns(k, scenarios);
  const needs = takesPlural(scenarios) ? 'need' : 'needs';
  const direction = f.direction ?? '';
  const what = f.asks.has('hosts') && !f.asks.has('tags') ? 'host-name' : direction;
  const noun = `${what ? `${what} ` : ''}rule${merged.length === 1 ? '' : 's'}`;
  // "Do compute clusters need inbound rules?" is answered yes by the rules; "is a managed online
  // endpoint public?" is not a question about rules, so the rules say neither yes nor no to it.
  const asksForRules =
    f.direction !== undefined ||
    (['rules', 'ports', 'tags', 'hosts'] as const).some((a) => f.asks.has(a));
  const settingsOnly = rows.length > 0 && rows.every(isSettingRow);
  let verdict: string;
  if (merged.length === 0) {
    verdict = hasOwnRules(k, scenarios, f)
      ? `No ${what ? `${what} ` : ''}rules are needed for ${names} in the setup you describe.`
      : noOwnRules(k, scenario, names, what, f);
  } else if (feature && featured.length > 0) {
    // "anaconda.com, *.anaconda.com … on TCP 443" when they share their ports.
    const samePorts = featured.length > 1 && featured.every((r) => r.ports === featured[0]?.ports);
    const shown = featured
      .slice(0, 3)
      .map((r) => (samePorts ? r.destination.replace(/^to /, '') : destinationAndPorts(r)));
    const more = `${featured.length > 3 ? ` and ${featured.length - 3} more` : ''}${samePorts ? `, on ${featured[0]?.ports ?? ''}` : ''}`;
    const left = merged.length - featured.length;
    const rest =
      left > 0
        ? ` Below them, the ${left} other ${what ? `${what} ` : ''}rule${left === 1 ? '' : 's'} for ${names}.`
        : '';
    verdict = `For ${feature.label}: ${shown.join(samePorts ? ', ' : '; ')}${more}.${rest}`;
  } else if (settingsOnly) {
    // Managed online endpoints are reached and reach out by flags, not by NSG rules: "do they
    // need anything inbound on our NSG?" is answered no, and the flags are what decide instead.
    const settings = [...new Set(rows.map((r) => r.endpoint))];
    const traffic = direction
      ? `${direction} traffic ${direction === 'inbound' ? 'to' : 'from'}`
      : 'traffic to and from';
    const count =
      settings.length === 1
        ? 'a setting'
        : `${COUNT_WORDS[settings.length] ?? settings.length} settings`;
    const decided = `${traffic} ${names} is decided by ${count}, ${inProse(settings)}.`;
    // Asked for rules, the answer is that there are none; asked anything else ("is a managed
    // online endpoint public?"), the settings are the answer without a no.
    verdict = asksForRules
      ? `No ${what ? `${what} ` : ''}NSG or firewall rule: ${decided}`
      : capitalise(decided);
  } else if (merged.length <= 2) {
    const lead = direction ? `${capitalise(direction)} for` : 'For';
    verdict = `${lead} ${names}: ${merged.map(destinationAndPorts).join('; ')}.`;
  } else {
    verdict = `${capitalise(names)} ${needs} ${merged.length} ${noun}; the first ones are below.`;
  }
  // A host or port the question names is what its yes or no is about, not the slice's rules.
  // "Is the extension able to work with outbound type userDefinedRouting?" asks whether it can,
  // which the rules do not say.
  const asksIfNeeded = f.asks.has('need') && !f.asks.has('possible');
  // "Does the image build cluster need a GPU?" asks whether something needs a thing that is not
  // network access at all: the slice's rules say nothing to it.
  if (
    f.asks.has('yesno') &&
    f.networking &&
    asksForRules &&
    asksIfNeeded &&
    !namesAName(f) &&
    merged.length > 0 &&
    !settingsOnly
  )
    verdict = `Yes. ${verdict}`;
  // "Can we block all internet outbound from compute?": not all of it, and what must stay open.
  if (f.asks.has('cutOff') && merged.length > 0 && !settingsOnly) {
    verdict = `${f.asks.has('yesno') || f.asks.has('possible') ? 'No: ' : ''}${names} still ${needs} ${merged.length === 1 ? 'this' : `these ${merged.length}`} ${noun}; allow ${merged.length === 1 ? 'it' : 'them'} ahead of any rule that denies the rest.`;
    verdict = capitalise(verdict);
  }
  // "Is port 8887 required on our firewall for compute instances?": the scenario's rules never
  // use it, which is the answer, said before the rules it does need.
  const portsSaid = portsNotUsed.length > 0 && merged.length > 0;
  if (portsSaid)
    verdict = `Not as far as the articles say: no documented rule for ${names} uses ${portList(portsNotUsed)}. ${verdict}`;
  const inSlice = new Set(rows.flatMap((r) => r.ruleIds));
  const details = rows.map(
    (r) =>
      `**${literal(substituteRegion(r.endpoint, f.region))}** (${r.direction}): ${literal(r.purposes.map(firstSentence).join(' '))}${r.condition ? ` _${literal(r.condition)}._` : ''}`,
  );
  const notes: string[] = [];
  if (f.direction === 'inbound' && scenarios.includes('compute') && merged.length > 0) {
    const batch = conflictById(k, 'batch-inbound-ports');
    if (batch)
      notes.push(literal(asStatement(batch.answer ?? batch.recommendation, f.asks.has('yesno'))));
  }
  // AKS's outbound rules here are Azure ML's; the cluster needs AKS's own egress as well, which
  // an answer to "can we turn off all outbound for the AKS cluster?" must not leave out.
  if (f.direction === 'outbound' && scenarios.includes('aks') && merged.length > 0) {
    const egress = stepById(k, AKS_EGRESS_STEP);
    if (egress?.answer) notes.push(literal(egress.answer));
  }
  return {
    title: `${capitalise(names)}${direction ? ` · ${direction}` : ''}`,
    verdict,
    understood: understoodLine(k, f, scenarios, true, false, portsSaid),
    fix: '',
    rows: merged.slice(0, MAX_ROWS),
    rowsNote: [
      merged.length > MAX_ROWS ? `${merged.length - MAX_ROWS} more under Why and details.` : '',
      hostRowsLeftOut > 0
        ? `Behind a firewall that cannot use service tags, ${hostRowsLeftOut} host-name rules apply too: ask "which host names does ${names} need${whereAsked(k, f)}".`
        : '',
    ]
      .filter(Boolean)
      .join(' '),
    points: notes,
    details: [
      ...merged.slice(MAX_ROWS).map((r) => `${literal(r.destination)}: ${r.ports}`),
      ...details,
    ],
    conflicts: conflictLines(
      k,
      rows.flatMap((r) => r.conflicts.map((c) => c.id)),
    ),
    sources: sourcesOf(k, [
      ...scenarios.flatMap((id) => scenarioById(k, id)?.sources ?? []),
      ...k.rules.filter((r) => inSlice.has(r.id)).flatMap((r) => r.sources),
    ]),
    wholeScenarios: [...scenarios],
    feedbackTarget: `scenario:${scenario}`,
  };
}

function rulesView(
  k: Knowledge,
  rules: readonly Rule[],
  f: Facets,
  title: string,
  lead: string,
  feedbackTarget: string,
  /** What the purpose line names: the card's title unless that is generic ("Outbound rule"). */
  name: string = title,
  /** The rules' other form (a host's tags, a tag's hosts), said under the verdict, not in it. */
  form = '',
): AnswerView {
  const ids = new Set(rules.map((r) => r.id));
  const rows = catalogOf(k).rules.filter((row) => row.ruleIds.some((id) => ids.has(id)));
  const merged = mergedRows(k, rows, f);
  const live = rules.filter((r) => !r.retired);
  const retired = rules.flatMap((r) => (r.retired ? [r.retired] : []));
  // The verdict is the fact; why it is needed follows in plain text under it.
  // "Is there a service tag for …" asks whether it exists, not whether this setup needs it.
  // "Does the studio need BatchNodeManagement?" is asked of the studio: only the studio's rules for
  // the name say yes, and when it has none the answer is no, with who does use it.
  // A scenario the name itself stands for ("ml.azure.com" is the studio) is not named by the
  // question when the question asks about that name.
  const isTheName = (id: string) =>
    scenarioById(k, id)?.synonyms.some((s) => s.toLowerCase() === name.toLowerCase()) === true;
  const named = namedScenarios(f).filter((s) => !isTheName(s));
  const forNamed =
    named.length > 0 ? live.filter((r) => r.scenarios.some((s) => named.includes(s))) : live;
  const users = [...new Set(live.flatMap((r) => r.scenarios))];
  // "What is AzureMachineLearning 443 outbound for?" wants the purpose of that rule, not of the
  // inbound one listed first; "does AKS need 443?" the purpose of one of AKS's rules.
  const pool = forNamed.length > 0 ? forNamed : live;
  const asked = pool.find(
    (r) =>
      (f.direction === undefined || r.direction === f.direction) &&
      (f.ports.length === 0 ||
        f.ports.some((p) => r.ports.some((range) => range.from <= p.port && p.port <= range.to))),
  );
  const reason = asked ?? pool[0];
  const purpose = reason ? firstSentence(reason.purpose) : '';
  // "Does a managed online endpoint need ml.azure.com?" names the studio too (through the host),
  // but the endpoint it asks about does not use it.
  // A scenario only hinted at by the name's own words ("containers" in a GitHub host) does not
  // outweigh the one the question names more plainly.
  const strength = (id: string) => f.scenarios.find((s) => s.id === id)?.strength ?? 0;
  const plainestUser = Math.max(0, ...named.filter((s) => users.includes(s)).map(strength));
  const nonUsers = named.filter((s) => !users.includes(s) && strength(s) >= plainestUser);
  // AutoML and the designer have no rules of their own because their jobs run on compute: "No,
  // AutoML does not use 445" would read as "AutoML jobs need no 445".
  const withoutRules = nonUsers.filter((s) => !hasOwnRules(k, [s], NO_FACETS));
  // "Does the studio need AzureMachineLearning inbound?": the studio uses it outbound.
  const way = f.direction ? ` ${f.direction}` : '';
  const notUsed =
    nonUsers.length > 0 && live.length > 0
      ? withoutRules.length === nonUsers.length
        ? `${capitalise(scenarioNouns(k, nonUsers))} ${takesPlural(nonUsers) ? 'have' : 'has'} no rules of ${takesPlural(nonUsers) ? 'their' : 'its'} own; ${scenariosThat(k, users, 'use')} ${name}`
        : `No: ${scenariosThat(k, nonUsers, 'do')} not use ${name}${way}; ${scenariosThat(k, users, 'do')}`
      : undefined;
  const notInCloud = notNeededInCloud(k, forNamed, f);
  const yesNo = f.asks.has('exists')
    ? live.length > 0
      ? 'Yes'
      : 'No'
    : (notUsed ?? (notInCloud ? `No: ${lowerFirst(notInCloud)}` : yesNoForRules(forNamed, f)));
  // "Why do I need AzureActiveDirectory outbound?" is answered by the reason; the fact follows.
  const why = f.asks.has('why') && purpose !== '';
  // The name stays in the first line: a notification shows nothing else.
  // "Port 8787 — …" starts a sentence; a host name keeps its lower case.
  const first = why
    ? `${name.includes('.') ? name : capitalise(name)} — ${purpose}`
    : notInCloud
      ? `In the public cloud: ${lead}`
      : lead;
  // "Is it possible to have the IP list of mcr.microsoft.com?" is not answered by whether the
  // rule is needed.
  // "Is the AzureMachineLearning tag regional?" asks what the tag is; the rules' yes or no says
  // whether it is needed, which answers something else.
  // "Can I remove the 44224 rule?" is answered by whether it is needed, the other way round.
  const removal = f.asks.has('remove');
  const yesNoAsked =
    f.asks.has('exists') ||
    (f.asks.has('yesno') && (removal || (f.asks.has('need') && !f.asks.has('possible'))));
  const unused = notUsed && removal ? `Yes: ${notUsed.replace(/^No: /, '')}` : notUsed;
  let verdict = yesNoAsked
    ? unused && !why
      ? `${unused}.`
      : `${removal ? canRemove(notUsed ? [] : forNamed, f, yesNo) : yesNo}. ${first}`
    : first;
  // "Outbound rules to storage for the studio": the studio has no rule for the tag, which the
  // first line says before what the tag's rules are, since those belong to another scenario.
  // A scenario without rules of its own, or one named in passing, is not the subject.
  if (
    notUsed &&
    !yesNoAsked &&
    withoutRules.length === 0 &&
    (f.asks.has('rules') || f.asks.has('why'))
  )
    verdict = `${capitalise(notUsed.replace(/^No: /, ''))}. ${verdict}`;
  // "Is the doc wrong? We are in Azure China": what the sources say of that cloud comes first.
  if (notInCloud && !yesNoAsked) verdict = `${notInCloud}. ${verdict}`;
  if (live.length === 0 && retired[0]) {
    const word = removal ? 'Yes. ' : 'No. ';
    verdict = `${f.asks.has('yesno') ? word : ''}Not needed any more (since ${retired[0].on}): ${retired[0].why}`;
  }
  // "Does AKS need 443 inbound?" shows AKS's rules on 443, not the 70 of every scenario; the
  // others stay under "Why and details".
  const scoped = forNamed.length > 0 && forNamed.length < live.length;
  const namedIds = new Set(forNamed.map((r) => r.id));
  const shown = scoped
    ? mergedRows(
        k,
        rows.filter((row) => row.ruleIds.some((id) => namedIds.has(id))),
        f,
        named,
      )
    : merged;
  const hidden = merged.length - Math.min(shown.length, MAX_ROWS);
  // NSG and firewall rules are for a VNet of one's own; in a managed network Azure ML applies them.
  const managed = f.conditions.network === 'managed';
  return {
    title,
    verdict: managed ? `${NETWORK_OF.yours}: ${verdict}` : verdict,
    understood: [understoodLine(k, f), managed ? MANAGED_APPLIES_RULES : '', form]
      .filter(Boolean)
      .join(' '),
    fix: '',
    rows: shown.slice(0, MAX_ROWS),
    rowsNote: hidden > 0 ? `${hidden} more under Why and details.` : '',
    points: why ? [literal(lead)] : purpose ? [literal(purpose)] : [],
    details: rows.map(
      (r) =>
        `**${literal(r.endpoint)}** (${r.direction}, ${r.scenarios.map((s) => scenarioById(k, s)?.title ?? s).join(', ')}): ${literal(r.purposes.join(' '))}${r.condition ? ` _${literal(r.condition)}._` : ''}`,
    ),
    conflicts: conflictLines(
      k,
      rules.flatMap((r) => r.conflicts ?? []),
    ),
    sources: sourcesOf(
      k,
      rules.flatMap((r) => r.sources),
    ),
    feedbackTarget,
  };
}

/**
 * "Do I need port 8889 for …" answered with what the knowledge has: a yes/no verdict from other
 * rules would answer for a port no rule uses, so the answer says so in its understood line, or,
 * for a scenario's rules, in its verdict (`sliceView`).
 */
function withoutVerdictForUnknownPorts(k: Knowledge, f: Facets): Facets {
  if (unknownPortsAsked(k, f).length === 0) return f;
  return { ...f, asks: new Set([...f.asks].filter((a) => a !== 'yesno')) };
}

/** The ports a yes/no question asks about when no documented rule uses any of them. */
function unknownPortsAsked(k: Knowledge, f: Facets): number[] {
  const asksUnknownPort =
    f.ports.length > 0 && f.ports.every((p) => rulesForPort(k, p.port).length === 0);
  return asksUnknownPort && f.asks.has('yesno') ? f.ports.map((p) => p.port) : [];
}

/** "port 8887", "ports 8887, 8888 or 8889". */
function portList(ports: readonly number[]): string {
  const named = [...new Set(ports)].map(String);
  return named.length === 1
    ? `port ${named[0]}`
    : `ports ${named.slice(0, -1).join(', ')} or ${named[named.length - 1]}`;
}

/** What a port is used for, or whether it is needed, narrowed by what the question said. */
function portAnswer(k: Knowledge, port: number, facets: Facets): AnswerView | undefined {
  const rules = inDirectionAsked(rulesForPort(k, port), facets.direction);
  if (rules.length === 0) return undefined;
  // "Does AKS need 443?" names where AKS's traffic on 443 goes.
  const scenarios = namedScenarios(facets);
  const ofNamed = rules.filter((r) => r.scenarios.some((x) => scenarios.includes(x)));
  const described = ofNamed.length > 0 ? ofNamed : rules;
  const endpoints = [...new Set(described.map((r) => r.endpoint))];
  const protocols = [...new Set(described.map((r) => protocolName(r.protocol)))];
  const way = described.every((r) => r.direction === 'inbound')
    ? 'inbound from'
    : described.every((r) => r.direction === 'outbound')
      ? 'outbound to'
      : 'with';
  const more = endpoints.length > 3 ? ` and ${endpoints.length - 3} more` : '';
  const view = rulesView(
    k,
    rules,
    facets,
    `Port ${port}`,
    `Port ${port} (${protocols.join(' or ')}) is used ${way} ${endpoints.slice(0, 3).join(', ')}${more}.`,
    `port:${port}`,
    `port ${port}`,
  );
  // "Is port 443 enough for compute?" is answered by what else compute needs: its rules, not
  // every rule that uses port 443.
  return facets.asks.has('enough') && scenarios.length > 0
    ? { ...sliceView(k, scenarios, facets), verdict: enoughVerdict(k, scenarios, port, facets) }
    : askedTheOtherWay(
        onlyForView(k, view, rules, `port ${port}`, facets),
        `port ${port}`,
        rules,
        facets,
      );
}

/** The question's facets with one of the ports it names: each port's purpose is its own. */
function onlyPort(f: Facets, port: number): Facets {
  return { ...f, ports: f.ports.filter((p) => p.port === port) };
}

/** Items in their first order, each value once (rows and sources are plain data). */
function distinct<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Two or more ports' answers as one card: each verdict in turn, their rows and reasons together. */
function portsTogether(views: readonly AnswerView[], ports: readonly number[]): AnswerView {
  const [first] = views as [AnswerView, ...AnswerView[]];
  const rows = distinct(views.flatMap((v) => v.rows));
  const hidden = rows.length - Math.min(rows.length, MAX_ROWS);
  return {
    ...first,
    title: `Ports ${inProse(ports.map(String))}`,
    // "In a VNet of your own (not a managed network):" is said once, for all of them.
    verdict: views
      .map((v, i) => (i > 0 ? v.verdict.replace(`${NETWORK_OF.yours}: `, '') : v.verdict))
      .join(' '),
    rows: rows.slice(0, MAX_ROWS),
    rowsNote: hidden > 0 ? `${hidden} more under Why and details.` : '',
    points: distinct(views.flatMap((v) => v.points)),
    details: distinct(views.flatMap((v) => v.details)),
    conflicts: distinct(views.flatMap((v) => v.conflicts)),
    sources: distinct(views.flatMap((v) => v.sources)),
    alsoCovers: ports.slice(1).map((p) => `port:${p}`),
  };
}

/** A first line that already answers yes or no, or says when. */
const HAS_VERDICT = /^(yes|no|only)\b/i;

/**
 * Whether a stored claim gives the first line instead of the item's own: where the own line has
 * no yes or no (advice such as "Don't use 172.17.0.0/16 …" or "Not inbound: …" has none: "is
 * that gonna be a problem?" wants the claim's "Yes"), and where its plain yes or no (the item's
 * stored answer, or "Yes:" before its instruction) is the opposite of the claim's, which matched
 * the question's own words ("Yes, with v2 as well as v1 the workspace needs a cluster" under "can
 * the v1 cluster use a managed identity?"). A line weighed against the stated setup ("Only when
 * …", "No, not in the setup you describe") stays.
 */
function claimFirst(own: string, claim: YesNoClaim): boolean {
  if (own.startsWith(NOT_IN_SETUP)) return false;
  if (!HAS_VERDICT.test(own)) return true;
  // "Yes: add outbound rules …" puts a plain yes in front of the step's instruction (no stored
  // line opens "Yes:"); a stored yes that fits the question says why.
  if (own.startsWith(PLAIN_YES) && claim.answer === 'yes') return true;
  const word = /^(yes|no)\b/i.exec(own)?.[1]?.toLowerCase();
  return word !== undefined && word !== claim.answer;
}

/** A disagreement's one line, or the stored claim that fits the question where `claimFirst` says. */
function conflictVerdict(c: Conflict, facets: Facets, yesNo: YesNoClaim | undefined): string {
  const own = c.answer
    ? asStatement(c.answer, facets.asks.has('yesno') && answersThisKindOfQuestion(c.answer, facets))
    : c.recommendation;
  return yesNo && claimFirst(own, yesNo) ? yesNoLine(yesNo) : own;
}

/** "No: the compute subnet must not be delegated …": a stored yes or no as the first line. */
function yesNoLine(claim: YesNoClaim): string {
  return `${claim.answer === 'yes' ? 'Yes' : 'No'}: ${claim.because}`;
}

/**
 * The host a card is about, with the other hosts of a product the question names by its name
 * ("which domains for anaconda?" asks about anaconda.com, *.anaconda.com and *.anaconda.org).
 */
function hostsAsked(k: Knowledge, endpoint: string, f: Facets): string[] {
  const { productHosts } = lexiconOf(k);
  const serves = (product: string) => productHosts.get(product)?.includes(endpoint) === true;
  // A host a pasted log denies is asked about with its own product's hosts only: "pip install
  // torch … download.pytorch.org denied" is about PyTorch's hosts, not pip's.
  const products = (f.products ?? []).filter((p) => serves(p) || f.deniedNames === undefined);
  if (!products.some(serves)) return coveredForNamed(k, endpoint, f) ?? [endpoint];
  const asked = new Set(products.flatMap((p) => productHosts.get(p) ?? []));
  // In the knowledge's order, as the rows are.
  return [...new Set([endpoint, ...k.rules.map((r) => r.endpoint).filter((e) => asked.has(e))])];
}

/**
 * A wildcard typed for a scenario whose own rules don't use it stands for the hosts of that
 * scenario it covers: "does the studio need *.blob.core.windows.net?" asks about the studio's
 * storage account (`<storage>.blob.core.windows.net`), not about Microsoft's storage for compute.
 */
function coveredForNamed(k: Knowledge, endpoint: string, f: Facets): string[] | undefined {
  const named = namedScenarios(f);
  if (!endpoint.startsWith('*.') || named.length === 0) return undefined;
  const serves = (e: string) =>
    k.rules.some(
      (r) => r.endpoint === e && !r.retired && r.scenarios.some((s) => named.includes(s)),
    );
  if (serves(endpoint)) return undefined;
  // One placeholder label in place of the star: "<storage>" of "*.blob.core.windows.net".
  const domain = endpoint.slice(1);
  const covered = [...new Set(k.rules.map((r) => r.endpoint))].filter((e) => {
    const label = /^<[^<>.]+>/.exec(e)?.[0];
    return label !== undefined && e.slice(label.length) === domain && serves(e);
  });
  return covered.length > 0 ? covered : undefined;
}

/** The answer for a target, narrowed by what the question said (no facets: the whole item). */
export function focusedAnswer(
  k: Knowledge,
  target: Target,
  askedFacets: Facets = NO_FACETS,
  yesNo?: YesNoClaim,
): AnswerView | undefined {
  const facets = withoutVerdictForUnknownPorts(k, askedFacets);
  switch (target.kind) {
    case 'scenario': {
      const scenario = scenarioById(k, target.id);
      // Another scenario named as plainly as this one is asked about too.
      const others = facets.scenarios
        .filter((s) => s.id !== target.id && s.strength >= BOTH_NAMED)
        .map((s) => s.id);
      if (!scenario) return undefined;
      const scenarios = [scenario.id, ...others];
      return sliceView(k, scenarios, facets, unknownPortsAsked(k, askedFacets));
    }
    case 'rule': {
      const rule = ruleById(k, target.id);
      if (!rule) return undefined;
      const enough = enoughOfNames(k, [rule.endpoint], [rule], facets);
      if (enough) return enough;
      const view = rulesView(
        k,
        [rule],
        facets,
        `${capitalise(rule.direction)} rule`,
        `${capitalise(rule.direction)} ${substituteRegion(rule.endpoint, facets.region)}${rule.ports.length > 0 ? ` on ${protocolAndPorts(rule.protocol, formatPorts(rule.ports))}` : ''}.`,
        `rule:${rule.id}`,
        substituteRegion(rule.endpoint, facets.region),
        otherForm(k, [rule], facets),
      );
      return onlyForView(
        k,
        view,
        k.rules.filter((r) => r.endpoint === rule.endpoint),
        rule.endpoint,
        facets,
      );
    }
    case 'port': {
      const port = Number(target.id);
      // "What are ports 8787 and 18881 used for?" is answered for each port it names that a rule
      // uses, the one recognised first.
      // A port inside the same rules' ranges ("8705 and 8707" of 8704-8710) adds nothing.
      const rulesOf = (p: number) =>
        rulesForPort(k, p)
          .map((r) => r.id)
          .join();
      const own = rulesOf(port);
      const others = facets.asks.has('enough')
        ? []
        : [...new Set(facets.ports.map((p) => p.port))].filter((p) => {
            const rules = rulesOf(p);
            return p !== port && rules !== '' && rules !== own;
          });
      const views = [port, ...others].flatMap(
        (p) => portAnswer(k, p, others.length > 0 ? onlyPort(facets, p) : facets) ?? [],
      );
      return views.length > 1 ? portsTogether(views, [port, ...others]) : views[0];
    }
    case 'endpoint': {
      const hosts = hostsAsked(k, target.id, facets);
      const rules = inDirectionAsked(
        k.rules.filter((r) => hosts.includes(r.endpoint)),
        facets.direction,
      );
      if (rules.length === 0) return undefined;
      const enough = enoughOfNames(k, hosts, rules, facets);
      if (enough) return enough;
      const name = inProse(hosts.map((h) => substituteRegion(h, facets.region)));
      const be = hosts.length > 1 ? 'are' : 'is';
      // Clusters without a public IP need AzureMachineLearning outbound only.
      const possible = rules.filter((r) => underStated(r.condition, facets.conditions) !== false);
      const view = rulesView(
        k,
        rules,
        facets,
        hosts.length > 1 ? hosts.join(', ') : target.id,
        // Where the stated setup rules every one out, the name is said to be used, not needed.
        possible.length > 0
          ? `${name} ${be} needed ${directionsAndPorts(possible)}.`
          : `${name} ${be} used ${directionsAndPorts(rules)}.`,
        `endpoint:${target.id}`,
        name,
        otherForm(k, rules, facets),
      );
      const answered = askedTheOtherWay(
        onlyForView(k, view, rules, name, facets),
        name,
        rules,
        facets,
      );
      return hosts.length > 1
        ? { ...answered, alsoCovers: hosts.slice(1).map((h) => `endpoint:${h}`) }
        : answered;
    }
    case 'step': {
      const step = stepById(k, target.id);
      if (!step) return undefined;
      const condition = describeCondition(step.condition);
      const publicCloudOnly = writtenForPublicCloud(k, step, facets);
      const inOtherNetwork = otherNetwork(step, facets);
      const own = stepVerdict(step, facets, publicCloudOnly);
      // A claim is written for the network and cloud the step is about.
      // "Only when compute has no public IP …: attach a NAT gateway" hedges the step's own line
      // with a condition the question left open; a stored "No" on the question's own words ("is
      // default outbound access ok?") answers it more plainly. A stored "Yes" would drop the
      // condition ("do I need a NAT gateway?" is still only without a firewall), so it waits.
      const hedged =
        yesNo?.answer === 'no' && /^Only when /.test(own) && !/^Only\b/.test(step.answer ?? '');
      const claimed =
        yesNo !== undefined &&
        !inOtherNetwork &&
        !publicCloudOnly &&
        (claimFirst(own, yesNo) || hedged);
      const verdict = claimed ? yesNoLine(yesNo) : own;
      return {
        title: step.kind === 'action' ? 'Configuration step' : 'Good to know',
        verdict: inOtherNetwork ? `${NETWORK_OF[step.network!]}: ${verdict}` : verdict,
        understood: [
          understoodLine(k, facets, [], false, claimed),
          otherNetworkLine(step, facets),
          publicCloudOnly ? otherCloudLine(k, facets) : '',
        ]
          .filter(Boolean)
          .join(' '),
        fix: '',
        rows: [],
        rowsNote: '',
        points: [literal(step.text), ...(condition ? [`_${literal(condition)}._`] : [])],
        details: [],
        conflicts: conflictLines(k, step.conflicts ?? []),
        sources: sourcesOf(k, step.sources),
        wholeScenarios: step.scenarios.length === 1 ? step.scenarios : undefined,
        feedbackTarget: `step:${step.id}`,
      };
    }
    case 'error': {
      const error = errorById(k, target.id);
      if (!error) return undefined;
      const steps = error.steps.flatMap((id) => stepById(k, id) ?? []);
      const rules = error.rules.flatMap((id) => ruleById(k, id) ?? []);
      const ids = new Set(rules.map((r) => r.id));
      const rows = catalogOf(k).rules.filter((row) => row.ruleIds.some((id) => ids.has(id)));
      return {
        title: error.title,
        verdict: `Likely cause: ${error.cause}`,
        understood: '',
        fix: error.fix ?? '',
        rows: mergedRows(k, rows, facets).slice(0, MAX_ROWS),
        rowsNote: '',
        points: steps
          .slice(0, MAX_POINTS)
          .map((s) => `• **${literal(s.title)}.** ${literal(s.answer ?? firstSentence(s.text))}`),
        details: steps.map((s) => `**${literal(s.title)}.** ${literal(s.text)}`),
        conflicts: conflictLines(k, error.conflicts ?? []),
        sources: sourcesOf(k, [
          ...steps.flatMap((s) => s.sources),
          ...rules.flatMap((r) => r.sources),
        ]),
        feedbackTarget: `error:${error.id}`,
      };
    }
    case 'conflict': {
      const c = conflictById(k, target.id);
      if (!c) return undefined;
      return {
        title: `Where the sources disagree: ${c.topic}`,
        verdict: conflictVerdict(c, facets, yesNo),
        understood: '',
        fix: '',
        rows: [],
        rowsNote: '',
        points: c.answer ? [literal(c.recommendation)] : [],
        details: [],
        conflicts: c.positions.map((p, i) => {
          const source = k.sources.find((s) => s.id === p.sources[0]?.source);
          return `${i === c.newer ? '**Newer:** ' : ''}${literal(p.claim)} (${literal(source?.title ?? p.sources[0]?.source ?? '')}, ${p.asOf})`;
        }),
        sources: sourcesOf(
          k,
          c.positions.flatMap((p) => p.sources),
        ),
        feedbackTarget: `conflict:${c.id}`,
      };
    }
  }
}
