// The search-based message extension ("Find network rules"): parses Teams' composeExtension/query
// invoke and answers with a page of results from the knowledge.
import type { InvokeResponse } from 'botbuilder';
import { z } from 'zod';
import type { Knowledge } from '../knowledge';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, searchResults } from '../answers/search-results';
import { MESSAGE_EXTENSION_COMMANDS } from './commands';

export const MessageExtensionQuery = z.object({
  commandId: z.enum(MESSAGE_EXTENSION_COMMANDS, {
    error: `expected commandId ${MESSAGE_EXTENSION_COMMANDS.join(' or ')}`,
  }),
  parameters: z
    .array(z.object({ name: z.string(), value: z.unknown() }))
    .max(10)
    .default([]),
  queryOptions: z
    .object({
      skip: z.number().int().min(0).max(10_000).default(0),
      count: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    })
    .default({ skip: 0, count: DEFAULT_PAGE_SIZE }),
});
export type MessageExtensionQuery = z.infer<typeof MessageExtensionQuery>;

function queryText(query: MessageExtensionQuery): string {
  // On the initial run Teams sends initialRun=true instead of the user's text.
  const param = query.parameters.find((p) => p.name === 'query');
  return typeof param?.value === 'string' ? param.value.slice(0, 500) : '';
}

export function answerMessageExtensionQuery(k: Knowledge, value: unknown): InvokeResponse {
  const parsed = MessageExtensionQuery.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`);
    return {
      status: 400,
      body: { error: `not a message extension query: ${problems.join('; ')}` },
    };
  }
  const { skip, count } = parsed.data.queryOptions;
  return {
    status: 200,
    body: { composeExtension: searchResults(k, queryText(parsed.data), skip, count) },
  };
}
