// Where a local-mode bot may send its replies. Without tokens anyone who reaches the port can name a
// serviceUrl, and the bot would POST replies there: only loopback addresses, and the origins an
// operator lists in LOCAL_SERVICE_URLS, are accepted. In Teams mode the token binds the serviceUrl.
import type { IncomingActivity } from './activity.schema';

export type ServiceUrlCheck = (activity: IncomingActivity) => string | undefined;

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  // URL writes an IPv4-mapped 127.x address as ::ffff:7fxx:xxxx.
  return (
    host === 'localhost' ||
    host === '::1' ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host)
  );
}

/** The check for local mode: returns what is wrong with the activity's serviceUrl, if anything. */
export function localServiceUrlCheck(allowedOrigins: readonly string[]): ServiceUrlCheck {
  const allowed = new Set(allowedOrigins.map((url) => new URL(url).origin));
  return (activity) => {
    if (!activity.serviceUrl) {
      // Without a serviceUrl a reply would go to a public Bot Framework host.
      return activity.deliveryMode === 'expectReplies'
        ? undefined
        : 'serviceUrl: required unless deliveryMode is "expectReplies"';
    }
    const url = new URL(activity.serviceUrl);
    if (isLoopback(url.hostname) || allowed.has(url.origin)) return undefined;
    return 'serviceUrl: in local mode only loopback addresses (127.0.0.1, localhost, ::1) and the origins in LOCAL_SERVICE_URLS are accepted';
  };
}
