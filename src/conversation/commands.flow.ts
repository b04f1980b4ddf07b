// "Show as commands" and the NSG check in a conversation: which plan a button means, the format
// and priority picked, files offered and accepted in 1:1 chats, a pasted or attached NSG and the
// scenarios it is checked for. State is the thread's, passed in and returned like the handler's.
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { ExportAction } from '../cards/export-actions';
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
import { fileConsentReply, fileInfoReply, fileReply } from '../bot/replies';
import type { Decision, Reply, ReplyFile } from './guide.handler';
import { MAX_STORED_NSG, type ThreadState } from './thread.store';
import { downloadText, uploadText, type DownloadPolicy } from './file-download';

/**
 * What a "Show as commands" button asks for, with the region of the thread's plan: it also rides
 * on the file consent card, so the file can be made again when the person accepts it.
 */
export const ExportRequest = ExportAction.omit({ action: true }).extend({
  region: z.string().max(40).optional(),
});
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

export class CommandsFlow {
  constructor(
    private readonly k: Knowledge,
    private readonly downloads: DownloadPolicy = TEAMS_DOWNLOADS,
  ) {}

  /** The export a request asks for; a bad priority falls back to the default and says so. */
  private exported(request: ExportRequest) {
    const { source, format, start, region } = request;
    const plan = planForSource(this.k, source, region);
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

  exportAs(
    context: TurnContext,
    action: Omit<ExportRequest, 'region'>,
    thread: ThreadState,
  ): Reply {
    const request: ExportRequest = {
      source: action.source,
      format: action.format,
      start: action.start,
      region: thread.plan?.region,
    };
    const done = this.exported(request);
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

  /** The answer to a consent card: on accept the file is made again and uploaded. */
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
    const done = this.exported(request);
    const uploaded =
      done && (await uploadText(uploadInfo.uploadUrl, done.result.text, this.downloads));
    if (!uploaded) {
      await context.sendActivity("I couldn't upload the file; the commands are in the card above.");
      return;
    }
    await context.sendActivity(fileInfoReply(uploadInfo));
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

  /**
   * A pasted NSG: checked for the scenarios named before it, else for the thread's plan; with
   * neither, it is kept in the thread while the bot asks which scenario to check it for.
   */
  checkPasted(json: string, words: string, thread: ThreadState): Decision {
    const parsed = parseNsgJson(json);
    if (!parsed.ok) {
      const text = `That doesn't read as the JSON of an NSG:\n\n${parsed.error}\n\n${nsgHelpText()}`;
      return { reply: { text, cards: [] } };
    }
    const named = this.namedIn(words);
    const last = thread.plan;
    const region = named.region ?? last?.region;
    if (named.scenarios.length > 0) {
      return { reply: this.runCheck(json, named.scenarios, region, last) };
    }
    if (last) {
      const reply = this.runCheck(json, last.scenarios, region, last);
      return { reply: { ...reply, text: 'Checked against the scenarios of your last plan.' } };
    }
    if (json.length > MAX_STORED_NSG) {
      const text =
        'That NSG is too large to keep while I ask for the scenario: send it again with the scenario names in the message.';
      return { reply: { text, cards: [] } };
    }
    return { reply: { cards: [nsgScenarioCard(this.k)] }, next: { ...thread, nsg: json } };
  }

  checkPending(scenario: string | undefined, thread: ThreadState): Reply {
    const picked = ScenarioId.safeParse(scenario);
    if (!thread.nsg || !picked.success) {
      return { text: `I don't have an NSG to check any more. ${nsgHelpText()}`, cards: [] };
    }
    return this.runCheck(thread.nsg, [picked.data], thread.plan?.region, thread.plan);
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
  async checkFile(
    context: TurnContext,
    url: string,
    words: string,
    thread: ThreadState,
  ): Promise<Decision> {
    if (context.activity.conversation?.conversationType !== 'personal') {
      const text = `Attach the file in a 1:1 chat with me, or paste its content. ${nsgHelpText()}`;
      return { reply: { text, cards: [] } };
    }
    const file = await downloadText(url, this.downloads);
    if (!file.ok) return { reply: { text: file.error, cards: [] } };
    return this.checkPasted(file.text, words, thread);
  }
}
