// Reads and checks a Bot Framework request body before botbuilder sees it: botbuilder answers a body
// without `type` with 500, and has no size limit of its own.
import type { IncomingMessage } from 'node:http';
import { activityProblems, IncomingActivity } from './activity.schema';

export const MAX_BODY_BYTES = 256 * 1024;
/** A body not received in this time is a stalled upload: it is cut, not waited for. */
export const BODY_TIMEOUT_MS = 5000;

export class BadRequestError extends Error {
  constructor(
    readonly status: 400 | 408 | 413,
    message: string,
  ) {
    super(message);
  }
}

async function collectBody(req: IncomingMessage, limit: number): Promise<Buffer> {
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

export async function readBody(
  req: IncomingMessage,
  limit = MAX_BODY_BYTES,
  timeoutMs = BODY_TIMEOUT_MS,
): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit)
    throw new BadRequestError(413, `request body is larger than ${limit} bytes`);
  const body = collectBody(req, limit);
  // Once the caller answers 408 and the connection closes, the unfinished read fails: nobody waits.
  body.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new BadRequestError(408, `request body not received within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([body, stalled]);
  } finally {
    clearTimeout(timer);
  }
}

export function parseActivityBody(contentType: string | undefined, raw: Buffer): IncomingActivity {
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
    const problems = activityProblems(result.error).join('; ');
    throw new BadRequestError(400, `not a Bot Framework activity: ${problems}`);
  }
  return result.data;
}
