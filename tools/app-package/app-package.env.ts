// The configuration that fills the manifest placeholders, parsed from the environment with zod so a
// missing or malformed value is reported by the name of the variable to set.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type PackageProblem, quote } from './package-problem';

export const GUID_PATTERN = /^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

export const DEFAULT_WEBSITE_URL = 'https://learn.microsoft.com/azure/machine-learning/';
/**
 * The project's license (MIT), the terms under which the software is provided. Used for the privacy
 * and terms links until an organization sets its own: the bot runs on the operator's infrastructure,
 * so no statement of ours could describe how their deployment handles data.
 */
export const DEFAULT_LEGAL_URL = 'https://opensource.org/license/mit';

/**
 * Namespace of the name-based ids below. Fixed forever: changing it would give every deployment a
 * new Teams app id, and Teams would then install a second copy instead of updating the first.
 */
const TEAMS_APP_ID_NAMESPACE = '713606b1-6d00-46a3-a504-a5ed326b1e13';

const emptyAsUnset = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const Guid = z.preprocess(
  emptyAsUnset,
  z
    .string()
    .trim()
    .regex(GUID_PATTERN, { error: (issue) => `expected a GUID, got ${quote(issue.input)}` })
    .optional(),
);

const HttpsUrl = z.preprocess(
  emptyAsUnset,
  z
    .string()
    .trim()
    .refine((text) => URL.canParse(text) && new URL(text).protocol === 'https:', {
      error: (issue) => `expected an https:// URL, got ${quote(issue.input)}`,
    })
    .optional(),
);

export const PackageEnv = z.object({
  BOT_ID: Guid,
  MicrosoftAppId: Guid,
  TEAMS_APP_ID: Guid,
  APP_WEBSITE_URL: HttpsUrl,
  APP_PRIVACY_URL: HttpsUrl,
  APP_TERMS_URL: HttpsUrl,
});
export type PackageEnv = z.infer<typeof PackageEnv>;

export interface PlaceholderValues {
  readonly TEAMS_APP_ID: string;
  readonly BOT_ID: string;
  readonly APP_VERSION: string;
  readonly APP_WEBSITE_URL: string;
  readonly APP_PRIVACY_URL: string;
  readonly APP_TERMS_URL: string;
}

export type ResolvedValues =
  | { readonly ok: true; readonly values: PlaceholderValues; readonly notes: readonly string[] }
  | { readonly ok: false; readonly problems: readonly PackageProblem[] };

/**
 * A stable Teams app id derived from the bot id (a name-based UUID, version 5 layout). Stable so that
 * uploading a new package updates the installed app rather than adding a second one.
 */
export function deriveTeamsAppId(botId: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(TEAMS_APP_ID_NAMESPACE.replaceAll('-', ''), 'hex'))
    .update(`aml-network-guide:${botId.toLowerCase()}`)
    .digest()
    .subarray(0, 16);
  hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x50, 6);
  hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Turns the environment (and the app version from package.json) into placeholder values. */
export function resolvePlaceholderValues(
  env: NodeJS.ProcessEnv,
  appVersion: string,
): ResolvedValues {
  const parsed = PackageEnv.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        path: String(issue.path[0] ?? 'environment'),
        message: issue.message,
      })),
    };
  }
  const config = parsed.data;
  const problems: PackageProblem[] = [];
  const botId = config.BOT_ID ?? config.MicrosoftAppId;
  if (!botId) {
    problems.push({
      path: 'BOT_ID',
      message:
        'required (or MicrosoftAppId): the Microsoft App ID of the Azure Bot registration, a GUID',
    });
  }
  if (
    config.BOT_ID &&
    config.MicrosoftAppId &&
    config.BOT_ID.toLowerCase() !== config.MicrosoftAppId.toLowerCase()
  ) {
    problems.push({
      path: 'BOT_ID',
      message: `${quote(config.BOT_ID)} differs from MicrosoftAppId ${quote(config.MicrosoftAppId)}: Teams would send messages to a bot the server does not authenticate as`,
    });
  }
  if (!botId || problems.length > 0) return { ok: false, problems };

  const notes: string[] = [];
  const teamsAppId = config.TEAMS_APP_ID ?? deriveTeamsAppId(botId);
  if (!config.TEAMS_APP_ID) {
    notes.push(`TEAMS_APP_ID not set: using ${teamsAppId}, derived from the bot id`);
  }
  // Defaults let a try-out package need nothing but the bot id; the notes say what to set before the
  // app is offered to other people.
  for (const name of ['APP_PRIVACY_URL', 'APP_TERMS_URL'] as const) {
    if (!config[name]) {
      notes.push(
        `${name} not set: using ${DEFAULT_LEGAL_URL}; set it to your organization's statement before sharing the app`,
      );
    }
  }
  return {
    ok: true,
    values: {
      TEAMS_APP_ID: teamsAppId,
      BOT_ID: botId,
      APP_VERSION: appVersion,
      APP_WEBSITE_URL: config.APP_WEBSITE_URL ?? DEFAULT_WEBSITE_URL,
      APP_PRIVACY_URL: config.APP_PRIVACY_URL ?? DEFAULT_LEGAL_URL,
      APP_TERMS_URL: config.APP_TERMS_URL ?? DEFAULT_LEGAL_URL,
    },
    notes,
  };
}
