// Evaluates rule/step conditions against a situation and says them in words for answers.
import type { BooleanOption, Condition, Egress, Sdk, Situation } from './knowledge.schema';

export function evaluateCondition(cond: Condition, situation: Situation): boolean {
  if ('always' in cond) return true;
  // The bot cannot know these (e.g. "you run RStudio"), so it keeps them and shows the condition.
  if ('when' in cond) return true;
  if ('all' in cond) return cond.all.every((c) => evaluateCondition(c, situation));
  if ('any' in cond) return cond.any.some((c) => evaluateCondition(c, situation));
  if ('not' in cond) return !evaluateCondition(cond.not, situation);
  return situation[cond.option] === cond.equals;
}

const booleanPhrases: Record<BooleanOption, [whenTrue: string, whenFalse: string]> = {
  computePublicIp: ['compute has a public IP', 'compute has no public IP'],
  registryBehindVnet: [
    "the workspace's container registry is behind the virtual network",
    "the workspace's container registry is not behind the virtual network",
  ],
  ownImages: ['you bring your own Docker images', 'you use the Docker images Azure ML provides'],
  vscode: ['you connect to a compute instance from VS Code', 'you do not use VS Code'],
  hbi: [
    'the workspace was created with hbi_workspace enabled',
    'the workspace is not an hbi_workspace',
  ],
  rstudio: ['you run RStudio on a compute instance', 'you do not run RStudio'],
  publicPackageFeeds: [
    'jobs or image builds install packages from public repositories',
    'packages come only from your own feeds or mirrors',
  ],
};

const egressTargets: Record<Egress, string> = {
  nsg: 'network security groups only',
  'azure-firewall': 'Azure Firewall',
  'firewall-no-tags': 'a firewall without service tags (FQDN rules)',
};

const sdkPhrases: Record<Sdk, string> = {
  v1: 'you use the v1 SDK/CLI',
  v2: 'you use the v2 SDK/CLI',
};

function egressValue(cond: Condition): Egress | undefined {
  return 'option' in cond && cond.option === 'egress' ? cond.equals : undefined;
}

function phrase(cond: Condition): string {
  if ('always' in cond) return 'always';
  if ('when' in cond) return cond.when;
  if ('all' in cond) return cond.all.map(nestedPhrase).join(' and ');
  if ('any' in cond) {
    // "egress goes through Azure Firewall or a firewall without service tags" instead of two clauses.
    const egress = cond.any.map(egressValue);
    if (egress.every((e) => e !== undefined)) {
      return `outbound traffic goes through ${egress.map((e) => egressTargets[e]).join(' or ')}`;
    }
    return cond.any.map(nestedPhrase).join(' or ');
  }
  if ('not' in cond) return `not (${phrase(cond.not)})`;
  if (cond.option === 'egress')
    return `outbound traffic goes through ${egressTargets[cond.equals]}`;
  if (cond.option === 'sdk') return sdkPhrases[cond.equals];
  const [whenTrue, whenFalse] = booleanPhrases[cond.option];
  return cond.equals ? whenTrue : whenFalse;
}

// Parenthesise mixed and/or so "a and (b or c)" keeps its meaning in words.
function nestedPhrase(cond: Condition): string {
  const text = phrase(cond);
  const needsParens = 'all' in cond || ('any' in cond && !cond.any.every((c) => egressValue(c)));
  return needsParens ? `(${text})` : text;
}

/** Human words for a condition, e.g. "Only when compute has a public IP"; '' when always. */
export function describeCondition(cond: Condition): string {
  if ('always' in cond) return '';
  if ('not' in cond) return `Except when ${phrase(cond.not)}`;
  if ('all' in cond) {
    const exceptions = cond.all.filter((c) => 'not' in c);
    const positives = cond.all.filter((c) => !('not' in c));
    // "Only when X, except when Y" reads better than "X and not (Y)".
    if (exceptions.length > 0 && positives.length > 0) {
      const only = positives.map(nestedPhrase).join(' and ');
      const except = exceptions.map((c) => ('not' in c ? phrase(c.not) : '')).join(' or ');
      return `Only when ${only}, except when ${except}`;
    }
  }
  return `Only when ${phrase(cond)}`;
}

/**
 * Words for the setups where the condition does not hold ("can I remove the AzureMonitor rule?":
 * when Azure Monitor is secured with a private link or the firewall takes no service tags), or
 * undefined when a situational part has no words for its opposite.
 */
export function describeOpposite(cond: Condition): string | undefined {
  if ('always' in cond) return undefined;
  if ('when' in cond) return cond.whenNot;
  if ('not' in cond) return phrase(cond.not);
  if ('all' in cond || 'any' in cond) {
    const parts = ('all' in cond ? cond.all : cond.any).map(describeOpposite);
    if (parts.some((p) => p === undefined)) return undefined;
    return parts.join('all' in cond ? ' or ' : ' and ');
  }
  if (cond.option === 'egress')
    return `outbound traffic does not go through ${egressTargets[cond.equals]}`;
  if (cond.option === 'sdk') return `you do not use the ${cond.equals} SDK/CLI`;
  const [whenTrue, whenFalse] = booleanPhrases[cond.option];
  return cond.equals ? whenFalse : whenTrue;
}

/** True, false, or not decided by what the user said. */
export type Truth = boolean | 'unknown';

/** The options a user may state about their setup in a question; unset means not said. */
export type StatedOptions = Partial<Record<BooleanOption, boolean>> & {
  egress?: Egress;
  sdk?: Sdk;
};

function not(t: Truth): Truth {
  return t === 'unknown' ? t : !t;
}

/** Three-valued: what the user stated decides; anything else is unknown. */
export function underStated(cond: Condition, stated: StatedOptions): Truth {
  if ('always' in cond) return true;
  if ('when' in cond) return 'unknown';
  if ('all' in cond) {
    const parts = cond.all.map((c) => underStated(c, stated));
    return parts.includes(false) ? false : parts.every((p) => p === true) ? true : 'unknown';
  }
  if ('any' in cond) {
    // "Behind our firewall" does not say which kind, but a rule for either kind applies.
    const firewallKinds = new Set(
      cond.any.flatMap((c) => ('option' in c && c.option === 'egress' ? [c.equals] : [])),
    );
    const anyFirewall =
      firewallKinds.has('azure-firewall') && firewallKinds.has('firewall-no-tags');
    if (anyFirewall && stated.egress !== undefined && stated.egress !== 'nsg') return true;
    const parts = cond.any.map((c) => underStated(c, stated));
    return parts.includes(true) ? true : parts.every((p) => p === false) ? false : 'unknown';
  }
  if ('not' in cond) return not(underStated(cond.not, stated));
  if (cond.option === 'egress') {
    if (stated.egress === undefined) return 'unknown';
    // "A firewall without service tags" says which kind; "a firewall" alone does not say whether
    // it can use service tags, so both firewall kinds stay open.
    if (stated.egress === 'firewall-no-tags' || stated.egress === 'nsg')
      return cond.equals === stated.egress;
    return cond.equals === 'nsg' ? false : 'unknown';
  }
  const value = stated[cond.option];
  return value === undefined ? 'unknown' : value === cond.equals;
}

/**
 * What is left of a condition once the setup the user stated decides some of it: "no public IP
 * and outbound through NSGs only", asked about clusters without a public IP, leaves "outbound
 * through NSGs only" to say.
 */
export function undecidedPart(cond: Condition, stated: StatedOptions): Condition {
  if (!('all' in cond)) return cond;
  const open = cond.all.filter((c) => underStated(c, stated) !== true);
  if (open.length === 0 || open.length === cond.all.length) return cond;
  return open.length === 1 ? open[0]! : { all: open };
}

/** The computePublicIp value a condition requires, when it requires one. */
export function requiredPublicIp(condition: Condition): boolean | undefined {
  if ('option' in condition && condition.option === 'computePublicIp') return condition.equals;
  if ('all' in condition) {
    for (const c of condition.all) {
      const found = requiredPublicIp(c);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
