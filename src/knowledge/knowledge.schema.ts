// Zod schemas for the knowledge files in knowledge/*.json and for a user's situation.
import { z } from 'zod';

export const ScenarioId = z.enum([
  'studio',
  'data-profiling',
  'compute',
  'online-endpoints',
  'aks',
  'docker-images',
]);
export type ScenarioId = z.infer<typeof ScenarioId>;

/** Canonical order of scenarios: the order of the article's sections. */
export const scenarioOrder: readonly ScenarioId[] = ScenarioId.options;

export const Egress = z.enum(['nsg', 'azure-firewall', 'firewall-no-tags']);
export type Egress = z.infer<typeof Egress>;

export const Sdk = z.enum(['v1', 'v2']);
export type Sdk = z.infer<typeof Sdk>;

export const BooleanOption = z.enum([
  'computePublicIp',
  'registryBehindVnet',
  'ownImages',
  'vscode',
  'hbi',
  'rstudio',
  'publicPackageFeeds',
]);
export type BooleanOption = z.infer<typeof BooleanOption>;

const IsoDate = z.iso.date();
/**
 * How people ask about an item: their phrasings, symptoms and words (not the item's own title).
 * The recognizer reads these, so a network engineer extends understanding by editing data.
 */
const Ask = z.array(z.string().trim().min(1).max(200)).max(60).optional();
const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id');
const Text = z.string().trim().min(1);

/**
 * When a rule or step applies. `when` is a situational condition the bot cannot evaluate (it
 * depends on something we do not ask, e.g. RStudio use): the plan keeps it and shows its text.
 */
export type Condition =
  | { always: true }
  | { when: string; whenNot?: string }
  | { option: BooleanOption; equals: boolean }
  | { option: 'egress'; equals: Egress }
  | { option: 'sdk'; equals: Sdk }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ always: z.literal(true) }),
      // `whenNot` says the opposite in words, for "can I remove it?": "secured with a private link"
      // where `when` says "not secured with a private link".
      z.strictObject({ when: Text, whenNot: Text.optional() }),
      z.strictObject({ option: BooleanOption, equals: z.boolean() }),
      z.strictObject({ option: z.literal('egress'), equals: Egress }),
      z.strictObject({ option: z.literal('sdk'), equals: Sdk }),
      z.strictObject({ all: z.array(Condition).min(1) }),
      z.strictObject({ any: z.array(Condition).min(1) }),
      z.strictObject({ not: Condition }),
    ],
    {
      error:
        'expected a condition: {always: true}, {when}, {option, equals}, {all: [...]}, {any: [...]} or {not}',
    },
  ),
);

export const SourceRef = z.strictObject({ source: Id, section: Text });
export type SourceRef = z.infer<typeof SourceRef>;

export const Source = z.strictObject({
  id: Id,
  title: Text,
  url: z.url().startsWith('https://learn.microsoft.com/'),
  repo: Text,
  path: Text,
  commit: z
    .string()
    .regex(/^[0-9a-f]{40}$/)
    .optional(),
  asOf: IsoDate,
  note: Text.optional(),
});
export type Source = z.infer<typeof Source>;

export const Link = z.strictObject({ title: Text, url: z.url() });
export type Link = z.infer<typeof Link>;

export const Scenario = z.strictObject({
  id: ScenarioId,
  title: Text,
  summary: Text,
  synonyms: z.array(Text).min(1),
  /** Names that also mean other things ("endpoint", "image"): they only hint at the scenario. */
  hints: z.array(Text).optional(),
  ask: Ask,
  apiVersions: z.array(Sdk).min(1),
  links: z.array(Link).min(1),
  /** The article's summary-table cells for this scenario, in our words. */
  table: z.strictObject({ inbound: Text, outbound: Text, extra: Text }),
  /**
   * Set when the scenario's rules are for a VNet of your own only: in a managed network Azure ML
   * applies them itself, so a question that states one is not asking for them.
   */
  network: z.enum(['managed', 'yours']).optional(),
  /**
   * The scenario this one is a part of ("AutoML, the designer and data profiling" are used from
   * the studio): items of the two are about one subject, so a near-tie between them is answered
   * with the runner-up offered, not asked back.
   */
  partOf: ScenarioId.optional(),
  sources: z.array(SourceRef).min(1),
});
export type Scenario = z.infer<typeof Scenario>;

export const PortRange = z
  .strictObject({
    from: z.number().int().min(1).max(65535),
    to: z.number().int().min(1).max(65535),
  })
  .refine((r) => r.from <= r.to, { message: 'expected from ≤ to', path: ['to'] });
export type PortRange = z.infer<typeof PortRange>;

export const Direction = z.enum(['inbound', 'outbound']);
export type Direction = z.infer<typeof Direction>;

export const EndpointKind = z.enum(['service-tag', 'fqdn', 'setting']);
export type EndpointKind = z.infer<typeof EndpointKind>;

export const Protocol = z.enum(['TCP', 'UDP', 'ANY', 'HTTPS']);
export type Protocol = z.infer<typeof Protocol>;

export const Rule = z
  .strictObject({
    id: Id,
    direction: Direction,
    /** Service tag, FQDN or setting name; `<region>` is replaced by the situation's region. */
    endpoint: Text,
    /** Other spellings found in the sources (e.g. `Keyvault.<region>`), so lookups find them. */
    aliases: z.array(Text).optional(),
    /**
     * For a host name: the product or project it serves, as one lower-case word people type
     * instead of the host ("pytorch" for download.pytorch.org). A question that names the product
     * names the host. Only words that mean nothing else: "vscode" names an editor, not a host.
     */
    products: z
      .array(
        z
          .string()
          .regex(/^[a-z][a-z0-9-]{1,30}$/, 'expected one lower-case word')
          .max(31),
      )
      .min(1)
      .optional(),
    endpointKind: EndpointKind,
    /**
     * For a host name: the service tags the sources pair with it (the same purpose in the tag
     * table and the host table), whose address ranges an NSG or an IP-only firewall uses instead.
     */
    tags: z.array(Text).min(1).optional(),
    protocol: Protocol,
    ports: z.array(PortRange),
    portsNote: Text.optional(),
    purpose: Text,
    ask: Ask,
    scenarios: z.array(ScenarioId).min(1),
    condition: Condition,
    sources: z.array(SourceRef).min(1),
    conflicts: z.array(Id).optional(),
    /**
     * A rule the sources still list but the service no longer uses: kept so questions about it
     * get the story, left out of every plan.
     */
    retired: z.strictObject({ on: IsoDate, why: Text }).optional(),
  })
  .refine((r) => r.ports.length > 0 || (r.endpointKind === 'setting' && r.portsNote), {
    message: 'expected ports; an empty list is only allowed for a setting with a portsNote',
    path: ['ports'],
  })
  .refine((r) => r.products === undefined || r.endpointKind === 'fqdn', {
    message: 'expected products only on a host name (endpointKind fqdn)',
    path: ['products'],
  });
export type Rule = z.infer<typeof Rule>;

/**
 * Ids of items merged into this one. Buttons on cards sent before the merge still carry them, so
 * looking one up finds the item they became.
 */
const FormerIds = z.array(Id).optional();

/**
 * A stored yes or no for the yes/no questions an item answers: "Is it OK if the compute subnet is
 * delegated?" → no, because it must not be. Every `when` entry must occur in the question: words
 * in order, a trailing `*` matches the start of a word, `|` separates alternatives. The answer is
 * for the question asked the positive way ("can I", "do I need"); the first claim that fits wins.
 */
export const YesNoClaim = z.strictObject({
  when: z
    .array(
      z
        .string()
        .trim()
        .min(2)
        .max(300)
        .regex(/^[a-z0-9_.* |-]+$/, 'expected lower-case words, * and |')
        .refine(
          (entry) => !/\*[^ |]/.test(entry) && entry.split('|').every((alt) => alt.trim() !== ''),
          'expected a * only at the end of a word and no empty alternative between | signs',
        ),
    )
    .min(1)
    .max(3),
  answer: z.enum(['yes', 'no']),
  because: Text.max(200),
});
export type YesNoClaim = z.infer<typeof YesNoClaim>;

export const StepKind = z.enum(['action', 'note']);
export type StepKind = z.infer<typeof StepKind>;

export const Step = z.strictObject({
  id: Id,
  /** `action`: something to do; `note`: a fact that explains the traffic (assumptions, storage…). */
  kind: StepKind,
  title: Text,
  text: Text,
  /** The step as a one-line answer, for the first line of a focused answer. */
  answer: Text.optional(),
  /**
   * Set only on the few steps that break most setups: the step in one short line, which a plan
   * puts on its first screen.
   */
  headline: Text.max(80).optional(),
  ask: Ask,
  scenarios: z.array(ScenarioId).min(1),
  condition: Condition,
  /**
   * The one kind of network the step is about, when it is about one: the workspace's managed
   * virtual network, or a VNet of your own (NAT gateways, routes, your subnet's NSG). A question
   * that says which one it uses prefers its steps.
   */
  network: z.enum(['managed', 'yours']).optional(),
  /**
   * A way to find a fault rather than part of the setup ("check the private endpoint's DNS zone
   * group"): it answers questions, and plans leave it out.
   */
  troubleshooting: z.literal(true).optional(),
  /**
   * What the step is about that none of the six scenarios covers: another service used alongside
   * Azure ML ("Azure Databricks", "Azure Machine Learning registries") or another kind of
   * deployment ("batch endpoints"). It answers questions, and plans leave it out, since the wizard
   * asks nothing about it.
   */
  outsideScenarios: Text.max(60).optional(),
  /**
   * The words that name what `outsideScenarios` names, as a yes/no claim's `when` entry ("prompt
   * flow*|promptflow*|pf"). A question that says none of them ranks the step lower: a step about
   * another service shares its other words (endpoint, storage, private) with the scenarios' steps.
   */
  namedBy: Text.max(120).optional(),
  sources: z.array(SourceRef).min(1),
  conflicts: z.array(Id).optional(),
  yesNo: z.array(YesNoClaim).max(8).optional(),
  formerIds: FormerIds,
});
export type Step = z.infer<typeof Step>;

export const Position = z.strictObject({
  claim: Text,
  sources: z.array(SourceRef).min(1),
  asOf: IsoDate,
});
export type Position = z.infer<typeof Position>;

export const Conflict = z.strictObject({
  id: Id,
  topic: Text,
  scenarios: z.array(ScenarioId).min(1),
  positions: z.array(Position).min(2),
  /** Index of the newest position; null when the positions come from the same version. */
  newer: z.number().int().min(0).nullable(),
  recommendation: Text,
  /** The verdict in one line ("Yes: keep … open, because …"), for a yes/no question. */
  answer: Text.optional(),
  ask: Ask,
  /** Endpoints the conflict is about that no rule carries (e.g. an obsolete registry). */
  endpoints: z.array(Text).optional(),
  yesNo: z.array(YesNoClaim).max(8).optional(),
});
export type Conflict = z.infer<typeof Conflict>;

export const ErrorPattern = z.union([
  z.strictObject({ contains: Text }),
  z.strictObject({ regex: Text }),
]);
export type ErrorPattern = z.infer<typeof ErrorPattern>;

export const KnownError = z.strictObject({
  id: Id,
  title: Text,
  patterns: z.array(ErrorPattern).min(1),
  cause: Text,
  /** The fix first: a command or a portal step, shown right under the cause. */
  fix: Text.optional(),
  ask: Ask,
  scenarios: z.array(ScenarioId).min(1),
  rules: z.array(Id),
  steps: z.array(Id),
  conflicts: z.array(Id).optional(),
  /**
   * The step that covers the same ground as a topic rather than as a failure: a question about it
   * that reports no problem ("which permissions does creating compute in a VNet need") is
   * answered with that step, and a pasted error with this one.
   */
  answeredBy: Id.optional(),
  formerIds: FormerIds,
});
export type KnownError = z.infer<typeof KnownError>;

export const Cloud = z.enum(['public', 'usgov', 'china']);
export type Cloud = z.infer<typeof Cloud>;

export const Region = z.strictObject({
  name: z.string().regex(/^[a-z0-9]+$/, 'expected a programmatic region name like westeurope'),
  displayName: Text,
  cloud: Cloud,
});
export type Region = z.infer<typeof Region>;

/** The clouds other than Azure public, whose host names differ (Azure Government, 21Vianet). */
export const SovereignCloud = Cloud.exclude(['public']);
export type SovereignCloud = z.infer<typeof SovereignCloud>;

/** How plans name a sovereign cloud, where to check what the bot does not cover, and its notes. */
export const CloudProfile = z
  .strictObject({
    cloud: SovereignCloud,
    name: Text,
    /** Where to check rules that have no documented equivalent in this cloud. */
    docs: Link,
    /** Steps shown only in plans for this cloud's regions (public plans leave them out). */
    steps: z.array(Id),
    /**
     * Those of `steps` that say which features the cloud lacks: they answer whether something is
     * available there ("is managed online endpoint isolation in Azure Government?"), not what
     * differs in it, which the others answer.
     */
    availability: z.array(Id).optional(),
  })
  .refine((c) => (c.availability ?? []).every((id) => c.steps.includes(id)), {
    message: 'every step in "availability" must also be in "steps"',
  });
export type CloudProfile = z.infer<typeof CloudProfile>;

/**
 * A rule's endpoint in a sovereign cloud. `endpoint: null` means the sources give no equivalent
 * there (the plan keeps the public name and flags it; `note` says why); with `notNeeded` the
 * sources say the rule is not needed in that cloud at all. `alsoEndpoints` are more hosts one
 * public host splits into (e.g. portal and Resource Manager in Azure Government).
 */
export const CloudEndpoint = z
  .strictObject({
    rule: Id,
    cloud: SovereignCloud,
    endpoint: Text.nullable(),
    alsoEndpoints: z.array(Text).min(1).optional(),
    notNeeded: z.literal(true).optional(),
    note: Text.optional(),
    sources: z.array(SourceRef).min(1),
  })
  .refine((e) => e.endpoint !== null || e.note, {
    message: 'expected a note saying why there is no endpoint',
    path: ['note'],
  })
  .refine((e) => e.endpoint !== null || !e.alsoEndpoints, {
    message: 'expected no alsoEndpoints without an endpoint',
    path: ['alsoEndpoints'],
  })
  .refine((e) => e.endpoint === null || !e.notNeeded, {
    message: 'expected notNeeded only on an entry without an endpoint',
    path: ['notNeeded'],
  });
export type CloudEndpoint = z.infer<typeof CloudEndpoint>;

/**
 * A word or abbreviation people use for a longer term ("ci" → "compute instance"). The recognizer
 * reads the term as if the user had also typed its meaning.
 */
export const VocabularyEntry = z.strictObject({
  term: z.string().regex(/^[a-z0-9][a-z0-9 .-]*$/, 'expected a lower-case term'),
  means: z.string().trim().min(1).max(80),
});
export type VocabularyEntry = z.infer<typeof VocabularyEntry>;

/** One knowledge file: any subset of the collections; files are concatenated per collection. */
export const KnowledgeFile = z.strictObject({
  sources: z.array(Source).optional(),
  scenarios: z.array(Scenario).optional(),
  rules: z.array(Rule).optional(),
  steps: z.array(Step).optional(),
  conflicts: z.array(Conflict).optional(),
  errors: z.array(KnownError).optional(),
  regions: z.array(Region).optional(),
  vocabulary: z.array(VocabularyEntry).optional(),
  clouds: z.array(CloudProfile).optional(),
  cloudEndpoints: z.array(CloudEndpoint).optional(),
});
export type KnowledgeFile = z.infer<typeof KnowledgeFile>;

export type CollectionName = keyof KnowledgeFile;

export interface Knowledge {
  readonly sources: readonly Source[];
  readonly scenarios: readonly Scenario[];
  readonly rules: readonly Rule[];
  readonly steps: readonly Step[];
  readonly conflicts: readonly Conflict[];
  readonly errors: readonly KnownError[];
  readonly regions: readonly Region[];
  readonly vocabulary: readonly VocabularyEntry[];
  readonly clouds: readonly CloudProfile[];
  readonly cloudEndpoints: readonly CloudEndpoint[];
}

/** Region as typed by a user: case and spaces do not matter ("West Europe" → "westeurope"). */
const RegionInput = z
  .string()
  .transform((s) => s.toLowerCase().replace(/[\s_-]+/g, ''))
  .pipe(z.string().regex(/^[a-z0-9]*$/, 'expected a region name like westeurope'))
  .transform((s) => (s === '' ? undefined : s));

export const Situation = z.strictObject({
  scenarios: z.array(ScenarioId).min(1),
  region: RegionInput.optional(),
  computePublicIp: z.boolean().default(false),
  egress: Egress.default('nsg'),
  registryBehindVnet: z.boolean().default(false),
  ownImages: z.boolean().default(false),
  vscode: z.boolean().default(false),
  rstudio: z.boolean().default(false),
  publicPackageFeeds: z.boolean().default(false),
  hbi: z.boolean().default(false),
  sdk: Sdk.default('v2'),
});
export type Situation = z.infer<typeof Situation>;
export type SituationInput = z.input<typeof Situation>;

export function defaultSituation(scenarios: ScenarioId[]): Situation {
  return Situation.parse({ scenarios });
}
