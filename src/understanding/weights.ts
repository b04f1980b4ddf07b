// How much each signal counts when candidates are weighed against each other, in one table that
// the recognizer takes as a parameter (tests and experiments can pass another).

export interface Weights {
  /** Words: share of the question's (rare) terms an item covers, and its BM25 rank. */
  wordCoverage: number;
  wordRank: number;
  /** A phrase of two neighbouring terms shared with an item, against one term (BM25 boost). */
  phrase: number;
  /** A term of a sentence that asks, in a message that also tells a story around it. */
  focus: number;
  /** The question holds one of the item's phrasings whole (squared share, so partial counts little). */
  containment: number;
  /**
   * In a long message, the item's most specific phrasing held, against the best such phrasing of
   * any item (see `WordHit.heldPhrasing`).
   */
  heldPhrasing: number;
  /** A scenario found by its words alone (names are weighed as facets). */
  scenarioByWords: number;
  /** Disagreements between sources: when the question doubts, weighs two readings, or neither. */
  conflictDoubt: number;
  conflictCompare: number;
  conflictPlain: number;
  /** A disagreement when the message says two sources disagree (facet `sourcesDisagree`). */
  sourcesDisagree: number;
  /** Known errors found by their words: in a problem report, or otherwise. */
  errorProblem: number;
  errorPlain: number;
  /**
   * The least share of the asking sentence's words an error must match to count as the problem
   * reported: "storage mount errors appear. What should the DNS servers forward?" asks about DNS.
   */
  errorAskedShare: number;
  /** A rule found by its words alone is rarely the point. */
  rulePenalty: number;
  /** An action step for "how do I…". */
  stepHow: number;
  /** A note that explains, for "why …". */
  noteWhy: number;
  /** A step when the question asks what a named scenario needs. */
  stepUnderSlice: number;
  /** A step when the question asks for all of a named scenario ("a guide for compute in a VNet"). */
  stepUnderWhole: number;
  /** An item in, or outside, the scenario the question names. */
  inScenario: number;
  outOfScenario: number;
  /** A scenario asked for as a slice ("which inbound ports does X need"), or by name alone. */
  sliceAsk: number;
  nameOnly: number;
  /** A scenario's slice asked for in a direction ("which outbound rules do clusters need?"). */
  directSlice: number;
  /** A scenario asked for whole ("a guide", "the complete set of rules"). */
  wholeAsk: number;
  /** A scenario named next to a how-to, a problem or a doubt. */
  specificPenalty: number;
  /** A host, tag or port named in a problem report once the error itself is recognised. */
  reportedName: number;
  /**
   * The least score of the card of a host a pasted firewall or proxy log denies: above a pasted
   * error's (at most 0.98), whose fix is what that host's card says more exactly.
   */
  deniedName: number;
  /** The least word score of a step that names a denied host for it to answer before the host. */
  coveringStep: number;
  /** Off the card of a name the question wants to do without ("instead of the Storage tag"). */
  replacedName: number;
  /**
   * An item that shares only the words of a name the question names ("what is *.vscode.dev for"
   * matches the VS Code step by "vscode" and "dev"): the name's own card says what it is for.
   */
  onlyThroughName: number;
  /** An error whose rules all go the other way than the question says. */
  otherDirection: number;
  /** An item about another place models are deployed to (ACI, Kubernetes, managed endpoints) than the one named. */
  otherDeploymentTarget: number;
  /**
   * An item about one place models are deployed to, for a question that speaks of no deployment
   * ("how do clients on prem resolve the workspace private endpoint?" is not about scoring names).
   */
  unnamedDeploymentTarget: number;
  /**
   * A host named among three or more in a question that asks for a scenario's host list steps
   * back by this; a step whose text lists two or more hosts a question names comes forward by it.
   */
  listedName: number;
  /**
   * A service tag's card, when a device that takes no tags asks for the addresses behind the tags
   * it names: the card offers host names, not the ranges asked for.
   */
  tagAsRanges: number;
  /** Factor for a host, tag or port named in a question about name resolution or routes. */
  nameOnPath: number;
  /** Factor for a host, tag or port a short yes/no asks is needed ("do X need BatchNodeManagement?"). */
  namedNeed: number;
  /** A note the knowledge lists for the cloud the question names (Azure Government, 21Vianet). */
  statedCloud: 0.15;
  /** A note for the sovereign clouds only, when the question names no cloud. */
  otherCloud: number;
  /** A step about the kind of network the question says it uses (managed, or a VNet of one's own), or the other. */
  statedNetwork: number;
  otherNetwork: number;
  /** A managed-network step, for a question that asks for rules and names no kind of network. */
  managedUnstated: number;
  /** A step about another service that the question does not name (its `namedBy`). */
  unnamedSubject: number;
  /** A step, error or disagreement about name resolution or routes, when the question mentions neither. */
  offPath: 0.1;
  /** A port or name a longer message gives only outside the sentence that asks (part of the setup it tells). */
  toldOutsideQuestion: number;
  /** A disagreement about a route or name resolution for the tag or host a question about routes names. */
  routeDisagreement: number;
  /**
   * A disagreement near the top with a stored yes or no written for the yes/no question asked: the
   * question is the disputed one.
   */
  claimFits: number;
  /** The same for a step in a near-tie (just over its reach, so that it can overtake). */
  stepClaimFits: number;
}

export const WEIGHTS: Readonly<Weights> = Object.freeze({
  wordCoverage: 0.55,
  wordRank: 0.3,
  phrase: 0.7,
  containment: 0.1,
  heldPhrasing: 0.1,
  focus: 1.5,
  scenarioByWords: 0.6,
  conflictDoubt: 0.1,
  conflictCompare: 0.03,
  conflictPlain: 0.7,
  sourcesDisagree: 0.3,
  errorProblem: 0.12,
  errorPlain: 0.7,
  errorAskedShare: 0.5,
  rulePenalty: 0.1,
  stepHow: 0.05,
  noteWhy: 0.05,
  stepUnderSlice: 0.12,
  stepUnderWhole: 0.1,
  inScenario: 0.05,
  outOfScenario: 0.08,
  sliceAsk: 0.25,
  directSlice: 0.05,
  nameOnly: 0.15,
  wholeAsk: 0.1,
  specificPenalty: 0.2,
  reportedName: 0.2,
  deniedName: 0.985,
  coveringStep: 0.5,
  replacedName: 0.3,
  onlyThroughName: 0.05,
  statedCloud: 0.15,
  otherCloud: 0.1,
  nameOnPath: 0.7,
  namedNeed: 1.15,
  otherDirection: 0.2,
  otherDeploymentTarget: 0.4,
  unnamedDeploymentTarget: 0.2,
  listedName: 0.3,
  tagAsRanges: 0.3,
  statedNetwork: 0.15,
  otherNetwork: 0.15,
  managedUnstated: 0.1,
  unnamedSubject: 0.1,
  offPath: 0.1,
  toldOutsideQuestion: 0.2,
  routeDisagreement: 0.1,
  claimFits: 0.15,
  stepClaimFits: 0.021,
});
