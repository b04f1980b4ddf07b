// Reads and checks a Bot Framework request body before botbuilder sees it: botbuilder answers a body
// without `type` with 500, and has no size limit of its own.
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';

export const MAX_BODY_BYTES = 256 * 1024;

export class BadRequestError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

/** The least an activity must have for botbuilder to route it; everything else is checked later. */
export const IncomingActivity = z.looseObject({
  type: z.string({ error: 'expected a string "type" (for example "message")' }).min(1),
  channelId: z.string().optional(),
  serviceUrl: z.string().optional(),
  conversation: z.looseObject({ id: z.string() }).optional(),
});

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit)
    throw new BadRequestError(413, `request body is larger than ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > limit) throw new BadRequestError(413, `request body is larger than ${limit} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function parseActivityBody(
  contentType: string | undefined,
  raw: Buffer,
): Record<string, unknown> {
  if (!/^application\/json\b/i.test(contentType ?? '')) {
    throw new BadRequestError(400, 'expected Content-Type: application/json');
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new BadRequestError(400, 'request body is not valid JSON');
  }
  const result = IncomingActivity.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
    throw new BadRequestError(400, `not a Bot Framework activity: ${problems.join('; ')}`);
  }
  return result.data;
}
