// "Show as commands" and the NSG check in a conversation: which plan a button means, the format
// and priority picked, a pasted NSG and the scenarios it is checked for.
import type { BotState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { commandsCards } from '../cards/commands.card';
import { nsgCheckCards, nsgHelpText, nsgScenarioCard } from '../cards/nsg-check.card';
import {
  ExportError,
  ExportFormat,
  ExportOptionsInput,
  exportPlan,
} from '../export/export.formats';
import { planForSource } from '../export/export.targets';
import { planFor, ScenarioId, Situation, type Knowledge } from '../knowledge';
import { resolveRegion } from '../knowledge/region.query';
import { checkNsg } from '../nsg-check/nsg.check';
import { MAX_NSG_JSON_CHARS, parseNsgJson } from '../nsg-check/nsg.schema';
import { ExportAction } from '../cards/export-actions';
import { fileConsentReply, fileInfoReply, fileReply } from '../bot/replies';
import type { Reply, ReplyFile } from './guide.handler';
import { downloadText, uploadText, type DownloadPolicy } from './file-download';

/** What a "Show as commands" button asks for; it also rides on the file consent card. */
export const ExportRequest = ExportAction.omit({ action: true });
export type ExportRequest = z.infer<typeof ExportRequest>;

/** Teams' answer to a file consent card (fileConsent/invoke). */
const FileConsent = z.object({
  type: z.literal('fileUpload'),
  action: z.enum(['accept', 'decline']),
  context: ExportRequest,
  uploadInfo: z
    .object({
      name: z.string().max(260),
      uploadUrl: z.string().max(4_000),
      contentUrl: z.string().max(4_000),
      uniqueId: z.string().max(200),
      fileType: z.string().max(20),
    })
    .optional(),
});

/** Teams' links to attached files are HTTPS; the file is read up to the paste limit. */
export const TEAMS_DOWNLOADS: DownloadPolicy = {
  allowed: (url) => url.protocol === 'https:',
  maxBytes: MAX_NSG_JSON_CHARS,
  timeoutMs: 10_000,
};

/** A pasted NSG waiting for the user to pick a scenario; bounded so state stays small. */
const MAX_PENDING_NSG = 200_000;
const PendingNsg = z.object({
  json: z.string().max(MAX_PENDING_NSG),
  region: z.string().optional(),
});

export class CommandsFlow {
  private readonly lastSituation: StatePropertyAccessor<unknown>;
  private readonly pendingNsg: StatePropertyAccessor<unknown>;

  constructor(
    private readonly k: Knowledge,
    privateState: BotState,
    userState: BotState,
    private readonly downloads: DownloadPolicy = TEAMS_DOWNLOADS,
  ) {
    this.lastSituation = userState.createProperty('lastSituation');
    this.pendingNsg = privateState.createProperty('pendingNsg');
  }

  private async storedSituation(context: TurnContext): Promise<Situation | undefined> {
    const stored = Situation.safeParse(await this.lastSituation.get(context));
    return stored.success ? stored.data : undefined;
  }

  /** A plan or an answer's rules in the format picked; a bad priority falls back to the default. */
  /** The export a button asks for; a bad priority falls back to the default and says so. */
  private async exported(context: TurnContext, request: ExportRequest) {
    const { source, format, start } = request;
    const plan = planForSource(this.k, source, (await this.storedSituation(context))?.region);
    if (!plan) return undefined;
    const chosen = ExportFormat.catch('az-nsg').parse(format);
    const options = ExportOptionsInput.safeParse({ start: start?.trim() || undefined });
    const problems: string[] = [];
    if (!options.success) {
      problems.push(
        `The first priority must be a whole number from 100 to 4096, not "${start}"; I used 100.`,
      );
    }
    try {
      const result = exportPlan(plan, chosen, options.success ? options.data : undefined);
      return { result, problems, start: options.success ? String(options.data.start) : '100' };
    } catch (e) {
      if (!(e instanceof ExportError)) throw e;
      problems.push(`${e.message} I used 100.`);
      return { result: exportPlan(plan, chosen), problems, start: '100' };
    }
  }

  async exportAs(context: TurnContext, request: ExportRequest): Promise<Reply> {
    const done = await this.exported(context, request);
    if (!done) return { text: 'I have no network rules for that to show as commands.', cards: [] };
    const { result, problems, start } = done;
    const personal = context.activity.conversation?.conversationType === 'personal';
    return {
      text: problems.join(' ') || undefined,
      cards: commandsCards(result, {
        source: request.source,
        start,
        attachedAs: personal ? result.fileName : undefined,
      }),
      files: [{ name: result.fileName, text: result.text, request }],
    };
  }

  /**
   * Files go only to 1:1 chats. Teams takes them through its consent card (the person accepts, then
   * the bot uploads to their OneDrive); other channels (Web Chat, the Emulator) get a data URI.
   */
  async sendFiles(context: TurnContext, files: readonly ReplyFile[]): Promise<void> {
    if (context.activity.conversation?.conversationType !== 'personal') return;
    for (const file of files) {
      await context.sendActivity(
        context.activity.channelId === 'msteams'
          ? fileConsentReply(file.name, Buffer.byteLength(file.text), file.request)
          : fileReply(file.name, file.text),
      );
    }
  }

  /** The answer to a consent card: on accept the file is made again from its request and uploaded. */
  async onFileConsent(context: TurnContext, value: unknown): Promise<void> {
    const consent = FileConsent.safeParse(value);
    if (!consent.success) {
      await context.sendActivity("I couldn't read that answer to the file offer.");
      return;
    }
    const { action, context: request, uploadInfo } = consent.data;
    if (action === 'decline' || !uploadInfo) {
      await context.sendActivity('No file then: the commands stay in the card.');
      return;
    }
    const done = await this.exported(context, request);
    const uploaded =
      done && (await uploadText(uploadInfo.uploadUrl, done.result.text, this.downloads));
    if (!uploaded) {
      await context.sendActivity("I couldn't upload the file; the commands are in the card above.");
      return;
    }
    await context.sendActivity(fileInfoReply({ ...uploadInfo, name: uploadInfo.name }));
  }

  /** Scenario ids and a region named in the words before a pasted NSG. */
  private namedIn(words: string): { scenarios: ScenarioId[]; region?: string } {
    const text = words.slice(0, 500).toLowerCase();
    const scenarios = this.k.scenarios
      .filter((s) => [s.id, ...s.synonyms].some((name) => text.includes(name.toLowerCase())))
      .map((s) => s.id);
    const region = text
      .split(/[^a-z0-9]+/)
      .map((token) => resolveRegion(token, this.k.regions))
      .find((r) => r !== undefined)?.name;
    return { scenarios, region };
  }

  async checkPasted(context: TurnContext, json: string, words: string): Promise<Reply> {
    const parsed = parseNsgJson(json);
    if (!parsed.ok) {
      return {
        text: `That doesn't read as the JSON of an NSG:\n\n${parsed.error}\n\n${nsgHelpText()}`,
        cards: [],
      };
    }
    const named = this.namedIn(words);
    const last = await this.storedSituation(context);
    const region = named.region ?? last?.region;
    if (named.scenarios.length > 0) return this.runCheck(json, named.scenarios, region, last);
    if (last) {
      const reply = await this.runCheck(json, last.scenarios, region, last);
      return { ...reply, text: 'Checked against the scenarios of your last plan.' };
    }
    if (json.length > MAX_PENDING_NSG) {
      return {
        text: 'That NSG is too large to keep while I ask for the scenario: paste it again with the scenario names before the JSON.',
        cards: [],
      };
    }
    await this.pendingNsg.set(context, { json, region });
    return { cards: [nsgScenarioCard(this.k)] };
  }

  async checkPending(context: TurnContext, scenario: string | undefined): Promise<Reply> {
    const pending = PendingNsg.safeParse(await this.pendingNsg.get(context));
    const picked = ScenarioId.safeParse(scenario);
    if (!pending.success || !picked.success) {
      return { text: `I don't have an NSG to check any more. ${nsgHelpText()}`, cards: [] };
    }
    const last = await this.storedSituation(context);
    return this.runCheck(pending.data.json, [picked.data], pending.data.region, last);
  }

  private runCheck(
    json: string,
    scenarios: ScenarioId[],
    region: string | undefined,
    last: Situation | undefined,
  ): Reply {
    const parsed = parseNsgJson(json);
    if (!parsed.ok) return { text: parsed.error, cards: [] };
    // The answers given in the wizard still hold; an NSG is checked for service tags, not host names.
    const situation = Situation.parse({ ...last, scenarios, region, egress: 'nsg' });
    const plan = planFor(this.k, situation);
    const report = checkNsg(plan, parsed);
    return {
      text: plan.warnings.length > 0 ? plan.warnings.join(' ') : undefined,
      cards: nsgCheckCards(report),
    };
  }

  /** An NSG attached as a file in a 1:1 chat (Teams offers file upload to bots only there). */
  async checkFile(context: TurnContext, url: string, words: string): Promise<Reply> {
    if (context.activity.conversation?.conversationType !== 'personal') {
      return {
        text: `Attach the file in a 1:1 chat with me, or paste its content. ${nsgHelpText()}`,
        cards: [],
      };
    }
    const file = await downloadText(url, this.downloads);
    if (!file.ok) return { text: file.error, cards: [] };
    return this.checkPasted(context, file.text, words);
  }
}
