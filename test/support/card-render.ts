// Renders cards the way Teams shows them: the adaptivecards JS renderer (markdown through
// markdown-it) in Debian's Chromium, with a Teams-like light host config, in a chat bubble of a
// given width. Measures what a person sees before expanding anything and saves a screenshot.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectPath } from '../../src/paths';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const SHOTS_DIR = projectPath('test-results', 'cards');

/** Under CI a missing browser is a failure, never a skip. */
export function browserAvailable(): boolean {
  const found = existsSync(CHROMIUM);
  if (!found && process.env['CI']) {
    throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium package`);
  }
  return found;
}

/** Debian's Chromium, headless, with nothing that reaches the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Rendered {
  /** Height of the card in px, toggled sections closed. */
  height: number;
  /** Top of the first element showing `key`, in px from the card's top; undefined if not shown. */
  keyTop?: number;
  /** Texts cut by an ellipsis or overflowing their box. */
  clipped: string[];
  /** Words (host names, tags) the line breaks inside, e.g. "AzureMachine|Learning". */
  brokenWords: string[];
}

function page(width: number): string {
  const script = (file: string) => readFileSync(projectPath('node_modules', file), 'utf8');
  const hostConfig = readFileSync(projectPath('web', 'teams-hostconfig.json'), 'utf8');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; background: #f5f5f5; font-family: 'Segoe UI', 'Open Sans', 'Liberation Sans', sans-serif; }
    #bubble { width: ${width}px; background: #fff; border-radius: 6px; margin: 8px; }
  </style>
  <script>${script('markdown-it/dist/browser/markdown-it.umd.min.js')}</script>
  <script>${script('adaptivecards/dist/adaptivecards.js')}</script>
  </head><body><div id="bubble"></div><script>
    const md = window.markdownit();
    AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
      result.outputHtml = md.render(text);
      result.didProcess = true;
    };
    const hostConfig = new AdaptiveCards.HostConfig(${hostConfig});
    window.renderCard = (json, key) => {
      const bubble = document.getElementById('bubble');
      bubble.innerHTML = '';
      const card = new AdaptiveCards.AdaptiveCard();
      card.hostConfig = hostConfig;
      card.parse(json);
      bubble.appendChild(card.render());
      return window.measure(key);
    };
    // A word whose range has two boxes wraps inside itself.
    const brokenWords = (bubble) => {
      const broken = [];
      const walker = document.createTreeWalker(bubble, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.parentElement || n.parentElement.offsetParent === null) continue;
        for (const m of n.textContent.matchAll(/\\S+/g)) {
          const range = document.createRange();
          range.setStart(n, m.index);
          range.setEnd(n, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(m[0]);
        }
      }
      return broken;
    };
    window.measure = (key) => {
      const bubble = document.getElementById('bubble');
      const top = bubble.getBoundingClientRect().top;
      let keyTop;
      if (key) {
        const walker = document.createTreeWalker(bubble, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (n.textContent.includes(key) && el && el.offsetParent !== null) {
            keyTop = el.getBoundingClientRect().top - top;
            break;
          }
        }
      }
      // The card's content box: what lies past it is cut off (the card clips its padding).
      const root = bubble.firstElementChild;
      const right = root.getBoundingClientRect().right - parseFloat(getComputedStyle(root).paddingRight);
      // Cut by an ellipsis or hidden overflow, or pushed past the content box's right edge.
      const clipped = [...bubble.querySelectorAll('*')]
        .filter((el) => el.offsetParent !== null && el.textContent.trim())
        .filter((el) => el.children.length === 0 || el.tagName === 'BUTTON')
        .filter(
          (el) =>
            (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible') ||
            el.getBoundingClientRect().right > right + 1,
        )
        .map((el) => el.textContent.trim());
      return {
        height: bubble.getBoundingClientRect().height,
        keyTop,
        clipped,
        brokenWords: brokenWords(bubble),
      };
    };
  </script></body></html>`;
}

export class CardRenderer {
  private constructor(
    private readonly browser: Browser,
    private readonly tab: Page,
  ) {}

  static async open(width = 500): Promise<CardRenderer> {
    const browser = await launchChromium();
    const tab = await browser.newPage({ viewport: { width: width + 16, height: 900 } });
    await tab.setContent(page(width));
    return new CardRenderer(browser, tab);
  }

  /** Renders a card; with `shot`, saves test-results/cards/<shot>.png. */
  async render(card: object, options: { key?: string; shot?: string } = {}): Promise<Rendered> {
    const result = (await this.tab.evaluate(
      ([json, key]) =>
        (window as unknown as { renderCard: (c: unknown, k?: string) => Rendered }).renderCard(
          json,
          key,
        ),
      [card, options.key] as const,
    )) as Rendered;
    if (options.shot) await this.shoot(options.shot);
    return result;
  }

  /** Selects the first visible element showing `text` (a toggle, say) and measures again. */
  async click(text: string, options: { key?: string; shot?: string } = {}): Promise<Rendered> {
    await this.tab
      .locator('#bubble')
      .getByText(text, { exact: true })
      .filter({ visible: true })
      .first()
      .click({ timeout: 5_000 });
    return this.measure(options);
  }

  /** Selects every visible element showing exactly `text` (every "Show", say) and measures again. */
  async clickAll(text: string, options: { key?: string; shot?: string } = {}): Promise<Rendered> {
    await this.tab.evaluate((label) => {
      const bubble = document.getElementById('bubble')!;
      const matches = Array.from(bubble.querySelectorAll<HTMLElement>('*')).filter(
        (el) =>
          el.children.length === 0 && el.textContent?.trim() === label && el.offsetParent !== null,
      );
      for (const el of matches) el.click();
    }, text);
    return this.measure(options);
  }

  /** Measures the card as it is now (after a click), with `shot` saving a screenshot. */
  private async measure(options: { key?: string; shot?: string }): Promise<Rendered> {
    const result = (await this.tab.evaluate(
      (key) => (window as unknown as { measure: (k?: string) => Rendered }).measure(key),
      options.key,
    )) as Rendered;
    if (options.shot) await this.shoot(options.shot);
    return result;
  }

  private async shoot(name: string): Promise<void> {
    mkdirSync(SHOTS_DIR, { recursive: true });
    await this.tab.locator('#bubble').screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** describe, or describe.skip where no browser is installed (never under CI, see browserAvailable). */
export const describeInBrowser = browserAvailable() ? describe : describe.skip;

/** A renderer opened once for the enclosing describe block and closed after it. */
export function rendererFor(width: number): () => CardRenderer {
  let renderer: CardRenderer | undefined;
  beforeAll(async () => {
    renderer = await CardRenderer.open(width);
  }, 60_000);
  afterAll(async () => renderer?.close());
  return () => {
    if (!renderer) throw new Error('the renderer did not open');
    return renderer;
  };
}
