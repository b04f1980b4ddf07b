// The local chat page at /: Bot Framework Web Chat from the installed package (no CDN), the page's
// script, the Teams-like host config the card render tests use, and the channel behind them
// (directline.ts). Registered only in local mode: in Teams mode there is no page.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type restify from 'restify';
import { projectPath } from '../paths';
import { registerDirectLine, type DirectLineOptions } from './directline';

/** botframework-webchat's `exports` hide dist/ from require.resolve; its CommonJS entry is lib/. */
export function webChatBundlePath(): string {
  return path.join(
    path.dirname(require.resolve('botframework-webchat')),
    '..',
    'dist',
    'webchat.js',
  );
}

interface Asset {
  file: () => string;
  type: string;
}

const ASSETS = new Map<string, Asset>([
  ['/', { file: () => projectPath('web', 'index.html'), type: 'text/html; charset=utf-8' }],
  [
    '/webchat/chat.js',
    { file: () => projectPath('web', 'chat.js'), type: 'text/javascript; charset=utf-8' },
  ],
  [
    '/webchat/teams-hostconfig.json',
    { file: () => projectPath('web', 'teams-hostconfig.json'), type: 'application/json' },
  ],
  ['/webchat/webchat.js', { file: webChatBundlePath, type: 'text/javascript; charset=utf-8' }],
]);

export function registerChatPage(server: restify.Server, options: DirectLineOptions): void {
  // Read once, on first use: the Web Chat bundle is about 4 MB.
  const cache = new Map<string, Buffer>();
  for (const [route, asset] of ASSETS) {
    server.get(route, async (_req, res) => {
      let content = cache.get(route);
      if (!content) {
        content = await readFile(asset.file());
        cache.set(route, content);
      }
      res.writeHead(200, {
        'content-type': asset.type,
        'content-length': content.length,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      });
      res.end(content);
    });
  }
  registerDirectLine(server, options);
}

/** The address to open in a browser, for the start log. */
export function chatPageUrl(port: number): string {
  return `http://localhost:${port}/`;
}
