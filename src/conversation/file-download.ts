// Files in a Teams 1:1 chat: downloads what a person attached and uploads what they accepted.
// Teams sends short-lived links that carry a token, so they are never logged or echoed; a download
// is read up to a size cap.
export interface DownloadPolicy {
  /** Which links may be opened: Teams' download links are HTTPS. */
  allowed: (url: URL) => boolean;
  maxBytes: number;
  timeoutMs: number;
}

export type Download = { ok: true; text: string } | { ok: false; error: string };

export async function downloadText(link: string, policy: DownloadPolicy): Promise<Download> {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return { ok: false, error: 'The file link is not a link I can open.' };
  }
  if (!policy.allowed(url)) return { ok: false, error: 'The file link is not a link I can open.' };
  const tooLarge = {
    ok: false as const,
    error: `The file is larger than ${Math.round(policy.maxBytes / 1000)} KB; an NSG export is far smaller.`,
  };
  try {
    const response = await fetch(url, {
      redirect: 'error',
      signal: AbortSignal.timeout(policy.timeoutMs),
    });
    if (!response.ok || !response.body) {
      return { ok: false, error: `I couldn't download the file (HTTP ${response.status}).` };
    }
    if (Number(response.headers.get('content-length') ?? 0) > policy.maxBytes) {
      await response.body.cancel();
      return tooLarge;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > policy.maxBytes) {
        await reader.cancel();
        return tooLarge;
      }
      chunks.push(value);
    }
    return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
  } catch {
    return { ok: false, error: "I couldn't download the file; try pasting its content instead." };
  }
}

/** Uploads text to the link Teams gave after the person accepted a file; true when it worked. */
export async function uploadText(
  link: string,
  text: string,
  policy: DownloadPolicy,
): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return false;
  }
  if (!policy.allowed(url)) return false;
  const body = Buffer.from(text, 'utf8');
  try {
    const response = await fetch(url, {
      method: 'PUT',
      redirect: 'error',
      signal: AbortSignal.timeout(policy.timeoutMs),
      headers: {
        'Content-Length': String(body.byteLength),
        'Content-Range': `bytes 0-${body.byteLength - 1}/${body.byteLength}`,
      },
      body,
    });
    return response.ok;
  } catch {
    return false;
  }
}
