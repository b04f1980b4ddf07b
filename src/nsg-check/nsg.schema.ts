// What a user pastes: the JSON of `az network nsg show` (an object with securityRules) or of
// `az network nsg rule list` (an array of rules), also in the ARM shape with nested `properties`.
// Parsed with zod; anything else gets a message naming the JSON path that is wrong.
import { z } from 'zod';

/** Larger than any real NSG export (1,000 rules of about 1 KB), small enough to parse at once. */
export const MAX_NSG_JSON_CHARS = 2_000_000;
/** Azure allows 1,000 rules per NSG; a few more leave room for pasted default rules. */
export const MAX_NSG_RULES = 1_100;
const MAX_LIST = 4_000;

export const NsgDirection = z.enum(['Inbound', 'Outbound']);
export type NsgDirection = z.infer<typeof NsgDirection>;
export const NsgProtocol = z.enum(['Tcp', 'Udp', 'Icmp', 'Esp', 'Ah', '*']);
export type NsgProtocol = z.infer<typeof NsgProtocol>;

/** Accepts the value in any letter case ("inbound", "TCP") and returns Azure's spelling. */
function anyCase<T extends string>(values: readonly T[], what: string) {
  const byLower = new Map(values.map((v) => [v.toLowerCase(), v]));
  return z.string({ error: `expected ${what}` }).transform((s, ctx) => {
    const value = byLower.get(s.toLowerCase());
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: `expected ${what}, got "${s.slice(0, 40)}"` });
      return z.NEVER;
    }
    return value;
  });
}

const Text = (what: string) => z.string({ error: `expected ${what} as text` }).max(4_000);
const TextList = (what: string) =>
  z.array(Text(what), { error: `expected a list of ${what}` }).max(MAX_LIST);
/** az prints "" for the single field when the list field is used: empty means "not given". */
const Port = z
  .string({ error: 'expected a port range as text' })
  .trim()
  .regex(/^(\*|[0-9]{1,5}(-[0-9]{1,5})?)?$/, 'expected a port (443), a range (8000-8100) or *')
  .refine((p) => {
    const [from, to = from] = p.split('-').map(Number);
    return p === '*' || p === '' || (from! <= to! && to! <= 65535);
  }, 'expected ports from 0 to 65535, the lower one first');
const PortList = z.array(Port, { error: 'expected a list of port ranges' }).max(MAX_LIST);
const AsgList = z.array(z.object({ id: z.string().max(1_000).optional() })).max(MAX_LIST);

export const NsgRuleInput = z.object({
  name: z.string({ error: 'expected the rule name as text' }).min(1).max(200),
  priority: z
    .number({ error: 'expected the priority as a number' })
    .int('expected a whole number')
    .min(100, 'expected a priority from 100 to 4096 (or 65000-65500 for a default rule)')
    .max(65500, 'expected a priority from 100 to 4096 (or 65000-65500 for a default rule)'),
  direction: anyCase(NsgDirection.options, 'Inbound or Outbound'),
  access: anyCase(['Allow', 'Deny'] as const, 'Allow or Deny'),
  protocol: anyCase(NsgProtocol.options, 'Tcp, Udp, Icmp, Esp, Ah or *'),
  sourceAddressPrefix: Text('an address prefix').nullish(),
  sourceAddressPrefixes: TextList('address prefixes').nullish(),
  destinationAddressPrefix: Text('an address prefix').nullish(),
  destinationAddressPrefixes: TextList('address prefixes').nullish(),
  sourcePortRange: Port.nullish(),
  sourcePortRanges: PortList.nullish(),
  destinationPortRange: Port.nullish(),
  destinationPortRanges: PortList.nullish(),
  sourceApplicationSecurityGroups: AsgList.nullish(),
  destinationApplicationSecurityGroups: AsgList.nullish(),
});
export type NsgRuleInput = z.infer<typeof NsgRuleInput>;

const RuleList = z
  .array(NsgRuleInput, { error: 'expected a list of security rules' })
  .max(MAX_NSG_RULES, `expected at most ${MAX_NSG_RULES} rules`);

/** Names az prints for the NSG and its resource group; anything else is dropped, not echoed. */
const AzureName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._()-]{0,89}$/)
  .optional()
  .catch(undefined);

const NsgShow = z.object(
  {
    name: AzureName.optional(),
    resourceGroup: AzureName.optional(),
    securityRules: RuleList,
  },
  { error: 'expected an object with securityRules' },
);

export type NsgParse =
  | { ok: true; name?: string; resourceGroup?: string; rules: NsgRuleInput[] }
  | { ok: false; error: string };

/** ARM templates and the REST API nest a rule's fields under `properties`; az flattens them. */
function flatten(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  const inner = Object.hasOwn(record, 'properties') ? record.properties : undefined;
  if (!inner || typeof inner !== 'object' || Array.isArray(inner)) return value;
  return { ...(inner as Record<string, unknown>), name: record.name };
}

function flattenInput(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(flatten);
  const top = flatten(json);
  if (!top || typeof top !== 'object') return top;
  const rules = (top as Record<string, unknown>).securityRules;
  return Array.isArray(rules) ? { ...top, securityRules: rules.map(flatten) } : top;
}

/** `securityRules[3].priority`, the way a person finds it in the file. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 5).map((issue) => {
    const at = jsonPath(issue.path);
    return at ? `${at}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - shown.length;
  return [...shown, ...(more > 0 ? [`…and ${more} more`] : [])].join('\n');
}

/** Rules without addresses or ports on either side cannot be evaluated: say which. */
function missingFields(rules: readonly NsgRuleInput[], at: string): string | undefined {
  for (const [i, r] of rules.entries()) {
    for (const side of ['source', 'destination'] as const) {
      const one = r[`${side}AddressPrefix`];
      const many = r[`${side}AddressPrefixes`];
      const asgs = r[`${side}ApplicationSecurityGroups`];
      if (!one && !(many && many.length > 0) && !(asgs && asgs.length > 0)) {
        return `${at}[${i}]: expected ${side}AddressPrefix or ${side}AddressPrefixes`;
      }
      if (!r[`${side}PortRange`] && !(r[`${side}PortRanges`]?.length ?? 0)) {
        return `${at}[${i}]: expected ${side}PortRange or ${side}PortRanges`;
      }
    }
  }
  return undefined;
}

export function parseNsgJson(text: string): NsgParse {
  if (text.length > MAX_NSG_JSON_CHARS) {
    return {
      ok: false,
      error: `That is ${Math.round(text.length / 1000)} KB; an NSG export is far smaller (at most ${MAX_NSG_JSON_CHARS / 1_000_000} MB). Paste the output of az network nsg show or az network nsg rule list.`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `That is not valid JSON: ${(e as Error).message}` };
  }
  const input = flattenInput(json);
  if (Array.isArray(input)) {
    const parsed = RuleList.safeParse(input);
    if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
    const missing = missingFields(parsed.data, '');
    return missing ? { ok: false, error: missing } : { ok: true, rules: parsed.data };
  }
  if (!input || typeof input !== 'object') {
    return {
      ok: false,
      error:
        'expected the JSON of az network nsg show (an object with securityRules) or of az network nsg rule list (a list of rules)',
    };
  }
  const parsed = NsgShow.safeParse(input);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
  const missing = missingFields(parsed.data.securityRules, 'securityRules');
  if (missing) return { ok: false, error: missing };
  const { name, resourceGroup, securityRules } = parsed.data;
  return { ok: true, name, resourceGroup, rules: securityRules };
}
