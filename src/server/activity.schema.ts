// The shape of a Bot Framework activity as far as this bot reads it, checked before the turn: a
// field of the wrong type gets 400 with what is wrong, instead of failing inside the bot.
import { z } from 'zod';

/** Ids are opaque strings; Teams' longest (channel threads with a message id) are a few hundred. */
const Id = z
  .string({ error: 'expected a string id' })
  .max(1024, { error: 'expected an id of at most 1024 characters' });

const Account = (what: string) =>
  z.looseObject(
    {
      id: Id,
      name: z.string({ error: 'expected a string' }).optional(),
      aadObjectId: z.string({ error: 'expected a string' }).optional(),
    },
    { error: `expected ${what} as an object with an "id"` },
  );

const Entity = z.looseObject(
  { type: z.string({ error: 'expected a string "type" (for example "mention")' }) },
  { error: 'expected an object with a "type"' },
);

const Members = z
  .array(Account('a member'), { error: 'expected an array of members, each with an "id"' })
  .max(1000);

/** Kept as text: botbuilder turns it into a Date, and an odd format must not stop a turn. */
const Timestamp = z.string({ error: 'expected an ISO 8601 date and time as a string' }).max(64);

export const IncomingActivity = z.looseObject({
  type: z
    .string({ error: 'expected a string "type" (for example "message")' })
    .min(1, { error: 'expected a non-empty "type" (for example "message")' }),
  id: Id.optional(),
  // State is kept per channel, conversation and sender: an activity without them has no place.
  channelId: z
    .string({ error: 'expected a string (for example "msteams")' })
    .min(1, { error: 'expected a channel id (for example "msteams")' })
    .max(100),
  serviceUrl: z.url({ protocol: /^https?$/, error: 'expected an http or https URL' }).optional(),
  from: Account('the sender'),
  recipient: Account('the bot'),
  conversation: z.looseObject(
    { id: Id },
    { error: 'expected the conversation as an object with an "id"' },
  ),
  text: z.string({ error: 'expected a string' }).optional(),
  textFormat: z.string({ error: 'expected a string' }).optional(),
  locale: z.string({ error: 'expected a string' }).max(100).optional(),
  name: z.string({ error: 'expected a string (the invoke or event name)' }).max(200).optional(),
  replyToId: Id.optional(),
  deliveryMode: z.string({ error: 'expected a string (for example "expectReplies")' }).optional(),
  timestamp: Timestamp.optional(),
  localTimestamp: Timestamp.optional(),
  entities: z.array(Entity, { error: 'expected an array of entities' }).max(100).optional(),
  attachments: z
    .array(
      z.looseObject(
        { contentType: z.string({ error: 'expected a string "contentType"' }) },
        { error: 'expected an object with a "contentType"' },
      ),
      { error: 'expected an array of attachments' },
    )
    .max(50)
    .optional(),
  membersAdded: Members.optional(),
  membersRemoved: Members.optional(),
  channelData: z.looseObject({}, { error: 'expected an object' }).optional(),
});
export type IncomingActivity = z.infer<typeof IncomingActivity>;

/** The problems of a body that is not an activity, one per field, as "field: what is expected". */
export function activityProblems(error: z.ZodError): string[] {
  return error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
}

/**
 * The activity as botbuilder expects it after parsing: dates as Date objects with the raw text kept
 * (what botbuilder's own request handling does before a turn).
 */
export function toBotActivity(activity: IncomingActivity): Record<string, unknown> {
  const out: Record<string, unknown> = { ...activity };
  if (activity.timestamp) {
    out['rawTimestamp'] = activity.timestamp;
    out['timestamp'] = new Date(activity.timestamp);
  }
  if (activity.localTimestamp) {
    out['rawLocalTimestamp'] = activity.localTimestamp;
    out['localTimestamp'] = new Date(activity.localTimestamp);
  }
  return out;
}
